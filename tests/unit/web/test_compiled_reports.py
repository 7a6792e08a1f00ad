"""Compiled reports on the focal page and the dashboard: the list, the Word/Excel downloads behind the
personal token (plan's focal officers and issuer only), missing files and paths outside DONDOC_HOME;
the dashboard grid's "Nhập thay" links."""

from __future__ import annotations

import re

from dondoc.web.focal import content_disposition


def test_content_disposition_is_ascii_and_quotes_nothing_unsafe() -> None:
    h = content_disposition('Báo cáo "x"; y\r\nz/..\\đ.docx')
    assert h.isascii() and "\r" not in h and "\n" not in h
    fallback = re.match(r'attachment; filename="([^"]*)"; filename\*=UTF-8\'\'(\S+)$', h)
    assert fallback and fallback.group(1) == "Bao-cao-x-y-z-..-d.docx"

"""The focal page's completeness box and its one-click 'remind all who have not reported'."""

from __future__ import annotations

import re
from urllib.parse import unquote

from sqlmodel import Session, func, select

from dondoc.models import Notice


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_focal_page_shows_completeness_and_reminds_all(client, world, engine):
    url = f"/t/{world.tokens['focal']}/focal/{world['plan']}"
    page = client.get(url)
    assert page.status_code == 200
    html = page.text
    assert "Tình hình báo cáo" in html and "đơn vị chưa báo cáo" in html
    with Session(engine) as s:
        before = s.exec(select(func.count()).select_from(Notice)).one()
    r = client.post(url + "/remind-all", data={"csrf": _csrf(html)}, follow_redirects=False)
    assert r.status_code == 303 and "Đã nhắc" in unquote(r.headers["location"])
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(Notice)).one() > before
    shown = client.get(r.headers["location"]).text
    assert "Đã nhắc" in shown
    # Without the CSRF token nothing happens.
    assert client.post(url + "/remind-all", data={}, follow_redirects=False).status_code in (400, 403)

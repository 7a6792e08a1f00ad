"""The apprise adapter against real local peers: SMTP (aiosmtpd), webhooks and the Zalo APIs (http.server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.notifications.apprise_adapter import AppriseNotifier
from dondoc.notifications.apprise_adapter.channels import phone_international

SUBJECT = "Đôn đốc thực hiện kế hoạch: 1 nhiệm vụ sắp đến hạn (05/11/2025)"
TEXT = "Kính gửi đồng chí Phạm Thị Lan.\nHạn: thứ Tư, ngày 05 tháng 11 năm 2025.\nhttp://127.0.0.1:8000/t/abc"
HTML = "<p>Kính gửi đồng chí <b>Phạm Thị Lan</b>.</p><p><a href='http://127.0.0.1:8000/t/abc'>Cập nhật</a></p>"


@pytest.fixture
def notifier(tmp_path: Path) -> AppriseNotifier:
    return AppriseNotifier(outbox_dir=str(tmp_path / "outbox"))


def send(n: AppriseNotifier, url: str, **kw):
    return n.send(url, subject=SUBJECT, text=TEXT, html=HTML, key=kw.pop("key", "7:2025-11-05:digest"), **kw)


# ---------------------------------------------------------------------------------------------- email








# ---------------------------------------------------------------------------------------------- webhooks












# ---------------------------------------------------------------------------------------------- Zalo














# ---------------------------------------------------------------------------------------------- outbox






# ---------------------------------------------------------------------------------------------- misc


@pytest.mark.parametrize(("raw", "want"), [("0912345678", "84912345678"), ("+84 912 345 678", "84912345678"),
                                           ("84912345678", "84912345678")])
def test_phone_numbers_in_international_form(raw, want) -> None:
    assert phone_international(raw) == want


def test_outbox_writes_one_file_per_key(notifier, tmp_path) -> None:
    folder = tmp_path / "box"
    for _ in range(2):  # the same key twice: still one file
        assert send(notifier, f"outbox://{folder}").ok
    assert sorted(p.name for p in folder.iterdir()) == ["7_2025-11-05_digest.html", "7_2025-11-05_digest.txt"]
    text = (folder / "7_2025-11-05_digest.txt").read_text(encoding="utf-8")
    assert text.startswith(f"Tiêu đề: {SUBJECT}\n") and "Phạm Thị Lan" in text


def test_outbox_files_hold_no_live_link(notifier, tmp_path) -> None:
    # Issue 18 #5: a file at rest is not a credential. The links are cut to the token's first
    # characters (enough to find the officer's line in `dondoc links`), pages kept, and a note says so.
    from dondoc.collect.links import new_token
    from dondoc.notifications.render import LINKS_REDACTED_NOTE, SHOWN_PREFIX

    token = new_token()
    text = f"Cập nhật: http://127.0.0.1:8000/t/{token}\nTrang theo dõi: http://127.0.0.1:8000/t/{token}/focal/3"
    html = f"<p><a href='http://127.0.0.1:8000/t/{token}'>Cập nhật</a></p>"
    assert notifier.send(f"outbox://{tmp_path / 'box'}", subject=SUBJECT, text=text, html=html,
                         key="7:2025-11-05:digest").ok
    txt = (tmp_path / "box" / "7_2025-11-05_digest.txt").read_text(encoding="utf-8")
    page = (tmp_path / "box" / "7_2025-11-05_digest.html").read_text(encoding="utf-8")
    for content in (txt, page):
        assert token not in content and token[:SHOWN_PREFIX + 1] not in content
        assert f"/t/{token[:SHOWN_PREFIX]}…" in content
    assert "Ghi chú: " + LINKS_REDACTED_NOTE in txt and f"/t/{token[:SHOWN_PREFIX]}…/focal/3" in txt
    assert LINKS_REDACTED_NOTE in page


def test_an_outbox_file_without_a_link_has_no_note(notifier, tmp_path) -> None:
    from dondoc.notifications.render import LINKS_REDACTED_NOTE

    assert notifier.send(f"outbox://{tmp_path}", subject=SUBJECT, text="Không có liên kết.", key="k").ok
    assert LINKS_REDACTED_NOTE not in (tmp_path / "k.txt").read_text(encoding="utf-8")


def test_every_token_shape_is_redacted() -> None:
    # The pattern follows collect.links.new_token(): should the token format change, this fails.
    from dondoc.collect.links import PLACEHOLDER, new_token
    from dondoc.notifications.render import redact_links

    for _ in range(200):
        token = new_token()
        out, n = redact_links(f"https://x.gov.vn/t/{token}.")
        assert n == 1 and token not in out and out.endswith("….")
    assert redact_links(f"https://x.gov.vn/t/{PLACEHOLDER}") == (f"https://x.gov.vn/t/{PLACEHOLDER}", 0)


def test_outbox_without_folder_uses_the_data_folder(notifier, tmp_path) -> None:
    assert send(notifier, "outbox://").ok
    assert (tmp_path / "outbox" / "7_2025-11-05_digest.txt").exists()


@pytest.mark.parametrize("url", ["bogus://x", "zalooa://@123", "zns://tok@0912345678", "mailto://"])
def test_unusable_urls_fail_permanently(notifier, url) -> None:
    res = send(notifier, url)
    assert (res.ok, res.transient) == (False, False)
    assert res.error

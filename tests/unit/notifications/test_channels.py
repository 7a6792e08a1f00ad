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


def test_outbox_without_folder_uses_the_data_folder(notifier, tmp_path) -> None:
    assert send(notifier, "outbox://").ok
    assert (tmp_path / "outbox" / "7_2025-11-05_digest.txt").exists()


@pytest.mark.parametrize("url", ["bogus://x", "zalooa://@123", "zns://tok@0912345678", "mailto://"])
def test_unusable_urls_fail_permanently(notifier, url) -> None:
    res = send(notifier, url)
    assert (res.ok, res.transient) == (False, False)
    assert res.error

"""The apprise adapter against real local peers: SMTP (aiosmtpd), webhooks and the Zalo APIs (http.server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dondoc.notifications.apprise_adapter import AppriseNotifier

SUBJECT = "Đôn đốc thực hiện kế hoạch: 1 nhiệm vụ sắp đến hạn (05/11/2025)"
TEXT = "Kính gửi đồng chí Phạm Thị Lan.\nHạn: thứ Tư, ngày 05 tháng 11 năm 2025.\nhttp://127.0.0.1:8000/t/abc"
HTML = "<p>Kính gửi đồng chí <b>Phạm Thị Lan</b>.</p><p><a href='http://127.0.0.1:8000/t/abc'>Cập nhật</a></p>"


@pytest.fixture
def notifier(tmp_path: Path) -> AppriseNotifier:
    return AppriseNotifier(outbox_dir=str(tmp_path / "outbox"))


def send(n: AppriseNotifier, url: str, **kw):
    return n.send(url, subject=SUBJECT, text=TEXT, html=HTML, key=kw.pop("key", "7:2025-11-05:digest"), **kw)


# ---------------------------------------------------------------------------------------------- email


def test_email_arrives_in_vietnamese_with_html_and_text_parts(notifier, smtp_peer) -> None:
    res = send(notifier, smtp_peer.url())
    assert res.ok and res.status == "sent"
    (mail,) = smtp_peer.mails
    assert mail.subject == SUBJECT
    assert mail.rcpts == ["lan@example.vn"]
    assert "Phạm Thị Lan" in mail.html and "http://127.0.0.1:8000/t/abc" in mail.html
    assert "Phạm Thị Lan" in mail.text  # apprise derives the plain part from the HTML
    assert mail.msg["X-Dondoc-Key"] == "7:2025-11-05:digest"
    assert mail.msg["X-Application"] == "dondoc"


@pytest.mark.parametrize(
    ("reply", "transient"),
    [("451 4.3.0 mailbox busy, try later", True), ("421 service not available", True),
     ("554 5.7.1 message rejected", False), ("552 mailbox full", False)],
)
def test_smtp_reply_codes_decide_transient_or_permanent(notifier, smtp_peer, reply, transient) -> None:
    smtp_peer.fail_next(reply)
    res = send(notifier, smtp_peer.url())
    assert (res.ok, res.transient) == (False, transient)
    assert reply.split()[0] in (res.error or "")
    assert smtp_peer.mails == []


def test_smtp_server_down_is_transient_and_password_never_shows(notifier, closed_port) -> None:
    url = f"mailto://dondoc:Sup3rS3cret@127.0.0.1:{closed_port}?from=dondoc@example.vn&to=lan@example.vn&mode=insecure"
    res = send(notifier, url)
    assert (res.ok, res.transient) == (False, True)
    assert "Connection refused" in (res.error or "")
    assert "Sup3rS3cret" not in res.target and "Sup3rS3cret" not in (res.error or "")
    assert res.target.startswith(f"mailto://dondoc:****@127.0.0.1:{closed_port}")


# ---------------------------------------------------------------------------------------------- webhooks


def test_json_webhook_gets_the_message_and_the_key(notifier, http_peer) -> None:
    res = send(notifier, f"json://127.0.0.1:{http_peer.port}/hook")
    assert res.ok
    (req,) = http_peer.requests
    assert req.path == "/hook"
    assert req.json["title"] == SUBJECT and req.json["message"] == TEXT
    assert req.headers["x-dondoc-key"] == "7:2025-11-05:digest"


def test_form_webhook_for_an_sms_gateway(notifier, http_peer) -> None:
    assert send(notifier, f"form://127.0.0.1:{http_peer.port}/sms?:phone=0912345678").ok
    body = http_peer.requests[0].body.decode()
    assert "phone=0912345678" in body and "message=" in body


@pytest.mark.parametrize(
    ("status", "transient"),
    [(500, True), (502, True), (503, True), (429, True), (408, True), (400, False), (401, False), (404, False)],
)
def test_http_status_decides_transient_or_permanent(notifier, http_peer, status, transient) -> None:
    http_peer.fail_next((status, {"error": status}))
    res = send(notifier, f"json://127.0.0.1:{http_peer.port}/hook")
    assert (res.ok, res.transient) == (False, transient)
    assert f"error={status}" in (res.error or "")


def test_webhook_header_secrets_are_masked(notifier, http_peer) -> None:
    res = send(notifier, f"json://127.0.0.1:{http_peer.port}/hook?+Authorization=Bearer%20tok-998877&-apikey=k-112233")
    assert res.ok
    assert http_peer.requests[0].headers["authorization"] == "Bearer tok-998877"
    assert "tok-998877" not in res.target and "k-112233" not in res.target


def test_webhook_down_is_transient(notifier, closed_port) -> None:
    res = send(notifier, f"json://127.0.0.1:{closed_port}/hook")
    assert (res.ok, res.transient) == (False, True)


# ---------------------------------------------------------------------------------------------- Zalo


def test_zalo_oa_posts_the_v3_customer_service_message(notifier, http_peer) -> None:
    res = send(notifier, f"zalooa://OA-token_12345678@4455667788?endpoint={http_peer.base}")
    assert res.ok, res.error
    (req,) = http_peer.requests
    assert req.path == "/v3.0/oa/message/cs"
    assert req.headers["access_token"] == "OA-token_12345678"
    assert req.headers["content-type"] == "application/json"
    assert req.json["recipient"] == {"user_id": "4455667788"}
    text = req.json["message"]["text"]
    assert text.startswith(SUBJECT) and "thứ Tư, ngày 05 tháng 11 năm 2025" in text
    assert "OA-token_12345678" not in res.target


def test_zalo_token_slash_user_spelling(notifier, http_peer) -> None:
    assert send(notifier, f"zalooa://example-oa-token/2001000000000001?endpoint={http_peer.base}").ok
    req = http_peer.requests[0]
    assert (req.headers["access_token"], req.json["recipient"]["user_id"]) == ("example-oa-token", "2001000000000001")


def test_zalo_endpoint_from_the_environment(tmp_path, http_peer) -> None:
    n = AppriseNotifier(outbox_dir=str(tmp_path), zalo_api_base=http_peer.base)
    assert send(n, "zalooa://tok-abcdef@4455667788").ok
    assert http_peer.requests[0].path == "/v3.0/oa/message/cs"


@pytest.mark.parametrize(
    ("status", "reply", "transient"),
    [(200, {"error": -216, "message": "Access token is invalid"}, False),
     (200, {"error": -213, "message": "User has not followed OA"}, False),
     (500, {"error": -1}, True)],
)
def test_zalo_error_replies_are_failures_even_with_http_200(notifier, http_peer, status, reply, transient) -> None:
    http_peer.fail_next((status, reply))
    res = send(notifier, f"zalooa://tok-abcdef@4455667788?endpoint={http_peer.base}")
    assert (res.ok, res.transient) == (False, transient)
    if status == 200:
        assert f"zalo_error={reply['error']}" in (res.error or "")


def test_zns_template_message_carries_the_delivery_key(notifier, http_peer) -> None:
    url = f"zns://tok-abcdef@0912345678?template=248001&endpoint={http_peer.base}"
    res = send(notifier, url, data={"name": "Phạm Thị Lan", "link": "http://127.0.0.1:8000/t/abc"})
    assert res.ok, res.error
    (req,) = http_peer.requests
    assert req.path == "/message/template"
    assert req.json == {"phone": "84912345678", "template_id": "248001",
                        "template_data": {"name": "Phạm Thị Lan", "link": "http://127.0.0.1:8000/t/abc"},
                        "tracking_id": "7:2025-11-05:digest"}


# ---------------------------------------------------------------------------------------------- outbox


# ---------------------------------------------------------------------------------------------- misc


def test_settings_outbox_redirects_every_contact_to_the_folder(tmp_path, smtp_peer) -> None:
    from dondoc.config import Settings
    from dondoc.notifications import get_notifier

    n = get_notifier(Settings(home=tmp_path / "home", outbox=tmp_path / "demo-outbox", secret_key="x"))
    res = n.send(smtp_peer.url(), subject=SUBJECT, text=TEXT, html=HTML, key="9:2025-11-05:digest")
    assert res.ok and smtp_peer.mails == []
    assert (tmp_path / "demo-outbox" / "9_2025-11-05_digest.txt").exists()
    assert res.target.startswith("mailto://127.0.0.1:") and f"-> outbox://{tmp_path / 'demo-outbox'}" in res.target


def test_zalo_text_is_cut_to_2000_characters_keeping_the_link(notifier, http_peer) -> None:
    long_text = TEXT + "\n" + "• Nhiệm vụ dài dòng.\n" * 300
    assert notifier.send(f"zalooa://tok-abcdef@4455667788?endpoint={http_peer.base}", subject=SUBJECT,
                         text=long_text, key="k").ok
    (req,) = http_peer.requests
    text = req.json["message"]["text"]
    assert len(text) <= 2000 and "http://127.0.0.1:8000/t/abc" in text

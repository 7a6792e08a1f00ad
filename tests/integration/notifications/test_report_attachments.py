"""The consolidated report is sent as files: compile a seeded plan's report, deliver it through real
local peers (aiosmtpd, an HTTP server standing for Zalo and a webhook, an outbox folder), and look at
what each recipient got. SQLite and PostgreSQL (the `engine` fixture)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pendulum
import pytest
from sqlmodel import Session, col, select

from dondoc.clock import TZ
from dondoc.delivery.outbox import deliver_pending
from dondoc.models import Contact, Delivery, Message
from dondoc.notifications import FakeNotifier, RedirectNotifier
from dondoc.notifications.apprise_adapter import AppriseNotifier
from dondoc.reporting.compile import compile_report
from dondoc.reporting.sample import seed_sample
from dondoc.secrets import seal

AFTER = pendulum.datetime(2025, 11, 13, 9, 0, tz=TZ)  # after the sample plan's 2025 cut-off: a final report
FAST: dict[str, Any] = {"retry_delays": (0.0,)}
DOCX = "bao-cao-ke-hoach-1-2025.docx"
XLSX = "bao-cao-ke-hoach-1-2025.xlsx"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def sample(session: Session) -> dict[str, Any]:
    return seed_sample(session)


def contacts(engine: Any, settings: Any, officer_id: int, *urls: str) -> None:
    with Session(engine) as s:
        for i, url in enumerate(urls, start=1):
            s.add(Contact(officer_id=officer_id, channel=url.split("://")[0], priority=i, url=seal(url, settings)))
        s.commit()


def compile_and_deliver(engine: Any, settings: Any, sample: dict[str, Any], notifier: Any, **kw: Any) -> Any:
    compile_report(engine=engine, settings=settings, plan_id=sample["plan_id"], now=AFTER)
    return deliver_pending(engine=engine, settings=settings, notifier=notifier, now=AFTER, **{**FAST, **kw})


def report_message(engine: Any) -> tuple[Message, list[Delivery]]:
    with Session(engine) as s:
        msg = s.exec(select(Message).where(Message.kind == "report")).one()
        rows = list(s.exec(select(Delivery).where(Delivery.message_id == msg.id).order_by(col(Delivery.id))).all())
    return msg, rows


def attached(mail: Any) -> dict[str, tuple[str, bytes]]:
    """File name -> (content type, bytes) of a received mail's attachments."""
    return {p.get_filename(): (p.get_content_type(), p.get_payload(decode=True)) for p in mail.msg.iter_attachments()}


def test_email_carries_the_word_report_and_the_excel_annex(engine, settings, sample, smtp_peer) -> None:
    contacts(engine, settings, sample["focal_officer"], smtp_peer.url(to="thang@example.vn"))
    stats = compile_and_deliver(engine, settings, sample, AppriseNotifier(outbox_dir=str(settings.home / "outbox")))
    assert (stats.sent, stats.dead, stats.retry) == (1, 0, 0)
    [mail] = smtp_peer.mails
    assert mail.rcpts == ["thang@example.vn"] and "báo cáo năm 2025" in mail.subject.lower()
    files = attached(mail)
    assert set(files) == {DOCX, XLSX}
    assert files[DOCX][0] == DOCX_TYPE and files[XLSX][0] == XLSX_TYPE
    stored = settings.home / "reports"
    assert files[DOCX][1] == (stored / DOCX).read_bytes() and files[XLSX][1] == (stored / XLSX).read_bytes()
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(files[DOCX][1])).paragraphs)
    assert "BÁO CÁO" in text
    book = openpyxl.load_workbook(io.BytesIO(files[XLSX][1]))
    assert book.sheetnames and book.worksheets[0].max_row > 1
    # The text names the files (not server paths) and links the focal page.
    assert f"Tệp gửi kèm: {DOCX} (văn bản Word), {XLSX} (phụ lục Excel)." in mail.text
    assert str(settings.home) not in mail.text and f"/focal/{sample['plan_id']}" in mail.text
    msg, rows = report_message(engine)
    assert msg.status == "sent" and [(r.channel, r.status) for r in rows] == [("mailto", "sent")]


def test_outbox_gets_a_copy_of_each_file_next_to_the_message(engine, settings, sample, tmp_path) -> None:
    folder = tmp_path / "outbox"
    contacts(engine, settings, sample["focal_officer"], f"outbox://{folder}")
    compile_and_deliver(engine, settings, sample, AppriseNotifier())
    msg, _ = report_message(engine)
    stem = msg.key.replace(":", "_")
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"{stem}.txt", f"{stem}__{DOCX}", f"{stem}__{XLSX}"])
    assert (folder / f"{stem}__{DOCX}").read_bytes() == (settings.home / "reports" / DOCX).read_bytes()
    assert f"Tệp kèm: {stem}__{DOCX}, {stem}__{XLSX}" in (folder / f"{stem}.txt").read_text(encoding="utf-8")


def test_a_dry_run_outbox_holds_what_the_email_would_have_carried(engine, settings, sample, tmp_path) -> None:
    # The demo's set-up: every message redirected to a folder; the email contact's files come along.
    folder = tmp_path / "dry"
    contacts(engine, settings, sample["focal_officer"], "mailto://127.0.0.1:9?from=a@example.vn&to=b@example.vn")
    compile_and_deliver(engine, settings, sample, RedirectNotifier(AppriseNotifier(), f"outbox://{folder}"))
    assert sorted(p.suffix for p in folder.iterdir()) == [".docx", ".txt", ".xlsx"]


def test_zalo_gets_the_link_and_no_file(engine, settings, sample, http_peer) -> None:
    contacts(engine, settings, sample["focal_officer"], f"zalooa://tok3n-zalo@8001234?endpoint={http_peer.base}")
    stats = compile_and_deliver(engine, settings, sample, AppriseNotifier())
    assert stats.sent == 1
    [req] = http_peer.to("/v3.0/oa/message/cs")
    text = req.json["message"]["text"]
    assert set(req.json) == {"recipient", "message"} and set(req.json["message"]) == {"text"}
    # Under the subject line (Zalo has no title), the note comes first (Zalo cuts long texts at 2000
    # characters), with the focal page link.
    subject, _, rest = text.partition("\n")
    assert subject.startswith("[dondoc] Dự thảo báo cáo năm 2025")
    assert rest.lstrip().startswith(f"Tệp báo cáo không gửi kèm được qua Zalo: {DOCX} (văn bản Word), {XLSX}")
    note = rest.lstrip().split("\n\n")[0]
    assert "/t/" in note and note.rstrip().endswith(f"/focal/{sample['plan_id']}")
    # ... which is where the files are downloaded (the focal page's "Báo cáo tổng hợp" box).
    assert "Tải tệp báo cáo (Word, Excel) tại mục \"Báo cáo tổng hợp\" của trang theo dõi kế hoạch" in note
    assert "quản trị" not in note


def test_a_json_webhook_gets_the_link_and_no_attachment(engine, settings, sample, http_peer) -> None:
    port = http_peer.port
    contacts(engine, settings, sample["focal_officer"], f"json://127.0.0.1:{port}/hook")
    compile_and_deliver(engine, settings, sample, AppriseNotifier())
    [req] = http_peer.to("/hook")
    assert req.json["attachments"] == []
    assert "không gửi kèm được qua kênh nhắn tin này" in req.json["message"]
    assert f"/focal/{sample['plan_id']}" in req.json["message"]


def test_a_retried_report_is_received_once(engine, settings, sample, smtp_peer) -> None:
    contacts(engine, settings, sample["focal_officer"], smtp_peer.url(to="thang@example.vn"))
    smtp_peer.fail_next("451 4.3.0 mailbox busy, try later")
    notifier = AppriseNotifier()
    stats = compile_and_deliver(engine, settings, sample, notifier)
    assert (stats.sent, stats.attempts) == (1, 2)
    # Compiling and delivering again, later: nothing new is queued or sent.
    again = compile_and_deliver(engine, settings, sample, notifier)
    assert (again.claimed, again.sent) == (0, 0)
    assert len(smtp_peer.mails) == 1 and set(attached(smtp_peer.mails[0])) == {DOCX, XLSX}
    _, rows = report_message(engine)
    assert [r.status for r in rows] == ["transient", "sent"]


def test_a_missing_file_is_a_recorded_failure_then_sent_once_written_again(engine, settings, sample,
                                                                         smtp_peer) -> None:
    contacts(engine, settings, sample["focal_officer"], smtp_peer.url(to="thang@example.vn"))
    compile_report(engine=engine, settings=settings, plan_id=sample["plan_id"], now=AFTER)
    (settings.home / "reports" / DOCX).unlink()
    notifier = AppriseNotifier()
    stats = deliver_pending(engine=engine, settings=settings, notifier=notifier, now=AFTER, **FAST)
    assert (stats.sent, stats.retry, stats.dead, stats.unreachable) == (0, 1, 0, 0)
    assert smtp_peer.mails == []
    msg, rows = report_message(engine)
    assert msg.status == "failed"
    [row] = rows
    assert row.status == "transient" and f"reports/{DOCX} is missing" in (row.error or "")
    # Compiling again writes the file back; the next sweep sends the message, files attached.
    compile_report(engine=engine, settings=settings, plan_id=sample["plan_id"], now=AFTER.add(days=1))
    later = deliver_pending(engine=engine, settings=settings, notifier=notifier, now=AFTER.add(days=1), **FAST)
    assert later.sent == 1 and set(attached(smtp_peer.mails[0])) == {DOCX, XLSX}


def test_a_path_outside_the_data_folder_is_refused(engine, settings, sample, tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for sending")
    contacts(engine, settings, sample["focal_officer"], f"outbox://{tmp_path / 'out'}")
    compile_report(engine=engine, settings=settings, plan_id=sample["plan_id"], now=AFTER)
    for bad in (["../secret.txt"], [str(secret)]):
        with Session(engine) as s:
            msg = s.exec(select(Message).where(Message.kind == "report")).one()
            msg.attachments, msg.status, msg.attempts = bad, "pending", 0
            s.add(msg)
            s.commit()
        notifier = FakeNotifier()
        stats = deliver_pending(engine=engine, settings=settings, notifier=notifier, now=AFTER, **FAST)
        assert (stats.sent, stats.dead, stats.unreachable) == (0, 1, 0) and notifier.attempts == []
        msg, rows = report_message(engine)
        assert msg.status == "dead" and "outside the data folder" in (rows[-1].error or "")
    assert not (tmp_path / "out").exists()


def test_files_above_the_limit_are_not_attached_but_pointed_to(engine, settings, sample, smtp_peer) -> None:
    contacts(engine, settings, sample["focal_officer"], smtp_peer.url(to="thang@example.vn"))
    compile_and_deliver(engine, settings, sample, AppriseNotifier(), max_attachment_bytes=10_000)
    [mail] = smtp_peer.mails
    assert attached(mail) == {}
    assert mail.text.startswith(f"Tệp báo cáo lớn hơn 0,01 MB (giới hạn gửi kèm) nên không gửi kèm: {DOCX}")
    note = mail.text.split("\n\n")[0]
    assert "Tải tệp báo cáo (Word, Excel)" in note and note.rstrip().endswith(f"/focal/{sample['plan_id']}")


def test_fake_notifier_records_the_files_per_channel(engine, settings, sample) -> None:
    contacts(engine, settings, sample["focal_officer"], "json://127.0.0.1:9/down", "mailto://127.0.0.1:9?to=a@x.vn")
    notifier = FakeNotifier()
    notifier.down("json://")  # the webhook fails: the email fallback carries the files
    stats = compile_and_deliver(engine, settings, sample, notifier)
    assert (stats.sent, stats.fallbacks) == (1, 1)
    [sent] = notifier.sent
    assert sent.url.startswith("mailto://")
    assert [(Path(a.path).name, a.name, a.mimetype) for a in sent.attachments] == [(DOCX, DOCX, DOCX_TYPE),
                                                                                   (XLSX, XLSX, XLSX_TYPE)]
    assert all(a.size == (settings.home / "reports" / a.name).stat().st_size for a in sent.attachments)



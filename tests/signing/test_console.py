"""Ký số from the staff console (issue 20): the leader signs the compiled report with their own .p12, then
the clerk as the organisation (report and annex); the order is enforced; the verification shows beside
the downloads; every signature is audited; nothing of the key is kept; the remote two-step flow; and
who may open which signing route (a role x route matrix that fails on a new route without a row)."""

from __future__ import annotations

import base64
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc import clock
from dondoc.config import Settings
from dondoc.models import AuditEvent, CompiledReport
from dondoc.signing import reports as sr
from dondoc.signing.sign import Role
from dondoc.signing.verify import verify_pdf
from dondoc.web import create_app
from tests.integration.ledger.conftest import ROLES, desk_clock, login, make_world
from tests.signing import pki
from tests.signing.conftest import Pki

pytestmark = pytest.mark.slow
_ = desk_clock
PASS = pki.PASSPHRASE.decode()


@pytest.fixture
def desk(engine: Engine, settings: Settings, desk_clock: Any, test_pki: Pki) -> dict[str, Any]:
    """The sample plan's 2025 report compiled after its cut-off, staff of each role, and settings that
    trust the test CA and hold the organisation's seal image."""
    from dondoc.reporting.compile import compile_report

    world = make_world(engine)
    signing = settings.model_copy(update={"sign_trust": str(test_pki.ca.pem), "sign_seal_image": test_pki.seal_png,
                                          "outbox": settings.home / "outbox"})
    row = compile_report(engine=engine, settings=signing, plan_id=world["plan_id"], period="2025", now=clock.now(),
                         send=False)
    world.update(settings=signing, report_id=row.id)
    return world


@pytest.fixture
def client(engine: Engine, desk: dict[str, Any]) -> Iterator[TestClient]:
    with TestClient(create_app(desk["settings"], engine), base_url="http://127.0.0.1:8000", follow_redirects=False) as c:
        yield c


def report_row(engine: Engine, desk: dict[str, Any]) -> CompiledReport:
    with Session(engine) as s:
        row = s.get(CompiledReport, desk["report_id"])
        assert row is not None
        s.expunge(row)
        return row


@pytest.fixture
def converted(engine: Engine, desk: dict[str, Any], compiled_pdfs: tuple[Path, Path]) -> tuple[Path, Path]:
    """The report's PDFs placed in its signing folder (the sample report converted once per session), so
    the tests that do not test the conversion skip LibreOffice's start-up."""
    where = sr.folder(desk["settings"], report_row(engine, desk))
    return (Path(shutil.copy(compiled_pdfs[0], where / sr.REPORT)), Path(shutil.copy(compiled_pdfs[1], where / sr.ANNEX)))


def sign(client: TestClient, desk: dict[str, Any], role: str, p12: Path, passphrase: str = PASS, **extra: Any) -> Any:
    csrf = login(client, desk["settings"], desk["users"][role])
    files = {"p12": ("chung-thu.p12", p12.read_bytes(), "application/x-pkcs12")}
    return client.post(f"/bao-cao/{desk['report_id']}/ky-so", data={"csrf": csrf, "passphrase": passphrase, **extra},
                       files=files)


def test_leader_then_clerk_sign_and_the_reports_page_shows_it(engine: Engine, desk: dict[str, Any], client: TestClient,
                                                              test_pki: Pki) -> None:
    # The first signature converts the compiled .docx/.xlsx to PDF (LibreOffice) in the report's folder.
    r = sign(client, desk, "leader", test_pki.authority_p12)
    assert r.status_code == 303, r.text
    assert r.headers["location"].endswith("?msg=authority")
    page = client.get(f"/bao-cao/{desk['report_id']}/ky-so").text
    assert "Phạm Thị Lượng" in page and "người có thẩm quyền" in page and "Hợp lệ" in page
    r = sign(client, desk, "clerk", test_pki.organisation_p12, number="125/BC-UBND")
    assert r.status_code == 303, r.text
    row = report_row(engine, desk)
    report, annex = sr.signed_file(desk["settings"], row, "bao-cao"), sr.signed_file(desk["settings"], row, "phu-luc")
    assert report and annex
    checked = verify_pdf(report, trust=(test_pki.ca.pem,))
    assert checked.ok and [s.role for s in checked.signatures] == [Role.AUTHORITY, Role.ORGANISATION]
    assert [s.role for s in verify_pdf(annex, trust=(test_pki.ca.pem,)).signatures] == [Role.ORGANISATION]
    state = sr.signing_state(desk["settings"], row)
    assert state.stage == "complete" and state.ok
    # The reports page shows who signed, when, intact, chain, next to the downloads.
    login(client, desk["settings"], desk["users"]["admin"])
    listing = client.get("/bao-cao").text
    cell = listing[listing.index('id="reports"'):]
    assert "Phạm Thị Lượng" in cell and "UBND huyện Quan Hoá" in cell and "toàn vẹn" in cell
    assert "chuỗi tin cậy" in cell and re.search(r"\d\d/\d\d/2025 \d\d:\d\d \(\+07:00\)", cell)
    assert f"/bao-cao/{desk['report_id']}/ky-so/bao-cao.pdf" in cell
    got = client.get(f"/bao-cao/{desk['report_id']}/ky-so/bao-cao.pdf")
    assert got.status_code == 200 and got.content == report.read_bytes() and got.content.startswith(b"%PDF")
    assert "Đã ký đủ" in client.get("/ky-so").text
    # Audited, by whom and as what; nothing of the key or its passphrase kept anywhere.
    with Session(engine) as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "report.signed")).all()
    assert [(e.actor, e.after["role"]) for e in events] == [
        (f"staff:{desk['users']['leader']}", "authority"), (f"staff:{desk['users']['clerk']}", "organisation")]
    assert all(PASS not in str(e.after) for e in events)
    secret = test_pki.authority_p12.read_bytes()
    for path in desk["settings"].home.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert pki.PASSPHRASE not in content and secret not in content, path
            assert path.suffix not in (".p12", ".pfx"), path


def test_the_clerk_cannot_sign_before_the_leader(engine: Engine, desk: dict[str, Any], client: TestClient,
                                                 test_pki: Pki, converted: tuple[Path, Path]) -> None:
    before = [p.read_bytes() for p in converted]
    r = sign(client, desk, "clerk", test_pki.organisation_p12)
    assert r.status_code == 400 and "ký sau người có thẩm quyền" in r.text
    assert [p.read_bytes() for p in converted] == before  # neither file touched (the annex is not signed alone)
    assert sign(client, desk, "leader", test_pki.authority_p12).status_code == 303
    r = sign(client, desk, "leader", test_pki.authority_p12)  # twice: refused
    assert r.status_code == 400 and "đã có chữ ký số" in r.text


def test_wrong_passphrase_or_not_a_p12(desk: dict[str, Any], client: TestClient, test_pki: Pki,
                                       converted: tuple[Path, Path], tmp_path: Path) -> None:
    r = sign(client, desk, "leader", test_pki.authority_p12, passphrase="sai-mat-khau")
    assert r.status_code == 400 and "sai mật khẩu" in r.text
    junk = tmp_path / "x.p12"
    junk.write_bytes(b"not a pkcs12 file")
    assert sign(client, desk, "leader", junk).status_code == 400
    assert not verify_pdf(converted[0]).signatures


def test_a_draft_report_is_not_signed(engine: Engine, desk: dict[str, Any], client: TestClient, test_pki: Pki,
                                      converted: tuple[Path, Path]) -> None:
    with Session(engine) as s:
        row = s.get(CompiledReport, desk["report_id"])
        row.snapshot = {**row.snapshot, "period": {**row.snapshot["period"], "final": False}}  # type: ignore[union-attr]
        s.add(row)
        s.commit()
    r = sign(client, desk, "leader", test_pki.authority_p12)
    assert r.status_code == 400 and "dự thảo" in r.text


def test_remote_two_step_signature(engine: Engine, desk: dict[str, Any], client: TestClient, test_pki: Pki,
                                   converted: tuple[Path, Path]) -> None:
    csrf = login(client, desk["settings"], desk["users"]["leader"])
    base = f"/bao-cao/{desk['report_id']}/ky-so/tu-xa"
    r = client.post(base, data={"csrf": csrf, "document": "bao-cao"},
                    files={"cert": ("lanh-dao.pem", test_pki.authority.pem.read_bytes(), "application/x-pem-file")})
    assert r.status_code == 200, r.text
    data = base64.b64decode(re.search(r'id="data-to-sign">([^<]+)<', r.text).group(1))  # type: ignore[union-attr]
    # A wrong key's answer is refused and leaves the file as it was.
    wrong = test_pki.organisation.key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    r = client.post(f"{base}/hoan-tat", data={"csrf": csrf, "document": "bao-cao",
                                              "signature": base64.b64encode(wrong).decode()})
    assert r.status_code == 400 and not verify_pdf(converted[0]).signatures
    # The service's signature with the leader's key (what a remote signing service returns).
    value = test_pki.authority.key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    r = client.post(f"{base}/hoan-tat", data={"csrf": csrf, "document": "bao-cao",
                                              "signature": base64.b64encode(value).decode()})
    assert r.status_code == 303, r.text
    checked = verify_pdf(converted[0], trust=(test_pki.ca.pem,))
    assert checked.ok and [s.role for s in checked.signatures] == [Role.AUTHORITY]
    assert not list(converted[0].parent.glob(".remote-*"))  # the step's state is gone
    with Session(engine) as s:
        steps = [e.after["step"] for e in s.exec(select(AuditEvent).where(AuditEvent.action == "report.signed")).all()]
    assert steps == ["prepared", "finished"]


def test_remote_step_two_refused_when_the_document_changed_meanwhile(desk: dict[str, Any], client: TestClient,
                                                                     test_pki: Pki, converted: tuple[Path, Path]) -> None:
    csrf = login(client, desk["settings"], desk["users"]["leader"])
    base = f"/bao-cao/{desk['report_id']}/ky-so/tu-xa"
    r = client.post(base, data={"csrf": csrf, "document": "bao-cao"},
                    files={"cert": ("lanh-dao.pem", test_pki.authority.pem.read_bytes(), "application/x-pem-file")})
    data = base64.b64decode(re.search(r'id="data-to-sign">([^<]+)<', r.text).group(1))  # type: ignore[union-attr]
    assert sign(client, desk, "leader", test_pki.authority_p12).status_code == 303  # signed by .p12 meanwhile
    csrf = login(client, desk["settings"], desk["users"]["leader"])
    value = test_pki.authority.key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    r = client.post(f"{base}/hoan-tat", data={"csrf": csrf, "document": "bao-cao",
                                              "signature": base64.b64encode(value).decode()})
    assert r.status_code == 400 and "làm lại bước 1" in r.text
    assert len(verify_pdf(converted[0]).signatures) == 1


# ------------------------------------------------------------------------------------------ role x route

SIGNING_ROUTES = {
    ("GET", "/ky-so"): {"anonymous": 303, **dict.fromkeys(ROLES, 200)},
    ("GET", "/bao-cao/{report_id}/ky-so"): {"anonymous": 303, **dict.fromkeys(ROLES, 200)},
    ("POST", "/bao-cao/{report_id}/ky-so"): {"anonymous": 303, "admin": 403, "focal": 403, "leader": 400, "clerk": 400},
    ("POST", "/bao-cao/{report_id}/ky-so/tu-xa"): {"anonymous": 303, "admin": 403, "focal": 403, "leader": 400,
                                                   "clerk": 400},
    ("POST", "/bao-cao/{report_id}/ky-so/tu-xa/hoan-tat"): {"anonymous": 303, "admin": 403, "focal": 403,
                                                            "leader": 400, "clerk": 400},
    ("GET", "/bao-cao/{report_id}/ky-so/{document}.pdf"): {"anonymous": 303, **dict.fromkeys(ROLES, 404)},
}


def test_every_signing_route_is_in_the_matrix(client: TestClient) -> None:
    routes = {(m, r.path) for r in client.app.routes for m in getattr(r, "methods", ())  # type: ignore[attr-defined]
              if "ky-so" in r.path and m != "HEAD"}
    assert routes == set(SIGNING_ROUTES)


@pytest.mark.parametrize("route", sorted(SIGNING_ROUTES))
def test_signing_route_by_role(desk: dict[str, Any], client: TestClient, route: tuple[str, str]) -> None:
    """Allowed signers reach the handler (400: no certificate sent); others 403; anonymous to the login form.
    A forged CSRF value is refused before anything is read; an unknown report is 404 for everyone."""
    method, path = route
    url = path.format(report_id=desk["report_id"], document="bao-cao")
    for role, want in [("anonymous", SIGNING_ROUTES[route]["anonymous"]), *[(r, SIGNING_ROUTES[route][r]) for r in ROLES]]:
        client.cookies.clear()
        csrf = login(client, desk["settings"], desk["users"][role]) if role != "anonymous" else ""
        r = client.request(method, url, data={"csrf": csrf} if method == "POST" else None)
        assert r.status_code == want, (role, route, r.status_code)
        if method == "POST" and want == 400:
            assert client.post(url, data={"csrf": "forged"}).status_code == 403, (role, route)
        if role != "anonymous" and "{report_id}" in path:
            other = path.format(report_id=999999, document="bao-cao")
            assert client.request(method, other, data={"csrf": csrf} if method == "POST" else None).status_code in (
                404, 403 if want == 403 else 404), (role, route)

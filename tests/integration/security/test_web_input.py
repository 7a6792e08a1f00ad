"""CSRF on every state-changing form, XSS in every field an officer, a plan or the directory supplies,
attachment names that try to leave the attachment folder, lying extensions, size limits, and the
security headers on every kind of response."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.collect.links import token_hash
from dondoc.config import Settings
from dondoc.models import (
    Assignment,
    Attachment,
    ExtensionRequest,
    Officer,
    Plan,
    ReportObligation,
    StatusUpdate,
    Target,
    Unit,
)
from dondoc.web import create_app
from dondoc.web.security import csrf_token
from tests.integration.web.world import World

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def page_csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert m, "form without a csrf field"
    return m.group(1)


# ------------------------------------------------------------------------------------------ CSRF

def _forms(w: World, rid: int) -> list[tuple[str, str, dict[str, str]]]:
    """Every state-changing form: (officer whose link is used, path, fields other than csrf)."""
    return [
        ("a1", f"/o/{w['rep1']}", {"status": "in_progress", "progress": "30"}),
        ("a1", f"/o/{w['rep1']}/extension", {"requested_due": "2025-11-25", "reason": "x"}),
        ("focal", f"/focal/{w['plan']}/remind/{w['xa1']}", {}),
        ("focal", f"/focal/{w['plan']}/remind-all", {}),
        ("focal", f"/focal/extensions/{rid}", {"decision": "approve"}),
        ("focal", f"/focal/{w['plan']}/o/{w['rep2']}", {"status": "in_progress", "progress": "20", "source": "điện thoại"}),
        ("a1", "/vang-mat", {"substitute": "b1", "start": "2025-12-01", "end": "2025-12-05"}),
    ]


def _pending_extension(engine: Engine, w: World) -> int:
    from dondoc import clock
    from dondoc.collect.submit import request_extension
    with Session(engine) as s:
        r = request_extension(s, officer_id=w["a1"], obligation_id=w["task1"], requested_due=dt.date(2025, 11, 28),
                              reason="r", via="web", now=clock.now())
        s.commit()
        return r.id  # type: ignore[return-value]


def _state(engine: Engine) -> tuple[int, list[str], int]:
    from dondoc.models import Notice
    with Session(engine) as s:
        return (len(s.exec(select(StatusUpdate)).all()), sorted(e.state for e in s.exec(select(ExtensionRequest)).all()),
                len(s.exec(select(Notice)).all()))


def test_post_routes_are_exactly_the_csrf_forms(client: TestClient) -> None:
    from tests.integration.security.test_console_matrix import is_console_route
    from tests.integration.security.test_desk_matrix import is_desk_route
    from tests.signing.test_console import SIGNING_ROUTES  # ký số: CSRF checked by its own matrix

    posts = {r.path for r in client.app.routes if "POST" in (getattr(r, "methods", None) or set())  # type: ignore[attr-defined]
             and not is_console_route("POST", r.path) and not is_desk_route("POST", r.path)  # type: ignore[attr-defined]
             and ("POST", r.path) not in SIGNING_ROUTES}  # type: ignore[attr-defined]
    # the API's POSTs take a bearer header, which a cross-site form cannot send; every other POST is a form
    # (the staff console's forms, with their session cookie and CSRF, are checked by its own matrices)
    assert posts == {"/t/{token}/o/{oid}", "/t/{token}/o/{oid}/extension", "/t/{token}/focal/{plan_id}/remind/{unit_id}",
                     "/t/{token}/focal/{plan_id}/remind-all", "/t/{token}/focal/extensions/{rid}", "/t/{token}/focal/{plan_id}/o/{oid}",
                     "/t/{token}/vang-mat",
                     "/api/obligations/{oid}/status", "/api/obligations/{oid}/status/on-behalf"}


@pytest.mark.parametrize("bad", ["missing", "", "0" * 64, "other-link", "upper", "truncated"])
def test_csrf_refused_on_every_form(client: TestClient, world: World, engine: Engine, bad: str) -> None:
    rid = _pending_extension(engine, world)
    key = client.app.state.web.key  # type: ignore[attr-defined]
    before = _state(engine)
    for who, path, fields in _forms(world, rid):
        good = csrf_token(key, token_hash(world.tokens[who]))
        value = {"missing": None, "": "", "0" * 64: "0" * 64, "other-link": csrf_token(key, token_hash(world.tokens["a2"])),
                 "upper": good.upper(), "truncated": good[:-1]}[bad]
        data = dict(fields) if value is None else {**fields, "csrf": value}
        r = client.post(f"/t/{world.tokens[who]}{path}", data=data, follow_redirects=False)
        assert r.status_code == 403, (path, bad, r.status_code)
    assert _state(engine) == before


def test_csrf_accepted_and_equal_to_the_page_value(client: TestClient, world: World, engine: Engine) -> None:
    """Control case: the value the pages carry is what the forms accept (so the refusals above are real)."""
    rid = _pending_extension(engine, world)
    key = client.app.state.web.key  # type: ignore[attr-defined]
    assert page_csrf(client.get(f"/t/{world.tokens['a1']}/o/{world['rep1']}").text) == csrf_token(key, token_hash(world.tokens["a1"]))
    assert page_csrf(client.get(f"/t/{world.tokens['focal']}/focal/{world['plan']}").text) == \
        csrf_token(key, token_hash(world.tokens["focal"]))
    for who, path, fields in _forms(world, rid):
        r = client.post(f"/t/{world.tokens[who]}{path}", data={**fields, "csrf": csrf_token(key, token_hash(world.tokens[who]))},
                        follow_redirects=False)
        assert r.status_code == 303, (path, r.status_code, r.text[:300])


# ------------------------------------------------------------------------------------------ XSS

def _poison_directory_and_plan(engine: Engine, w: World, payload: str) -> None:
    with Session(engine) as s:
        s.execute(update(Unit).where(Unit.id.in_([w["xa1"], w["ldtbxh"]])).values(name=f"UBND {payload}"))  # type: ignore[union-attr]
        s.execute(update(Officer).where(Officer.id.in_([w["a1"], w["focal"], w["chutich"]])).values(name=f"Cán bộ {payload}"))  # type: ignore[union-attr]
        s.execute(update(Plan).where(Plan.id == w["plan"]).values(title=f"Kế hoạch {payload}", number=payload))
        s.execute(update(Assignment).values(text=f"Nhiệm vụ {payload}", ref=payload))
        s.execute(update(ReportObligation).values(text=f"Báo cáo {payload}"))
        s.execute(update(Target).values(text=f"Chỉ tiêu {payload}", unit=payload))
        s.commit()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_field_is_escaped_on_every_page(client: TestClient, world: World, engine: Engine, payload: str) -> None:
    _poison_directory_and_plan(engine, world, payload)
    a1, focal, chu = world.tokens["a1"], world.tokens["focal"], world.tokens["chutich"]
    form = f"/t/{a1}/o/{world['rep1']}"
    token = page_csrf(client.get(form).text)
    r = client.post(form, data={"csrf": token, "status": "in_progress", "progress": "40", "result": payload,
                                "difficulties": payload, "proposals": payload, "fig:t-vieclam": "12"},
                    files=[("files", (f"{payload}.pdf", PDF, "application/pdf"))], follow_redirects=False)
    assert r.status_code == 303, r.text[:500]
    sent = r.headers["location"]
    bad = client.post(form, data={"csrf": token, "status": "done", "progress": "5", "result": payload})
    assert bad.status_code == 422
    ext = client.post(f"/t/{a1}/o/{world['task1']}/extension", data={"csrf": token, "requested_due": "2025-11-20",
                                                                    "reason": payload}, follow_redirects=False)
    assert ext.status_code == 303
    ext_bad = client.post(f"/t/{a1}/o/{world['task1']}/extension", data={"csrf": token, "requested_due": payload})
    assert ext_bad.status_code == 422
    pages = {
        "officer home": client.get(f"/t/{a1}").text,
        "form": client.get(form).text,
        "form after a refused submission": bad.text,
        "refused extension": ext_bad.text,
        "extension form": client.get(f"/t/{a1}/o/{world['task1']}").text,
        "sent": client.get(sent).text,
        "focal": client.get(f"/t/{focal}/focal/{world['plan']}").text,
        "dashboard (focal)": client.get(f"/t/{focal}/dashboard/{world['plan']}").text,
        "dashboard (issuer)": client.get(f"/t/{chu}/dashboard/{world['plan']}").text,
        "issuer home": client.get(f"/t/{chu}").text,
    }
    escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
    for name, html in pages.items():
        assert payload not in html, f"raw payload on the {name} page"
        assert "<script>alert" not in html and "<img src=x" not in html, name
        assert "<script" not in html, name
    # the fields are shown (escaped), so the checks above can fail
    assert escaped in pages["sent"] and escaped in pages["focal"] and escaped in pages["form"]
    assert all(escaped in html for html in pages.values() if "<form" in html or "Kế hoạch" in html)
    # the file name, as stored, has no path and shows escaped
    with Session(engine) as s:
        att = s.exec(select(Attachment)).one()
    assert "/" not in att.filename and "\\" not in att.filename
    # the focal point's zip: the CSV export neutralises spreadsheet formulas too (see test_exports.py for xlsx)
    z = client.get(f"/t/{focal}/focal/{world['plan']}/export.zip")
    assert z.status_code == 200
    with zipfile.ZipFile(io.BytesIO(z.content)) as zf:
        names = zf.namelist()
        assert all(not n.startswith("/") and ".." not in n.split("/") for n in names), names


# ------------------------------------------------------------------------------------------ attachments

TRAVERSAL = ["../../etc/passwd.pdf", "../../../../../../tmp/dondoc-escape.pdf", "/etc/passwd.pdf", "/tmp/abs.pdf",
             "..\\..\\windows\\system32\\x.pdf", "C:\\Windows\\evil.pdf", "\\\\server\\share\\x.pdf",
             "a\x00b.pdf", "....//....//x.pdf", "%2e%2e%2fx.pdf", ".hidden.pdf", "con.pdf", "x" * 300 + ".pdf"]


@pytest.mark.parametrize("name", TRAVERSAL)
def test_attachment_name_never_escapes(client: TestClient, world: World, engine: Engine, settings: Settings,
                                       name: str, tmp_path: Path) -> None:
    form = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
    token = page_csrf(client.get(form).text)
    r = client.post(form, data={"csrf": token, "status": "in_progress", "progress": "10"},
                    files=[("files", (name, PDF, "application/pdf"))], follow_redirects=False)
    assert r.status_code == 303, r.text[:300]
    root = (Path(settings.home) / "attachments").resolve()
    with Session(engine) as s:
        att = s.exec(select(Attachment)).one()
    stored = (root / att.stored_as).resolve()
    assert stored.is_relative_to(root) and stored.read_bytes() == PDF
    assert re.fullmatch(r"\d{4}/\d{2}/[0-9a-f]{32}\.pdf", att.stored_as), att.stored_as
    assert not any(c in att.filename for c in "/\\\x00") and not att.filename.startswith(".") and len(att.filename) <= 120
    files = [p for p in Path(settings.home).rglob("*") if p.is_file() and p.suffix == ".pdf"]
    assert files == [stored]
    assert not Path("/tmp/dondoc-escape.pdf").exists() and not Path("/tmp/abs.pdf").exists()
    d = client.get(f"/t/{world.tokens['a1']}/files/{att.id}")
    assert d.status_code == 200 and d.content == PDF
    cd = d.headers["content-disposition"]
    assert cd.startswith("attachment;") and "/" not in cd.split("''", 1)[1] and "\\" not in cd


@pytest.mark.parametrize("stored_as", ["../secret.key", "../../../etc/passwd", "/etc/passwd", "2025/11/../../../x"])
def test_tampered_stored_path_is_404(client: TestClient, world: World, engine: Engine, settings: Settings,
                                     stored_as: str) -> None:
    """Even a row changed in the database cannot make the download route read outside the folder."""
    form = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
    token = page_csrf(client.get(form).text)
    client.post(form, data={"csrf": token, "status": "in_progress", "progress": "10"},
                files=[("files", ("a.pdf", PDF, "application/pdf"))])
    with Session(engine) as s:
        att = s.exec(select(Attachment)).one()
        att.stored_as = stored_as
        s.add(att)
        s.commit()
        aid = att.id
    (Path(settings.home) / "secret.key").parent.mkdir(parents=True, exist_ok=True)
    r = client.get(f"/t/{world.tokens['a1']}/files/{aid}")
    assert r.status_code == 404 and b"root:" not in r.content


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 50 + b"This program cannot be run in DOS mode"
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize("name,data", [
    ("bao-cao.pdf", EXE), ("bao-cao.pdf", HTML), ("anh.png", HTML), ("anh.jpg", SVG), ("bang.docx", EXE),
    ("bang.xlsx", b"PK\x03\x04" + b"\x00" * 40), ("trang.html", HTML), ("anh.svg", SVG), ("chay.exe", EXE),
    ("bao-cao.pdf.exe", PDF), ("bao-cao.exe.pdf", EXE), ("tep", PDF), ("rong.pdf", b""),
])
def test_lying_or_forbidden_file_refused(client: TestClient, world: World, engine: Engine, settings: Settings,
                                         name: str, data: bytes) -> None:
    form = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
    token = page_csrf(client.get(form).text)
    r = client.post(form, data={"csrf": token, "status": "in_progress", "progress": "10"},
                    files=[("files", (name, data, "application/pdf"))])
    assert r.status_code == 422
    with Session(engine) as s:
        assert s.exec(select(StatusUpdate)).all() == [] and s.exec(select(Attachment)).all() == []
    assert not (Path(settings.home) / "attachments").exists() or not any((Path(settings.home) / "attachments").rglob("*.*"))


def test_size_limits(engine: Engine, settings: Settings, world: World) -> None:
    small = settings.model_copy(update={"max_upload_mb": 1})
    with TestClient(create_app(small, engine)) as c:
        form = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
        token = page_csrf(c.get(form).text)
        just = PDF + b"0" * (1024 * 1024 - len(PDF))
        over = just + b"0"
        r = c.post(form, data={"csrf": token, "status": "in_progress"}, files=[("files", ("big.pdf", over, "application/pdf"))])
        assert r.status_code == 422 and "quá lớn" in r.text
        # a body larger than every allowed file together is refused before it is read (413)
        huge = b"0" * ((1 * 10 + 2) * 1024 * 1024)
        r = c.post(form, content=huge, headers={"content-type": "multipart/form-data; boundary=x"})
        assert r.status_code == 413
        assert r.headers["x-content-type-options"] == "nosniff"
        r = c.post(form, data={"csrf": token, "status": "in_progress"}, files=[("files", ("ok.pdf", just, "application/pdf"))],
                   follow_redirects=False)
        assert r.status_code == 303  # control: exactly the limit is accepted


def test_too_many_files_refused(client: TestClient, world: World, engine: Engine) -> None:
    form = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
    token = page_csrf(client.get(form).text)
    r = client.post(form, data={"csrf": token, "status": "in_progress"},
                    files=[("files", (f"{i}.pdf", PDF, "application/pdf")) for i in range(11)])
    assert r.status_code in (400, 413, 422)
    with Session(engine) as s:
        assert s.exec(select(Attachment)).all() == []


# ------------------------------------------------------------------------------------------ headers

def _responses(client: TestClient, world: World, engine: Engine) -> dict[str, object]:
    a1, focal = world.tokens["a1"], world.tokens["focal"]
    form = f"/t/{a1}/o/{world['rep1']}"
    token = page_csrf(client.get(form).text)
    from pathlib import Path

    from dondoc.reporting.compile import compile_report
    from tests.integration.web.world import NOW

    report = compile_report(engine=engine, settings=client.app.state.web.settings, plan_id=world["plan"],  # type: ignore[attr-defined]
                            period="2025", now=NOW, send=False)
    report_url = f"/t/{focal}/focal/{world['plan']}/reports/{report.id}"
    report_docx = client.get(f"{report_url}.docx")
    Path(report.xlsx_path).unlink()  # type: ignore[arg-type]
    return {
        "home": client.get("/"),
        "report docx": report_docx,
        "report missing 404": client.get(f"{report_url}.xlsx"),
        "healthz": client.get("/healthz"),
        "openapi": client.get("/openapi.json"),
        "swagger docs": client.get("/docs"),
        "redoc": client.get("/redoc"),
        "static css": client.get("/static/style.css"),
        "static favicon": client.get("/static/favicon.svg"),
        "static 404": client.get("/static/nope.css"),
        "static traversal": client.get("/static/..%2F..%2Fapp.py"),
        "officer page": client.get(f"/t/{a1}"),
        "form": client.get(form),
        "form 422": client.post(form, data={"csrf": token, "status": "bogus"}),
        "form 303": client.post(form, data={"csrf": token, "status": "in_progress", "progress": "5"}, follow_redirects=False),
        "csrf 403": client.post(form, data={"status": "done"}),
        "focal": client.get(f"/t/{focal}/focal/{world['plan']}"),
        "export zip": client.get(f"/t/{focal}/focal/{world['plan']}/export.zip"),
        "dashboard": client.get(f"/t/{focal}/dashboard/{world['plan']}"),
        "unknown page 404": client.get("/no/such/page"),
        "bad token 404": client.get("/t/" + "0" * 43),
        "bad id 404": client.get(f"/t/{a1}/o/abc"),
        "405": client.put(f"/t/{a1}"),
        "api list": client.get("/api/obligations", headers={"Authorization": f"Bearer {a1}"}),
        "api 404": client.get("/api/obligations"),
        "api 422": client.post(f"/api/obligations/{world['rep1']}/status", json={"progress": 500},
                               headers={"Authorization": f"Bearer {a1}"}),
    }


def test_security_headers_on_every_response(client: TestClient, world: World, engine: Engine) -> None:
    responses = _responses(client, world, engine)
    codes = {name: r.status_code for name, r in responses.items()}  # type: ignore[attr-defined]
    assert {200, 303, 403, 404, 405, 422} <= set(codes.values()), codes
    for name, r in responses.items():
        h = r.headers  # type: ignore[attr-defined]
        assert h.get("x-content-type-options") == "nosniff", name
        assert h.get("referrer-policy") == "no-referrer", name
        csp = h.get("content-security-policy", "")
        assert "frame-ancestors 'none'" in csp or h.get("x-frame-options") == "DENY", name
        assert h.get("x-frame-options") == "DENY", name
        directives = dict(([*d.strip().split(" ", 1), ""])[:2] for d in csp.split(";") if d.strip())
        scripts = directives.get("script-src", directives.get("default-src", ""))
        assert "unsafe-inline" not in scripts and "unsafe-eval" not in scripts and "*" not in scripts.split(), (name, csp)
        assert directives.get("default-src") == "'none'", (name, csp)
    assert responses["report docx"].status_code == 200 and responses["report missing 404"].status_code == 404  # type: ignore[attr-defined]
    for name in ["officer page", "form", "form 422", "form 303", "csrf 403", "focal", "export zip", "dashboard",
                 "report docx", "report missing 404",
                 "bad token 404", "bad id 404", "api list", "api 404", "api 422"]:
        assert "no-store" in responses[name].headers.get("cache-control", ""), name  # type: ignore[attr-defined]


def test_rate_limited_response_has_headers(engine: Engine, settings: Settings, world: World) -> None:
    app = create_app(settings, engine)
    app.state.web.limiter.max_failures = 1
    with TestClient(app) as c:
        c.get("/t/" + "0" * 43)
        for path in ("/t/" + "1" * 43, "/api/obligations"):
            r = c.get(path, headers={"Authorization": "Bearer " + "1" * 43})
            assert r.status_code == 429
            assert r.headers["x-content-type-options"] == "nosniff" and "no-store" in r.headers["cache-control"]
            assert "frame-ancestors 'none'" in r.headers["content-security-policy"]


def test_docs_inline_script_allowed_only_by_its_hash(client: TestClient) -> None:
    import base64
    import hashlib

    r = client.get("/docs")
    inline = re.findall(r"<script>(.*?)</script>", r.text, re.DOTALL)
    assert inline, "the Swagger page has an inline bootstrap (control)"
    csp = r.headers["content-security-policy"]
    for body in inline:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert int(r.headers["content-length"]) == len(r.content)

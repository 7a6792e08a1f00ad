"""Issue 18 #3 and #8: limits before buffering, over a real HTTP connection (chunked bodies included),
and errors that never show a traceback: huge ids are 404, NaN is 422, a 500 is a short Vietnamese
page with the security headers."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.config import Settings
from dondoc.models import Attachment, StatusUpdate
from dondoc.web import create_app
from tests.integration.web.server import LiveServer
from tests.integration.web.world import World

MB = 1024 * 1024
BOUNDARY = "dondocBOUNDARY"


def _chunked_upload(port: int, path: str, *, total: int, extra_headers: str = "", chunk: int = 256 * 1024,
                    prefix: bytes = b"") -> tuple[int, int]:
    """POST a multipart body of `total` bytes with Transfer-Encoding: chunked, stopping as soon as the
    server answers. Returns (status, bytes of body sent)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall((f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                  f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n{extra_headers}\r\n").encode())
    head = prefix + (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.pdf\"\r\n"
                     f"Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").encode()
    sent = 0
    sock.setblocking(False)
    reply = b""
    block = b"0" * chunk
    try:
        for i in range(total // chunk + 1):
            data = head if i == 0 else block
            frame = f"{len(data):x}\r\n".encode() + data + b"\r\n"
            view = memoryview(frame)
            while view:
                try:
                    n = sock.send(view)
                    view = view[n:]
                    sent += n
                except BlockingIOError:
                    pass
                except (BrokenPipeError, ConnectionResetError):
                    view = memoryview(b"")
                try:
                    got = sock.recv(65536)
                    reply += got
                    if b"\r\n\r\n" in reply or not got:
                        raise StopIteration
                except BlockingIOError:
                    time.sleep(0.0005 if view else 0)
    except StopIteration:
        pass
    sock.settimeout(30)
    try:
        while b"\r\n\r\n" not in reply:
            got = sock.recv(65536)
            if not got:
                break
            reply += got
    except OSError:
        pass
    sock.close()
    m = re.match(rb"HTTP/1.1 (\d+)", reply)
    return (int(m.group(1)) if m else 0), sent


@pytest.fixture
def small_server(engine: Engine, settings: Settings, world: World) -> Iterator[LiveServer]:
    small = settings.model_copy(update={"max_upload_mb": 1})  # cap: 10 files x 1 MB + 1 MB = 11 MB
    with LiveServer(create_app(small, engine)) as server:
        yield server


def test_bad_token_upload_is_refused_before_its_body(small_server: LiveServer, world: World) -> None:
    status, sent = _chunked_upload(small_server.port, f"/t/{'x' * 43}/o/{world['rep1']}", total=300 * MB)
    assert status == 404
    assert sent < 20 * MB, f"the server read {sent // MB} MB of a body whose token was bad"


def test_bad_bearer_json_is_refused_before_its_body(small_server: LiveServer, world: World) -> None:
    sock = socket.create_connection(("127.0.0.1", small_server.port), timeout=30)
    sock.sendall((f"POST /api/obligations/{world['rep1']}/status HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer nope\r\n"
                  f"Content-Type: application/json\r\nContent-Length: {200 * MB}\r\n\r\n").encode())
    reply = sock.recv(4096)
    sock.close()
    assert reply.startswith(b"HTTP/1.1 404")


def test_chunked_upload_over_the_cap_stops_while_reading(small_server: LiveServer, world: World) -> None:
    status, sent = _chunked_upload(small_server.port, f"/t/{world.tokens['a1']}/o/{world['rep1']}", total=300 * MB)
    assert status == 413
    assert sent < 11 * MB + 16 * MB  # the cap plus what socket buffers hold


def test_declared_length_over_the_cap_refused_at_once(small_server: LiveServer, world: World) -> None:
    sock = socket.create_connection(("127.0.0.1", small_server.port), timeout=30)
    sock.sendall((f"POST /t/{world.tokens['a1']}/o/{world['rep1']} HTTP/1.1\r\nHost: x\r\n"
                  f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {300 * MB}\r\n\r\n").encode())
    reply = sock.recv(4096)
    sock.close()
    assert reply.startswith(b"HTTP/1.1 413")


def test_json_body_capped(client: TestClient, world: World) -> None:
    big = {"status": "in_progress", "result": "x" * (2 * MB)}
    r = client.post(f"/api/obligations/{world['rep1']}/status", json=big,
                    headers={"Authorization": f"Bearer {world.tokens['a1']}"})
    assert r.status_code == 413


def test_each_file_capped_while_read(engine: Engine, settings: Settings, world: World) -> None:
    """One file over the limit is cut while read (never held whole) and the form says it is too big."""
    from dondoc.web import upload

    seen: list[int] = []
    real = upload.CappedMultiPartParser.on_part_data

    def spy(self: upload.CappedMultiPartParser, data: bytes, start: int, end: int) -> None:
        real(self, data, start, end)
        seen.extend(self._sizes.values())

    small = settings.model_copy(update={"max_upload_mb": 1})
    with TestClient(create_app(small, engine)) as c:
        base = f"/t/{world.tokens['a1']}/o/{world['rep1']}"
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', c.get(base).text).group(1)  # type: ignore[union-attr]
        upload.CappedMultiPartParser.on_part_data = spy  # type: ignore[method-assign]
        try:
            r = c.post(base, data={"csrf": csrf, "status": "in_progress"},
                       files=[("files", ("big.pdf", b"%PDF-1.4\n" + b"0" * (5 * MB), "application/pdf"))])
        finally:
            upload.CappedMultiPartParser.on_part_data = real  # type: ignore[method-assign]
    assert r.status_code == 422 and "quá lớn" in r.text
    assert max(seen) <= MB + 1
    with Session(engine) as s:
        assert s.exec(select(Attachment)).all() == [] and s.exec(select(StatusUpdate)).all() == []


def test_nginx_cap_matches_the_app() -> None:
    from pathlib import Path

    from dondoc.web.limits import MAX_FILES

    conf = (Path(__file__).resolve().parents[3] / "deploy" / "nginx-dondoc.conf").read_text()
    m = re.search(r"client_max_body_size\s+(\d+)m;", conf)
    assert m and int(m.group(1)) == Settings().max_upload_mb * MAX_FILES + 1
    assert "Strict-Transport-Security" in conf


# ------------------------------------------------------------------------------------------ errors

@pytest.mark.parametrize("big", [2**31, 2**63, 10**30])
def test_ids_beyond_the_database_are_404(client: TestClient, world: World, big: int) -> None:
    reference = client.get("/no/such/page").text
    t = world.tokens["a1"]
    for path in (f"/t/{t}/o/{big}", f"/t/{t}/files/{big}", f"/t/{t}/o/{world['rep1']}/sent/{big}"):
        r = client.get(path)
        assert (r.status_code, r.text) == (404, reference), path
    r = client.post(f"/api/obligations/{big}/status", json={"status": "done"},
                    headers={"Authorization": f"Bearer {t}"})
    assert r.status_code == 404


@pytest.mark.parametrize("body", ['{"status": "in_progress", "progress": NaN}',
                                  '{"status": "in_progress", "figures": {"III.1": NaN}}',
                                  '{"status": "in_progress", "figures": {"III.1": Infinity}}'])
def test_nan_is_422_not_500(client: TestClient, world: World, body: str) -> None:
    for auth in (world.tokens["a1"], "bad"):
        r = client.post(f"/api/obligations/{world['rep1']}/status", content=body,
                        headers={"Authorization": f"Bearer {auth}", "Content-Type": "application/json"})
        assert r.status_code in (404, 422), (auth, r.status_code, r.text)
        r.json()


def test_500_is_short_vietnamese_with_security_headers(engine: Engine, settings: Settings, world: World,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    from dondoc.web import queries

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(queries, "officer_page", boom)
    with TestClient(create_app(settings, engine), raise_server_exceptions=False) as c:
        r = c.get(f"/t/{world.tokens['a1']}")
    assert r.status_code == 500
    assert "Lỗi hệ thống" in r.text and "secret internals" not in r.text and "Traceback" not in r.text
    assert r.headers["x-content-type-options"] == "nosniff" and "frame-ancestors 'none'" in r.headers[
        "content-security-policy"]
    assert "secret internals" in caplog.text  # the traceback is in the log
    assert world.tokens["a1"] not in caplog.text  # and the log holds no live link


def test_hsts_behind_tls(client: TestClient) -> None:
    assert "strict-transport-security" not in client.get("/").headers
    with TestClient(client.app, base_url="https://dondoc.example") as tls:
        assert "max-age=" in tls.get("/").headers["strict-transport-security"]


def test_docs_load_no_third_party_script(client: TestClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200 and "swagger" in r.text.lower()
    assert "cdn." not in r.text and "https://" not in r.headers["content-security-policy"]
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200

"""FastAPI app factory. Nothing is built at import: `create_app(settings, engine)` wires everything.

Pages live behind a personal link /t/{token}; the JSON API takes the same token as a bearer.
An unknown, expired or revoked token, and an obligation of another unit, all get the same 404.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.exceptions import HTTPException as StarletteHTTPException

from dondoc import clock
from dondoc.collect import links
from dondoc.collect.submit import local_day
from dondoc.config import Settings, get_settings
from dondoc.db import get_engine, session_scope
from dondoc.errors import DondocError
from dondoc.models import AccessToken, Officer, Unit
from dondoc.secrets import key_id, master_key
from dondoc.web import docs, limits
from dondoc.web.render import HERE, make_env
from dondoc.web.ratelimit import DbFailureLimiter
from dondoc.web.security import SecurityHeaders, csrf_ok, csrf_token

log = logging.getLogger(__name__)
TOUCH_EVERY = dt.timedelta(hours=1)
# Request handlers run in a thread pool. The work is CPU-bound Python (ORM, templates): a few threads
# serve a burst faster and more fairly (first come, first served) than anyio's default forty, which
# would all fight for the GIL and stretch every request.
THREADS = 8


class NotFoundPage(Exception):
    """Raised by handlers for anything that must look like 'no such page'."""


class TooManyAttempts(Exception):
    pass


class BadCsrf(Exception):
    pass


@dataclass
class Viewer:
    token: str
    token_row: AccessToken
    officer: Officer
    unit: Unit
    csrf: str

    @property
    def base(self) -> str:
        return f"/t/{self.token}"


class Web:
    """What the route modules share: settings, engines, templates, key, limiter.

    On SQLite every transaction of the shared engine is BEGIN IMMEDIATE (db.py), which would make each
    page view take the database's write lock, and concurrent requests then wait in SQLite's busy handler
    (sleeps of up to 100 ms). Pages therefore read through a second engine whose reads take no lock (WAL
    readers never block), and writes from this process queue on a lock instead of the busy handler."""

    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        self.env = make_env()
        self.key = master_key(settings)  # refuses to start without a strong key
        self.key_id = key_id(self.key)
        if engine.url.get_backend_name() == "sqlite":
            self.read_engine = _sqlite_reader(engine)
            self._write_lock: Any = threading.Lock()
        else:
            self.read_engine = engine
            self._write_lock = contextlib.nullcontext()
        self.limiter = DbFailureLimiter(self)  # shared by every worker; never limits a valid link

    def now(self) -> dt.datetime:
        return clock.now()

    def today(self) -> dt.date:
        return local_day(self.now())

    def render(self, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(**ctx)
        return HTMLResponse(html, status_code=status_code)

    def client_ip(self, request: Request) -> str:
        return request.client.host if request.client else "?"

    def viewer(self, session: Session, request: Request, token: str) -> Viewer:
        """The officer behind a personal token, or NotFoundPage (rate-limited per client address)."""
        ip = self.client_ip(request)
        now = self.now()
        found = None
        if token and len(token) <= 128:
            # One query for token, officer and unit (links.verify's rule: known, not revoked, not expired).
            found = session.exec(select(AccessToken, Officer, Unit).join(Officer, Officer.id == AccessToken.officer_id)
                                 .join(Unit, Unit.id == Officer.unit_id)
                                 .where(AccessToken.token_hash == links.token_hash(token))).first()
        if found is None or found[0].revoked_at is not None or _aware(found[0].expires_at) <= now or \
                not found[1].active or found[0].key_id != self.key_id:
            if self.limiter.blocked(ip, token):  # only bad tokens are limited: a valid link always opens
                raise TooManyAttempts()
            self.limiter.fail(ip, token, session=session)
            raise NotFoundPage()
        row, officer, unit = found
        if row.last_used_at is None or now - _aware(row.last_used_at) > TOUCH_EVERY:
            if session.info.get("readonly"):
                self._touch(row.id, now)  # type: ignore[arg-type]
            else:
                row.last_used_at = now
                session.add(row)
        return Viewer(token=token, token_row=row, officer=officer, unit=unit,
                      csrf=csrf_token(self.key, row.token_hash))

    def check_csrf(self, viewer: Viewer, value: Any) -> None:
        if not csrf_ok(self.key, viewer.token_row.token_hash, value if isinstance(value, str) else None):
            raise BadCsrf()

    def _touch(self, token_id: int, now: dt.datetime) -> None:
        """Record when a link was last used (at most hourly, so page views stay reads)."""
        with self.write() as s:
            s.execute(update(AccessToken).where(AccessToken.id == token_id).values(last_used_at=now))  # type: ignore[arg-type]

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for a page view: no write lock taken on SQLite."""
        with Session(self.read_engine, expire_on_commit=False) as s:
            s.info["readonly"] = True
            try:
                yield s
            finally:
                s.rollback()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (commit on success), queued behind this process's other writers."""
        with self._write_lock, session_scope(self.engine) as s:
            yield s

    def session(self) -> Any:
        return self.write()


def _sqlite_reader(engine: Engine) -> Engine:
    from sqlalchemy import create_engine, event

    reader = create_engine(engine.url, connect_args={"check_same_thread": False, "timeout": 30},
                           pool_size=THREADS, max_overflow=THREADS)

    @event.listens_for(reader, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA query_only=1")
        cur.close()

    return reader


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = engine or get_engine(settings)
    web = Web(settings, engine)
    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="dondoc",
        description="Cập nhật tình hình thực hiện kế hoạch — status API for officers (bearer: the personal token).",
        version="0.1.0",
        docs_url=None,  # served by web/docs.py from local files (no CDN)
        redoc_url=None,
    )
    app.state.web = web
    limits.install(app, web)  # body caps and token check before reading, 404 for huge ids, a safe 500
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    docs.install(app)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def not_found(request: Request) -> Response:
        if is_api(request):
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        return web.render("error.html", 404, title="Không tìm thấy", message="Không tìm thấy trang này.", officer=None)

    @app.exception_handler(NotFoundPage)
    async def _nf(request: Request, exc: NotFoundPage) -> Response:
        return not_found(request)

    @app.exception_handler(TooManyAttempts)
    async def _tma(request: Request, exc: TooManyAttempts) -> Response:
        if is_api(request):
            return JSONResponse({"detail": "Too Many Requests"}, status_code=429, headers={"Retry-After": "600"})
        return web.render("error.html", 429, title="Tạm khóa", officer=None,
                          message="Có quá nhiều lần mở liên kết không hợp lệ từ địa chỉ này. Hãy thử lại sau ít phút.")

    @app.exception_handler(BadCsrf)
    async def _csrf(request: Request, exc: BadCsrf) -> Response:
        return web.render("error.html", 403, title="Biểu mẫu hết hiệu lực", officer=None,
                          message="Biểu mẫu không hợp lệ hoặc đã hết hiệu lực. Hãy mở lại liên kết và gửi lại.")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return not_found(request)
        if is_api(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return web.render("error.html", exc.status_code, title="Lỗi", message=str(exc.detail), officer=None)

    @app.exception_handler(DondocError)
    async def _dondoc(request: Request, exc: DondocError) -> Response:
        if exc.http_status == 404:
            return not_found(request)
        if is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=exc.http_status)
        return web.render("error.html", exc.http_status, title="Lỗi", message=str(exc), officer=None)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        if is_api(request):
            return JSONResponse({"detail": jsonable(exc.errors())}, status_code=422)
        return not_found(request)  # a malformed id in a page URL is just a page that does not exist

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    def home() -> HTMLResponse:
        return web.render("home.html", title="dondoc", officer=None)

    from dondoc.web import api, dashboard, focal, officer

    officer.register(app, web)
    focal.register(app, web)
    dashboard.register(app, web)
    api.register(app, web)
    return app


def jsonable(errors: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    import math

    # NaN/Infinity in a refused body must not make the 422 itself fail (JSON has no NaN)
    return jsonable_encoder(errors, custom_encoder={Exception: str,
                                                    float: lambda f: f if math.isfinite(f) else str(f)})


def create_app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` (used by `dondoc web --workers N`)."""
    return create_app(get_settings())

"""FastAPI app factory. Nothing is built at import: `create_app(settings, engine)` wires everything.

Pages live behind a personal link /t/{token}; the JSON API takes the same token as a bearer.
An unknown, expired or revoked token, and an obligation of another unit, all get the same 404.
The routes are in routes/ (one APIRouter per area), their dependencies in deps.py; this module holds
the factory, the middleware and the error handlers only.
"""

from __future__ import annotations

import contextlib
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException

from dondoc.config import Settings, get_settings
from dondoc.db import get_engine
from dondoc.errors import DondocError
from dondoc.web import docs, limits
from dondoc.web.context import THREADS, Web
from dondoc.web.errors import BadCsrf, NotFoundPage, TooManyAttempts
from dondoc.web.render import HERE
from dondoc.web.routes import ROUTERS
from dondoc.web.security import SecurityHeaders


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
    install_error_handlers(app, web)
    for router in ROUTERS:
        add_routes(app, router)
    from dondoc.web import console

    console.register(app, web)  # staff console, staff API and the pages built on them (ledger, decisions...)
    return app


def add_routes(app: FastAPI, router: APIRouter) -> None:
    """Every route of `router`, added to the app itself, as `include_router` did before FastAPI 0.150
    (which nests the router instead): `app.routes` keeps listing every path and method, which the
    authorisation matrix (tests/security/test_matrix.py) walks to find routes it does not cover."""
    for r in router.routes:
        assert isinstance(r, APIRoute), r
        app.add_api_route(
            r.path, r.endpoint, methods=sorted(r.methods or ()), response_model=r.response_model, status_code=r.status_code,
            tags=r.tags, dependencies=r.dependencies, summary=r.summary, description=r.description,
            response_description=r.response_description, responses=r.responses, deprecated=r.deprecated,
            operation_id=r.operation_id, include_in_schema=r.include_in_schema, response_class=r.response_class,
            name=r.name, openapi_extra=r.openapi_extra)


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def install_error_handlers(app: FastAPI, web: Web) -> None:
    """Errors as pages (error.html) or, under /api/, as JSON; anything 'not yours' is the same 404."""

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
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
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


def jsonable(errors: Any) -> Any:
    import math

    from fastapi.encoders import jsonable_encoder

    # NaN/Infinity in a refused body must not make the 422 itself fail (JSON has no NaN)
    return jsonable_encoder(errors, custom_encoder={Exception: str,
                                                    float: lambda f: f if math.isfinite(f) else str(f)})


def create_app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` (used by `dondoc web --workers N`)."""
    return create_app(get_settings())

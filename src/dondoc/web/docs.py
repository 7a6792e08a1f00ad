"""/docs: Swagger UI served from this server (the swagger-ui-bundle package), never from a CDN, so the
page's Content-Security-Policy allows scripts from 'self' only (plus the hash of its inline bootstrap)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs-assets"


def install(app: FastAPI) -> None:
    import swagger_ui_bundle

    app.mount(ASSETS, StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="dondoc — API",
                                   swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{ASSETS}/swagger-ui.css",
                                   swagger_favicon_url=f"{ASSETS}/favicon-32x32.png")

    @app.get("/docs/oauth2-redirect", include_in_schema=False)
    def oauth2_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        # ReDoc exists only as a CDN script: point to /docs instead of loading third-party code
        return HTMLResponse('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>dondoc — API</title>'
                            '</head><body><p>Tài liệu API: <a href="/docs">/docs</a> '
                            '(<a href="/openapi.json">openapi.json</a>).</p></body></html>')

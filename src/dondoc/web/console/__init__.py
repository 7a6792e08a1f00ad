"""The staff console (/console) and the staff JSON API (/api/plans...): `register(app, web)` wires both.

Server-rendered pages, no script (the CSP allows none), usable with the keyboard and offline."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response


def register(app: FastAPI, web: Any) -> None:
    from urllib.parse import quote

    from dondoc.web.console import api, auth, directory, pages
    from dondoc.web.console.session import LoginRequired, current_staff, page, read, require

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(f"/console/login?next={quote(exc.next_url)}", status_code=303)

    from dondoc.web.console import bootstrap, desk, ledger, members, merge, reports, signing, substitutes

    for router in (auth.make_router(web), pages.make_router(web), directory.make_router(web), api.make_router(web),
                   ledger.make_router(web), desk.make_router(web), reports.make_router(web), merge.make_router(web),
                   bootstrap.make_router(web), members.make_router(web), signing.make_router(web),
                   substitutes.make_router(web)):
        # The routes themselves rather than include_router: this FastAPI wraps an included router in one
        # opaque entry of app.routes, which the authorisation matrix (tests/security) could not enumerate.
        app.router.routes.extend(router.routes)

    @app.get("/console/api-docs", include_in_schema=False)
    def api_docs(request: Request) -> Response:
        """The staff API's OpenAPI description rendered on the server (no CDN, works offline)."""
        with read(web) as s:
            staff = require(web, s, request, "admin", "focal", "leader", "clerk")
        spec = app.openapi()
        paths = [(p, [(m, op) for m, op in ops.items() if "staff" in (op.get("tags") or [])])
                 for p, ops in spec.get("paths", {}).items()]
        return page(web, request, staff, "console/api_docs.html", title="API", paths=[x for x in paths if x[1]])

    del current_staff

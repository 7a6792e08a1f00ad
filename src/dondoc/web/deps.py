"""Annotated dependencies of the routes (as the FastAPI template's `api/deps.py`).

`CurrentViewer` / `ApiViewer` are the personal link of the request (the /t/{token} path parameter, or
`Authorization: Bearer <token>`). They hold no database resource: `with viewer.read() as (s, v)` (or
`.write()`) opens the session and resolves the officer in the thread that runs the handler, and the
transaction ends in that same thread. A session opened by a dependency would stay checked out while
the handler waits for one of the THREADS worker threads; under a burst, every worker could then wait
for a pooled connection (or, on SQLite, the write lock) held by a request waiting for a worker.

Resolution keeps the one rule for every route: an unknown, expired or revoked token (or a missing or
malformed bearer) is the same 404, counted by the per-address limiter; over the limit, 429.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlmodel import Session

from dondoc.config import Settings
from dondoc.web.context import Viewer, Web


async def get_web(request: Request) -> Web:
    return request.app.state.web  # type: ignore[no-any-return]


WebContext = Annotated[Web, Depends(get_web)]


async def get_app_settings(web: WebContext) -> Settings:
    return web.settings


AppSettings = Annotated[Settings, Depends(get_app_settings)]


async def get_today(web: WebContext) -> dt.date:
    """Today in Asia/Ho_Chi_Minh, from the one clock (frozen in tests)."""
    return web.today()


Today = Annotated[dt.date, Depends(get_today)]


@dataclass
class ViewerLink:
    """The personal link of one request; `read()` / `write()` yield (session, the officer behind it)."""

    web: Web
    request: Request
    token: str | None  # None: the bearer header was missing or malformed

    def resolve(self, s: Session) -> Viewer:
        # a missing bearer is a failed attempt like a bad token: 404, or 429 when over the limit
        return self.web.viewer(s, self.request, self.token or "")

    @contextlib.contextmanager
    def read(self) -> Iterator[tuple[Session, Viewer]]:
        """A page view: a read session (no write lock on SQLite) and the viewer."""
        with self.web.read() as s:
            yield s, self.resolve(s)

    @contextlib.contextmanager
    def write(self) -> Iterator[tuple[Session, Viewer]]:
        """One write transaction (commit on success) and the viewer, checked inside it."""
        with self.web.write() as s:
            yield s, self.resolve(s)


async def page_viewer(token: str, request: Request, web: WebContext) -> ViewerLink:
    return ViewerLink(web, request, token)


async def api_viewer(request: Request, web: WebContext,
               authorization: Annotated[str | None, Header(description="Bearer <personal token>")] = None,
               ) -> ViewerLink:
    scheme, _, token = (authorization or "").partition(" ")
    ok = scheme.lower() == "bearer" and token.strip()
    return ViewerLink(web, request, token.strip() if ok else None)


CurrentViewer = Annotated[ViewerLink, Depends(page_viewer)]
ApiViewer = Annotated[ViewerLink, Depends(api_viewer)]

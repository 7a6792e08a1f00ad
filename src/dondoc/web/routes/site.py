"""The pages outside any personal link: the home page and the health check (which touches nothing)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from dondoc.web.deps import WebContext

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/", response_class=HTMLResponse)
def home(web: WebContext) -> HTMLResponse:
    return web.render("home.html", title="dondoc", officer=None)

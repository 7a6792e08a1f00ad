"""One APIRouter per area, included by `dondoc.web.app.create_app` in this order (the order routes are
matched in)."""

from __future__ import annotations

from fastapi import APIRouter

from dondoc.web.routes import absence, api, completeness, dashboard, files, focal, officer, site

ROUTERS: tuple[APIRouter, ...] = (site.router, officer.router, absence.router, focal.router, completeness.router,
                                  files.router, dashboard.router, api.router)

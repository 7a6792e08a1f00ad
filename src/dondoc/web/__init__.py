"""The web app: officers' personal pages, the focal point's page, the dashboard and the JSON API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(settings: Any, engine: Any = None) -> FastAPI:
    from dondoc.web.app import create_app as _create

    return _create(settings, engine)


__all__ = ["create_app"]

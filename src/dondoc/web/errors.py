"""The web layer's own exceptions, turned into responses by the handlers `app.create_app` installs."""

from __future__ import annotations


class NotFoundPage(Exception):
    """Raised by handlers for anything that must look like 'no such page'."""


class TooManyAttempts(Exception):
    pass


class BadCsrf(Exception):
    pass

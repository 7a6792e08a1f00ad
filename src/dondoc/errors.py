"""One error hierarchy. Messages are for a person to act on: which file, which line, what was expected.

The CLI maps these to exit codes and the web layer to HTTP codes; nothing else catches them.
"""

from __future__ import annotations


class DondocError(Exception):
    """Base of every error dondoc raises on purpose."""

    exit_code = 1
    http_status = 400

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = ""
        if path:
            where = f"{path}:{line}: " if line else f"{path}: "
        super().__init__(f"{where}{message}")


class InputError(DondocError):
    """A file or argument that cannot be used as given."""

    exit_code = 2


class PlanReadError(InputError):
    """A plan document that cannot be read or is not a plan."""


class DirectoryError(InputError):
    """A directory file (units, officers, contacts, aliases) with a problem."""


class ResolutionError(DondocError):
    """Names in a plan that do not resolve to units of the directory."""


class NotFound(DondocError):
    exit_code = 3
    http_status = 404


class Forbidden(DondocError):
    exit_code = 4
    http_status = 404  # never hint that something exists


class ConfigError(DondocError):
    exit_code = 5


class DeliveryError(DondocError):
    """A notification that could not be delivered through any channel."""

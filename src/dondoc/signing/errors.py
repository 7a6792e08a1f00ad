"""Errors of signing, verification and packaging: subclasses of the one DondocError hierarchy."""

from __future__ import annotations

from dondoc.errors import ConfigError, DondocError, InputError


class SigningError(DondocError):
    """A document that could not be signed (key not found, wrong passphrase, token error)."""

    exit_code = 7


class SigningConfigError(ConfigError):
    """A converter, image, token library or trust list that is missing or unusable."""


class PackageError(InputError):
    """An edXML package that cannot be read or does not follow the schema."""

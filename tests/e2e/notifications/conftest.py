"""The whole-process delivery tests use the integration tests' local SMTP server."""

from tests.integration.notifications.conftest import _smtp_server, smtp_peer  # noqa: F401  (fixtures re-exported)

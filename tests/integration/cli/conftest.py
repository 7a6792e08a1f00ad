"""The notify/zalo commands send to the notification tests' local peers."""

from tests.integration.notifications.conftest import _smtp_server, closed_port, down_url, http_peer, smtp_peer  # noqa: F401  (fixtures re-exported)

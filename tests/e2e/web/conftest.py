"""Browser and load tests reuse the web tests' small world and live server."""

from tests.integration.web.conftest import client, live_server, world  # noqa: F401  (fixtures re-exported)

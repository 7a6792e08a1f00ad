"""Security tests reuse the web tests' small world (tests/integration/web/world.py) and their client fixture."""

from tests.integration.web.conftest import client, world  # noqa: F401  (fixtures re-exported for this package)

"""Moved to tests/integration/web/world.py; this alias stays only for benchmarks/web.py
(`from tests.web.world import build_world`) until that import is updated, then delete tests/web/."""

from tests.integration.web.world import *  # noqa: F403
from tests.integration.web.world import build_world  # noqa: F401

"""The Prefect tasks share the flows' small world and recording notifier."""

from tests.integration.flows.conftest import notifier, world  # noqa: F401  (fixtures re-exported for this package)

"""Prefect flows: each reads as a list of task calls; the decisions live in the capability packages and app/.

`daily_followup` (decide, compile what is due, compose, deliver), `compile_due` (the compile check),
`compile_report` (one plan's report on demand), `import_plan`. `deployments()` builds the deployments
`dondoc serve` registers.
"""

from dondoc.flows.followup import compile_due, compile_report, daily_followup
from dondoc.flows.plans import import_plan
from dondoc.flows.province import daily_province, deliver_pending

__all__ = ["compile_due", "compile_report", "daily_followup", "daily_province", "deliver_pending", "import_plan"]

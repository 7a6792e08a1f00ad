"""Thin Prefect tasks around the services: each task is one step of a sweep, passes ids and plain data,
and opens its own database engine from the process settings (DONDOC_* environment)."""

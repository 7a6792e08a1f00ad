"""Helpers shared by the CLI modules (the engine comes from the composition root)."""

from __future__ import annotations

from dondoc.bootstrap import ready_engine

__all__ = ["ready_engine"]

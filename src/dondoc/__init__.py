"""dondoc: turn Vietnamese implementation plans (Kế hoạch) into scheduled, followed-up work."""

__version__ = "0.1.0"

"""Send now: compose today's digests from the notices already decided and deliver them at once
(the focal point's 'Nhắc ngay'), instead of waiting for the next scheduled run."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.engine import Engine

from dondoc import bootstrap
from dondoc.clock import local_date
from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.delivery.compose import compose_messages
from dondoc.delivery.jobs import DeliveryStats
from dondoc.delivery.outbox import deliver_pending


def send_now(*, engine: Engine, settings: Settings, now: dt.datetime, worker: str = "web") -> DeliveryStats:
    with session_scope(engine) as s:
        compose_messages(s, day=local_date(now), now=now, settings=settings)
    return deliver_pending(engine=engine, settings=settings, notifier=bootstrap.notifier(settings), now=now,
                           worker=worker)

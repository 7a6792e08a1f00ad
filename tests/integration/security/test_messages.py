"""Reminder e-mails are HTML too: every name and text that reaches them is escaped there."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from dondoc import clock
from dondoc.config import Settings
from dondoc.delivery.compose import compose_messages
from dondoc.models import Assignment, Notice, Officer, Plan, ReportObligation, Unit
from dondoc.notifications.render import render_test
from tests.integration.web.world import World

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


@pytest.mark.parametrize("payload", PAYLOADS)
def test_test_message_escapes_names(payload: str) -> None:
    _subject, text, html = render_test(officer=payload, unit=payload, channel="email", at=clock.now())
    assert payload not in html and "&lt;" in html
    assert payload in text  # the plain-text part shows it as typed


@pytest.mark.parametrize("payload", PAYLOADS)
def test_digest_html_escapes_every_field(engine: Engine, settings: Settings, world: World, payload: str) -> None:
    with Session(engine) as s:
        s.execute(update(Unit).values(name=f"UBND {payload}"))
        s.execute(update(Officer).values(name=f"Cán bộ {payload}"))
        s.execute(update(Plan).values(title=f"Kế hoạch {payload}", number=payload))
        s.execute(update(Assignment).values(text=f"Nhiệm vụ {payload}"))
        s.execute(update(ReportObligation).values(text=f"Báo cáo {payload}"))
        day = dt.date(2025, 11, 5)
        for ob in ("task1", "rep1"):
            s.add(Notice(obligation_id=world[ob], officer_id=world["a1"], kind="reminder", level=0, day=day,
                         created_at=clock.now()))
        s.commit()
        messages = compose_messages(s, day=day, now=clock.now(), settings=settings)
        s.commit()
        assert messages
        for m in messages:
            assert payload not in m.body_html, m.body_html[:500]
            assert "&lt;" in m.body_html and "<script" not in m.body_html

"""Digests to `zalooa://USER?oa=NAME` contacts, end to end: compose, deliver through the real apprise adapter,
tokens refreshed against a local Zalo (OAuth v4 + OA message API), on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import threading

import pytest
from sqlmodel import select

from dondoc.db import make_engine
from dondoc.delivery.compose import compose_messages
from dondoc.delivery.outbox import deliver_pending
from dondoc.models import ChannelCredential
from dondoc.notifications import get_notifier
from dondoc.notifications.credentials import set_zalo_oa
from tests.integration.notifications.test_delivery_peers import DAY, NOW, QUICK, World
from tests.integration.notifications.zalo_peer import APP_ID, SECRET, ZaloPeer, zalo_peer_fixture  # noqa: F401

OA = "UBND-P2"
OLD = "AT-old-000000000001"


@pytest.fixture
def world(session, settings, frozen_clock) -> World:
    return World(session, settings)


def store_oa(world: World, peer: ZaloPeer, *, hours_left: float) -> None:
    """The OA's credential as `dondoc zalo set` leaves it, its access token expiring in `hours_left`."""
    set_zalo_oa(world.session, settings=world.settings, name=OA, now=NOW.subtract(hours=25 - hours_left),
                app_id=APP_ID, secret_key=SECRET, refresh_token=peer.refresh_token, access_token=OLD,
                expires_in=25 * 3600)
    world.session.commit()
    if hours_left > 0:
        peer.access_tokens.add(OLD)


def secrets_of(peer: ZaloPeer) -> list[str]:
    return [SECRET, OLD, "RT-initial-0001", *sorted(peer.access_tokens), peer.refresh_token]


def assert_no_secret(texts: list[str], peer: ZaloPeer) -> None:
    for text in texts:
        for secret in secrets_of(peer):
            assert secret not in text, (secret, text)


def test_an_expiring_token_is_refreshed_before_the_digest_goes_out(engine, world, zalo_peer, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    store_oa(world, zalo_peer, hours_left=0.5)
    world.remind(world.officer("Phạm Thị Lan", zalo_peer.contact("1122334455")))
    stats = world.run(engine)
    assert stats.sent == 1 and len(zalo_peer.refresh_calls) == 1
    (msg,) = zalo_peer.messages
    assert msg["token"] == "AT-fresh-0001-abcdef"
    assert msg["recipient"] == {"user_id": "1122334455"}
    assert "Kính gửi đồng chí Phạm Thị Lan" in msg["message"]["text"]
    (row,) = world.deliveries()
    assert (row.channel, row.status) == ("zalooa", "sent")
    assert row.target.startswith("zalooa://1122334455/") and f"oa={OA}" in row.target
    assert_no_secret([row.target, row.error or "", caplog.text], zalo_peer)


def test_a_token_zalo_refuses_is_refreshed_once_and_the_send_retried(engine, world, zalo_peer) -> None:
    store_oa(world, zalo_peer, hours_left=10)
    zalo_peer.access_tokens.discard(OLD)  # revoked at Zalo although not expired: the API answers -216
    world.remind(world.officer("Phạm Thị Lan", zalo_peer.contact()))
    stats = world.run(engine)
    assert (stats.sent, stats.attempts) == (1, 1)
    assert len(zalo_peer.refresh_calls) == 1
    assert [m["token"] for m in zalo_peer.messages] == ["AT-fresh-0001-abcdef"]


def test_a_zns_template_message_uses_the_same_oa_token_and_its_minus_124(engine, world, zalo_peer) -> None:
    store_oa(world, zalo_peer, hours_left=10)
    zalo_peer.access_tokens.discard(OLD)
    url = f"zns://0912345678?oa={OA}&template=247815&endpoint={zalo_peer.base}"
    world.remind(world.officer("Phạm Thị Lan", url))
    assert world.run(engine).sent == 1
    (msg,) = zalo_peer.messages
    assert (msg["token"], msg["phone"], msg["template_id"]) == ("AT-fresh-0001-abcdef", "84912345678", "247815")
    assert msg["template_data"]["name"] == "Phạm Thị Lan"
    assert len(zalo_peer.refresh_calls) == 1


def test_a_token_refused_again_after_the_refresh_is_not_refreshed_twice(engine, world, zalo_peer, smtp_peer) -> None:
    store_oa(world, zalo_peer, hours_left=10)
    zalo_peer.access_tokens.discard(OLD)
    zalo_peer.oauth_script.append((200, {"access_token": "AT-broken-77777777", "refresh_token": "RT-x-123456",
                                         "expires_in": "90000"}))  # a token the message API will refuse too
    world.remind(world.officer("Phạm Thị Lan", zalo_peer.contact(), smtp_peer.url("lan@vhxh.example.vn")))
    stats = world.run(engine)
    assert (stats.sent, stats.fallbacks) == (1, 1)
    assert len(zalo_peer.refresh_calls) == 1 and zalo_peer.messages == []
    zalo_row = world.deliveries()[0]
    assert zalo_row.status == "failed" and "zalo_error=-216" in (zalo_row.error or "")


def test_a_refused_refresh_falls_back_to_the_next_channel_with_a_clear_error(engine, world, zalo_peer, smtp_peer,
                                                                           caplog) -> None:
    caplog.set_level(logging.DEBUG)
    store_oa(world, zalo_peer, hours_left=0)  # expired
    zalo_peer.refresh_token = "RT-issued-elsewhere"  # ours no longer works (3 months passed, or re-issued)
    lan = world.officer("Phạm Thị Lan", zalo_peer.contact(), smtp_peer.url("lan@vhxh.example.vn"))
    nam = world.officer("Trần Văn Nam", zalo_peer.contact("5566778899"), smtp_peer.url("nam@vhxh.example.vn"))
    world.remind(lan)
    world.remind(nam)
    stats = world.run(engine)
    assert (stats.sent, stats.fallbacks, stats.dead) == (2, 2, 0)
    assert sorted(m.rcpts[0] for m in smtp_peer.mails) == ["lan@vhxh.example.vn", "nam@vhxh.example.vn"]
    assert len(zalo_peer.refresh_calls) == 1  # the refusal is remembered: the second message does not retry it
    rows = world.deliveries()
    zalo_rows = [r for r in rows if r.channel == "zalooa"]
    assert [r.status for r in zalo_rows] == ["failed", "failed"]
    for r in zalo_rows:
        assert f"cấp lại refresh token cho OA '{OA}'" in (r.error or "") and f"dondoc zalo set {OA}" in (r.error or "")
    assert {r.error for r in rows if r.channel == "mailto"} == {"fallback after zalooa failed"}
    assert_no_secret([r.target for r in rows] + [r.error or "" for r in rows] + [caplog.text], zalo_peer)


def test_two_workers_sending_at_once_spend_the_refresh_token_once(engine, world, zalo_peer, settings) -> None:
    store_oa(world, zalo_peer, hours_left=0.2)
    zalo_peer.oauth_delay = 0.4  # the first refresh is still in flight when the second worker needs a token
    for i in range(2):
        world.remind(world.officer(f"Cán bộ {i}", zalo_peer.contact(f"11223344{i:02d}")))
    from sqlmodel import Session

    with Session(engine) as s:
        compose_messages(s, day=DAY, now=NOW, settings=settings)
        s.commit()
    start = threading.Barrier(2)
    results: list[object] = []

    def worker(name: str) -> None:
        own = make_engine(str(engine.url.render_as_string(hide_password=False)))  # a worker has its own pool
        try:
            start.wait()
            results.append(deliver_pending(engine=own, settings=settings, notifier=get_notifier(settings), now=NOW,
                                           worker=name, limit=1, **QUICK))
        except BaseException as exc:  # surfaced below
            results.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert all(not isinstance(r, BaseException) for r in results), results
    assert sorted(r.sent for r in results) == [1, 1]  # type: ignore[attr-defined]
    assert len(zalo_peer.refresh_calls) == 1
    assert [m["token"] for m in zalo_peer.messages] == ["AT-fresh-0001-abcdef"] * 2
    assert {m.status for m in world.messages()} == {"sent"}
    world.session.expire_all()
    row = world.session.exec(select(ChannelCredential)).one()
    assert row.expires_at is not None and row.expires_at > NOW

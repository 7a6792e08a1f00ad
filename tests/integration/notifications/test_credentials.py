"""Zalo OA credentials: sealed storage, refresh on expiry under a lock, refusals recorded, against a local Zalo."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from sqlmodel import select

from dondoc.errors import InputError, NotFound
from dondoc.models import ChannelCredential
from dondoc.notifications import FakeNotifier
from dondoc.notifications.credentials import CredentialError, list_zalo_oa, set_zalo_oa
from dondoc.notifications.zalo_oauth import CredentialNotifier, access_token
from tests.integration.notifications.zalo_peer import APP_ID, SECRET, ZaloPeer, zalo_peer_fixture  # noqa: F401

NOW = pendulum.datetime(2025, 11, 5, 8, 0, tz="Asia/Ho_Chi_Minh")


@pytest.fixture
def oa(session, settings, zalo_peer: ZaloPeer) -> str:
    set_zalo_oa(session, settings=settings, name="UBND-P2", now=NOW, app_id=APP_ID, secret_key=SECRET,
                refresh_token=zalo_peer.refresh_token, access_token="AT-old-000000000001", expires_in=90000)
    session.commit()
    zalo_peer.access_tokens.add("AT-old-000000000001")
    return "UBND-P2"


def stored(session, settings) -> dict:
    import json

    from dondoc.secrets import unseal

    session.expire_all()
    row = session.exec(select(ChannelCredential)).one()
    session.commit()
    return {"expires_at": row.expires_at, "raw": row.data, **json.loads(unseal(row.data, settings))}


def test_secrets_are_sealed_at_rest_and_shown_masked(session, settings, oa) -> None:
    data = stored(session, settings)
    assert data["raw"].startswith("enc:")
    for secret in (SECRET, "RT-initial-0001", "AT-old-000000000001"):
        assert secret not in data["raw"]
    (view,) = list_zalo_oa(session, settings=settings)
    assert (view.name, view.app_id) == ("UBND-P2", APP_ID)
    assert view.access_token == "****0001" and view.refresh_token == "****0001"
    assert view.expires_at == NOW.add(hours=25)


def test_a_fresh_token_is_used_without_calling_zalo(engine, settings, oa, zalo_peer) -> None:
    tok = access_token(engine=engine, settings=settings, name=oa, now=NOW.add(hours=10))
    assert (tok.value, tok.refreshed) == ("AT-old-000000000001", False)
    assert zalo_peer.refresh_calls == []


def test_a_token_expiring_within_the_margin_is_refreshed_and_the_new_pair_committed(
        engine, session, settings, oa, zalo_peer) -> None:
    at = NOW.add(hours=24, minutes=30)  # 30 min left < 1 h margin
    tok = access_token(engine=engine, settings=settings, name=oa, now=at)
    assert (tok.value, tok.refreshed) == ("AT-fresh-0001-abcdef", True)
    assert tok.expires_at == at.add(seconds=90000)
    (call,) = zalo_peer.refresh_calls
    assert call["headers"]["secret_key"] == SECRET
    assert call["form"] == {"app_id": APP_ID, "grant_type": "refresh_token", "refresh_token": "RT-initial-0001"}
    data = stored(session, settings)
    assert (data["access_token"], data["refresh_token"]) == ("AT-fresh-0001-abcdef", "RT-next-0001-uvwxyz")
    assert pendulum.instance(data["expires_at"]) == at.add(seconds=90000)
    # The next refresh spends the new refresh token (the first one is dead at Zalo).
    tok2 = access_token(engine=engine, settings=settings, name=oa, now=at, force=True)
    assert tok2.value == "AT-fresh-0002-abcdef"
    assert zalo_peer.refresh_calls[1]["form"]["refresh_token"] == "RT-next-0001-uvwxyz"


def test_a_refused_token_is_refreshed_once_even_if_not_expired(engine, settings, oa, zalo_peer) -> None:
    tok = access_token(engine=engine, settings=settings, name=oa, now=NOW, stale="AT-old-000000000001")
    assert tok.refreshed and len(zalo_peer.refresh_calls) == 1
    # Another worker that saw the same refusal finds the new token: no second refresh.
    again = access_token(engine=engine, settings=settings, name=oa, now=NOW, stale="AT-old-000000000001")
    assert (again.value, again.refreshed) == (tok.value, False)
    assert len(zalo_peer.refresh_calls) == 1


def test_a_refused_refresh_is_permanent_recorded_and_not_retried(engine, session, settings, oa, zalo_peer) -> None:
    zalo_peer.refresh_token = "RT-someone-else"  # ours was revoked
    late = NOW.add(hours=26)
    with pytest.raises(CredentialError) as err:
        access_token(engine=engine, settings=settings, name=oa, now=late)
    assert not err.value.transient
    msg = str(err.value)
    assert "-14014" in msg and "cấp lại refresh token cho OA 'UBND-P2'" in msg and "`dondoc zalo set UBND-P2`" in msg
    assert SECRET not in msg and "RT-initial-0001" not in msg
    assert "-14014" in stored(session, settings)["refresh_error"]
    with pytest.raises(CredentialError):
        access_token(engine=engine, settings=settings, name=oa, now=late)
    assert len(zalo_peer.refresh_calls) == 1  # the dead refresh token is not sent to Zalo again
    (view,) = list_zalo_oa(session, settings=settings)
    assert "-14014" in (view.refresh_error or "")
    # The operator stores a new refresh token: the failure is forgotten and the next send refreshes.
    zalo_peer.refresh_token = "RT-reissued-0042"
    set_zalo_oa(session, settings=settings, name=oa, now=late, refresh_token="RT-reissued-0042")
    session.commit()
    assert access_token(engine=engine, settings=settings, name=oa, now=late).refreshed


@pytest.mark.parametrize("answer", [(500, {"error": -1}), (429, {"error": -1})])
def test_a_zalo_server_error_is_transient_and_leaves_the_credential_alone(engine, session, settings, oa, zalo_peer,
                                                                         answer) -> None:
    zalo_peer.oauth_script.append(answer)
    with pytest.raises(CredentialError) as err:
        access_token(engine=engine, settings=settings, name=oa, now=NOW.add(hours=26))
    assert err.value.transient
    data = stored(session, settings)
    assert data["refresh_token"] == "RT-initial-0001" and "refresh_error" not in data


def test_unknown_oa_and_incomplete_set_are_clear_errors(engine, session, settings) -> None:
    with pytest.raises(NotFound, match="dondoc zalo set NOPE"):
        access_token(engine=engine, settings=settings, name="NOPE", now=NOW)
    with pytest.raises(InputError, match="thiếu secret_key, refresh_token"):
        set_zalo_oa(session, settings=settings, name="X", now=NOW, app_id="1")
    session.rollback()
    assert session.exec(select(ChannelCredential)).all() == []


def test_the_notifier_caches_the_token_between_sends(engine, settings, oa, zalo_peer, frozen_clock) -> None:
    frozen_clock.set(NOW.add(hours=24, minutes=30))
    fake = FakeNotifier()
    n = CredentialNotifier(fake, engine=engine, settings=settings)
    for i in range(3):
        assert n.send(f"zalooa://55{i}?oa={oa}", subject="s", text="t").ok
    assert len(zalo_peer.refresh_calls) == 1
    assert [s.url for s in fake.sent] == [f"zalooa://AT-fresh-0001-abcdef@55{i}" for i in range(3)]
    frozen_clock.set(NOW.add(hours=24, minutes=30) + dt.timedelta(seconds=90000 - 1800))  # 30 min left again
    assert n.send(f"zalooa://559?oa={oa}", subject="s", text="t").ok
    assert len(zalo_peer.refresh_calls) == 2


def test_wrapped_once_and_not_at_all_when_everything_goes_to_an_outbox(engine, settings, tmp_path) -> None:
    from dondoc.notifications.zalo_oauth import with_credentials

    fake = FakeNotifier()
    wrapped = with_credentials(fake, engine=engine, settings=settings)
    assert isinstance(wrapped, CredentialNotifier)
    assert with_credentials(wrapped, engine=engine, settings=settings) is wrapped
    dry = settings.model_copy(update={"outbox": tmp_path / "outbox"})
    assert with_credentials(fake, engine=engine, settings=dry) is fake  # a dry run never spends a refresh token

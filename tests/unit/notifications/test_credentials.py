"""Zalo OA credentials: sealed storage, refresh on expiry under a lock, refusals recorded, against a local Zalo."""

from __future__ import annotations

import pendulum
import pytest

from dondoc.notifications.credentials import oa_name, set_zalo_oa
from dondoc.notifications.zalo_oauth import with_token
from tests.integration.notifications.zalo_peer import (  # noqa: F401
    APP_ID,
    SECRET,
    ZaloPeer,
    zalo_peer_fixture,
)

NOW = pendulum.datetime(2025, 11, 5, 8, 0, tz="Asia/Ho_Chi_Minh")


@pytest.fixture
def oa(session, settings, zalo_peer: ZaloPeer) -> str:
    set_zalo_oa(session, settings=settings, name="UBND-P2", now=NOW, app_id=APP_ID, secret_key=SECRET,
                refresh_token=zalo_peer.refresh_token, access_token="AT-old-000000000001", expires_in=90000)
    session.commit()
    zalo_peer.access_tokens.add("AT-old-000000000001")
    return "UBND-P2"


@pytest.mark.parametrize(
    ("url", "name", "rewritten"),
    [("zalooa://1122334455?oa=UBND-P2", "UBND-P2", "zalooa://TOK%2F1@1122334455"),
     ("zalooa://1122334455?oa=UBND%20P2&endpoint=http://127.0.0.1:9", "UBND P2",
      "zalooa://TOK%2F1@1122334455?endpoint=http%3A%2F%2F127.0.0.1%3A9"),
     ("zns://0912345678?template=77&oa=P2", "P2", "zns://TOK%2F1@0912345678?template=77"),
     ("zalooa://tok@1122334455", None, None), ("json://h/x?oa=P2", None, None)],
)
def test_oa_references_in_contact_urls(url, name, rewritten) -> None:
    assert oa_name(url) == name
    if rewritten:
        assert with_token(url, "TOK/1") == rewritten

"""Per-channel concurrency limits, end to end: DONDOC_CHANNEL_LIMITS -> the deliver-messages task ->
delivery.deliver_pending -> real apprise sends to two local HTTP receivers. A slow webhook receiver
(each request sleeps) must not hold a fast Zalo receiver: with the webhook family limited, every Zalo
message arrives while the webhook receiver is still busy. The control case (webhook allowed to take
every sending thread) shows the measurement does catch a channel holding the rest."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.config import Settings
from dondoc.errors import ConfigError

SLOW, FAST = 6, 12  # officers on the slow webhook, officers on the fast Zalo receiver


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("email=8,zalo=16", {"email": 8, "zalo": 16}),
        (" Webhook = 3 , ", {"webhook": 3}),
        ("", {}),
        ("email", ConfigError),
        ("email=0", ConfigError),
        ("email=many", ConfigError),
    ],
)
def test_channel_limits_setting(raw: str, expected: Any) -> None:
    s = Settings(channel_limits=raw)
    if expected is ConfigError:
        with pytest.raises(ConfigError, match="DONDOC_CHANNEL_LIMITS"):
            s.channel_limit_map()
    else:
        assert s.channel_limit_map() == expected

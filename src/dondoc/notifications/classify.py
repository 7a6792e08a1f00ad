"""Turn what a channel library said about a failed send into (transient?, error text).

apprise 1.x reports only True/False per send; the reason is in its log lines. The adapter records
the lines of each send (per plugin instance, so concurrent sends never mix) and this module reads
them: SMTP reply codes (4xx transient, 5xx permanent), HTTP status codes (5xx, 408, 425, 429
transient), connection failures and timeouts (transient). Anything unrecognised is permanent, so a
misconfigured contact fails fast and the fallback channel is used.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

_SMTP_CODE = re.compile(r"\((\d{3}), b?['\"]")
_HTTP_CODE = re.compile(r"error=(\d{3})\b")
_TRANSIENT_HTTP = {408, 425, 429}
_TRANSIENT_WORDS = re.compile(
    r"connection error|connection refused|connection reset|connection aborted|timed out|timeout|"
    r"temporarily|temporary failure|server disconnected|errno 111|errno 104|name or service not known|"
    r"max retries exceeded|transient",
    re.IGNORECASE,
)

Record = tuple[int, str]  # (logging level, message)


def classify(records: Sequence[Record]) -> tuple[bool, str]:
    """(transient, error) for a failed send, from its log records."""
    text = "\n".join(msg for _lvl, msg in records)
    transient: bool | None = None
    m = _SMTP_CODE.search(text)
    if m:
        transient = 400 <= int(m.group(1)) < 500
    else:
        codes = [int(c) for c in _HTTP_CODE.findall(text)]
        if codes:
            code = codes[-1]
            transient = code >= 500 or code in _TRANSIENT_HTTP
        elif _TRANSIENT_WORDS.search(text):
            transient = True
    return bool(transient), summarise(records)


def summarise(records: Sequence[Record], limit: int = 500) -> str:
    """The warnings, then the low-level exception (apprise logs it at debug level), on one line."""
    warnings = [msg for lvl, msg in records if lvl >= logging.WARNING]
    details = [msg for lvl, msg in records if lvl < logging.WARNING and
               ("Exception" in msg or "Response Details" in msg or "error" in msg.lower())]
    parts = list(dict.fromkeys(warnings + details[-1:]))
    if not parts:
        return "the channel reported a failure without details"
    return " | ".join(p.replace("\r", " ").replace("\n", " ") for p in parts)[:limit]

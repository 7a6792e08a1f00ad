"""Reaching officers: the Notifier port, its apprise adapter, a fake, and the message templates.

Contact URLs (Contact.url, sealed at rest) are apprise URLs, one target each:
  mailto://HOST:PORT?from=A&to=B[&mode=insecure|starttls|ssl]   mailtos://USER:PASS@HOST   email (SMTP)
  tgram://BOT_TOKEN/CHAT_ID                                      Telegram
  json://HOST[:PORT]/PATH   form://...   xml://...                webhooks (SMS gateways, in-house systems)
  zalooa://OA_ACCESS_TOKEN@ZALO_USER_ID[?endpoint=URL]           Zalo Official Account message (API v3)
  zalooa://ZALO_USER_ID?oa=NAME                                  the same, with the OA token `dondoc zalo set` stored
  zns://ACCESS_TOKEN@PHONE?template=ID[&endpoint=URL]            Zalo ZNS template message
  outbox:///FOLDER  or  outbox://                                 one file per message in a folder

A message may carry files (`Attachment`, e.g. the compiled report): email sends them as MIME parts and
the outbox copies them next to the message file (`carries_files`); the delivery service gives the
other channels a note with the link instead.

Only `dondoc.notifications.apprise_adapter` imports apprise; it is loaded on first use of
`get_notifier`, so importing this package stays cheap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dondoc.notifications.fake import FakeNotifier, Sent
from dondoc.notifications.port import (
    DEFAULT_CHANNEL_LIMITS,
    DEFAULT_LIMIT,
    FILE_FAMILIES,
    Attachment,
    Notifier,
    SendResult,
    carries_files,
    channel_of,
    scheme_of,
)

if TYPE_CHECKING:
    from dondoc.config import Settings

__all__ = [
    "DEFAULT_CHANNEL_LIMITS",
    "DEFAULT_LIMIT",
    "FILE_FAMILIES",
    "Attachment",
    "FakeNotifier",
    "Notifier",
    "RedirectNotifier",
    "SendResult",
    "Sent",
    "carries_files",
    "channel_of",
    "get_notifier",
    "scheme_of",
]


def get_notifier(settings: Settings) -> Notifier:
    """The real notifier. `outbox://` without a folder writes to the data folder's outbox/;
    DONDOC_ZALO_API_BASE / DONDOC_ZNS_API_BASE redirect the Zalo APIs (tests, staging),
    DONDOC_TELEGRAM_API_BASE the Telegram Bot API (a self-hosted telegram-bot-api server).
    With Settings.outbox set (demo, dry run) every message goes into that folder instead of out."""
    from dondoc.notifications.apprise_adapter import AppriseNotifier

    real = AppriseNotifier(
        outbox_dir=str(settings.home / "outbox"),
        zalo_api_base=settings.zalo_api_base or None,
        zns_api_base=settings.zns_api_base or None,
        telegram_api_base=settings.telegram_api_base or None,
    )
    if settings.outbox:
        return RedirectNotifier(real, f"outbox://{Path(settings.outbox).resolve()}")
    return real


class RedirectNotifier:
    """Sends every message to one URL (an outbox folder) whatever the contact; records the contact
    it stands for in the target, so the delivery log still reads per contact."""

    def __init__(self, inner: Notifier, url: str) -> None:
        self.inner = inner
        self.url = url

    def mask(self, url: str) -> str:
        return self.inner.mask(url)

    def send(self, url: str, *, subject: str, text: str, html: str = "", key: str = "",
             data: Mapping[str, str] | None = None, attachments: Sequence[Attachment] = ()) -> SendResult:
        # Which files go along was decided for the contact's own channel (the caller): the folder
        # then shows what that channel would have received.
        extra = {"attachments": attachments} if attachments else {}
        res = self.inner.send(self.url, subject=subject, text=text, html=html, key=key, data=data, **extra)
        return SendResult(ok=res.ok, transient=res.transient, error=res.error,
                          target=f"{self.inner.mask(url)} -> {res.target}")

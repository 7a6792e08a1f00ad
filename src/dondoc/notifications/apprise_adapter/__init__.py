"""The apprise adapter: the one place dondoc imports apprise.

Each send instantiates the contact's apprise plugin afresh (a fresh instance has no throttle
history, costs ~0.1 ms, and holds no state shared between threads), swaps the plugin's logger for a
per-send recorder so the reason of a failure can be read back without mixing concurrent sends, and
calls the plugin's `notify()` directly: only `True` counts as delivered (apprise 1.x returns
True/False/None). Retries are the delivery service's job, not apprise's.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping, Sequence
from typing import Any

import apprise
from apprise.attachment.file import AttachFile
from apprise.common import NotifyFormat
from apprise.decorators.base import N_MGR

from dondoc.notifications.apprise_adapter.channels import CHANNEL_PLUGINS, fit_body, telegram_api
from dondoc.notifications.classify import Record, classify
from dondoc.notifications.port import (
    EMAIL_SCHEMES,
    Attachment,
    SendResult,
    naive_mask,
    scheme_of,
    scrub,
    secrets_in,
    tidy_masked,
)

log = logging.getLogger(__name__)
_APPRISE_LOG = logging.getLogger("apprise")
_USERINFO = re.compile(r"(://[^:/@\s]*:)[^@\s]+@")
_BOT_TOKEN = re.compile(r"(/bot\d+:)[A-Za-z0-9_-]+")  # Telegram's token travels in the request path


class _NoSecrets(logging.Filter):
    """apprise's trace records dump each parsed URL (password included): drop them; blank the password
    of any URL left in its other records."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.DEBUG:
            return False
        text = record.getMessage()
        clean = _BOT_TOKEN.sub(r"\1****", _USERINFO.sub(r"\1****@", text))
        if clean != text:
            record.msg, record.args = clean, ()
        return True


_APPRISE_LOG.addFilter(_NoSecrets())
logging.getLogger("urllib3.connectionpool").addFilter(_NoSecrets())  # logs request paths at debug level
_registered = threading.Lock()
_done = False


def register_channels() -> None:
    """Make zalooa://, zns:// and outbox:// known to apprise (once per process)."""
    global _done
    with _registered:
        if _done:
            return
        for plugin in CHANNEL_PLUGINS:
            if plugin.secure_protocol not in N_MGR:
                N_MGR.add(plugin, schemas=[plugin.secure_protocol])
        _done = True


class _Recorder:
    """Stands in for a plugin's logger during one send: keeps every line, forwards to apprise's logger.
    The contact URL's secrets are blanked first: plugins log their request URLs at debug level, and
    Telegram's carries the bot token (api.telegram.org/bot<TOKEN>/sendMessage)."""

    def __init__(self, url: str = "") -> None:
        self.records: list[Record] = []
        self.secrets = secrets_in(url)

    def _log(self, level: int, msg: Any, *args: Any, **_kw: Any) -> None:
        try:
            text = str(msg) % args if args else str(msg)
        except (TypeError, ValueError):
            text = f"{msg} {args}"
        for secret in self.secrets:
            text = text.replace(secret, "****")
        self.records.append((level, text))
        if _APPRISE_LOG.isEnabledFor(level):
            _APPRISE_LOG.log(level, "%s", text)

    def isEnabledFor(self, level: int) -> bool:
        return _APPRISE_LOG.isEnabledFor(level)

    def log(self, level: int, msg: Any, *args: Any, **kw: Any) -> None:
        self._log(level, msg, *args)

    def trace(self, msg: Any, *args: Any, **kw: Any) -> None:
        if _APPRISE_LOG.isEnabledFor(logging.DEBUG - 1):
            self._log(logging.DEBUG - 1, msg, *args)

    def debug(self, msg: Any, *args: Any, **kw: Any) -> None:
        self._log(logging.DEBUG, msg, *args)

    def info(self, msg: Any, *args: Any, **kw: Any) -> None:
        self._log(logging.INFO, msg, *args)

    def warning(self, msg: Any, *args: Any, **kw: Any) -> None:
        self._log(logging.WARNING, msg, *args)

    def error(self, msg: Any, *args: Any, **kw: Any) -> None:
        self._log(logging.ERROR, msg, *args)

    def exception(self, msg: Any, *args: Any, **kw: Any) -> None:
        self._log(logging.ERROR, msg, *args)

    def deprecate(self, msg: Any, *args: Any, **kw: Any) -> None:
        self._log(logging.WARNING, msg, *args)


class AppriseNotifier:
    """The real Notifier: any apprise URL plus dondoc's Zalo OA, ZNS and outbox channels."""

    def __init__(
        self,
        *,
        outbox_dir: str | None = None,
        zalo_api_base: str | None = None,
        zns_api_base: str | None = None,
        telegram_api_base: str | None = None,
        app_id: str = "dondoc",
    ) -> None:
        register_channels()
        self.outbox_dir = outbox_dir
        self.zalo_api_base = zalo_api_base.rstrip("/") if zalo_api_base else None
        self.zns_api_base = zns_api_base.rstrip("/") if zns_api_base else None
        self.telegram_api_base = telegram_api_base.rstrip("/") if telegram_api_base else None
        self.asset = apprise.AppriseAsset(app_id=app_id, app_desc="dondoc - đôn đốc thực hiện kế hoạch",
                                          async_mode=False)

    def _load(self, url: str) -> Any:
        return apprise.Apprise.instantiate(url, asset=self.asset, suppress_exceptions=True)

    def mask(self, url: str) -> str:
        plugin = self._load(url)
        if plugin is None:
            return naive_mask(url)
        return tidy_masked(plugin.url(privacy=True))

    def send(
        self,
        url: str,
        *,
        subject: str,
        text: str,
        html: str = "",
        key: str = "",
        data: Mapping[str, str] | None = None,
        attachments: Sequence[Attachment] = (),
    ) -> SendResult:
        plugin = self._load(url)
        if plugin is None:
            return SendResult(ok=False, transient=False, target=naive_mask(url),
                              error=f"the contact URL cannot be used (unknown scheme {scheme_of(url)!r} "
                                    "or a missing/invalid part)")
        target = tidy_masked(plugin.url(privacy=True))
        recorder = _Recorder(url)
        plugin.logger = recorder
        self._prepare(plugin, key=key, html=html, data=data)
        scheme = scheme_of(url)
        if scheme in EMAIL_SCHEMES and html:
            body, fmt = html, NotifyFormat.HTML
        else:
            body, fmt = text, NotifyFormat.TEXT
        body, title, fmt, overflow = fit_body(plugin, body=body, title=subject, body_format=fmt)
        extra: dict[str, Any] = {"overflow": overflow} if overflow is not None else {}
        if attachments and getattr(plugin, "attachment_support", False):
            extra["attach"] = self._attach(attachments)
        try:
            result = plugin.notify(body=body, title=title, body_format=fmt, **extra)
        except Exception as exc:  # a plugin bug must not stop the sweep
            recorder.warning("Unhandled exception in the %s plugin: %s", scheme, exc)
            result = False
        if result is True:
            return SendResult(ok=True, target=target)
        transient, error = classify(recorder.records)
        return SendResult(ok=False, transient=transient, error=scrub(error, url), target=target)

    def _attach(self, attachments: Sequence[Attachment]) -> apprise.AppriseAttachment:
        # Local files only, each under the name and content type the caller chose (an email client
        # shows that name; apprise would otherwise guess from the path). No size cap of apprise's own:
        # the delivery service applies dondoc's limit before it gets here.
        bundle = apprise.AppriseAttachment(asset=self.asset)
        for a in attachments:
            bundle.add(AttachFile(a.path, name=a.name, mimetype=a.mimetype, asset=self.asset))
        return bundle

    def _prepare(self, plugin: Any, *, key: str, html: str, data: Mapping[str, str] | None) -> None:
        # The idempotency key travels where the channel can carry it, so a receiver can drop the
        # duplicate that an at-least-once retry may produce.
        headers = getattr(plugin, "headers", None)
        if key and isinstance(headers, dict):
            headers.setdefault("X-Dondoc-Key", key)
        if hasattr(plugin, "delivery_key"):
            plugin.delivery_key = key
        if hasattr(plugin, "endpoint_override"):
            plugin.endpoint_override = self.zns_api_base if plugin.secure_protocol == "zns" else self.zalo_api_base
        telegram_api(plugin, self.telegram_api_base)
        if hasattr(plugin, "template_data") and data:
            plugin.template_data = dict(data)
        if hasattr(plugin, "default_folder"):
            plugin.default_folder = self.outbox_dir
            plugin.html_body = html

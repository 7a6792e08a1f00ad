"""dondoc's own apprise channels: Zalo Official Account, Zalo ZNS template messages, and a folder outbox.

apprise's own `zalo://` arrives only in 2.1 (excluded by prefect's pin) and covers the bot API, not
Official Account messages, so the OA message API is a plugin here. URL forms:

  zalooa://ACCESS_TOKEN@ZALO_USER_ID[?endpoint=http://127.0.0.1:8081]   (or zalooa://ACCESS_TOKEN/ZALO_USER_ID)
      POST {endpoint}/v3.0/oa/message/cs, header `access_token`, JSON
      {"recipient": {"user_id": ...}, "message": {"text": ...}}; default endpoint https://openapi.zalo.me
  zalooa://ZALO_USER_ID?oa=NAME   (and zns://PHONE?oa=NAME&template=...)
      the token is the OA's stored credential (ChannelCredential NAME, refreshed by dondoc): the delivery
      service (dondoc.notifications.credentials) puts a fresh access token into the URL before the send; the
      plugin alone only parses and masks this form, and refuses to send with it.
  zns://ACCESS_TOKEN@PHONE?template=TEMPLATE_ID[&endpoint=...]   (or zns://ACCESS_TOKEN/PHONE?template=...)
      POST {endpoint}/message/template with {"phone": "84...", "template_id", "template_data",
      "tracking_id": the delivery key}; default endpoint https://business.openapi.zalo.me
  outbox:///ABSOLUTE/FOLDER   or   outbox://   (the data folder's outbox/)
      writes each message as KEY.txt (and KEY.html when there is an HTML body) into the folder, and a
      copy of each attached file as KEY__FILENAME next to it. Personal links are written cut to their
      token's first characters (render.redact_links): a file at rest holds no working link; the officer
      gets the full link by Zalo/email, and an operator from `dondoc links`.

Zalo replies JSON with "error": 0 on success; a non-zero error is a failure even under HTTP 200.
The endpoint can also be set for every contact with DONDOC_ZALO_API_BASE / DONDOC_ZNS_API_BASE
(applied by the adapter), so tests and staging point the channel at a local server.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Any

import requests
from apprise.common import NotifyFormat, NotifyType, OverflowMode
from apprise.plugins.base import NotifyBase

from dondoc.notifications.port import ascii_filename
from dondoc.notifications.render import LINKS_REDACTED_NOTE, redact_links

ZALO_DEFAULT_ENDPOINT = "https://openapi.zalo.me"
ZNS_DEFAULT_ENDPOINT = "https://business.openapi.zalo.me"


def _check_endpoint(value: str | None) -> str | None:
    if not value:
        return None
    if not re.match(r"^https?://[^\s/?#]+", value):
        raise TypeError(f"invalid endpoint {value!r}: expected http(s)://host[:port]")
    return value.rstrip("/")


class _ZaloBase(NotifyBase):  # type: ignore[misc]
    """Shared HTTP and reply handling of the two Zalo APIs."""

    request_rate_per_sec = 0
    default_endpoint = ZALO_DEFAULT_ENDPOINT
    api_path = ""

    def __init__(self, access_token: str | None = None, target: str | None = None,
                 endpoint: str | None = None, oa: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not access_token and not oa:
            raise TypeError(f"{self.service_name}: no access token (or ?oa=NAME) in the URL")
        if not target:
            raise TypeError(f"{self.service_name}: no recipient in the URL")
        self.access_token = access_token or ""
        # A stored OA credential the token comes from (zalooa://USER?oa=NAME); dondoc resolves it.
        self.oa = oa or None
        self.target = target
        self.endpoint = _check_endpoint(endpoint)
        # Set by the adapter per send: the process-wide endpoint override and the delivery key.
        self.endpoint_override: str | None = None
        self.delivery_key = ""
        self.template_data: dict[str, str] | None = None

    def _post(self, payload: dict[str, Any]) -> bool:
        if not self.access_token:
            self.logger.warning("%s: the contact names OA %r (?oa=): its access token is filled in by dondoc's "
                                "delivery service, which was bypassed", self.service_name, self.oa)
            return False
        base = self.endpoint or self.endpoint_override or self.default_endpoint
        url = f"{base}{self.api_path}"
        headers = {"User-Agent": self.app_id, "Content-Type": "application/json",
                   "access_token": self.access_token}
        self.throttle()
        try:
            r = requests.post(url, data=json.dumps(payload, ensure_ascii=False).encode("utf-8"), headers=headers,
                              timeout=self.request_timeout, verify=self.verify_certificate)
        except requests.RequestException as exc:
            self.logger.warning("A Connection error occurred sending %s notification.", self.service_name)
            self.logger.debug("Socket Exception: %s", exc)
            return False
        if not 200 <= r.status_code < 300:
            self.logger.warning("Failed to send %s notification: error=%d.", self.service_name, r.status_code)
            self.logger.debug("Response Details: %r", (r.content or b"")[:500])
            return False
        try:
            reply = r.json()
        except ValueError:
            self.logger.warning("%s answered HTTP %d with a body that is not JSON.", self.service_name, r.status_code)
            return False
        code = reply.get("error") if isinstance(reply, dict) else None
        if code not in (0, "0"):
            self.logger.warning("%s refused the message: zalo_error=%s %s", self.service_name, code,
                                str(reply.get("message", "") if isinstance(reply, dict) else "")[:200])
            return False
        self.logger.info("Sent %s notification.", self.service_name)
        return True

    @property
    def url_identifier(self) -> tuple[Any, ...]:
        return (self.secure_protocol, self.access_token, self.endpoint)

    def _url(self, privacy: bool, extra: dict[str, str]) -> str:
        params = dict(extra)
        if self.endpoint:
            params["endpoint"] = self.endpoint
        if self.oa:
            params["oa"] = self.oa
        params.update(self.url_parameters(privacy=privacy))
        if not self.access_token:
            return "{schema}://{target}/?{params}".format(
                schema=self.secure_protocol, target=self.quote(self.target, safe=""), params=self.urlencode(params))
        return "{schema}://{token}@{target}/?{params}".format(
            schema=self.secure_protocol,
            token=self.pprint(self.access_token, privacy, safe=""),
            target=self.quote(self.target, safe=""),
            params=self.urlencode(params),
        )

    @classmethod
    def _parse(cls, url: str) -> dict[str, Any] | None:
        # Two spellings: scheme://TOKEN@TARGET and scheme://TOKEN/TARGET (tgram-style); ?token= and
        # ?to= override either.
        results = NotifyBase.parse_url(url, verify_host=False)
        if not results:
            return results
        qsd = results["qsd"]
        path = NotifyBase.split_path(results.get("fullpath") or "")
        if results.get("user"):
            token, target = results["user"], results.get("host")
        elif qsd.get("oa") and not path:
            token, target = None, results.get("host")  # scheme://TARGET?oa=NAME: the token is stored
        else:
            token, target = results.get("host"), path[0] if path else None
        results["access_token"] = NotifyBase.unquote(qsd.get("token") or token or "") or None
        results["target"] = NotifyBase.unquote(qsd.get("to") or target or "") or None
        results["endpoint"] = qsd.get("endpoint")
        results["oa"] = NotifyBase.unquote(qsd.get("oa") or "") or None
        return results


class NotifyZaloOA(_ZaloBase):
    """Zalo Official Account customer-service message (API v3) to a follower's user id."""

    service_name = "Zalo OA"
    service_url = "https://developers.zalo.me/docs/official-account/"
    protocol = "zalooa"
    secure_protocol = "zalooa"
    api_path = "/v3.0/oa/message/cs"
    notify_format = NotifyFormat.TEXT
    title_maxlen = 0  # the subject goes on top of the text
    body_maxlen = 2000  # Zalo's limit for a text message ...
    overflow_mode = OverflowMode.TRUNCATE  # ... cut, not split: the personal link is near the top

    templates = ("{schema}://{access_token}@{user_id}",)

    def send(self, body: str, title: str = "", notify_type: NotifyType = NotifyType.INFO, **kwargs: Any) -> bool:
        return self._post({"recipient": {"user_id": self.target}, "message": {"text": body}})

    def url(self, privacy: bool = False, *args: Any, **kwargs: Any) -> str:
        return self._url(privacy, {})

    @staticmethod
    def parse_url(url: str) -> dict[str, Any] | None:
        return NotifyZaloOA._parse(url)


class NotifyZaloZNS(_ZaloBase):
    """Zalo Notification Service: a pre-approved template message to a phone number."""

    service_name = "Zalo ZNS"
    service_url = "https://zalo.cloud/zns"
    protocol = "zns"
    secure_protocol = "zns"
    api_path = "/message/template"
    default_endpoint = ZNS_DEFAULT_ENDPOINT
    notify_format = NotifyFormat.TEXT
    title_maxlen = 0
    body_maxlen = 400

    templates = ("{schema}://{access_token}@{phone}?template={template_id}",)

    def __init__(self, template: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not template:
            raise TypeError("Zalo ZNS: no template id (?template=...) in the URL")
        self.template_id = template
        self.phone = phone_international(self.target)

    def send(self, body: str, title: str = "", notify_type: NotifyType = NotifyType.INFO, **kwargs: Any) -> bool:
        data = dict(self.template_data or {"content": body})
        payload: dict[str, Any] = {"phone": self.phone, "template_id": self.template_id, "template_data": data}
        if self.delivery_key:
            payload["tracking_id"] = self.delivery_key
        return self._post(payload)

    def url(self, privacy: bool = False, *args: Any, **kwargs: Any) -> str:
        return self._url(privacy, {"template": self.template_id})

    @staticmethod
    def parse_url(url: str) -> dict[str, Any] | None:
        results = NotifyZaloZNS._parse(url)
        if results:
            results["template"] = results["qsd"].get("template")
        return results


# ---- apprise's own plugins, as dondoc sends through them ------------------------------------------

TELEGRAM_DEFAULT_API = "https://api.telegram.org"


def telegram_api(plugin: Any, api_base: str | None) -> None:
    """Point a tgram:// plugin at another Bot API server (DONDOC_TELEGRAM_API_BASE: a self-hosted
    `telegram-bot-api`, or a local peer in tests). apprise builds its request URLs as notify_url + token."""
    if api_base and getattr(plugin, "secure_protocol", "") == "tgram":
        plugin.notify_url = f"{api_base.rstrip('/')}/bot"


def fit_body(plugin: Any, *, body: str, title: str, body_format: NotifyFormat) -> tuple[str, str, NotifyFormat, Any]:
    """(body, title, body_format, overflow) to hand a plugin's notify().

    The adapter calls plugins directly, so the conversion `Apprise.notify` would do is done here where it
    matters: Telegram (parse_mode HTML by default) gets plain text with `&`, `<`, `>` escaped (the only
    entities its HTML accepts besides &quot;), marked as HTML so that apprise's splitter never cuts an
    entity in two, and long digests are split into messages of at most 4096 characters (apprise's
    `overflow=split`; Telegram refuses longer texts) unless the contact URL chose another overflow mode.
    As in apprise, runs of blank lines become one line break in Telegram. Other plugins are unchanged."""
    if getattr(plugin, "secure_protocol", "") != "tgram":
        return body, title, body_format, None
    overflow = OverflowMode.SPLIT if plugin.overflow_mode == OverflowMode.UPSTREAM else None
    if plugin.notify_format == NotifyFormat.HTML and body_format == NotifyFormat.TEXT:
        return _html_escape(body), _html_escape(title), NotifyFormat.HTML, overflow
    return body, title, body_format, overflow


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def phone_international(phone: str) -> str:
    """'0912 345 678' / '+84912345678' -> '84912345678' (ZNS wants the international form, no '+')."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("0"):
        digits = "84" + digits[1:]
    return digits


class NotifyOutbox(NotifyBase):  # type: ignore[misc]
    """Writes each message as a file into a folder: the demo's and an air-gapped office's channel."""

    service_name = "dondoc outbox"
    protocol = "outbox"
    secure_protocol = "outbox"
    request_rate_per_sec = 0
    notify_format = NotifyFormat.TEXT
    title_maxlen = 250
    body_maxlen = 0  # no limit
    attachment_support = True
    templates = ("{schema}:///{path}", "{schema}://")

    def __init__(self, folder: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.folder = folder or ""
        # Set by the adapter per send.
        self.default_folder: str | None = None
        self.delivery_key = ""
        self.html_body = ""

    def _target_folder(self) -> Path:
        if self.folder and os.path.isabs(self.folder):
            return Path(self.folder)
        if not self.default_folder:
            raise OSError("outbox:// without a folder and no data folder configured")
        return Path(self.default_folder) / self.folder if self.folder else Path(self.default_folder)

    def send(self, body: str, title: str = "", notify_type: NotifyType = NotifyType.INFO,
             attach: Any = None, **kwargs: Any) -> bool:
        try:
            folder = self._target_folder()
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            stem = safe_filename(self.delivery_key) if self.delivery_key else uuid.uuid4().hex
            # The files first: the message file, written last, never names a file that is not there.
            copied = []
            for no, attachment in enumerate(attach or (), start=1):
                if not attachment:  # apprise's attachments are falsy when the file cannot be read
                    raise OSError(f"cannot read the attachment {attachment.url(privacy=True)}")
                name = ascii_filename(attachment.name or f"file{no:03}.dat")
                with attachment.open() as src:
                    _atomic_write_bytes(folder / f"{stem}__{name}", src)
                copied.append(f"{stem}__{name}")
            title, _ = redact_links(title)
            body, cut = redact_links(body)
            html, cut_html = redact_links(self.html_body)
            text = f"Tiêu đề: {title}\nMã: {self.delivery_key}\n"
            if copied:
                text += "Tệp kèm: " + ", ".join(copied) + "\n"
            if cut:
                text += f"Ghi chú: {LINKS_REDACTED_NOTE}\n"
            text += f"\n{body}\n"
            _atomic_write(folder / f"{stem}.txt", text)
            if html:
                if cut_html:
                    html = f"<p><em>{_html_escape(LINKS_REDACTED_NOTE)}</em></p>\n{html}"
                _atomic_write(folder / f"{stem}.html", html)
        except OSError as exc:
            self.logger.warning("Could not write the outbox file: %s (temporary failure)", exc)
            return False
        self.logger.info("Wrote outbox message %s.", stem)
        return True

    def url(self, privacy: bool = False, *args: Any, **kwargs: Any) -> str:
        return f"outbox://{self.quote(self.folder, safe='/')}"

    @property
    def url_identifier(self) -> tuple[Any, ...]:
        return ("outbox", self.folder)

    @staticmethod
    def parse_url(url: str) -> dict[str, Any] | None:
        results = NotifyBase.parse_url(url, verify_host=False)
        if not results:
            return results
        raw = url.split("://", 1)[1].split("?", 1)[0]
        results["folder"] = NotifyBase.unquote(raw)
        return results


def safe_filename(key: str) -> str:
    return re.sub(r"[^0-9A-Za-z._-]+", "_", key).strip("._") or "message"


def _atomic_write(path: Path, content: str) -> None:
    # Whole file or nothing: a reader never sees half a message, and re-sending the same key
    # replaces the file instead of adding a second one.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        # mkstemp makes it 600, kept: a message may carry the recipient's personal link
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _atomic_write_bytes(path: Path, src: Any) -> None:
    """Copy an open binary file to `path`, whole or not at all (same rules as _atomic_write)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            shutil.copyfileobj(src, fh)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


CHANNEL_PLUGINS = (NotifyZaloOA, NotifyZaloZNS, NotifyOutbox)

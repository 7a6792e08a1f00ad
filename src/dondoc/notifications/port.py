"""The Notifier port: what the delivery service needs from a channel library, and nothing more.

One `send` call delivers one message to one contact URL and reports a `SendResult` saying whether it
arrived, and if not, whether trying again later makes sense (a full mailbox, an HTTP 503, a timeout)
or not (a refused recipient, a bad token). Sending to one target per call is deliberate: apprise
folds the results of several targets into one boolean, and the delivery log needs each contact's fate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# URL scheme -> channel family. Families name the per-channel concurrency limits and the Delivery rows.
FAMILIES: dict[str, str] = {
    "mailto": "email",
    "mailtos": "email",
    "tgram": "telegram",
    "json": "webhook",
    "jsons": "webhook",
    "form": "webhook",
    "forms": "webhook",
    "xml": "webhook",
    "xmls": "webhook",
    "zalooa": "zalo",
    "zns": "zns",
    "outbox": "outbox",
}

# How many sends of one family may be in flight at once. A slow SMTP server then occupies at most
# this many workers, and the other channels keep going.
DEFAULT_CHANNEL_LIMITS: dict[str, int] = {
    "email": 8,
    "telegram": 4,
    "webhook": 32,
    "zalo": 8,
    "zns": 4,
    "outbox": 4,
}
DEFAULT_LIMIT = 8

EMAIL_SCHEMES = ("mailto", "mailtos")

# Families whose channel carries files (email as MIME parts, the outbox as files next to the message).
# The others (Zalo OA text, ZNS templates, webhooks, Telegram) get a text that says where the files are.
FILE_FAMILIES = frozenset({"email", "outbox"})


def scheme_of(url: str) -> str:
    return url.split("://", 1)[0].strip().lower() if "://" in url else ""


def channel_of(url: str) -> str:
    """The family of a contact URL: email, telegram, webhook, zalo, zns, outbox, or the bare scheme."""
    scheme = scheme_of(url)
    return FAMILIES.get(scheme, scheme or "unknown")


def carries_files(url: str) -> bool:
    """Whether a message to this contact URL can carry attached files."""
    return channel_of(url) in FILE_FAMILIES


def ascii_filename(name: str) -> str:
    """A file name every mail client and file system takes: 'Báo cáo KH 68/2025.docx' ->
    'Bao-cao-KH-68-2025.docx' (accents dropped, đ -> d, anything else but letters, digits, '.', '_'
    and '-' becomes '-')."""
    import unicodedata

    name = name.replace("đ", "d").replace("Đ", "D")
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    name = re.sub(r"[^0-9A-Za-z._-]+", "-", name).strip(".-_")
    return name or "tep"


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a message: an absolute path already checked by the caller, the file name the
    recipient sees (ASCII-safe), its content type and size in bytes."""

    path: str
    name: str
    mimetype: str = "application/octet-stream"
    size: int = 0


@dataclass(frozen=True, slots=True)
class SendResult:
    ok: bool
    transient: bool = False  # worth retrying later (SMTP 4xx, HTTP 5xx/429, timeout, peer down)
    error: str | None = None  # what went wrong, secrets removed
    target: str = ""  # the contact URL with secrets masked

    @property
    def status(self) -> str:
        """The Delivery.status word: sent, transient or failed."""
        return "sent" if self.ok else ("transient" if self.transient else "failed")


@runtime_checkable
class Notifier(Protocol):
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
        """Deliver one message to one contact. `key` is the message's idempotency key (sent along
        where the channel can carry it: an X-Dondoc-Key header, a ZNS tracking_id, the outbox file
        name); `data` holds template fields for template channels (ZNS); `attachments` are files sent
        with it where the channel carries files (`carries_files`); other channels ignore them.
        Callers pass `attachments` only when there are some."""
        ...

    def mask(self, url: str) -> str:
        """The URL with every secret masked, safe for logs and the database."""
        ...


# ---- masking helpers shared by the adapter and the fake -------------------------------------------

_SECRET_KEYS = {"token", "key", "apikey", "api_key", "secret", "password", "pass", "pwd", "access_token",
                "auth", "authorization", "signature", "sig"}
_NOISE_KEYS = {"format", "overflow", "retry", "wait", "optional", "cto", "rto", "verify", "image", "detect",
               "silent", "preview", "content", "mdv", "method", "store", "emojis", "tz"}


def tidy_masked(url: str) -> str:
    """Post-process a privacy URL: mask header/GET-parameter values and secret-named parameters
    (apprise leaves `+Authorization=Bearer ...` readable) and drop default noise parameters."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return f"{scheme_of(url)}://****"
    if not parts.query:
        return url
    kept = []
    # A literal '+' opens a header name in apprise URLs (not a space): keep it.
    for k, v in parse_qsl(parts.query.replace("+", "%2B"), keep_blank_values=True):
        if k.lower() in _NOISE_KEYS:
            continue
        if k[:1] in "+-" or k.lower().lstrip("+-:") in _SECRET_KEYS:
            v = "****"
        kept.append((k, v))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept, safe="@/:*"), parts.fragment))


def naive_mask(url: str) -> str:
    """Mask without a parser: userinfo and query values. Used when a URL cannot be loaded at all."""
    scheme = scheme_of(url) or "?"
    rest = url.split("://", 1)[1] if "://" in url else url
    rest = re.sub(r"^[^/@]*@", "****@", rest)
    rest = re.sub(r"=([^&]*)", "=****", rest)
    return f"{scheme}://{scrub(rest, url)}"


def secrets_in(url: str) -> list[str]:
    """Substrings of a contact URL that may be secret (user, password, path segments, query values),
    so an error text quoting the request URL can be scrubbed. Host names and ports are kept."""
    if "://" not in url:
        return []
    rest = url.split("://", 1)[1]
    rest, _, query = rest.partition("?")
    netloc, _, path = rest.partition("/")
    found: list[str] = []
    if "@" in netloc:
        userinfo, _, hostport = netloc.rpartition("@")
        found += [p for p in re.split(r"[:]", userinfo) if p]
    else:
        hostport = netloc
    host, _, port = hostport.partition(":")
    if port and not port.isdigit():
        found.append(port)  # tgram://BOTID:SECRET/... keeps its secret where a port would be
    found += [p for p in path.split("/") if p]
    for k, v in parse_qsl(query.replace("+", "%2B"), keep_blank_values=True):
        if k.lower() not in ("from", "to", "mode", "format", "name", "endpoint", "smtp", "template"):
            found.append(v)
    from urllib.parse import unquote

    out = set()
    for s in found:
        for variant in (s, unquote(s)):
            if len(variant) >= 6 and variant != host:
                out.add(variant)
    return sorted(out, key=len, reverse=True)


def scrub(text: str, url: str) -> str:
    for secret in secrets_in(url):
        text = text.replace(secret, "****")
    return text

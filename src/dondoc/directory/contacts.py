"""Contact URLs: which schemes dondoc accepts (apprise's plugins and its own channels), what is wrong with a URL, and its channel."""

from __future__ import annotations

import re

APPRISE_SCHEMES = {"46elks", "apprise", "apprises", "aprs", "atalk", "azure", "bark", "barks", "blink1", "bluesky", "brevo", "bsky", "bulksms", "bulkvs", "burstsms", "chanify", "chime", "clickatell", "clicksend", "d7sms", "dapnet", "dbus", "dingtalk", "discord", "dot", "eight00com", "elks", "emby", "embys", "enigma2", "enigma2s", "evolution", "evolutions", "exotel", "fcm", "feishu", "flock", "form", "forms", "freemobile", "gchat", "gio", "glib", "gnome", "gotify", "gotifys", "groupme", "growl", "guilded", "hassio", "hassios", "httpsms", "humhub", "humhubs", "ifttt", "irc", "ircs", "jellyfin", "jellyfins", "jira", "join", "json", "jsons", "kavenegar", "kde", "kodi", "kodis", "kook", "kumulos", "lametric", "lametrics", "lark", "line", "macosx", "mailersend", "mailgun", "mailto", "mailtos", "mastodon", "mastodons", "matrix", "matrixs", "misskey", "misskeys", "mmost", "mmosts", "mqtt", "mqtts", "msg91", "msgbird", "ncloud", "nclouds", "nctalk", "nctalks", "nexmo", "notica", "noticas", "notifiarr", "notifico", "notificos", "notifyre", "ntfy", "ntfys", "o365", "octopush", "onesignal", "opsgenie", "pagerduty", "pagertree", "parsep", "parseps", "pbul", "pinglet", "pinglets", "pjet", "pjets", "plivo", "postmark", "pover", "prowl", "psafer", "psafers", "push", "pushdeer", "pushdeers", "pushed", "pushme", "pushplus", "pushy", "qq", "qt", "reddit", "resend", "revolt", "ringc", "rocket", "rockets", "rsyslog", "ryver", "schan", "sendgrid", "sendpulse", "serwersms", "ses", "session", "sessions", "seven", "sfr", "signal", "signals", "signl4", "sinch", "slack", "smpp", "smpps", "smsc", "smseagle", "smseagles", "smsmanager", "smsmgr", "smtp2go", "sns", "sogs", "sparkpost", "spike", "splunk", "spugpush", "spush", "stackfield", "strmlabs", "synology", "synologys", "syslog", "tgram", "threema", "toot", "toots", "trigv", "trigvs", "tweet", "twilio", "twist", "twitter", "vapid", "viber", "victorops", "voipms", "vonage", "webex", "wechat", "wecom", "wecombot", "whatsapp", "windows", "workflow", "workflows", "wxpusher", "wxteams", "x", "xbmc", "xbmcs", "xml", "xmls", "xmpp", "xmpps", "zoom", "zulip"}


CHANNEL_OF_SCHEME = {"mailto": "email", "mailtos": "email", "tgram": "telegram", "zalooa": "zalo", "zns": "zalo",
                     "json": "webhook", "jsons": "webhook", "form": "webhook", "forms": "webhook",
                     "xml": "webhook", "xmls": "webhook", "outbox": "outbox"}


# apprise URL schemes (apprise 1.x plugins, enumerated once) plus dondoc's own channels.
DONDOC_SCHEMES = {"zalooa", "zns", "outbox"}


KNOWN_SCHEMES = APPRISE_SCHEMES | DONDOC_SCHEMES


_URL = re.compile(r"^([a-z][a-z0-9+.-]*)://([^\s]*)$")


def url_problem(url: str) -> str | None:
    """Why `url` is not a usable apprise URL (in Vietnamese: a clerk reads it), or None.

    `outbox://` (the data folder's outbox/) and `outbox:///absolute/folder` are valid: offline contacts."""
    m = _URL.match(url.strip())
    if not m:
        return (f"{url!r} không phải địa chỉ liên lạc dạng kênh://... (ví dụ mailto://ten@example.org, "
                "zalooa://..., outbox://)")
    scheme, rest = m.group(1), m.group(2)
    if scheme not in KNOWN_SCHEMES:
        return (f"kênh {scheme!r} trong {url!r} không được hỗ trợ (dùng một kênh của apprise như mailto, mailtos, "
                "tgram, json, form, hoặc zalooa, zns, outbox)")
    if scheme == "outbox":
        return None  # outbox:// alone, outbox:///absolute/folder or outbox://name: all write files
    host = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if not host:
        return f"{url!r} không có gì sau {scheme}:// (cần một máy chủ, một địa chỉ hoặc một mã)"
    if scheme in ("mailto", "mailtos") and "@" not in rest and "." not in host:
        return f"{url!r} không có địa chỉ thư hoặc máy chủ thư (ví dụ mailto://ten@example.org)"
    return None


def channel_of(url: str) -> str:
    m = _URL.match(url.strip())
    scheme = m.group(1) if m else ""
    return CHANNEL_OF_SCHEME.get(scheme, scheme or "other")

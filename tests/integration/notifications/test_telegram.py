"""Telegram (apprise's tgram://) against a local peer emulating the Bot API `sendMessage`.

The peer applies the documented rules of parse_mode HTML (only a few tags; every `<`, `>` and `&` that is
not part of a tag or of &lt; &gt; &amp; &quot; / a numeric entity is an error) and the 4096-character
limit counted after entity parsing, and answers like Telegram: 200 {"ok": true, ...} or
{"ok": false, "error_code": ..., "description": ...}. DONDOC_TELEGRAM_API_BASE points the plugin at it.
"""

from __future__ import annotations

import html
import json
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests

from dondoc.notifications import get_notifier
from tests.integration.notifications.test_delivery_peers import World

BOT = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
CHAT = "987654321"
LIMIT = 4096
_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler", "span",
         "blockquote", "tg-emoji"}
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)(\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


def telegram_html(text: str) -> str:
    """The plain text Telegram shows for an HTML-mode message, or ValueError with its description."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "<":
            m = _TAG.match(text, i)
            if not m or m.group(2).lower() not in _TAGS:
                raise ValueError(f"Bad Request: can't parse entities: Unsupported start tag at byte offset {i}")
            name = m.group(2).lower()
            if m.group(1):
                if not stack or stack.pop() != name:
                    raise ValueError(f"Bad Request: can't parse entities: Unexpected end tag at byte offset {i}")
            else:
                stack.append(name)
            i = m.end()
        elif c == "&":
            m = _ENTITY.match(text, i)
            if not m:
                raise ValueError(f"Bad Request: can't parse entities: Character entity expected at byte offset {i}")
            out.append(html.unescape(m.group(0)))
            i = m.end()
        elif c == ">":
            raise ValueError(f"Bad Request: can't parse entities: Unmatched end of tag at byte offset {i}")
        else:
            out.append(c)
            i += 1
    if stack:
        raise ValueError(f"Bad Request: can't parse entities: Can't find end tag corresponding to start tag {stack[-1]}")
    plain = "".join(out)
    if not plain.strip():
        raise ValueError("Bad Request: message text is empty")
    if len(plain.encode("utf-16-le")) // 2 > LIMIT:
        raise ValueError("Bad Request: message is too long")
    return plain


@dataclass
class TelegramPeer:
    server: ThreadingHTTPServer
    messages: list[dict[str, Any]] = field(default_factory=list)  # accepted: payload + the plain text shown
    refused: list[tuple[int, str]] = field(default_factory=list)
    script: list[tuple[int, str]] = field(default_factory=list)  # forced (code, description) answers
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, path: str, payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            if path != f"/bot{BOT}/sendMessage":
                return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
            if self.script:
                code, desc = self.script.pop(0)
                self.refused.append((code, desc))
                return code, {"ok": False, "error_code": code, "description": desc}
            try:
                shown = telegram_html(payload["text"]) if payload.get("parse_mode") == "HTML" else payload["text"]
            except ValueError as exc:
                self.refused.append((400, str(exc)))
                return 400, {"ok": False, "error_code": 400, "description": str(exc)}
            self.messages.append({**payload, "shown": shown})
            return 200, {"ok": True, "result": {"message_id": len(self.messages), "chat": {"id": int(CHAT)},
                                                "text": shown}}


def _handler(box: dict[str, TelegramPeer]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status, reply = box["peer"].answer(self.path, json.loads(raw.decode("utf-8")))
            data = json.dumps(reply, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def tg_peer(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[TelegramPeer]:
    box: dict[str, TelegramPeer] = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(box))
    server.daemon_threads = True
    box["peer"] = peer = TelegramPeer(server)
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    t.start()
    monkeypatch.setenv("DONDOC_TELEGRAM_API_BASE", peer.base)
    if "settings" in request.fixturenames:  # a Settings built before this fixture ran reads it too
        request.getfixturevalue("settings").telegram_api_base = peer.base
    yield peer
    server.shutdown()
    server.server_close()


@pytest.fixture
def world(session, settings) -> World:
    return World(session, settings)


TG = f"tgram://{BOT}/{CHAT}"


def lines(text: str) -> list[str]:
    # stored bodies hold a placeholder where the sender puts the recipient's personal link (issue 18)
    text = re.sub(r"/t/[A-Za-z0-9_~-]+", "/t/TOKEN", text)
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def test_the_peer_refuses_what_telegram_refuses() -> None:
    """The emulation is strict where Telegram is: these would fail at api.telegram.org too."""
    for bad in ("Lao động – TB&XH", "tỷ lệ < 5%", "<table>x</table>", "<b>không đóng"):
        with pytest.raises(ValueError, match="can't parse entities"):
            telegram_html(bad)
    with pytest.raises(ValueError, match="too long"):
        telegram_html("đ" * (LIMIT + 1))
    assert telegram_html("<b>Đôn đốc</b> TB&amp;XH &lt;5%") == "Đôn đốc TB&XH <5%"


def test_the_digest_arrives_intact_in_vietnamese(engine, world, tg_peer, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    lan = world.officer("Phạm Thị Lan", TG)
    world.remind(lan)
    assert world.run(engine).sent == 1
    (msg,) = world.messages()
    (got,) = tg_peer.messages
    assert str(got["chat_id"]) == CHAT and got["parse_mode"] == "HTML"
    assert got["text"].startswith(f"<b>{msg.subject}</b>")
    assert lines(got["shown"]) == lines(f"{msg.subject}\n{msg.body_text}")
    assert "Kính gửi đồng chí Phạm Thị Lan" in got["shown"] and "thứ Hai, ngày 10 tháng 11 năm 2025" in got["shown"]
    (row,) = world.deliveries()
    assert (row.channel, row.status) == ("tgram", "sent")
    secret = BOT.split(":")[1]
    assert secret not in row.target and secret not in caplog.text


def test_ampersands_and_angle_brackets_do_not_break_the_html(engine, world, tg_peer) -> None:
    world.unit.name = "Công chức Văn hóa – Xã hội & Thông tin <VH-TT>"
    world.session.add(world.unit)
    world.session.commit()
    lan = world.officer("Phạm Thị Lan", TG)
    world.remind(lan)
    assert world.run(engine).sent == 1, tg_peer.refused
    (got,) = tg_peer.messages
    assert "Công chức Văn hóa – Xã hội & Thông tin <VH-TT>" in got["shown"]
    assert lines(got["shown"]) == lines(f"{world.messages()[0].subject}\n{world.messages()[0].body_text}")


def test_a_long_digest_is_split_in_messages_telegram_accepts(engine, world, tg_peer) -> None:
    lan = world.officer("Phạm Thị Lan", TG)
    for _ in range(40):
        world.remind(lan)
    assert world.run(engine).sent == 1, tg_peer.refused
    (msg,) = world.messages()
    assert len(msg.body_text) > LIMIT
    assert len(tg_peer.messages) >= 2 and tg_peer.refused == []
    assert all(len(m["shown"]) <= LIMIT for m in tg_peer.messages)
    joined = "\n".join(m["shown"] for m in tg_peer.messages)
    assert lines(joined) == lines(f"{msg.subject}\n{msg.body_text}")  # nothing lost, nothing cut mid-line
    assert f"{world.settings.base_url}/t/" in tg_peer.messages[0]["shown"]  # the personal link comes first


def test_a_blocked_bot_is_a_permanent_failure_and_the_next_channel_is_used(engine, world, tg_peer, smtp_peer) -> None:
    tg_peer.script.append((403, "Forbidden: bot was blocked by the user"))
    lan = world.officer("Phạm Thị Lan", TG, smtp_peer.url("lan@vhxh.example.vn"))
    world.remind(lan)
    stats = world.run(engine)
    assert (stats.sent, stats.fallbacks, stats.attempts) == (1, 1, 2)  # 403 is not retried on Telegram
    tg_row, mail_row = world.deliveries()
    assert (tg_row.channel, tg_row.status) == ("tgram", "failed")
    assert "bot was blocked by the user" in (tg_row.error or "") and "error=403" in (tg_row.error or "")
    assert BOT.split(":")[1] not in (tg_row.error or "") + tg_row.target
    assert (mail_row.channel, mail_row.status) == ("mailto", "sent")
    assert [m.rcpts for m in smtp_peer.mails] == [["lan@vhxh.example.vn"]]


def test_too_many_requests_is_transient(settings, tg_peer) -> None:
    tg_peer.script.append((429, "Too Many Requests: retry after 5"))
    res = get_notifier(settings).send(TG, subject="Tin nhắn thử", text="Xin chào")
    assert (res.ok, res.transient) == (False, True)


def test_without_the_setting_the_plugin_talks_to_telegram_itself(settings, monkeypatch) -> None:
    """The setting is what redirects: unset, the request URL is api.telegram.org's (not sent: checked on the plugin)."""
    import apprise

    from dondoc.notifications.apprise_adapter.channels import telegram_api

    plugin = apprise.Apprise.instantiate(TG)
    telegram_api(plugin, None)
    assert plugin.notify_url == "https://api.telegram.org/bot"
    telegram_api(plugin, "http://127.0.0.1:8081/")
    assert plugin.notify_url == "http://127.0.0.1:8081/bot"
    assert requests.utils.urlparse(plugin.notify_url).hostname == "127.0.0.1"

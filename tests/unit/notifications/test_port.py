"""Pure helpers of the port: channel families, masking, failure classification, the fake."""

from __future__ import annotations

import logging

import pytest

from dondoc.notifications import FakeNotifier, SendResult, channel_of
from dondoc.notifications.classify import classify
from dondoc.notifications.port import naive_mask, scrub, tidy_masked

W, D = logging.WARNING, logging.DEBUG


@pytest.mark.parametrize(
    ("url", "family"),
    [("mailto://127.0.0.1:25?to=a@b.vn", "email"), ("mailtos://u:p@mail.gov.vn", "email"),
     ("tgram://123:abc/456", "telegram"), ("json://h/hook", "webhook"), ("jsons://h/hook", "webhook"),
     ("form://h/sms", "webhook"), ("xml://h/x", "webhook"), ("zalooa://t@1", "zalo"), ("zns://t@09?template=1", "zns"),
     ("outbox:///tmp/x", "outbox"), ("ntfy://topic", "ntfy"), ("not a url", "unknown")],
)
def test_channel_families(url, family) -> None:
    assert channel_of(url) == family


@pytest.mark.parametrize(
    ("records", "transient", "in_error"),
    [
        ([(W, 'Sending email to "a@b.vn" failed.'), (D, "Socket Exception: (451, b'try later')")], True, "451"),
        ([(W, 'Sending email to "a@b.vn" failed.'), (D, "Socket Exception: (550, b'no such user')")], False, "550"),
        ([(W, "Sending email failed."), (D, "Socket Exception: {'a@b.vn': (450, b'greylisted')}")], True, "450"),
        ([(W, 'Connection error while submitting email to "h"'), (D, "Socket Exception: [Errno 111] Connection refused")],
         True, "Connection refused"),
        ([(W, "Failed to send JSON POST notification: Internal Server Error, error=500.")], True, "error=500"),
        ([(W, "Failed to send JSON POST notification: Not Found, error=404.")], False, "error=404"),
        ([(W, "Failed to send Telegram notification: Too Many Requests, error=429.")], True, "429"),
        ([(W, "A Connection error occurred sending JSON notification to h.")], True, "Connection error"),
        ([(W, "Zalo OA refused the message: zalo_error=-216 Access token is invalid")], False, "-216"),
        ([(W, "Could not write the outbox file: [Errno 28] No space left (temporary failure)")], True, "outbox"),
        ([], False, "without details"),
    ],
)
def test_classify_failures(records, transient, in_error) -> None:
    got_transient, error = classify(records)
    assert got_transient is transient
    assert in_error in error


@pytest.mark.parametrize(
    ("url", "secret"),
    [("json://u:pw-123456@h/hook?+Authorization=Bearer%20tok-998877", "tok-998877"),
     ("json://h/hook?-token=abcdef12", "abcdef12"),
     ("json://h/hook?apikey=abcdef12", "abcdef12")],
)
def test_tidy_masked_hides_header_and_token_values(url, secret) -> None:
    assert secret not in tidy_masked(url)


def test_tidy_masked_drops_apprise_default_noise() -> None:
    got = tidy_masked("mailto://h:25/a%40b.vn?format=html&overflow=upstream&retry=0&wait=0.5&optional=no&from=x%40y.vn")
    assert got == "mailto://h:25/a%40b.vn?from=x@y.vn"


@pytest.mark.parametrize(
    ("url", "secret"),
    [("mailto://user:Sup3rS3cret@mail.gov.vn?to=a@b.vn", "Sup3rS3cret"),
     ("tgram://123456789:AAbbCCddEEff/998877", "AAbbCCddEEff"),
     ("zalooa://OAtoken123456@4455", "OAtoken123456"),
     ("json://h:8080/api?-token=Xy9Xy9Xy9", "Xy9Xy9Xy9")],
)
def test_scrub_and_naive_mask_remove_secrets(url, secret) -> None:
    error = f"HTTPConnectionPool: Max retries exceeded with url: {url.split('://', 1)[1]}"
    assert secret not in scrub(error, url)
    assert secret not in naive_mask(url)


def test_fake_scripts_and_downs() -> None:
    fake = FakeNotifier()
    fake.script("a", "transient", "ok")
    fake.down("b")
    kw = {"subject": "s", "text": "t"}
    assert [fake.send("json://a", **kw).status for _ in range(3)] == ["transient", "sent", "sent"]
    assert fake.send("json://b", **kw) == SendResult(ok=False, transient=False,
                                                      error="fake: permanent failure (550 no such user)",
                                                      target="json://b")
    assert len(fake.to("json://a")) == 2 and fake.to("json://b") == []

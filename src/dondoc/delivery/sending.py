"""One send of one message through one contact: the contact's URL unsealed, the files checked and attached
(or replaced by a note where the channel carries no files), the Notifier called."""
from __future__ import annotations

import asyncio
import logging
import mimetypes
import re
from collections.abc import Sequence
from functools import partial
from html import escape
from pathlib import Path
from typing import Any

from dondoc.config import Settings
from dondoc.delivery.jobs import _Attempt, _Contact, _Job, _Outcome
from dondoc.errors import DondocError
from dondoc.models import (
    Contact,
)
from dondoc.notifications.port import (
    DEFAULT_LIMIT,
    FILE_FAMILIES,
    Attachment,
    Notifier,
    SendResult,
    ascii_filename,
    channel_of,
)
from dondoc.notifications.render import (
    files_attached_note,
    files_linked_note,
)
from dondoc.secrets import unseal

log = logging.getLogger("dondoc.delivery.compose")
_PAGE_LINK = re.compile(r"https?://\S+/t/\S+")  # a personal link with its page (e.g. .../t/TOKEN/focal/3)


class _Sending:
    """The sending half of a delivery sweep (mixed into outbox._Sweep, which holds settings, notifier and clock)."""

    settings: Settings
    notifier: Notifier

    def _contact(self, c: Contact) -> _Contact:
        try:
            url = unseal(c.url, self.settings)
        except DondocError as exc:
            return _Contact(c.id, c.channel or "unknown", "unknown", "", error=str(exc))
        family = channel_of(url)
        return _Contact(c.id, c.channel or family, family, url)

    # ---- files ----------------------------------------------------------------------------------
    def _files(self, job: _Job) -> tuple[list[Attachment], str | None, bool]:
        """The message's files, checked: (attachments, None, False), or ([], why the message cannot go,
        whether a later sweep may succeed: a missing file can be written again, a bad path cannot)."""
        home = self.settings.home.resolve()
        out: list[Attachment] = []
        for rel in job.attachments:
            path = (home / rel).resolve()
            if Path(rel).is_absolute() or not path.is_relative_to(home):
                return [], f"attachment {rel!r} is outside the data folder (DONDOC_HOME): not sent", False
            try:
                size = path.stat().st_size
                if not path.is_file():
                    raise FileNotFoundError(rel)
            except OSError:
                return [], (f"attachment {rel} is missing from the data folder; a later sweep tries again: "
                            "compile the report again (dondoc report PLAN --period PERIOD) to write it"), True
            mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            out.append(Attachment(str(path), ascii_filename(path.name), mimetype, size))
        return out, None, False

    def _with_files(self, contact: _Contact, job: _Job, files: list[Attachment]) -> tuple[str, str, list[Attachment]]:
        """Text, HTML and files for one contact: the files where the channel carries them and they
        fit the size limit, else a note at the top saying where they are."""
        if not files:
            return job.text, job.html, []
        names = [f.name for f in files]
        total = sum(f.size for f in files)
        if contact.family in FILE_FAMILIES and total <= self.max_attachment_bytes:
            note = files_attached_note(names)
            html = job.html and f"{job.html}\n<p>{escape(note)}</p>"
            return f"{job.text}\n\n{note}", html, files
        too_big = self.max_attachment_bytes / (1024 * 1024) if contact.family in FILE_FAMILIES else None
        found = _PAGE_LINK.search(job.text)
        link = found.group(0).rstrip(".,;)") if found else job.data.get("link", "")
        note = files_linked_note(names, channel=contact.family, link=link, too_big_mb=too_big)
        html = job.html and "<p>" + escape(note).replace("\n", "<br>") + f"</p>\n{job.html}"
        return f"{note}\n\n{job.text}", html, []

    # ---- send ---------------------------------------------------------------------------------
    def _send(self, contact: _Contact, job: _Job, files: Sequence[Attachment] = ()) -> SendResult:
        if contact.error:
            return SendResult(ok=False, transient=False, error=contact.error, target="(sealed)")
        try:
            text, html, attach = self._with_files(contact, job, list(files))
            extra: dict[str, Any] = {"attachments": attach} if attach else {}
            return self.notifier.send(contact.url, subject=job.subject, text=text, html=html, key=job.key,
                                      data=job.data, **extra)
        except Exception as exc:  # a notifier bug must not stop the sweep or lose the message
            log.exception("notifier raised for message %s", job.key)
            return SendResult(ok=False, transient=False, error=f"notifier error: {type(exc).__name__}: {exc}",
                              target="(unknown)")

    async def deliver(self, job: _Job, sems: dict[str, asyncio.Semaphore]) -> _Outcome:
        loop = asyncio.get_running_loop()
        attempts: list[_Attempt] = []
        n = job.prior_attempts
        transient = False
        files: list[Attachment] = []
        if job.attachments:
            files, problem, again = await loop.run_in_executor(self.send_pool, self._files, job)
            if problem is not None:  # the message's fault, not a contact's: one row, no contact tried
                first = job.contacts[0] if job.contacts else None
                attempts.append(_Attempt(first.id if first else None, first.channel if first else "none",
                                         "(not sent)", "transient" if again else "failed", problem, n + 1,
                                         self.at()))
                return _Outcome(job, attempts, None, None, again, files_error=True)
        for contact in job.contacts:
            sem = sems.setdefault(contact.family, asyncio.Semaphore(self.limits.get(contact.family, DEFAULT_LIMIT)))
            for k in range(len(self.retry_delays) + 1):
                async with sem:
                    res = await loop.run_in_executor(self.send_pool, partial(self._send, contact, job, files))
                n += 1
                attempts.append(_Attempt(contact.id, contact.channel, res.target, res.status, res.error, n, self.at()))
                if res.ok:
                    return _Outcome(job, attempts, contact, attempts[-1].at, transient)
                if not res.transient:
                    break
                if k < len(self.retry_delays):
                    await asyncio.sleep(self.retry_delays[k])
            else:
                transient = True  # retries used up on a transient failure
        return _Outcome(job, attempts, None, None, transient)

    # ---- record -------------------------------------------------------------------------------

"""A `rich` progress bar for long CLI work, shown only on a terminal.

When the output is piped (or --json), `progress_bar` yields a no-op: nothing extra is written, so
scripts reading the output see exactly what they saw before. The bar goes to stderr, the command's
own output stays on stdout.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator

Advance = Callable[..., None]


def on_terminal() -> bool:
    """True when a person watches: stderr is a terminal (DONDOC_PROGRESS=1/0 forces it, for tests)."""
    forced = os.environ.get("DONDOC_PROGRESS")
    if forced in ("0", "1"):
        return forced == "1"
    return sys.stderr.isatty()


@contextlib.contextmanager
def progress_bar(label: str, *, total: int | None, enabled: bool = True) -> Iterator[Advance]:
    """Yield `advance(description=None, *, completed=None, total=None)`: one step forward (or set the
    position). A no-op when not on a terminal or when `enabled` is false."""
    if not (enabled and on_terminal()):
        yield lambda *a, **k: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True, force_terminal=os.environ.get("DONDOC_PROGRESS") == "1" or None)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)

        def advance(description: str | None = None, *, completed: int | None = None,
                    total: int | None = None) -> None:
            desc = f"{label} {description}" if description else label
            if completed is None:
                bar.update(task, advance=1, description=desc, total=total)
            else:
                bar.update(task, completed=completed, description=desc, total=total)
            if os.environ.get("DONDOC_PROGRESS") == "1":
                bar.refresh()

        yield advance

"""Reading untrusted documents without letting them exhaust the machine.

Before parsing: a .docx/.xlsx (a zip) is refused when it has too many entries, an entry or a total
that decompresses beyond the limits, or an entry compressed more than MAX_RATIO times (Python's zipfile
never inflates past an entry's declared size, so these checks bound what python-docx and openpyxl can
read). A PDF's Flate streams are inflated chunk by chunk, output discarded, and refused past the
limits. Then the plan is parsed in a forked worker process under an address-space cap
(RLIMIT_AS) and a time limit: whatever slips through costs a bounded amount, and the answer is a
one-line refusal, never a swapping server.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import resource
import traceback
import zipfile
import zlib
from pathlib import Path
from typing import Any

from dondoc.errors import DondocError, PlanReadError

MAX_ENTRIES = 5000
MAX_ENTRY_BYTES = 100 * 1024 * 1024  # one part of the package, decompressed
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # the whole package, decompressed
MAX_RATIO = 200  # decompressed / compressed, for entries above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_PDF_STREAM = 64 * 1024 * 1024  # one PDF content stream, inflated
MAX_PDF_TOTAL = 256 * 1024 * 1024
MEMORY_CAP = 768 * 1024 * 1024  # address space the parsing worker may add to what it inherits
TIME_LIMIT = 120.0  # seconds for one parse

_STREAM = re.compile(rb"stream\r?\n")
_ENDSTREAM = b"endstream"


def _refuse(path: Path, what: str) -> PlanReadError:
    return PlanReadError(f"tệp bị từ chối vì {what} (refused: possibly a decompression bomb)", path=str(path))


def check_archive(path: str | Path) -> None:
    """Refuse a zip package (.docx, .xlsx) whose declared contents exceed the limits."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError):
        return  # not a zip: the reader says what is wrong with it
    if len(infos) > MAX_ENTRIES:
        raise _refuse(path, f"có {len(infos)} thành phần (tối đa {MAX_ENTRIES})")
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > MAX_ENTRY_BYTES:
            raise _refuse(path, f"thành phần {info.filename!r} giải nén ra {size // 2**20} MB "
                                f"(tối đa {MAX_ENTRY_BYTES // 2**20} MB)")
        if size > RATIO_FLOOR and size > MAX_RATIO * max(1, info.compress_size):
            raise _refuse(path, f"thành phần {info.filename!r} nén {size // max(1, info.compress_size)} lần "
                                f"(tối đa {MAX_RATIO} lần)")
    if total > MAX_TOTAL_BYTES:
        raise _refuse(path, f"giải nén ra {total // 2**20} MB (tối đa {MAX_TOTAL_BYTES // 2**20} MB)")


def check_pdf(path: str | Path) -> None:
    """Inflate every Flate stream of a PDF in bounded memory; refuse one that grows past the limits."""
    path = Path(path)
    data = path.read_bytes()  # bounded by max_plan_mb, checked before
    total = 0
    pos = 0
    while (m := _STREAM.search(data, pos)) is not None:
        start = m.end()
        end = data.find(_ENDSTREAM, start)
        if end < 0:
            end = len(data)
        size = _inflated_size(data, start, end, limit=MAX_PDF_STREAM)
        if size > MAX_PDF_STREAM:
            raise _refuse(path, f"một luồng nội dung PDF giải nén ra hơn {MAX_PDF_STREAM // 2**20} MB")
        total += size
        if total > MAX_PDF_TOTAL:
            raise _refuse(path, f"các luồng nội dung PDF giải nén ra hơn {MAX_PDF_TOTAL // 2**20} MB")
        pos = end + len(_ENDSTREAM)


def _inflated_size(data: bytes, start: int, end: int, *, limit: int) -> int:
    """Bytes a zlib stream inflates to, counted in 1 MB steps and stopped just past `limit`; 0 when the
    stream is not zlib (other filters are bounded by the worker's memory cap)."""
    inflater = zlib.decompressobj()
    size = 0
    step = 1 << 20
    chunk = data[start:end]
    try:
        out = inflater.decompress(chunk, step)
        size += len(out)
        while inflater.unconsumed_tail and size <= limit:
            out = inflater.decompress(inflater.unconsumed_tail, step)
            size += len(out)
    except zlib.error:
        return size
    return size


def precheck(path: str | Path) -> None:
    """The checks that need no parsing, by file type."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".docx", ".xlsx", ".xlsm", ".docm"):
        check_archive(path)
    elif suffix == ".pdf":
        check_pdf(path)


def _vm_size() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _peak_of(pid: int | None) -> int | None:
    """A live process's peak resident size in KB (VmHWM), for a worker about to be stopped."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def _child(conn: Any, reader: Any, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any], cap: int,
           seconds: float) -> None:
    # The fork left the parent's read end open here too: closed, so that a parent killed mid-parse makes the
    # answer's write fail (EPIPE) and the worker exit, instead of blocking on a full pipe forever.
    reader.close()
    try:
        limit = _vm_size() + cap
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        cpu = int(seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
        result: tuple[str, Any] = ("ok", func(*args, **kwargs))
    except MemoryError:
        result = ("memory", None)
    except DondocError as exc:  # the parser's own refusal, passed on as is (its message names the file)
        result = ("raise", exc)
    except BaseException as exc:
        result = ("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        conn.send((result, peak))
    except BaseException:
        pass
    finally:
        conn.close()
        os._exit(0)


class Sandbox:
    """Run `func(*args, **kwargs)` in a forked process with a memory cap and a time limit.
    `peak_kb` holds the worker's peak resident size after a run (for tests and benchmarks)."""

    def __init__(self, *, memory_cap: int = MEMORY_CAP, time_limit: float = TIME_LIMIT) -> None:
        self.memory_cap = memory_cap
        self.time_limit = time_limit
        self.peak_kb: int | None = None

    def run(self, path: Path, func: Any, *args: Any, **kwargs: Any) -> Any:
        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(child, parent, func, args, kwargs, self.memory_cap, self.time_limit),
                           daemon=True)
        proc.start()
        child.close()
        try:
            if not parent.poll(self.time_limit):
                raise _refuse(path, f"đọc quá {int(self.time_limit)} giây")
            try:
                (kind, value), self.peak_kb = parent.recv()
            except EOFError:
                raise _refuse(path, f"cần hơn {self.memory_cap // 2**20} MB bộ nhớ để đọc") from None
        finally:
            parent.close()
            if proc.is_alive():
                self.peak_kb = _peak_of(proc.pid) or self.peak_kb
                proc.kill()  # our own worker, by its handle
            proc.join(5)
        if kind == "ok":
            return value
        if kind == "memory":
            raise _refuse(path, f"cần hơn {self.memory_cap // 2**20} MB bộ nhớ để đọc")
        if kind == "raise":
            raise value
        raise PlanReadError(f"không đọc được tệp ({value.splitlines()[0]})", path=str(path))


def parse_plan(path: str | Path, *, year: int | None = None, max_mb: float | None = None,
               convert_vni: bool = False, sandbox: Sandbox | None = None) -> dict[str, Any]:
    """`dondoc.plans.parse_path` behind the pre-checks and in a worker process (the one way the CLI and
    the importer read an untrusted plan document)."""
    from dondoc.plans import parse_path

    path = Path(path)
    if max_mb is None:
        from dondoc.config import get_settings

        max_mb = get_settings().max_plan_mb
    if path.is_file() and path.stat().st_size > max_mb * 1024 * 1024:
        raise PlanReadError(f"tệp quá lớn ({path.stat().st_size / 1048576:.1f} MB), giới hạn là {max_mb:g} MB "
                            "(DONDOC_MAX_PLAN_MB)", path=str(path))
    if path.is_file():
        precheck(path)
    return (sandbox or Sandbox()).run(path, parse_path, path, year=year, max_mb=max_mb, convert_vni=convert_vni)

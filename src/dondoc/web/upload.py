"""The status form's multipart body parsed as it streams in: each file capped while it is read (bytes
beyond one more than the limit are dropped, so the form can still say which file is too big), at most
MAX_FILES files; the whole body is capped by web/limits.py. Files spool to disk above 1 MB."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException
from starlette.datastructures import FormData
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request


class CappedMultiPartParser(MultiPartParser):
    def __init__(self, *args: Any, max_file_size: int, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.max_file_size = max_file_size
        self._sizes: dict[int, int] = {}

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        part = self._current_part
        if part.file is None:
            super().on_part_data(data, start, end)
            return
        kept = self._sizes.get(id(part), 0)
        room = self.max_file_size - kept
        if room <= 0:
            return  # over the limit: the rest of this file is not kept
        take = min(room, end - start)
        self._sizes[id(part)] = kept + take
        super().on_part_data(data, start, start + take)


async def capped_form(request: Request, *, max_file_size: int, max_files: int, max_fields: int = 500) -> FormData:
    """The form of a multipart request with every file capped at `max_file_size` bytes while reading;
    other content types go through Starlette's own parser."""
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        return await request.form(max_files=max_files, max_fields=max_fields)
    parser = CappedMultiPartParser(request.headers, request.stream(), max_files=max_files, max_fields=max_fields,
                                   max_file_size=max_file_size)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise HTTPException(400, f"Biểu mẫu không hợp lệ: {exc.message}") from None
    request._form = form  # closed with the request, like request.form()'s
    return form

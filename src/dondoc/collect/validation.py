"""Status input validation (pure): the status word, progress, figures, free text, the source of a report entered on a unit's behalf."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from dondoc.errors import InputError
from dondoc.models import (
    STATUS_LABELS,
    Target,
)
from dondoc.textsafe import clean

MAX_TEXT = 20_000
# A figure may not exceed this many times its target's value, nor FIGURE_CEILING (a typo of a few
# digits is caught, and no sum of units' figures can overflow to infinity).
FIGURE_FACTOR = 1000
FIGURE_CEILING = 1e12


LABEL_TO_STATUS = {v.casefold(): k for k, v in STATUS_LABELS.items()}


class StatusInputError(InputError):
    """A status submission that does not pass validation (message in Vietnamese, shown on the form)."""

    http_status = 422


@dataclass
class StatusPayload:
    status: str
    progress: int | None = None
    result: str = ""
    figures: dict[str, float] = field(default_factory=dict)
    difficulties: str = ""
    proposals: str = ""

    @classmethod
    def from_any(cls, value: StatusPayload | dict[str, Any]) -> StatusPayload:
        if isinstance(value, StatusPayload):
            return value
        known = {k: value[k] for k in ("status", "progress", "result", "figures", "difficulties", "proposals")
                 if k in value and value[k] is not None}
        if "status" not in known:
            raise StatusInputError("Thiếu tình trạng thực hiện (status).")
        return cls(**known)


def parse_status(value: str) -> str:
    """A status code from its code or its Vietnamese label (any case)."""
    v = unicodedata.normalize("NFC", str(value)).strip()
    if v in STATUS_LABELS:
        return v
    if v.casefold() in LABEL_TO_STATUS:
        return LABEL_TO_STATUS[v.casefold()]
    choices = ", ".join(f"{k} ({lbl})" for k, lbl in STATUS_LABELS.items())
    raise StatusInputError(f"Tình trạng không hợp lệ: {value!r}. Chọn một trong: {choices}.")


def _clean_text(value: Any, what: str) -> str:
    if (value is not None and not isinstance(value, (str, int, float))) or isinstance(value, bool):
        raise StatusInputError(f"{what}: phải là văn bản.")
    if "\x00" in str(value or ""):
        raise StatusInputError(f"{what}: có ký tự không hợp lệ.")
    text = clean(value or "").strip()  # XML/Word/Excel-safe: one stray character must not stop a report
    if len(text) > MAX_TEXT:
        raise StatusInputError(f"{what}: quá dài (tối đa {MAX_TEXT} ký tự).")
    return text


def parse_number(value: Any) -> float:
    """A figure from a number or Vietnamese text ('73', '78,2', '60.000', '1.234,5', '12.5').

    Text must be plain ASCII decimal digits (no '1_000', no exponent, no other scripts' digits);
    booleans, NaN and infinities are refused (ValueError)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        s = value.strip().replace(" ", "").replace("\u00a0", "").replace("%", "")
        if re.fullmatch(r"-?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?", s, re.ASCII):  # 60.000 / 1.234,5
            s = s.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"-?[0-9]+,[0-9]+", s, re.ASCII):  # 78,2
            s = s.replace(",", ".")
        elif not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", s, re.ASCII):
            raise ValueError(value)
        number = float(s)
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def figure_limit(target_value: float | None) -> float:
    """The largest plausible figure for a target: FIGURE_FACTOR times its value, at most FIGURE_CEILING."""
    try:
        v = abs(float(target_value or 0))
    except (TypeError, ValueError):
        v = 0.0
    if not math.isfinite(v) or v == 0:
        return FIGURE_CEILING
    return min(FIGURE_CEILING, max(v * FIGURE_FACTOR, 100.0))


@dataclass
class CleanStatus:
    status: str
    progress: int
    result: str
    figures: dict[str, float]
    difficulties: str
    proposals: str


def validate(payload: StatusPayload | dict[str, Any], *, targets: list[Target]) -> CleanStatus:
    """Check and normalise a submission. Rules:
    status is one of the four codes (or its label); progress is an integer 0..100; `not_started` means
    0 %; `done` means 100 % (set when omitted); `impossible` needs the reason in difficulties; figures
    name targets of the plan (by ref or key) and are finite numbers >= 0."""
    # Long on purpose: each field of a report checked in turn, every problem reported together.
    p = StatusPayload.from_any(payload)
    status = parse_status(p.status)
    progress: int | None
    if p.progress is None or p.progress == "":
        progress = None
    elif isinstance(p.progress, bool):
        raise StatusInputError("Tiến độ phải là số từ 0 đến 100, không phải true/false.")
    else:
        try:
            raw = p.progress if isinstance(p.progress, (int, float)) else str(p.progress).replace("%", "").strip()
            if isinstance(raw, str) and not re.fullmatch(r"[0-9]+([.,][0-9]+)?", raw, re.ASCII):
                raise ValueError(raw)
            f = float(raw.replace(",", ".") if isinstance(raw, str) else raw)
        except (ValueError, TypeError):
            raise StatusInputError(f"Tiến độ phải là số từ 0 đến 100, không phải {p.progress!r}.") from None
        if not math.isfinite(f) or f < 0 or f > 100:
            raise StatusInputError(f"Tiến độ phải từ 0 đến 100 %, không phải {p.progress}.")
        progress = round(f)
    if status == "not_started":
        if progress:
            raise StatusInputError("Tình trạng 'Chưa triển khai' thì tiến độ phải là 0 %.")
        progress = 0
    elif status == "done":
        if progress is not None and progress != 100:
            raise StatusInputError("Tình trạng 'Hoàn thành' thì tiến độ là 100 %.")
        progress = 100
    elif progress is None:
        progress = 0
    result = _clean_text(p.result, "Kết quả")
    difficulties = _clean_text(p.difficulties, "Khó khăn, vướng mắc")
    proposals = _clean_text(p.proposals, "Kiến nghị")
    if status == "impossible" and not difficulties:
        raise StatusInputError("Tình trạng 'Không thực hiện được': hãy nêu lý do ở mục Khó khăn, vướng mắc.")
    by_key = {t.key: t for t in targets}
    by_ref: dict[str, list[Target]] = {}
    for t in targets:
        by_ref.setdefault(t.ref, []).append(t)
    figures: dict[str, float] = {}
    for name, raw in (p.figures or {}).items():
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        name = str(name).strip()
        target = by_key.get(name)
        if target is None:
            found = by_ref.get(name, [])
            if len(found) > 1:
                raise StatusInputError(f"Chỉ tiêu {name!r} không rõ: mục này có {len(found)} chỉ tiêu, hãy dùng mã "
                                       f"({', '.join(t.key for t in found)}).")
            target = found[0] if found else None
        if target is None:
            raise StatusInputError(f"Kế hoạch không có chỉ tiêu {name!r}.")
        try:
            number = parse_number(raw)
        except (ValueError, TypeError):
            raise StatusInputError(f"Số liệu của chỉ tiêu {target.ref} phải là một số, không phải {raw!r}.") from None
        if number < 0:
            raise StatusInputError(f"Số liệu của chỉ tiêu {target.ref} không được âm.")
        if number > figure_limit(target.value):
            raise StatusInputError(f"Số liệu của chỉ tiêu {target.ref} ({raw}) lớn bất thường so với chỉ tiêu "
                                   f"({target.value:g}): hãy kiểm tra lại.")
        figures[target.key] = number
    return CleanStatus(status, progress, result, figures, difficulties, proposals)


MAX_SOURCE = 500


def clean_source(value: Any) -> str:
    """The required note of where an entered report came from ('Công văn số 12/BC-UBND', 'điện thoại')."""
    source = " ".join(_clean_text(value, "Nguồn báo cáo").split())
    if not source:
        raise StatusInputError("Hãy ghi nguồn của báo cáo nhập thay (ví dụ: \"Công văn số 12/BC-UBND ngày 03/11\", "
                               "\"điện thoại\", \"Zalo\").")
    if len(source) > MAX_SOURCE:
        raise StatusInputError(f"Nguồn báo cáo: quá dài (tối đa {MAX_SOURCE} ký tự).")
    return source

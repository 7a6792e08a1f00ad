"""A stored plan as a file a person can correct (YAML or Excel), and reading the corrected file back.

The export carries `plan_id` so that importing it updates that plan in place. In Excel, list cells
(lead, support, from, to) hold names separated by `;`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from dondoc.errors import InputError, NotFound
from dondoc.models import Assignment, Plan, ReportObligation, Target

EXPORT_MARK = "dondoc-plan-export"
ASSIGNMENT_COLUMNS = ["id", "ref", "item", "text", "lead", "support", "mode", "timing_text", "timing_kind", "timing_due",
                      "timing_rrule"]
REPORT_COLUMNS = ["ref", "text", "from", "to", "via", "compiles", "timing_text", "timing_kind", "timing_due",
                  "timing_rrule"]
TARGET_COLUMNS = ["ref", "text", "value", "unit", "baseline", "comparator", "by"]
HEADER_FIELDS = ["plan_id", "number", "title", "issuer", "place", "issued_on", "year", "signer"]


def plan_dict(session: Session, plan_id: int) -> dict[str, Any]:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"no plan with id {plan_id} (see `dondoc plan list`)")
    assignments = session.exec(select(Assignment).where(Assignment.plan_id == plan_id,
                                                        col(Assignment.removed_at).is_(None))
                               .order_by(Assignment.id)).all()  # type: ignore[arg-type]
    reports = session.exec(select(ReportObligation).where(ReportObligation.plan_id == plan_id)
                           .order_by(ReportObligation.id)).all()  # type: ignore[arg-type]
    targets = session.exec(select(Target).where(Target.plan_id == plan_id).order_by(Target.id)).all()  # type: ignore[arg-type]
    return {
        "kind": EXPORT_MARK,
        "schema_version": 1,
        "plan_id": plan.id,
        "source": plan.source_name,
        "number": plan.number,
        "title": plan.title,
        "issuer": plan.issuer,
        "place": plan.place,
        "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
        "year": plan.year,
        "signer": plan.signer,
        "recipients": list(plan.recipients or []),
        "assignments": [{"id": a.id, "ref": a.ref, "item": a.item, "section": a.section, "text": a.text, "lead": list(a.lead),
                         "support": list(a.support), "mode": a.mode, "timing": dict(a.timing)} for a in assignments],
        "reports": [{"ref": r.ref, "text": r.text, "from": list(r.senders), "to": list(r.receivers), "via": r.via,
                     "compiles": r.compiles, "timing": dict(r.timing)} for r in reports],
        "targets": [{"ref": t.ref, "text": t.text, "value": t.value, "unit": t.unit, "baseline": t.baseline,
                     "comparator": t.comparator, "by": t.by} for t in targets],
        "warnings": list((plan.parsed or {}).get("warnings") or []),
    }


def write_yaml(data: dict[str, Any], path: Path) -> None:
    import yaml

    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # never let a cell become a formula
    return value


def write_xlsx(data: dict[str, Any], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws.append(["field", "value"])
    ws.append(["kind", EXPORT_MARK])
    for name in HEADER_FIELDS:
        ws.append([name, _cell(data.get(name))])
    for title, columns, rows in (("Assignments", ASSIGNMENT_COLUMNS, data["assignments"]),
                                 ("Reports", REPORT_COLUMNS, data["reports"]),
                                 ("Targets", TARGET_COLUMNS, data["targets"])):
        sheet = wb.create_sheet(title)
        sheet.append(columns)
        for row in rows:
            timing = row.get("timing") or {}
            flat = {**row, "timing_text": timing.get("text"), "timing_kind": timing.get("kind"),
                    "timing_due": timing.get("due"), "timing_rrule": timing.get("rrule")}
            sheet.append([_cell(flat.get(c)) for c in columns])
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    wb.save(path)


def is_export(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return True
    if suffix == ".xlsx":
        try:
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True)
            return "Plan" in wb.sheetnames and "Assignments" in wb.sheetnames
        except Exception:
            return False
    return False


def load(path: Path) -> dict[str, Any]:
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise InputError(f"không đọc được tệp YAML kế hoạch đã xuất ({exc.__class__.__name__})", path=str(path)) from exc
        if not isinstance(data, dict) or data.get("kind") != EXPORT_MARK:
            raise InputError(f"không phải tệp kế hoạch do dondoc xuất (cần dòng `kind: {EXPORT_MARK}`)", path=str(path))
        return _validate(data, path)
    return _load_xlsx(path)


def _split(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    return [p.strip() for p in str(value).split(";") if p.strip()]


def _unquote(value: Any) -> Any:
    return value[1:] if isinstance(value, str) and value.startswith("'") else value


def _load_xlsx(path: Path) -> dict[str, Any]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    header = {str(r[0]): _unquote(r[1]) for r in wb["Plan"].iter_rows(min_row=2, values_only=True) if r and r[0]}
    data: dict[str, Any] = {"kind": EXPORT_MARK, "schema_version": 1, "source": path.name,
                            **{k: header.get(k) for k in HEADER_FIELDS}}
    if data.get("issued_on") is not None:
        data["issued_on"] = str(data["issued_on"])[:10]
    for title, columns, key in (("Assignments", ASSIGNMENT_COLUMNS, "assignments"),
                                ("Reports", REPORT_COLUMNS, "reports"), ("Targets", TARGET_COLUMNS, "targets")):
        sheet = wb[title]
        rows = list(sheet.iter_rows(values_only=True))
        got = [str(c) for c in rows[0] if c is not None] if rows else []
        missing = [c for c in columns if c not in got and c != "id"]  # id: absent from older exports
        if missing:
            raise InputError(f"trang {title}: thiếu cột {', '.join(missing)}", path=str(path))
        index = {c: got.index(c) for c in columns if c in got}
        out = []
        for n, row in enumerate(rows[1:], start=2):
            if not any(v not in (None, "") for v in row):
                continue
            rec = {c: _unquote(row[index[c]]) if c in index and index[c] < len(row) else None for c in columns}
            if key == "targets":
                try:
                    rec["value"] = float(rec["value"])
                except (TypeError, ValueError):
                    raise InputError(f"trang {title}, hàng {n}: cột value phải là một số, đang là {rec['value']!r}",
                                     path=str(path)) from None
                out.append(rec)
                continue
            timing = {"text": rec.pop("timing_text"), "kind": rec.pop("timing_kind") or "unspecified",
                      "due": str(rec.pop("timing_due"))[:10] if rec.get("timing_due") else None,
                      "rrule": rec.pop("timing_rrule")}
            rec.pop("timing_due", None)
            rec["timing"] = timing
            for lst in ("lead", "support", "from", "to"):
                if lst in rec:
                    rec[lst] = _split(rec[lst])
            if "compiles" in rec:
                rec["compiles"] = str(rec["compiles"]).lower() in ("true", "1", "x", "có")
            out.append(rec)
        data[key] = out
    return _validate(data, path)


def _validate(data: dict[str, Any], path: Path) -> dict[str, Any]:
    for key in ("assignments", "reports", "targets"):
        if not isinstance(data.get(key, []), list):
            raise InputError(f"`{key}` phải là một danh sách", path=str(path))
        data.setdefault(key, [])
    kinds = {"once", "recurring", "continuous", "unspecified"}
    for n, a in enumerate(data["assignments"], start=1):
        if not a.get("ref"):
            raise InputError(f"nhiệm vụ thứ {n}: `ref` (số mục) đang để trống", path=str(path))
        kind = (a.get("timing") or {}).get("kind", "unspecified")
        if kind not in kinds:
            raise InputError(f"nhiệm vụ thứ {n} (mục {a.get('ref')}): loại thời hạn {kind!r} không phải một trong {sorted(kinds)}",
                             path=str(path))
        if a.get("mode", "assign") not in ("assign", "request"):
            raise InputError(f"nhiệm vụ thứ {n} (mục {a.get('ref')}): mode phải là assign (giao) hoặc request (đề nghị)", path=str(path))
    if data.get("year") is not None:
        data["year"] = int(data["year"])
    return data

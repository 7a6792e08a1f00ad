"""Console pages for the directory: units (tree), officers, contacts (masked), aliases, search, Excel
import/export with the CLI's validation, test message to a contact, personal links revoked or re-issued."""

from __future__ import annotations

import secrets
from collections import defaultdict
from typing import Any

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, Response
from sqlmodel import col, select

from dondoc import clock
from dondoc.errors import DondocError
from dondoc.models import Alias, Contact, Officer, Unit
from dondoc.vietnamese import fold
from dondoc.web.console.session import check_csrf, page, read, require

READERS = ("admin", "focal", "leader")
ADMINS = ("admin",)
LINK_KEEPERS = ("admin", "focal")
OFFICER_ROLES = {"head": "Thủ trưởng", "deputy": "Cấp phó", "focal": "Đầu mối theo dõi", "staff": "Cán bộ"}
UNIT_KINDS = {"province": "Cấp tỉnh", "district": "Cấp huyện", "town": "Thị xã", "commune": "Xã", "ward": "Phường",
              "township": "Thị trấn", "department": "Phòng, ban, sở", "agency": "Cơ quan", "office": "Văn phòng",
              "front": "Mặt trận Tổ quốc", "mass_org": "Đoàn thể", "association": "Hội", "committee": "Ban",
              "council": "Hội đồng nhân dân", "party": "Cơ quan Đảng", "school": "Trường học",
              "neighbourhood": "Khu phố, tổ dân phố", "village": "Thôn, bản", "public_service": "Đơn vị sự nghiệp",
              "unit": "Đơn vị"}


def mask(sealed: str, settings: Any) -> str:
    """A contact shown without its secret: the channel and a few characters of the address."""
    from dondoc.secrets import unseal

    try:
        url = unseal(sealed, settings)
    except DondocError:
        return "(đã mã hóa)"
    scheme, sep, rest = url.partition("://")
    if not sep:
        return "•••"
    rest = rest.split("?")[0]
    return f"{scheme}://{rest[:2]}•••{rest[-2:]}" if len(rest) > 6 else f"{scheme}://•••"


def _tree(units: list[Unit]) -> list[tuple[int, Unit]]:
    """Units in tree order with their depth."""
    children: dict[int | None, list[Unit]] = defaultdict(list)
    ids = {u.id for u in units}
    for u in units:
        children[u.parent_id if u.parent_id in ids else None].append(u)
    out: list[tuple[int, Unit]] = []

    def walk(parent: int | None, depth: int) -> None:
        for u in sorted(children.get(parent, []), key=lambda x: x.name):
            out.append((depth, u))
            if depth < 12:
                walk(u.id, depth + 1)

    walk(None, 0)
    return out


def make_router(web: Any) -> APIRouter:
    # Long on purpose: the list of this area's routes, each a small handler sharing the router's dependencies.
    router = APIRouter(prefix="/console/directory", include_in_schema=False)

    def listing(request: Request, staff: Any, q: str = "", error: str = "", result: Any = None, link: str = "",
                status_code: int = 200) -> Response:
        with read(web) as s:
            units = list(s.exec(select(Unit)).all())
            officers = list(s.exec(select(Officer).order_by(col(Officer.name))).all())
            aliases = list(s.exec(select(Alias).order_by(col(Alias.name))).all())
        counts: dict[int, int] = defaultdict(int)
        for o in officers:
            counts[o.unit_id] += 1
        hits: dict[str, list[Any]] = {}
        if q.strip():
            f = fold(q.strip())
            hits = {"units": [u for u in units if f in fold(u.name) or f in fold(u.code)],
                    "officers": [o for o in officers if f in fold(o.name) or f in fold(o.code)
                                 or f in fold(o.position or "")],
                    "aliases": [a for a in aliases if f in fold(a.name)]}
        names = {u.id: u.name for u in units}
        return page(web, request, staff, "console/directory.html", status_code, title="Danh bạ", tree=_tree(units),
                    counts=counts, q=q, hits=hits, names=names, aliases=aliases, error=error, result=result, link=link,
                    is_admin=staff.role == "admin")

    @router.get("")
    def directory(request: Request, q: str = "") -> Response:
        with read(web) as s:
            staff = require(web, s, request, *READERS)
        return listing(request, staff, q=q)

    @router.get("/units/{unit_id}")
    def unit_page(request: Request, unit_id: int, link: str = "", sent: str = "") -> Response:
        with read(web) as s:
            staff = require(web, s, request, *READERS)
            unit = s.get(Unit, unit_id)
            if unit is None:
                raise HTTPException(404)
            officers = list(s.exec(select(Officer).where(Officer.unit_id == unit_id).order_by(col(Officer.name))).all())
            contacts: dict[int, list[tuple[str, str]]] = defaultdict(list)
            if officers:
                for c in s.exec(select(Contact).where(col(Contact.officer_id).in_([o.id for o in officers]))
                                .order_by(col(Contact.priority))).all():
                    contacts[c.officer_id].append((c.channel, mask(c.url, web.settings)))
            aliases = list(s.exec(select(Alias).where(Alias.unit_id == unit_id)).all())
            parent = s.get(Unit, unit.parent_id) if unit.parent_id else None
            children = list(s.exec(select(Unit).where(Unit.parent_id == unit_id).order_by(col(Unit.name))).all())
        return page(web, request, staff, "console/unit.html", title=unit.name, unit=unit, parent=parent,
                    children=children, officers=officers, contacts=contacts, aliases=aliases,
                    can_links=staff.role in LINK_KEEPERS, link=link, sent=sent, OFFICER_ROLES=OFFICER_ROLES,
                    UNIT_KINDS=UNIT_KINDS)

    @router.get("/export.xlsx")
    def export(request: Request) -> Response:
        from dondoc.directory.export import export_directory

        with read(web) as s:
            require(web, s, request, *READERS)
        out = web.settings.path("exports") / f"danh-ba-{secrets.token_hex(4)}.xlsx"
        export_directory(engine=web.engine, settings=web.settings, path=out)
        return FileResponse(out, filename="danh-ba.xlsx", headers={"cache-control": "no-store"},
                            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    @router.post("/import")
    async def import_(request: Request, file: UploadFile = File(...), csrf: str = Form("")) -> Response:
        from dondoc.accounts.users import audit
        from dondoc.directory.apply import import_directory

        with read(web) as s:
            staff = require(web, s, request, *ADMINS)
        check_csrf(web, staff, csrf)
        name = (file.filename or "danh-ba.xlsx").rsplit("/", 1)[-1]
        if not name.lower().endswith((".xlsx", ".yaml", ".yml", ".csv")):
            return listing(request, staff, error=f"{name}: chỉ nhận tệp .xlsx, .yaml hoặc .csv", status_code=400)
        path = web.settings.path("uploads", secrets.token_hex(8)) / "".join(
            c if c.isalnum() or c in "._-" else "_" for c in name)
        path.write_bytes(await file.read())
        try:
            result = import_directory(engine=web.engine, settings=web.settings, path=path, now=clock.now())
        except DondocError as exc:
            return listing(request, staff, error=str(exc), status_code=400)
        with web.write() as s:
            audit(s, actor=f"staff:{staff.user.id}", action="directory.import", entity="directory", now=clock.now(),
                  after=result.as_dict())
        return listing(request, staff, result=result)

    @router.post("/officers/{officer_id}/test")
    def test_contact(request: Request, officer_id: int, csrf: str = Form("")) -> Response:
        from dondoc.accounts.users import audit
        from dondoc.delivery.contact_test import send_test
        from dondoc.notifications import get_notifier

        with read(web) as s:
            staff = require(web, s, request, *LINK_KEEPERS)
            officer = s.get(Officer, officer_id)
        check_csrf(web, staff, csrf)
        if officer is None:
            raise HTTPException(404)
        _o, checks = send_test(engine=web.engine, settings=web.settings, notifier=get_notifier(web.settings),
                               officer_ref=str(officer_id), now=clock.now())
        with web.write() as s:
            audit(s, actor=f"staff:{staff.user.id}", action="contact.test", entity="officer", entity_id=officer_id,
                  now=clock.now(), after={"results": [c.status for c in checks]})
        sent = ",".join(f"{c.channel}:{c.status}" for c in checks) or "none"
        return _to_unit(web, request, staff, officer.unit_id, f"sent={sent}")

    @router.post("/officers/{officer_id}/link")
    def reissue_link(request: Request, officer_id: int, csrf: str = Form(""), revoke_only: str = Form("")) -> Response:
        from dondoc.accounts.users import audit
        from dondoc.collect import links

        with read(web) as s:
            staff = require(web, s, request, *LINK_KEEPERS)
        check_csrf(web, staff, csrf)
        with web.write() as s:
            officer = s.get(Officer, officer_id)
            if officer is None:
                raise HTTPException(404)
            n = links.revoke(s, officer_id=officer_id, now=clock.now())
            s.flush()
            url = "" if revoke_only else links.link_for(s, officer_id=officer_id, settings=web.settings, now=clock.now())
            audit(s, actor=f"staff:{staff.user.id}", action="link.revoke" if revoke_only else "link.reissue",
                  entity="officer", entity_id=officer_id, now=clock.now(), after={"revoked": n})
            unit_id = officer.unit_id
        # The new link is shown once, on this answer only (never put in a URL or a log).
        with read(web) as s:
            return unit_page_with_link(request, staff, unit_id, url or "(đã thu hồi)")

    def unit_page_with_link(request: Request, staff: Any, unit_id: int, link: str) -> Response:
        return unit_page(request, unit_id, link=link)

    return router


def _to_unit(web: Any, request: Request, staff: Any, unit_id: int, query: str) -> Response:
    from dondoc.web.console.session import redirect

    return redirect(web, request, staff, f"/console/directory/units/{unit_id}?{query}")

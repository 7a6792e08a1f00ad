"""Staff JSON API (bearer: a personal access token from `dondoc user token NAME`).

Same rules as the console: any staff role reads; admin and focal staff correct and activate; clerks
upload. Officers' personal-link tokens are not accepted here (401). Shares the /api prefix with the
officers' API (web/api.py) without sharing a path and method."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, File, Header, HTTPException, Request, UploadFile
from pydantic import BaseModel, Field

from dondoc import clock
from dondoc.intake import review
from dondoc.intake.lifecycle import activate_plan, get_plan, preview_activation
from dondoc.models import Plan, StaffUser
from dondoc.web.console.auth import staff_from_token
from dondoc.web.console.pages import ALL, EDITORS, UPLOADERS, deliver_now, import_upload, save_upload
from dondoc.web.console.session import Staff, read


class TimingIn(BaseModel):
    kind: str = "unspecified"
    due: str | None = None
    text: str | None = None


class ItemIn(BaseModel):
    ref: str | None = None
    text: str | None = None
    lead: list[str] | None = None
    support: list[str] | None = None
    mode: str | None = Field(default=None, description="assign or request")
    timing: TimingIn | None = None
    section: str | None = None


class FocalIn(BaseModel):
    focal_unit_id: int | None
    owner_unit_id: int | None = None


def plan_json(session: Any, plan: Plan) -> dict[str, Any]:
    assert plan.id is not None
    return {"id": plan.id, "state": plan.state, "number": plan.number, "title": plan.title, "year": plan.year,
            "focal_unit_id": plan.focal_unit_id, "owner_unit_id": plan.owner_unit_id,
            "items": [review.item_dict(a) for a in review.items(session, plan.id)],
            "warnings": list((plan.parsed or {}).get("warnings") or []),
            "unresolved": list(plan.unresolved or [])}


def make_router(web: Any) -> APIRouter:
    # Long on purpose: the list of this area's routes, each a small handler sharing the router's dependencies.
    router = APIRouter(prefix="/api", tags=["staff"])

    def staff(authorization: str | None, *roles: str) -> Staff:
        return Staff(user=staff_from_token(web, authorization, *roles), unit=None, nonce="", csrf="")

    def editable(st: Staff, plan_id: int) -> None:
        from dondoc.web.console.pages import can_edit

        with read(web) as s:
            plan = get_plan(s, plan_id)
        if not can_edit(st, plan):
            raise HTTPException(403, "không phụ trách kế hoạch này")

    def actor(st: StaffUser | Staff) -> str:
        user = st.user if isinstance(st, Staff) else st
        return f"staff:{user.id}"

    def answer(plan_id: int) -> dict[str, Any]:
        with read(web) as s:
            return plan_json(s, get_plan(s, plan_id))

    @router.post("/plans", status_code=201, summary="Upload a plan document: a draft with its parsed items")
    async def upload(file: UploadFile = File(...), authorization: str | None = Header(None)) -> dict[str, Any]:
        st = staff(authorization, *UPLOADERS)
        path = save_upload(web.settings, file, await file.read())
        result = import_upload(web, st, path)
        out = answer(result.plan_id)
        out["import"] = result.as_dict()
        out["parser_warnings"] = result.warnings
        return out

    @router.get("/plans/{plan_id}", summary="A plan with its state and items")
    def read_plan(plan_id: int, authorization: str | None = Header(None)) -> dict[str, Any]:
        staff(authorization, *ALL)
        return answer(plan_id)

    @router.patch("/plans/{plan_id}/items/{item_id}", summary="Correct fields of an item")
    def patch_item(plan_id: int, item_id: int, body: ItemIn, authorization: str | None = Header(None)) -> dict[str, Any]:
        st = staff(authorization, *EDITORS)
        editable(st, plan_id)
        changes = body.model_dump(exclude_unset=True)
        with web.write() as s:
            review.update_item(s, plan_id=plan_id, item_id=item_id, changes=changes, settings=web.settings,
                               now=clock.now(), actor=actor(st), via="api")
        return answer(plan_id)

    @router.delete("/plans/{plan_id}/items/{item_id}", summary="Delete an item (closed as not applicable once active)")
    def delete_item(plan_id: int, item_id: int, authorization: str | None = Header(None)) -> dict[str, Any]:
        st = staff(authorization, *EDITORS)
        editable(st, plan_id)
        with web.write() as s:
            review.delete_item(s, plan_id=plan_id, item_id=item_id, settings=web.settings, now=clock.now(),
                               actor=actor(st), via="api")
        return answer(plan_id)

    @router.post("/plans/{plan_id}/items", status_code=201, summary="Add an item")
    def add_item(plan_id: int, body: ItemIn, authorization: str | None = Header(None)) -> dict[str, Any]:
        st = staff(authorization, *EDITORS)
        editable(st, plan_id)
        with web.write() as s:
            row = review.add_item(s, plan_id=plan_id, values=body.model_dump(exclude_none=True), settings=web.settings,
                                  now=clock.now(), actor=actor(st), via="api")
            new_id = row.id
        out = answer(plan_id)
        out["item_id"] = new_id
        return out

    @router.put("/plans/{plan_id}/focal", summary="Choose the focal (compiling) unit")
    def put_focal(plan_id: int, body: FocalIn, authorization: str | None = Header(None)) -> dict[str, Any]:
        st = staff(authorization, *EDITORS)
        editable(st, plan_id)
        with web.write() as s:
            review.set_focal(s, plan_id=plan_id, focal_unit_id=body.focal_unit_id, owner_unit_id=body.owner_unit_id,
                             settings=web.settings, now=clock.now(), actor=actor(st), via="api")
        return answer(plan_id)

    @router.get("/plans/{plan_id}/preview", summary="What activation would do: obligations per unit, first messages")
    def preview(plan_id: int, authorization: str | None = Header(None)) -> dict[str, Any]:
        staff(authorization, *ALL)
        with read(web) as s:
            plan = get_plan(s, plan_id)
            return {"id": plan.id, "state": plan.state, **preview_activation(s, plan=plan, settings=web.settings).as_dict()}

    @router.post("/plans/{plan_id}/activate", summary="Activate a draft: obligations created, units notified once")
    def activate(plan_id: int, request: Request, authorization: str | None = Header(None)) -> dict[str, Any]:
        st = staff(authorization, *EDITORS)
        editable(st, plan_id)
        with web.write() as s:
            done = activate_plan(s, plan_id=plan_id, settings=web.settings, now=clock.now(), actor=actor(st), via="api")
        deliver_now(web)
        out = answer(plan_id)
        out["activation"] = done.as_dict()
        return out

    return router

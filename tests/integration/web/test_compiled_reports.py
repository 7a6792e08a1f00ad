"""Compiled reports on the focal page and the dashboard: the list, the Word/Excel downloads behind the
personal token (plan's focal officers and issuer only), missing files and paths outside DONDOC_HOME;
the dashboard grid's "Nhập thay" links."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from dondoc.collect import links
from dondoc.config import Settings
from dondoc.models import CompiledReport, Officer
from dondoc.reporting.compile import compile_report
from tests.integration.web.world import NOW, World

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
AFTER_CUTOFF = dt.datetime(2026, 1, 20, 2, 0, tzinfo=dt.UTC)  # the 2025 period's cut-off (15/12/2025) has passed


def compiled(engine: Engine, settings: Settings, world: World, *, now: dt.datetime = NOW,
             send: bool = False) -> CompiledReport:
    return compile_report(engine=engine, settings=settings, plan_id=world["plan"], period="2025", now=now, send=send)


def url(world: World, who: str, rid: int, fmt: str, plan: int | None = None) -> str:
    return f"/t/{world.tokens[who]}/focal/{plan or world['plan']}/reports/{rid}.{fmt}"


def set_paths(engine: Engine, rid: int, *, docx: str | None = None, xlsx: str | None = None) -> None:
    with Session(engine) as s:
        row = s.get(CompiledReport, rid)
        assert row is not None
        if docx is not None:
            row.docx_path = docx
        if xlsx is not None:
            row.xlsx_path = xlsx
        s.add(row)
        s.commit()


def box(html: str) -> str:
    m = re.search(r'<section class="box" id="bao-cao-tong-hop">(.*?)</section>', html, re.S)
    assert m, "no compiled reports box"
    return m.group(1)


def test_no_report_yet(client: TestClient, world: World) -> None:
    for page in ("focal", "dashboard"):
        html = client.get(f"/t/{world.tokens['focal']}/{page}/{world['plan']}").text
        assert "Chưa có báo cáo tổng hợp nào được lập cho kế hoạch này." in box(html)


def test_focal_page_and_dashboard_list_the_draft_with_both_files(engine: Engine, settings: Settings,
                                                                client: TestClient, world: World) -> None:
    row = compiled(engine, settings, world)
    pages = {"focal page": f"/t/{world.tokens['focal']}/focal/{world['plan']}",
             "dashboard (focal)": f"/t/{world.tokens['focal']}/dashboard/{world['plan']}",
             "dashboard (issuer)": f"/t/{world.tokens['chutich']}/dashboard/{world['plan']}"}
    for name, page in pages.items():
        r = client.get(page)
        assert r.status_code == 200, name
        b = box(r.text)
        assert "Báo cáo tổng hợp" in r.text and "năm 2025" in b, name
        assert "Dự thảo" in b and "Chính thức" not in b, name
        assert "15/12/2025" in b, name  # số liệu đến ngày: the cut-off
        assert "08:00 05/11/2025" in b, name  # lập lúc, Hà Nội time
        assert "chưa gửi" in b, name
        token = page.split("/")[2]
        assert f'href="/t/{token}/focal/{world["plan"]}/reports/{row.id}.docx"' in b, name
        assert f'href="/t/{token}/focal/{world["plan"]}/reports/{row.id}.xlsx"' in b, name


def test_final_report_is_labelled_and_sent_time_shown(engine: Engine, settings: Settings, client: TestClient,
                                                      world: World) -> None:
    row = compiled(engine, settings, world, now=AFTER_CUTOFF, send=True)
    assert row.sent_at is not None
    b = box(client.get(f"/t/{world.tokens['focal']}/focal/{world['plan']}").text)
    assert "Chính thức" in b and "Dự thảo" not in b
    assert b.count("09:00 20/01/2026") == 2  # lập lúc and đã gửi lúc
    r = client.get(url(world, "focal", row.id, "docx"))  # type: ignore[arg-type]
    assert r.status_code == 200 and "du-thao" not in r.headers["content-disposition"]


@pytest.mark.parametrize("who", ["focal", "chutich"])
def test_download_exact_bytes_type_and_name(engine: Engine, settings: Settings, client: TestClient, world: World,
                                            who: str) -> None:
    row = compiled(engine, settings, world)
    for fmt, ctype, stored in (("docx", DOCX_TYPE, row.docx_path), ("xlsx", XLSX_TYPE, row.xlsx_path)):
        r = client.get(url(world, who, row.id, fmt))  # type: ignore[arg-type]
        assert r.status_code == 200, (fmt, r.text[:200])
        assert r.content == Path(stored).read_bytes()  # type: ignore[arg-type]
        assert r.headers["content-type"] == ctype
        name = f"Báo cáo tổng hợp năm 2025 - Kế hoạch 68-KH-UBND (dự thảo).{fmt}"
        assert r.headers["content-disposition"] == (
            f'attachment; filename="Bao-cao-tong-hop-nam-2025-Ke-hoach-68-KH-UBND-du-thao.{fmt}"; '
            f"filename*=UTF-8''{quote(name, safe='')}")
        assert "no-store" in r.headers["cache-control"]
        assert r.headers["x-content-type-options"] == "nosniff"


def test_refused_to_everyone_else(engine: Engine, settings: Settings, client: TestClient, world: World) -> None:
    row = compiled(engine, settings, world)
    other = compile_report(engine=engine, settings=settings, plan_id=world["plan"] + 1, period="2025", now=NOW,
                           send=False)
    with Session(engine) as s:  # the focal officer of the other plan (Phòng Nội vụ)
        o = Officer(code="nv_focal", unit_id=world["noivu"], name="Đầu Mối Nội Vụ", role="focal", created_at=NOW)
        s.add(o)
        s.flush()
        world.tokens["nv_focal"] = links.issue_token(s, officer_id=o.id, settings=settings, now=NOW)  # type: ignore[arg-type]
        s.commit()
    reference = client.get("/no/such/page").text
    refused = [url(world, who, row.id, fmt) for who in ("a1", "h1", "ld_staff", "a3", "nv_focal")  # type: ignore[arg-type]
               for fmt in ("docx", "xlsx")]
    refused += [f"/t/{'0' * 43}/focal/{world['plan']}/reports/{row.id}.docx",
                url(world, "focal", other.id, "docx"),  # another plan's report under this plan  # type: ignore[arg-type]
                url(world, "focal", other.id, "docx", plan=world["plan"] + 1),  # the other plan itself  # type: ignore[arg-type]
                url(world, "focal", row.id, "pdf"),  # type: ignore[arg-type]
                url(world, "focal", row.id + other.id + 100, "docx"),  # type: ignore[operator]
                f"/t/{world.tokens['focal']}/focal/{world['plan']}/reports/abc.docx"]
    for path in refused:
        r = client.get(path)
        assert (r.status_code, r.text) == (404, reference), path
    # ... while the other plan's focal officer gets that plan's report.
    assert client.get(url(world, "nv_focal", other.id, "docx", plan=world["plan"] + 1)).status_code == 200  # type: ignore[arg-type]
    # Units never see the list either (the pages themselves are refused).
    assert client.get(f"/t/{world.tokens['a1']}/focal/{world['plan']}").status_code == 404


def test_deleted_file_gives_a_clean_404(engine: Engine, settings: Settings, client: TestClient, world: World) -> None:
    row = compiled(engine, settings, world)
    Path(row.docx_path).unlink()  # type: ignore[arg-type]
    r = client.get(url(world, "focal", row.id, "docx"))  # type: ignore[arg-type]
    assert r.status_code == 404
    assert "Tệp báo cáo này không còn trên hệ thống" in r.text and "Traceback" not in r.text
    assert r.headers["content-type"].startswith("text/html")
    assert client.get(url(world, "focal", row.id, "xlsx")).status_code == 200  # type: ignore[arg-type]
    set_paths(engine, row.id, docx="")  # type: ignore[arg-type]  # no path at all: no link, and a 404
    assert client.get(url(world, "focal", row.id, "docx")).status_code == 404  # type: ignore[arg-type]
    b = box(client.get(f"/t/{world.tokens['focal']}/focal/{world['plan']}").text)
    assert ".docx" not in b and f"{row.id}.xlsx" in b


def test_paths_outside_the_data_folder_are_refused(engine: Engine, settings: Settings, client: TestClient,
                                                   world: World, tmp_path: Path) -> None:
    row = compiled(engine, settings, world)
    reference = client.get("/no/such/page").text
    secret = tmp_path / "secret.docx"  # beside the data folder (settings.home is tmp_path/home)
    secret.write_bytes(b"not for download")
    link = settings.home / "reports" / "link.docx"
    link.symlink_to(secret)
    for stored in (str(secret), "../secret.docx", "reports/../../secret.docx", str(link), "reports/link.docx",
                   "/etc/passwd"):
        set_paths(engine, row.id, docx=stored)  # type: ignore[arg-type]
        r = client.get(url(world, "focal", row.id, "docx"))  # type: ignore[arg-type]
        assert (r.status_code, r.text) == (404, reference), stored
        assert b"not for download" not in r.content
    # A path relative to the data folder (as Message.attachments holds them) is served.
    set_paths(engine, row.id, docx=f"reports/bao-cao-ke-hoach-{world['plan']}-2025.docx")  # type: ignore[arg-type]
    r = client.get(url(world, "focal", row.id, "docx"))  # type: ignore[arg-type]
    assert r.status_code == 200 and r.content == (settings.home / "reports" / f"bao-cao-ke-hoach-{world['plan']}-2025.docx").read_bytes()


@pytest.mark.parametrize("who", ["focal", "chutich"])
def test_dashboard_grid_links_each_cell_to_the_entry_form(client: TestClient, world: World, who: str) -> None:
    token = world.tokens[who]
    html = client.get(f"/t/{token}/dashboard/{world['plan']}").text
    grid = re.search(r'<table class="grid">(.*?)</table>', html, re.S).group(1)  # type: ignore[union-attr]
    hrefs = re.findall(r'<a class="entry" href="([^"]+)"[^>]*>Nhập thay</a>', grid)
    # Period 2025: rep1-3, task1-2, spec1 (the 2026 report and the other plan's obligation are not shown).
    expected = {f"/t/{token}/focal/{world['plan']}/o/{world[k]}" for k in ("rep1", "rep2", "rep3", "task1", "task2", "spec1")}
    assert set(hrefs) == expected
    r = client.get(f"/t/{token}/focal/{world['plan']}/o/{world['task2']}")
    assert r.status_code == 200 and "UBND xã Bình Minh" in r.text

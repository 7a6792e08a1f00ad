"""`dondoc sign`, `dondoc verify`, `dondoc edxml-import`: the report as a signed official document and
its exchange between agencies (dondoc.signing). Also `after_report`, called by `dondoc report --pdf/--edxml`.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from dondoc.errors import InputError

PASS_ENV = "DONDOC_SIGN_PASSPHRASE"


def _now(at: str | None) -> dt.datetime:
    from dondoc.cli.report import _now as report_now

    return report_now(at)


def _secret(label: str, *, from_stdin: bool) -> str:
    """The passphrase/PIN: stdin (one line), DONDOC_SIGN_PASSPHRASE, or a hidden prompt."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if os.environ.get(PASS_ENV) is not None:
        return os.environ[PASS_ENV]
    if not sys.stdin.isatty():
        raise InputError(f"cần {label}: --passphrase-stdin, biến {PASS_ENV} hoặc chạy trong cửa sổ lệnh để nhập")
    return str(typer.prompt(label, hide_input=True))


def sign(
    pdf: Annotated[Path, typer.Argument(help="Tệp PDF cần ký (văn bản hoặc phụ lục).")],
    role: Annotated[str, typer.Option("--as", help="authority: người có thẩm quyền ký; organisation: cơ quan, "
                                      "tổ chức ký (đóng dấu) sau người có thẩm quyền, hoặc ký phụ lục.")] = "authority",
    out: Annotated[Path | None, typer.Option("--out", help="Ghi văn bản đã ký ra tệp này (mặc định: ghi đè tệp vào "
                                             "khi ký xong; chữ ký là bản cập nhật nối tiếp, nội dung không đổi).")] = None,
    pkcs12: Annotated[Path | None, typer.Option("--pkcs12", help="Tệp chứng thư số .p12/.pfx.")] = None,
    pkcs11_lib: Annotated[Path | None, typer.Option("--pkcs11-lib", envvar="DONDOC_SIGN_PKCS11_LIB",
                                                    help="Thư viện PKCS#11 của USB token/HSM (.so).")] = None,
    pkcs11_label: Annotated[str | None, typer.Option("--pkcs11-label", help="Nhãn token.")] = None,
    pkcs11_key: Annotated[str | None, typer.Option("--pkcs11-object", help="Nhãn của khóa/chứng thư trên token (mặc định: cái đầu tiên).")] = None,
    passphrase_stdin: Annotated[bool, typer.Option("--passphrase-stdin",
                                                   help="Đọc mật khẩu/PIN từ dòng đầu của stdin.")] = False,
    signature_image: Annotated[Path | None, typer.Option("--signature-image", envvar="DONDOC_SIGN_SIGNATURE_IMAGE",
                                                         help="Hình chữ ký (PNG màu xanh, nền trong suốt).")] = None,
    seal_image: Annotated[Path | None, typer.Option("--seal-image", envvar="DONDOC_SIGN_SEAL_IMAGE",
                                                    help="Hình con dấu (PNG màu đỏ, nền trong suốt).")] = None,
    seal_mm: Annotated[float, typer.Option("--seal-mm", envvar="DONDOC_SIGN_SEAL_MM",
                                           help="Đường kính thật của con dấu, mm.")] = 36.0,
    annex: Annotated[bool, typer.Option("--annex", help="Tệp là phụ lục kèm theo: cơ quan ký ở góc trên bên phải "
                                        "trang đầu.")] = False,
    number: Annotated[str | None, typer.Option("--number", help="Số, ký hiệu hiện trên phụ lục: 125/BC-UBND.")] = None,
    tsa: Annotated[str | None, typer.Option("--tsa", envvar="DONDOC_SIGN_TSA_URL",
                                            help="Máy chủ cấp dấu thời gian (PAdES B-T).")] = None,
    level: Annotated[str | None, typer.Option("--level", help="B-B, B-T hoặc B-LT (mặc định B-T khi có TSA).")] = None,
    trust: Annotated[list[Path] | None, typer.Option("--trust", help="Chứng thư CA gốc (PEM) cho B-LT.")] = None,
    prepare: Annotated[Path | None, typer.Option("--prepare", help="Ký từ xa, bước 1: ghi trạng thái vào tệp JSON "
                                                 "này và in dữ liệu cần ký (base64).")] = None,
    cert: Annotated[Path | None, typer.Option("--cert", help="Ký từ xa: chứng thư của người ký (PEM).")] = None,
    chain: Annotated[list[Path] | None, typer.Option("--chain", help="Ký từ xa: chứng thư trung gian/gốc.")] = None,
    finish: Annotated[Path | None, typer.Option("--finish", help="Ký từ xa, bước 2: tệp trạng thái JSON của bước 1.")] = None,
    signature_value: Annotated[Path | None, typer.Option("--signature-value", help="Ký từ xa, bước 2: chữ ký dịch "
                                                         "vụ trả về (tệp nhị phân hoặc base64; hoặc CMS).")] = None,
    at: Annotated[str | None, typer.Option("--at", help="Thời điểm ký (mô phỏng).")] = None,
) -> None:
    """Ký số văn bản PDF theo Nghị định 30/2020 (PAdES, pyHanko) — sign a PDF as the authority or the organisation."""
    # Long on purpose: a command's options and their checks, then one call.
    import base64

    from rich.console import Console

    from dondoc.signing import sign as sg
    from dondoc.signing import signers

    console = Console()
    try:
        who = sg.Role(role)
    except ValueError as exc:
        raise InputError("--as authority (người có thẩm quyền) hoặc organisation (cơ quan, tổ chức)") from exc
    dst = out or pdf
    if finish is not None:
        if signature_value is None:
            raise InputError("--finish cần --signature-value TỆP")
        raw = signature_value.read_bytes()
        try:
            value = base64.b64decode(raw.strip(), validate=True) if raw[:1] != b"\x30" else raw
        except ValueError:
            value = raw
        sg.finish_remote(finish, value, dst)
        console.print(f"Đã gắn chữ ký từ xa: {dst}")
        return
    opts = sg.Options(role=who, now=_now(at), images=sg.Images(signature_image, seal_image, seal_mm),
                      annex=True if annex else None, number=number, tsa_url=tsa,
                      level=sg.Level(level) if level else None, trust=tuple(trust or ()))
    if prepare is not None:
        if cert is None:
            raise InputError("--prepare cần --cert (chứng thư của người ký, PEM)")
        req = sg.prepare_remote(pdf, prepare, cert=cert, chain=tuple(chain or ()), opts=opts)
        console.print(f"Trạng thái: {req.state}\nSHA-256 của dữ liệu cần ký: {req.digest_sha256}")
        typer.echo(base64.b64encode(req.data_to_sign).decode())
        return
    started = time.perf_counter()
    if pkcs12 is not None:
        signer = signers.from_pkcs12(pkcs12, _secret("Mật khẩu tệp .p12", from_stdin=passphrase_stdin).encode() or None)
        done = sg.sign_pdf(pdf, dst, signer=signer, opts=opts)
    elif pkcs11_lib is not None:
        pin = _secret("Mã PIN của token", from_stdin=passphrase_stdin)
        with signers.from_pkcs11(pkcs11_lib, token_label=pkcs11_label, pin=pin, key_label=pkcs11_key) as signer:
            done = sg.sign_pdf(pdf, dst, signer=signer, opts=opts)
    else:
        raise InputError("chọn nơi có khóa ký: --pkcs12 TỆP, --pkcs11-lib THƯ_VIỆN --pkcs11-label NHÃN, "
                         "hoặc ký từ xa --prepare/--finish")
    x1, y1, x2, y2 = done.placement.box
    console.print(f"Đã ký ({sg.ROLE_LABEL[who]}, PAdES {done.level}, {done.placement.kind} trang "
                  f"{done.placement.page + 1} tại {x1:.0f},{y1:.0f}-{x2:.0f},{y2:.0f} pt) trong "
                  f"{time.perf_counter() - started:.1f} s: {dst}")


def verify(
    pdf: Annotated[Path, typer.Argument(help="Tệp PDF đã ký.")],
    trust: Annotated[list[Path] | None, typer.Option("--trust", envvar="DONDOC_SIGN_TRUST",
                                                     help="Chứng thư CA gốc tin cậy (PEM), có thể nhắc lại.")] = None,
) -> None:
    """Kiểm tra chữ ký số trên văn bản PDF — verify every signature; exit 0 only when all are intact."""
    from rich.console import Console
    from rich.table import Table

    from dondoc.signing.sign import ROLE_LABEL
    from dondoc.signing.verify import verify_pdf

    if not pdf.is_file():
        raise InputError("không có tệp này", path=str(pdf))
    result = verify_pdf(pdf, trust=tuple(trust or ()))
    console = Console()
    table = Table(title=str(pdf))
    for col in ("#", "Vai trò", "Người ký", "Thời gian ký", "Toàn vẹn", "Tin cậy", "Sửa đổi sau khi ký",
                "Dữ liệu thu hồi (LT)"):
        table.add_column(col)
    yes, no = "có", "KHÔNG"
    for n, s in enumerate(result.signatures, 1):
        table.add_row(str(n), ROLE_LABEL.get(s.role, s.field) if s.role else s.field,  # type: ignore[arg-type]
                      f"{s.signer}" + (f" ({s.organisation})" if s.organisation and s.organisation != s.signer else ""),
                      (s.timestamp or s.signed_at).isoformat() if (s.timestamp or s.signed_at) else "?",  # type: ignore[union-attr]
                      yes if s.intact and s.valid else no,
                      "chưa kiểm tra" if s.trusted is None else (yes if s.trusted else no),
                      "không" if s.coverage == "ENTIRE_FILE" else
                      ("chỉ thêm chữ ký sau" if s.unchanged else f"CÓ ({s.changes_after})"),
                      "kèm trong văn bản" if s.revocation_embedded else "không")
    console.print(table)
    if result.error:
        console.print(f"[red]{result.error}[/red]")
    if result.signatures and not result.order_ok:
        console.print("[red]Thứ tự ký sai: cơ quan, tổ chức ký trước người có thẩm quyền[/red]")
    console.print("Hợp lệ: mọi chữ ký toàn vẹn." if result.ok else "[red]KHÔNG hợp lệ.[/red]")
    raise typer.Exit(0 if result.ok else 8)


def edxml_import(
    package: Annotated[Path, typer.Argument(help="Gói tin edXML nhận được (.edxml/.xml).")],
    at: Annotated[str | None, typer.Option("--at", help="Thời điểm nhận (mô phỏng).")] = None,
) -> None:
    """Nhận gói tin edXML (QCVN 102:2016): lưu tệp đính kèm, nhập kế hoạch từ văn bản — import a received package."""
    from rich.console import Console

    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.signing.package import receive_package

    if not package.is_file():
        raise InputError("không có tệp này", path=str(package))
    settings = get_settings()
    got = receive_package(engine=ready_engine(settings), settings=settings, data=package.read_bytes(), now=_now(at))
    Console().print(f"Gói tin {got.document_id} từ {got.sender}: {len(got.saved)} tệp ({got.saved[0].parent}); "
                    f"kế hoạch số {got.plan_id} ({got.status}); hạn xử lý {got.due_date or 'không ghi'}; "
                    f"SteeringType {got.steering_type}")


def after_report(row: Any, *, docx_path: Path, xlsx_path: Path, pdf: bool, edxml: Path | None, to: list[str],
                 number: str | None, at: str | None) -> list[str]:
    """`dondoc report --pdf/--edxml`: the PDFs beside the compiled files; the package of the signed PDFs.
    Returns lines to print."""
    from dondoc.signing.pdf import report_pdfs

    lines = []
    report_pdf, annex_pdf = docx_path.with_suffix(".pdf"), xlsx_path.with_name(f"{xlsx_path.stem}-phu-luc.pdf")
    if pdf:
        report_pdf, annex_pdf_opt = report_pdfs(docx_path, xlsx_path)
        annex_pdf = annex_pdf_opt or annex_pdf
        lines += [f"  PDF:   {report_pdf}", f"  Phụ lục PDF: {annex_pdf}",
                  "  Ký số: dondoc sign TỆP.pdf --as authority, rồi --as organisation; phụ lục: --as organisation"]
    if edxml is not None:
        lines.append(_package(row, report_pdf=report_pdf, annex_pdf=annex_pdf, out=edxml, to=to, number=number, at=at))
    return lines


def _package(row: Any, *, report_pdf: Path, annex_pdf: Path, out: Path, to: list[str], number: str | None,
             at: str | None) -> str:
    import pendulum

    from dondoc.cli._common import ready_engine
    from dondoc.config import get_settings
    from dondoc.db import session_scope
    from dondoc.signing import edxml as ex
    from dondoc.signing.package import organs, report_header
    from dondoc.signing.verify import verify_pdf

    for path in (report_pdf, annex_pdf):
        if not path.is_file():
            raise InputError(f"chưa có {path.name}: chạy `dondoc report … --pdf` rồi ký số trước khi đóng gói")
        if not verify_pdf(path).ok:
            raise InputError(f"{path.name} chưa có chữ ký số hợp lệ (`dondoc verify {path}`): ký trước khi đóng gói")
    settings = get_settings()
    with session_scope(ready_engine(settings)) as session:
        sender, receivers = organs(session, plan_id=row.plan_id, to_codes=to)
    now = _now(at)
    header = report_header(row.snapshot, sender=sender, recipients=receivers, number=number,
                           document_id=f"{sender.organ_id}:{row.plan_id}:{row.period}",
                           annex_name=annex_pdf.name)
    data = ex.write_package(ex.Package(header, (ex.Trace(sender.organ_id, pendulum.instance(now)),),
                                       (ex.attachment_from(report_pdf, description="Văn bản"),
                                        ex.attachment_from(annex_pdf, description="Phụ lục"))))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return f"  edXML: {out} (gửi tới {', '.join(o.organ_id for o in receivers)})"


def register(app: typer.Typer) -> None:
    app.command("sign")(sign)
    app.command("verify")(verify)
    app.command("edxml-import")(edxml_import)

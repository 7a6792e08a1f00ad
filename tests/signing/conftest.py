"""A throwaway PKI, the organisation's images, and the sample plan's report compiled to PDF, once per
test process (LibreOffice takes seconds to start)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pendulum
import pytest

from dondoc.clock import TZ
from tests.signing import pki

AFTER_CUTOFF = pendulum.datetime(2025, 11, 13, 9, 0, tz=TZ)
SOFTHSM_LIB = Path("/usr/lib/softhsm/libsofthsm2.so")
TOKEN, SO_PIN, USER_PIN = "dondoc-test", "12345678", "87654321"


@dataclass(frozen=True)
class Pki:
    folder: Path
    ca: pki.Issued
    authority: pki.Issued
    organisation: pki.Issued
    tsa: pki.Issued
    authority_p12: Path
    organisation_p12: Path
    signature_png: Path
    seal_png: Path


@pytest.fixture(scope="session")
def test_pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    d = tmp_path_factory.mktemp("pki")
    ca = pki.make_ca(d)
    authority = pki.issue(ca, d, "authority", cn="Phạm Thị Lượng", org="UBND huyện Quan Hoá")
    organisation = pki.issue(ca, d, "organisation", cn="UBND huyện Quan Hoá", org="UBND huyện Quan Hoá")
    tsa = pki.issue(ca, d, "tsa", cn="dondoc Test TSA", tsa=True)
    return Pki(d, ca, authority, organisation, tsa, pki.write_p12(authority, ca, d / "authority.p12"),
               pki.write_p12(organisation, ca, d / "organisation.p12"), pki.signature_png(d / "chu-ky.png"),
               pki.seal_png(d / "con-dau.png"))


@pytest.fixture(scope="session")
def compiled_pdfs(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample district plan's 2025 report and its annex, as PDF (unsigned)."""
    if shutil.which("soffice") is None:
        pytest.skip("needs LibreOffice (libreoffice-writer, libreoffice-calc)")
    from sqlmodel import Session

    from dondoc.db import make_engine
    from dondoc.reporting.compile import render_files
    from dondoc.reporting.sample import seed_sample
    from dondoc.reporting.snapshot import build_snapshot
    from dondoc.signing.pdf import report_pdfs

    d = tmp_path_factory.mktemp("report")
    db = d / "sample.db"
    shutil.copy(sqlite_template, db)
    engine = make_engine(f"sqlite:///{db}")
    with Session(engine, expire_on_commit=False) as s:
        ids = seed_sample(s)
    with Session(engine) as s:
        snap = build_snapshot(s, plan_id=ids["plan_id"], period="2025", now=AFTER_CUTOFF)
    engine.dispose()
    docx, xlsx = render_files(snap, directory=d)
    report, annex = report_pdfs(docx, xlsx)
    assert annex is not None
    return report, annex


@pytest.fixture
def report_pdf(compiled_pdfs: tuple[Path, Path], tmp_path: Path) -> Path:
    return Path(shutil.copy(compiled_pdfs[0], tmp_path / "bao-cao.pdf"))


@pytest.fixture
def annex_pdf(compiled_pdfs: tuple[Path, Path], tmp_path: Path) -> Path:
    return Path(shutil.copy(compiled_pdfs[1], tmp_path / "bao-cao-phu-luc.pdf"))


@pytest.fixture(scope="session")
def softhsm(test_pki: Pki, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SoftHSM token holding the authority's key and certificate, its config in a temp dir. Session
    scoped: the PKCS#11 library reads SOFTHSM2_CONF once per process."""
    import os

    if not (shutil.which("softhsm2-util") and shutil.which("pkcs11-tool") and SOFTHSM_LIB.is_file()):
        pytest.skip("needs softhsm2 and opensc (pkcs11-tool)")
    from cryptography.hazmat.primitives import serialization

    d = tmp_path_factory.mktemp("softhsm")
    (d / "tokens").mkdir()
    conf = d / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {d / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}

    def run(*cmd: str) -> None:
        subprocess.run(cmd, check=True, capture_output=True, env=env, timeout=60)

    run("softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin", SO_PIN, "--pin", USER_PIN)
    run("softhsm2-util", "--import", str(test_pki.authority.key_pem), "--token", TOKEN, "--label", "signer",
        "--id", "01", "--pin", USER_PIN)
    der = d / "signer.der"
    der.write_bytes(test_pki.authority.cert.public_bytes(serialization.Encoding.DER))
    run("pkcs11-tool", "--module", str(SOFTHSM_LIB), "--token-label", TOKEN, "--login", "--pin", USER_PIN,
        "--write-object", str(der), "--type", "cert", "--label", "signer", "--id", "01")
    return SOFTHSM_LIB

"""Benchmark: ký số of a compiled report as the console does it (dondoc.signing.reports).

The sample plan's 2025 report is compiled, then: the first signature's PDF conversion (LibreOffice), the
leader's signature (authority, one file), the clerk's (organisation: report and annex), and the
verification shown on the reports page, uncached (pyHanko validates both files) and cached (the
verification of unchanged files is read back). A throwaway CA (tests/signing/pki.py) signs.
Usage: .venv/bin/python benchmarks/signing.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import pendulum
from sqlmodel import Session

from dondoc.clock import TZ
from dondoc.config import Settings
from dondoc.db import make_engine, upgrade
from dondoc.reporting.compile import compile_report
from dondoc.reporting.sample import seed_sample
from dondoc.signing import reports as sr
from dondoc.signing.sign import Images, Role
from tests.signing import pki


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5, help="verification rounds (cached and uncached)")
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="dondoc-bench-signing-"))
    d = home / "pki"
    d.mkdir()
    ca = pki.make_ca(d)
    authority = pki.issue(ca, d, "authority", cn="Phạm Thị Lượng", org="UBND huyện Quan Hoá")
    organisation = pki.issue(ca, d, "organisation", cn="UBND huyện Quan Hoá", org="UBND huyện Quan Hoá")
    settings = Settings(home=home, secret_key="bench-secret-key-not-for-production-0000",
                        sign_trust=str(ca.pem), sign_seal_image=pki.seal_png(d / "seal.png"))
    engine = make_engine(f"sqlite:///{home / 'dondoc.db'}")
    upgrade(engine)
    with Session(engine, expire_on_commit=False) as s:
        ids = seed_sample(s)
        s.commit()
    at = pendulum.datetime(2025, 11, 20, 9, 0, tz=TZ)
    row = compile_report(engine=engine, settings=settings, plan_id=ids["plan_id"], period="2025", now=at, send=False)

    t = time.perf_counter()
    sr.ensure_pdfs(settings, row)
    convert = time.perf_counter() - t
    lead = sr.pkcs12_signer(pki.write_p12(authority, ca, d / "a.p12").read_bytes(), pki.PASSPHRASE.decode())
    clerk = sr.pkcs12_signer(pki.write_p12(organisation, ca, d / "o.p12").read_bytes(), pki.PASSPHRASE.decode())
    t = time.perf_counter()
    sr.sign_report(settings, row, role=Role.AUTHORITY, signer=lead, now=at,
                   images=Images(signature=pki.signature_png(d / "sig.png")))
    sign_authority = time.perf_counter() - t
    t = time.perf_counter()
    sr.sign_report(settings, row, role=Role.ORGANISATION, signer=clerk, now=at.add(minutes=5),
                   images=Images(seal=settings.sign_seal_image), number="125/BC-UBND")
    sign_organisation = time.perf_counter() - t
    cold, warm = [], []
    cache = sr.folder(settings, row) / ".verify.json"
    for _ in range(args.repeat):
        cache.unlink(missing_ok=True)
        t = time.perf_counter()
        state = sr.signing_state(settings, row)
        cold.append(time.perf_counter() - t)
        t = time.perf_counter()
        sr.signing_state(settings, row)
        warm.append(time.perf_counter() - t)
    assert state.stage == "complete" and state.ok, state
    print(f"PDF conversion (report + annex, LibreOffice): {convert:.2f} s")
    print(f"sign as authority (report):                  {sign_authority:.2f} s")
    print(f"sign as organisation (report + annex):       {sign_organisation:.2f} s")
    print(f"verification shown (3 signatures, 2 files):  uncached median {statistics.median(cold) * 1000:.0f} ms, "
          f"cached median {statistics.median(warm) * 1000:.1f} ms")
    engine.dispose()


if __name__ == "__main__":
    main()

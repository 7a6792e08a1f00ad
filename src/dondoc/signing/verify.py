"""Verification of every signature in a PDF: who, when, intact, trusted, changed afterwards, order.

A document is accepted (`Verification.ok`) only when each signature is cryptographically intact and
valid, nothing but later signatures was added after it, the authority signed before the organisation
and, when a trust list is given, each signer chains to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dondoc.signing.sign import FIELD, ROLE_OF_FIELD, Role

# Modifications after a signature that do not touch the signed content: later signatures and their
# widgets (form filling), and validation data / timestamps (LTA updates).
ALLOWED_AFTER = {"NONE", "LTA_UPDATES", "FORM_FILLING"}


@dataclass(frozen=True)
class SignatureCheck:
    field: str
    role: Role | None
    signer: str
    organisation: str | None
    signed_at: dt.datetime | None  # the signer's claimed time (/M), Asia/Ho_Chi_Minh
    timestamp: dt.datetime | None  # a TSA's time, when the signature has a token (B-T and above)
    intact: bool  # the signed bytes hash to the signed digest
    valid: bool  # the signature value verifies with the certificate's key
    trusted: bool | None  # the certificate chains to the trust list; None: no trust list given
    coverage: str  # ENTIRE_FILE | ENTIRE_REVISION | ...
    changes_after: str  # NONE | FORM_FILLING | ... | OTHER
    revision: int
    revocation_embedded: bool = False  # the document carries OCSP responses or CRLs (its DSS): PAdES B-LT

    @property
    def unchanged(self) -> bool:
        return self.coverage == "ENTIRE_FILE" or self.changes_after in ALLOWED_AFTER

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.unchanged and self.trusted is not False


@dataclass(frozen=True)
class Verification:
    path: Path
    signatures: list[SignatureCheck]
    order_ok: bool
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.signatures) and self.order_ok and all(s.ok for s in self.signatures)


def verify_pdf(path: Path, *, trust: tuple[Path, ...] = ()) -> Verification:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        with path.open("rb") as f:
            reader = PdfFileReader(f, strict=False)
            sigs = sorted(reader.embedded_signatures, key=lambda s: s.signed_revision)
            revocation = _has_revocation_data(reader)
            checks = [_check(s, trust, revocation) for s in sigs]
    except (PdfReadError, ValueError, KeyError) as exc:
        return Verification(path, [], False, f"tệp PDF hỏng hoặc không đọc được: {exc}")
    except OSError as exc:
        return Verification(path, [], False, str(exc))
    return Verification(path, checks, _order_ok(checks), None if checks else "văn bản không có chữ ký số")


def _order_ok(checks: list[SignatureCheck]) -> bool:
    roles = [c.role for c in checks]
    if Role.ORGANISATION in roles and Role.AUTHORITY in roles:
        return roles.index(Role.AUTHORITY) < roles.index(Role.ORGANISATION)
    return True


def _has_revocation_data(reader: Any) -> bool:
    """Does the document's security store (DSS) hold OCSP responses or CRLs?"""
    if "/DSS" not in reader.root:
        return False
    dss = reader.root["/DSS"]  # subscripting resolves the indirect references
    return any(key in dss and len(dss[key]) > 0 for key in ("/OCSPs", "/CRLs"))


def _check(sig: Any, trust: tuple[Path, ...], revocation: bool = False) -> SignatureCheck:
    import pendulum
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from dondoc.signing.sign import _load_certs

    roots = _load_certs(list(trust))
    # No trust list: validate against an empty one (never the machine's store) and report trust unknown.
    vc = ValidationContext(trust_roots=roots, allow_fetching=False)
    status = validate_pdf_signature(sig, signer_validation_context=vc)
    cert = status.signing_cert
    native = cert.subject.native
    level = status.modification_level
    ts = status.timestamp_validity.timestamp if status.timestamp_validity is not None else None
    claimed = sig.self_reported_timestamp
    return SignatureCheck(
        field=sig.field_name, role=ROLE_OF_FIELD.get(sig.field_name), signer=native.get("common_name", ""),
        organisation=native.get("organization_name"),
        signed_at=pendulum.instance(claimed).in_timezone("Asia/Ho_Chi_Minh") if claimed else None,
        timestamp=pendulum.instance(ts).in_timezone("Asia/Ho_Chi_Minh") if ts else None,
        intact=bool(status.intact), valid=bool(status.valid), trusted=bool(status.trusted) if roots else None,
        coverage=status.coverage.name if status.coverage is not None else "UNKNOWN",
        changes_after=level.name if level is not None else "UNKNOWN", revision=sig.signed_revision,
        revocation_embedded=revocation)


__all__ = ["FIELD", "SignatureCheck", "Verification", "verify_pdf"]

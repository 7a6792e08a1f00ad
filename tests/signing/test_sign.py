"""Signing the compiled report: PKCS#12, SoftHSM (PKCS#11), the remote (interrupted) flow, B-T with a
local TSA; pyHanko's own validator and `dondoc verify` agree; a one-byte change is caught."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from typer.testing import CliRunner

from dondoc.signing import sign as sg
from dondoc.signing import signers
from dondoc.signing.errors import SigningError
from dondoc.signing.verify import verify_pdf
from tests.signing import pki
from tests.signing.conftest import AFTER_CUTOFF, TOKEN, USER_PIN, Pki

pytestmark = pytest.mark.slow


def _images(p: Pki) -> sg.Images:
    return sg.Images(signature=p.signature_png, seal=p.seal_png)


def _authority(pdf: Path, p: Pki, **kw: object) -> sg.Signed:
    return sg.sign_pdf(pdf, pdf, signer=signers.from_pkcs12(p.authority_p12, pki.PASSPHRASE),
                       opts=sg.Options(role=sg.Role.AUTHORITY, now=AFTER_CUTOFF, images=_images(p), **kw))  # type: ignore[arg-type]


def _organisation(pdf: Path, p: Pki, **kw: object) -> sg.Signed:
    return sg.sign_pdf(pdf, pdf, signer=signers.from_pkcs12(p.organisation_p12, pki.PASSPHRASE),
                       opts=sg.Options(role=sg.Role.ORGANISATION, now=AFTER_CUTOFF.add(minutes=10),
                                       images=_images(p), **kw))  # type: ignore[arg-type]


def _pyhanko_statuses(pdf: Path, p: Pki) -> list[tuple[str, object]]:
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    vc = ValidationContext(trust_roots=[load_cert_from_pemder(str(p.ca.pem))])
    with pdf.open("rb") as f:
        reader = PdfFileReader(f)
        return [(s.field_name, validate_pdf_signature(s, vc)) for s in reader.embedded_signatures]


def _cli_verify(pdf: Path, p: Pki) -> tuple[int, str]:
    from dondoc.cli import app

    run = CliRunner().invoke(app, ["verify", str(pdf), "--trust", str(p.ca.pem)], env={"COLUMNS": "200"})
    return run.exit_code, run.output


def test_pkcs12_authority_then_organisation(report_pdf: Path, test_pki: Pki) -> None:
    _authority(report_pdf, test_pki)
    _organisation(report_pdf, test_pki)

    statuses = _pyhanko_statuses(report_pdf, test_pki)
    assert [name for name, _ in statuses] == ["dondoc-authority", "dondoc-organisation"]
    for _, status in statuses:
        assert status.intact and status.valid and status.trusted and status.bottom_line  # type: ignore[attr-defined]

    result = verify_pdf(report_pdf, trust=(test_pki.ca.pem,))
    assert result.ok and result.order_ok
    first, second = result.signatures
    assert (first.role, first.signer) == (sg.Role.AUTHORITY, "Phạm Thị Lượng")
    assert (second.role, second.signer) == (sg.Role.ORGANISATION, "UBND huyện Quan Hoá")
    assert first.signed_at == AFTER_CUTOFF and first.signed_at.utcoffset().total_seconds() == 7 * 3600  # type: ignore[union-attr]
    assert first.changes_after == "FORM_FILLING" and second.coverage == "ENTIRE_FILE"

    code, out = _cli_verify(report_pdf, test_pki)
    assert code == 0, out
    assert out.index("Phạm Thị Lượng") < out.index("UBND huyện Quan Hoá") and "Hợp lệ" in out


def test_one_byte_change_is_detected(report_pdf: Path, test_pki: Pki) -> None:
    _authority(report_pdf, test_pki)
    _organisation(report_pdf, test_pki)
    data = bytearray(report_pdf.read_bytes())
    # A byte inside a stream of the first revision (inside both signatures' byte ranges): the file
    # still parses, only the content differs.
    start = data.index(b">>\nstream\n", len(data) // 10) + len(b">>\nstream\n")
    assert data.index(b"endstream", start) - start > 64
    data[start + 32] ^= 0x01
    report_pdf.write_bytes(bytes(data))

    result = verify_pdf(report_pdf, trust=(test_pki.ca.pem,))
    assert not result.ok
    assert result.signatures and not any(s.intact for s in result.signatures)
    statuses = _pyhanko_statuses(report_pdf, test_pki)
    assert not any(s.intact for _, s in statuses)  # type: ignore[attr-defined]
    code, out = _cli_verify(report_pdf, test_pki)
    assert code == 8 and "KHÔNG hợp lệ" in out


def test_untrusted_root_fails(report_pdf: Path, test_pki: Pki, tmp_path: Path) -> None:
    _authority(report_pdf, test_pki)
    other = pki.make_ca(tmp_path)
    result = verify_pdf(report_pdf, trust=(other.pem,))
    assert result.signatures[0].intact and result.signatures[0].trusted is False and not result.ok
    assert verify_pdf(report_pdf).signatures[0].trusted is None  # no trust list: reported as not checked


def test_order_is_authority_then_organisation(report_pdf: Path, test_pki: Pki) -> None:
    with pytest.raises(SigningError, match="sau người có thẩm quyền"):
        _organisation(report_pdf, test_pki)
    _authority(report_pdf, test_pki)
    with pytest.raises(SigningError, match="đã có chữ ký"):
        _authority(report_pdf, test_pki)


def test_softhsm_token_signs(report_pdf: Path, test_pki: Pki, softhsm: Path) -> None:
    with signers.from_pkcs11(softhsm, token_label=TOKEN, pin=USER_PIN, key_label="signer") as signer:
        sg.sign_pdf(report_pdf, report_pdf, signer=signer,
                    opts=sg.Options(role=sg.Role.AUTHORITY, now=AFTER_CUTOFF, images=_images(test_pki)))
    _organisation(report_pdf, test_pki)
    result = verify_pdf(report_pdf, trust=(test_pki.ca.pem,))
    assert result.ok and [s.signer for s in result.signatures] == ["Phạm Thị Lượng", "UBND huyện Quan Hoá"]
    assert all(s.intact for _, s in _pyhanko_statuses(report_pdf, test_pki))  # type: ignore[attr-defined]


def test_softhsm_wrong_pin(report_pdf: Path, softhsm: Path) -> None:
    with pytest.raises(SigningError, match="PKCS#11"), \
            signers.from_pkcs11(softhsm, token_label=TOKEN, pin="0000", key_label="signer"):
        pass


def test_remote_flow_prepare_then_finish(report_pdf: Path, test_pki: Pki, tmp_path: Path) -> None:
    """A signing service gets the bytes to sign, signs them with the key it holds, answers later."""
    opts = sg.Options(role=sg.Role.AUTHORITY, now=AFTER_CUTOFF, images=_images(test_pki))
    state = tmp_path / "pending" / "bao-cao.json"
    req = sg.prepare_remote(report_pdf, state, cert=test_pki.authority.pem, chain=(test_pki.ca.pem,), opts=opts)
    assert state.is_file() and state.with_suffix(".pending.pdf").is_file()
    # ... the service, elsewhere and later:
    value = test_pki.authority.key.sign(req.data_to_sign, padding.PKCS1v15(), hashes.SHA256())
    out = tmp_path / "bao-cao-da-ky.pdf"
    sg.finish_remote(state, value, out)
    result = verify_pdf(out, trust=(test_pki.ca.pem,))
    assert result.ok and result.signatures[0].signer == "Phạm Thị Lượng"
    _organisation(out, test_pki)
    assert verify_pdf(out, trust=(test_pki.ca.pem,)).ok


def test_remote_flow_rejects_a_wrong_signature(report_pdf: Path, test_pki: Pki, tmp_path: Path) -> None:
    opts = sg.Options(role=sg.Role.AUTHORITY, now=AFTER_CUTOFF, images=_images(test_pki))
    state = tmp_path / "s.json"
    req = sg.prepare_remote(report_pdf, state, cert=test_pki.authority.pem, opts=opts)
    wrong = test_pki.organisation.key.sign(req.data_to_sign, padding.PKCS1v15(), hashes.SHA256())
    sg.finish_remote(state, wrong, tmp_path / "out.pdf")
    result = verify_pdf(tmp_path / "out.pdf", trust=(test_pki.ca.pem,))
    assert not result.ok and not result.signatures[0].valid


def test_b_t_with_a_local_timestamp_authority(report_pdf: Path, test_pki: Pki) -> None:
    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    tsa = DummyTimeStamper(
        tsa_cert=x509.Certificate.load(test_pki.tsa.cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=keys.PrivateKeyInfo.load(test_pki.tsa.key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
        fixed_dt=AFTER_CUTOFF.add(seconds=3))
    done = _authority(report_pdf, test_pki, timestamper=tsa)
    assert done.level is sg.Level.B_T
    check = verify_pdf(report_pdf, trust=(test_pki.ca.pem,)).signatures[0]
    assert check.ok and check.timestamp == AFTER_CUTOFF.add(seconds=3)


def test_cli_sign_with_passphrase_from_env(report_pdf: Path, test_pki: Pki) -> None:
    from dondoc.cli import app

    env = {"DONDOC_SIGN_PASSPHRASE": pki.PASSPHRASE.decode(), "DONDOC_SIGN_SIGNATURE_IMAGE": str(test_pki.signature_png),
           "DONDOC_SIGN_SEAL_IMAGE": str(test_pki.seal_png), "COLUMNS": "200"}
    run = CliRunner().invoke(app, ["sign", str(report_pdf), "--as", "authority", "--pkcs12", str(test_pki.authority_p12),
                                   "--at", "2025-11-13T09:00"], env=env)
    assert run.exit_code == 0, run.output
    run = CliRunner().invoke(app, ["sign", str(report_pdf), "--as", "organisation", "--pkcs12",
                                   str(test_pki.organisation_p12), "--passphrase-stdin", "--at", "2025-11-13T09:10"],
                             input=pki.PASSPHRASE.decode() + "\n", env={**env, "DONDOC_SIGN_PASSPHRASE": "sai"})
    assert run.exit_code == 0, run.output
    assert verify_pdf(report_pdf, trust=(test_pki.ca.pem,)).ok
    run = CliRunner().invoke(app, ["sign", str(report_pdf), "--as", "organisation", "--pkcs12",
                                   str(test_pki.organisation_p12)], env={**env, "DONDOC_SIGN_PASSPHRASE": "sai"})
    assert run.exit_code != 0


def test_annex_signed_by_the_organisation_only(annex_pdf: Path, test_pki: Pki) -> None:
    done = _organisation(annex_pdf, test_pki, number="125/BC-UBND")
    assert done.placement.kind == "annex"
    result = verify_pdf(annex_pdf, trust=(test_pki.ca.pem,))
    assert result.ok and [s.role for s in result.signatures] == [sg.Role.ORGANISATION]


def test_base64_of_encoded_request_is_stable(report_pdf: Path, test_pki: Pki, tmp_path: Path) -> None:
    """The state file carries everything the second half needs (nothing held in memory)."""
    import json

    opts = sg.Options(role=sg.Role.AUTHORITY, now=AFTER_CUTOFF, images=_images(test_pki))
    req = sg.prepare_remote(report_pdf, tmp_path / "s.json", cert=test_pki.authority.pem, opts=opts)
    st = json.loads((tmp_path / "s.json").read_text())
    assert base64.b64decode(st["signed_attrs"]) == req.data_to_sign and st["role"] == "authority"

"""PAdES B-LT for real: a certomancer PKI (a root, an OCSP responder, a CRL repository and a time-stamping
authority) served over HTTP from this process; dondoc signs the report at level B-LT, pyHanko fetches the
revocation data while signing and embeds it (the DSS); then, with the server gone, the signature is
validated as long-term (PAdES-LT) from what the document itself carries."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from dondoc import clock
from dondoc.signing import sign as sg
from dondoc.signing.verify import verify_pdf

pytestmark = pytest.mark.slow
ARCH = "dondoc-lt"
VALIDITY = {"valid-from": "2024-01-01T00:00:00+0000", "valid-to": "2036-01-01T00:00:00+0000"}


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class LtPki:
    arch: Any
    base: str
    root_pem: Path
    server: WSGIServer

    @property
    def tsa_url(self) -> str:
        return f"{self.base}/{ARCH}/tsa/tsa"

    def signer(self) -> Any:
        from pyhanko.sign import signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        return signers.SimpleSigner(signing_cert=self.arch.get_cert("signer"),
                                    signing_key=self.arch.key_set.get_private_key("signer"),
                                    cert_registry=SimpleCertificateStore.from_certs([self.arch.get_cert("root")]))


def _config(base: str, keys: Path) -> dict[str, Any]:
    key_files = {name: {"path": f"{name}.key.pem"} for name in ("root", "ocsp", "signer", "tsa")}
    return {
        "external-url-prefix": base,
        "keysets": {ARCH: {"path-prefix": str(keys), "keys": key_files}},
        "pki-architectures": {ARCH: {
            "keyset": ARCH,
            "entity-defaults": {"country-name": "VN", "organization-name": "UBND huyện Quan Hoá"},
            "entities": {"root": {"common-name": "dondoc LT Test Root"}, "ocsp": {"common-name": "dondoc OCSP"},
                         "signer": {"common-name": "Phạm Thị Lượng"}, "tsa": {"common-name": "dondoc TSA"}},
            "certs": {
                "root": {"subject": "root", "issuer": "root", "validity": VALIDITY,
                         "profiles": [{"id": "simple-ca", "params": {"crl-repo": "root", "ocsp-service": "root"}}]},
                "ocsp": {"subject": "ocsp", "issuer": "root", "validity": VALIDITY, "profiles": ["ocsp-responder"]},
                "signer": {"subject": "signer", "issuer": "root", "validity": VALIDITY,
                           "profiles": ["digsig-commitment"]},
                "tsa": {"subject": "tsa", "issuer": "root", "validity": VALIDITY,
                        "extensions": [{"id": "key_usage", "critical": True,
                                        "smart-value": {"schema": "key-usage", "params": ["digital_signature"]}},
                                       {"id": "extended_key_usage", "critical": True, "value": ["time_stamping"]}]},
            },
            "services": {
                "ocsp": {"root": {"for-issuer": "root", "responder-cert": "ocsp", "signing-key": "ocsp"}},
                "crl-repo": {"root": {"for-issuer": "root", "signing-key": "root", "simulated-update-schedule": "P30D"}},
                "time-stamping": {"tsa": {"signing-key": "tsa", "signing-cert": "tsa"}},
            },
        }},
    }


@pytest.fixture
def lt_pki(tmp_path: Path) -> Iterator[LtPki]:
    from certomancer.integrations.animator import Animator, AnimatorArchStore
    from certomancer.registry import CertomancerConfig

    keys = tmp_path / "keys"
    keys.mkdir()
    for name in ("root", "ocsp", "signer", "tsa"):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        (keys / f"{name}.key.pem").write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    server = make_server("127.0.0.1", 0, lambda env, start: [], handler_class=_Quiet)
    base = f"http://127.0.0.1:{server.server_port}"
    config = CertomancerConfig(_config(base, keys), key_search_dir=str(keys))
    arch = config.get_pki_arch(ARCH)
    server.set_app(Animator(AnimatorArchStore(config.pki_archs), with_web_ui=False))
    root_pem = tmp_path / "root.pem"
    root_pem.write_bytes(_pem(arch.get_cert("root").dump()))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LtPki(arch, base, root_pem, server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _pem(der: bytes) -> bytes:
    from asn1crypto import pem

    return pem.armor("CERTIFICATE", der)


def test_b_lt_signature_carries_its_revocation_data(report_pdf: Path, lt_pki: LtPki) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.dss import DocumentSecurityStore
    from pyhanko_certvalidator import ValidationContext

    done = sg.sign_pdf(report_pdf, report_pdf, signer=lt_pki.signer(), opts=sg.Options(
        role=sg.Role.AUTHORITY, now=clock.now(), level=sg.Level.B_LT, tsa_url=lt_pki.tsa_url,
        trust=(lt_pki.root_pem,)))
    assert done.level is sg.Level.B_LT
    # The revocation data went into the document: the DSS holds OCSP responses / CRLs and the certificates.
    with report_pdf.open("rb") as f:
        reader = PdfFileReader(f)
        dss = reader.root["/DSS"]
        assert len(dss.get("/OCSPs", [])) + len(dss.get("/CRLs", [])) >= 1
        assert len(dss["/Certs"]) >= 2
    # The services are gone: only what the document carries can prove the signer was not revoked.
    lt_pki.server.shutdown()
    lt_pki.server.server_close()
    root = lt_pki.arch.get_cert("root")
    strict = {"trust_roots": [root], "allow_fetching": False, "revocation_mode": "hard-fail"}
    with report_pdf.open("rb") as f:
        reader = PdfFileReader(f)
        [sig] = reader.embedded_signatures
        with_dss = DocumentSecurityStore.read_dss(reader).as_validation_context(strict)
        status = validate_pdf_signature(sig, signer_validation_context=with_dss, ts_validation_context=with_dss)
        # Without the document's revocation data the same strict check cannot establish trust.
        bare = validate_pdf_signature(sig, signer_validation_context=ValidationContext(**strict, crls=[], ocsps=[]))
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted
    assert bare.intact and not bare.trusted
    # dondoc's own verification agrees, with the signer's chain to the trusted root.
    checked = verify_pdf(report_pdf, trust=(lt_pki.root_pem,))
    assert checked.ok and checked.signatures[0].trusted and checked.signatures[0].timestamp is not None
    assert checked.signatures[0].revocation_embedded


def test_b_lt_refused_without_a_timestamp_authority(report_pdf: Path, lt_pki: LtPki) -> None:
    from dondoc.signing.errors import SigningConfigError

    with pytest.raises(SigningConfigError, match="TSA"):
        sg.sign_pdf(report_pdf, report_pdf, signer=lt_pki.signer(), opts=sg.Options(
            role=sg.Role.AUTHORITY, now=clock.now(), level=sg.Level.B_LT, trust=(lt_pki.root_pem,)))

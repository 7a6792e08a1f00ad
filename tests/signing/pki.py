"""A throwaway PKI for the tests: a root CA, end-entity certificates, a PKCS#12 file, and images."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

NOT_BEFORE = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
NOT_AFTER = dt.datetime(2036, 1, 1, tzinfo=dt.UTC)
PASSPHRASE = b"mat-khau-thu"


@dataclass(frozen=True)
class Issued:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    pem: Path
    key_pem: Path


def _name(cn: str, org: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    if org:
        attrs.insert(1, x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    return x509.Name(attrs)


def _write(folder: Path, stem: str, key: rsa.RSAPrivateKey, cert: x509.Certificate) -> Issued:
    pem = folder / f"{stem}.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_pem = folder / f"{stem}.key.pem"
    key_pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    return Issued(key, cert, pem, key_pem)


def make_ca(folder: Path) -> Issued:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = _name("dondoc Test Root CA", "dondoc test")
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(NOT_BEFORE).not_valid_after(NOT_AFTER)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))
    return _write(folder, "ca", key, cert)


def issue(ca: Issued, folder: Path, stem: str, *, cn: str, org: str | None = None, tsa: bool = False) -> Issued:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    builder = (x509.CertificateBuilder().subject_name(_name(cn, org)).issuer_name(ca.cert.subject)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(NOT_BEFORE).not_valid_after(NOT_AFTER)
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False)
               .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=not tsa, key_encipherment=False,
                                            data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                            crl_sign=False, encipher_only=False, decipher_only=False), critical=True))
    if tsa:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
    return _write(folder, stem, key, builder.sign(ca.key, hashes.SHA256()))


def write_p12(issued: Issued, ca: Issued, path: Path, passphrase: bytes = PASSPHRASE) -> Path:
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"signer", issued.key, issued.cert, [ca.cert], serialization.BestAvailableEncryption(passphrase)))
    return path


def signature_png(path: Path) -> Path:
    """A blue scribble on a transparent background, 600x240 px."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (600, 240), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.line([(40, 170), (120, 60), (170, 190), (240, 70), (300, 180), (380, 80), (450, 160), (560, 110)],
           fill=(0, 40, 200, 255), width=10, joint="curve")
    img.save(path)
    return path


def seal_png(path: Path) -> Path:
    """A red ring and star on a transparent background, 500x500 px."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (500, 500), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((10, 10, 490, 490), outline=(220, 0, 0, 255), width=14)
    d.ellipse((70, 70, 430, 430), outline=(220, 0, 0, 255), width=6)
    d.polygon([(250, 150), (275, 225), (355, 225), (290, 270), (315, 345), (250, 300), (185, 345), (210, 270),
               (145, 225), (225, 225)], fill=(220, 0, 0, 255))
    img.save(path)
    return path

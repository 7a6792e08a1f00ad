"""OpenID Connect login (authorization code + PKCE, discovery, roles from a configurable claim).

Works with any standard provider (Keycloak, VNPT-IDP, WSO2 ...). authlib builds the requests and checks
the ID token's signature against the provider's JWKS; the role is mapped from a claim of the ID token
or the userinfo answer (DONDOC_OIDC_ROLE_CLAIM, a dotted path such as `realm_access.roles`) through
DONDOC_OIDC_ROLE_MAP (`provider-value=role,...`; a claim value equal to a role name maps to itself).
A user without a mapped role is refused; the role is refreshed at every login."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
from sqlmodel import Session, select

from dondoc.accounts.users import ROLES, LoginRefused, audit
from dondoc.config import Settings
from dondoc.errors import ConfigError
from dondoc.models import StaffUser

ROLE_ORDER = ("admin", "leader", "focal", "clerk")  # several roles mapped: the strongest wins


@dataclass(frozen=True)
class OidcConfig:
    issuer: str
    client_id: str
    client_secret: str
    role_claim: str
    role_map: dict[str, str]
    scopes: str = "openid profile email"

    @classmethod
    def from_settings(cls, settings: Settings) -> OidcConfig | None:
        if not settings.oidc_issuer:
            return None
        if not settings.oidc_client_id:
            raise ConfigError("DONDOC_OIDC_ISSUER is set but DONDOC_OIDC_CLIENT_ID is empty")
        mapping: dict[str, str] = {}
        for part in (settings.oidc_role_map or "").split(","):
            if not part.strip():
                continue
            value, sep, role = part.rpartition("=")
            if not sep or role.strip() not in ROLES:
                raise ConfigError(f"DONDOC_OIDC_ROLE_MAP: expected value=role with role in {', '.join(ROLES)}, "
                                  f"got {part.strip()!r}")
            mapping[value.strip()] = role.strip()
        return cls(issuer=settings.oidc_issuer.rstrip("/"), client_id=settings.oidc_client_id,
                   client_secret=settings.oidc_client_secret or "", role_claim=settings.oidc_role_claim,
                   role_map=mapping)


def role_from_claims(claims: dict[str, Any], cfg: OidcConfig) -> str | None:
    """The dondoc role a set of claims maps to (pure)."""
    value: Any = claims
    for part in cfg.role_claim.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    values = value if isinstance(value, list) else ([value] if isinstance(value, str) else [])
    found = {cfg.role_map.get(str(v), str(v) if str(v) in ROLES else "") for v in values} - {""}
    return next((r for r in ROLE_ORDER if r in found), None)


_DISCOVERY: dict[str, dict[str, Any]] = {}


class ProviderUnavailable(LoginRefused):
    """The provider did not answer (or answered nonsense): the person can retry or use a local account."""

    http_status = 503


def _get_json(url: str, **kwargs: Any) -> Any:
    try:
        r = httpx.get(url, timeout=10, **kwargs)
        r.raise_for_status()
        return r.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise ProviderUnavailable(f"nhà cung cấp đăng nhập một lần không trả lời ({type(exc).__name__}), "
                                  "hãy thử lại sau hoặc dùng tài khoản của dondoc") from exc


def discover(cfg: OidcConfig) -> dict[str, Any]:
    """The provider's discovery document (cached per issuer); its issuer must be the configured one."""
    if cfg.issuer not in _DISCOVERY:
        doc = _get_json(f"{cfg.issuer}/.well-known/openid-configuration")
        if not isinstance(doc, dict):
            raise ProviderUnavailable("tài liệu cấu hình OIDC của nhà cung cấp không hợp lệ")
        for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
            if key not in doc:
                raise ConfigError(f"OIDC discovery document of {cfg.issuer} lacks {key}")
        if str(doc.get("issuer", cfg.issuer)).rstrip("/") != cfg.issuer:
            raise ConfigError(f"OIDC discovery document of {cfg.issuer} names another issuer: {doc.get('issuer')!r} "
                              "(DONDOC_OIDC_ISSUER must be exactly the provider's issuer)")
        _DISCOVERY[cfg.issuer] = doc
    return _DISCOVERY[cfg.issuer]


@dataclass
class Pending:
    """What the console keeps (signed, in a short-lived cookie) between redirect and callback."""

    state: str
    nonce: str
    verifier: str


def start(cfg: OidcConfig, *, redirect_uri: str) -> tuple[str, Pending]:
    from authlib.oauth2.rfc7636 import create_s256_code_challenge

    doc = discover(cfg)
    pending = Pending(state=secrets.token_urlsafe(24), nonce=secrets.token_urlsafe(24),
                      verifier=secrets.token_urlsafe(48))
    query = urlencode({"response_type": "code", "client_id": cfg.client_id, "redirect_uri": redirect_uri,
                       "scope": cfg.scopes, "state": pending.state, "nonce": pending.nonce,
                       "code_challenge": create_s256_code_challenge(pending.verifier),
                       "code_challenge_method": "S256"})
    return f"{doc['authorization_endpoint']}?{query}", pending


def finish(cfg: OidcConfig, *, code: str, redirect_uri: str, pending: Pending) -> dict[str, Any]:
    """Exchange the code, verify the ID token (signature, issuer, audience, expiry, nonce), add userinfo.

    A confidential client authenticates with HTTP Basic (client_secret_basic, what providers default to);
    a public one (no secret) sends its id alone (auth method `none`), PKCE being its proof."""
    from joserfc import jwt
    from joserfc.errors import JoseError
    from joserfc.jwk import KeySet

    doc = discover(cfg)
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
            "code_verifier": pending.verifier}
    if not cfg.client_secret:
        form["client_id"] = cfg.client_id
    try:
        r = httpx.post(doc["token_endpoint"], data=form, timeout=10,
                       auth=(cfg.client_id, cfg.client_secret) if cfg.client_secret else None)
    except httpx.HTTPError as exc:
        raise ProviderUnavailable(f"nhà cung cấp đăng nhập một lần không trả lời ({type(exc).__name__})") from exc
    if r.status_code != 200:
        raise LoginRefused(f"nhà cung cấp đăng nhập từ chối mã xác thực ({r.status_code})")
    tokens = r.json()
    keys = KeySet.import_key_set(_get_json(doc["jwks_uri"]))
    algorithms = doc.get("id_token_signing_alg_values_supported") or ["RS256"]
    try:
        token = jwt.decode(str(tokens["id_token"]), keys, algorithms=[a for a in algorithms if a != "none"])
        jwt.JWTClaimsRegistry(leeway=60, iss={"essential": True, "value": doc.get("issuer", cfg.issuer)},
                              aud={"essential": True, "value": cfg.client_id},
                              nonce={"essential": True, "value": pending.nonce},
                              sub={"essential": True}, exp={"essential": True}).validate(token.claims)
    except (JoseError, KeyError, ValueError, TypeError) as exc:
        raise LoginRefused(f"ID token không hợp lệ ({type(exc).__name__})") from exc
    out = dict(token.claims)
    if doc.get("userinfo_endpoint") and tokens.get("access_token"):
        try:
            info = _get_json(doc["userinfo_endpoint"], headers={"Authorization": f"Bearer {tokens['access_token']}"})
        except ProviderUnavailable:  # the signed ID token is enough; userinfo only adds claims
            info = None
        if isinstance(info, dict) and info.get("sub") == out.get("sub"):
            out = {**info, **out}  # the signed ID token wins over the userinfo answer
    return out


def login_with_claims(session: Session, *, cfg: OidcConfig, claims: dict[str, Any], now: dt.datetime,
                      address: str) -> StaffUser:
    """The staff account of an OIDC subject (created at first login), its role refreshed from the claims."""
    role = role_from_claims(claims, cfg)
    subject = f"{cfg.issuer}|{claims['sub']}"
    user = session.exec(select(StaffUser).where(StaffUser.oidc_subject == subject)).first()
    if role is None:
        audit(session, actor=f"anon:{address}", action="login.failed", now=now, note=f"oidc {subject}: no role")
        raise LoginRefused("tài khoản đăng nhập một lần chưa được cấp vai trò dùng dondoc")
    if user is None:
        base = str(claims.get("preferred_username") or claims.get("email") or claims["sub"])
        name = "".join(base.split())[:56]
        if session.exec(select(StaffUser).where(StaffUser.name == name)).first() is not None:
            name = f"{name}-{secrets.token_hex(3)}"
        user = StaffUser(name=name, full_name=str(claims.get("name") or ""), role=role, oidc_subject=subject,
                         created_at=now)
        session.add(user)
        session.flush()
        audit(session, actor="system", action="user.add", entity_id=user.id, now=now,
              after={"name": name, "role": role, "oidc": subject})
    if user.disabled:
        audit(session, actor=f"anon:{address}", action="login.failed", now=now, note=f"oidc {subject}: disabled")
        raise LoginRefused("tài khoản đã bị khóa")
    if user.role != role:
        audit(session, actor="system", action="user.role", entity_id=user.id, now=now, before={"role": user.role},
              after={"role": role})
        user.role = role
    user.last_login_at = now
    session.add(user)
    audit(session, actor=f"staff:{user.id}", action="login", entity_id=user.id, now=now, after={"method": "oidc"})
    return user

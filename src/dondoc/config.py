"""Settings: one typed class read from the environment (DONDOC_*) and an optional `.env` in the data folder.

Nothing is read at import; call `get_settings()` (cached) or build `Settings(...)` in tests.
"""

from __future__ import annotations

import functools
from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_home() -> Path:
    return Path(platformdirs.user_data_dir("dondoc", appauthor=False))


def default_key_file() -> Path:
    """The key file lives in the configuration folder, not the data folder: a backup or a copy of the
    data folder (database, attachments) then holds no key that opens its sealed secrets."""
    return Path(platformdirs.user_config_dir("dondoc", appauthor=False)) / "secret.key"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DONDOC_", extra="ignore")

    home: Path = Field(default_factory=default_home, description="Data folder: database, attachments, reports, outbox.")
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of dondoc's database; default: SQLite file dondoc.db in the data folder. "
        "PostgreSQL: postgresql+psycopg://user@host:5432/db",
    )
    base_url: str = Field(default="http://127.0.0.1:8000", description="Public URL of `dondoc web`, used in personal links.")
    secret_key: str | None = Field(
        default=None,
        description="Key that encrypts secrets at rest (apprise URLs with passwords) and seals personal links; "
        "at least 32 random characters. Prefer DONDOC_KEY_FILE (a value here is visible in the environment).",
    )
    key_file: Path | None = Field(
        default=None,
        description="File holding the secret key (mode 600), created by `dondoc init`. Default: secret.key in the "
        "user's configuration folder (outside the data folder); a legacy secret.key in the data folder is still read.",
    )
    link_days: int = Field(default=400, description="How long a personal link stays valid, in days.")
    send_hour: int = Field(default=8, description="Local hour (Asia/Ho_Chi_Minh) at which reminders go out.")
    reminder_offsets: str = Field(default="5,2,0", description="Working days before a due date when reminders go out.")
    escalation_offsets: str = Field(default="1,3,5", description="Working days after a due date for escalation rungs 1..3.")
    support_offset: int = Field(default=3, description="Coordinating bodies' input is due this many working days before the lead's.")
    stale_months: int = Field(default=3, description="A continuous task not updated for this many months is flagged stale.")
    max_upload_mb: int = Field(default=20, description="Largest attachment accepted by the web form, in MB.")
    max_plan_mb: int = Field(default=20, description="Largest plan document accepted, in MB.")
    send_concurrency: int = Field(default=32, description="Messages sent at once in a sweep.")
    channel_limits: str = Field(
        default="email=8,zalo=8,zns=4,webhook=16,telegram=4,outbox=4",
        description="Sends in flight at once per channel family (name=count, comma separated); a slow channel "
        "holds at most its own share, the others keep going. Keep send_concurrency above the slowest "
        "channel's limit so it cannot occupy every sending thread.",
    )
    prefect_port: int = Field(default=4200, description="Port of the local Prefect server that `dondoc serve` starts.")
    zalo_api_base: str | None = Field(default=None, description="Zalo OA API endpoint (tests point it at a local server).")
    zns_api_base: str | None = Field(default=None, description="Zalo ZNS template API endpoint.")
    zalo_oauth_base: str = Field(default="https://oauth.zaloapp.com",
                                 description="Zalo OAuth v4 endpoint that refreshes OA tokens stored with `dondoc zalo set`.")
    telegram_api_base: str | None = Field(default=None, description="Telegram Bot API server (a self-hosted one, or a local peer).")
    worker_name: str | None = Field(default=None, description="Name of this worker in Message.claimed_by (default: the host name).")
    sign_font: Path | None = Field(default=None, description="TrueType font for the text of visible signatures (default: Times/Liberation/DejaVu Serif).")
    sign_signature_image: Path | None = Field(default=None, description="The authority's signature image (PNG, blue, "
                                              "transparent) for signing in the console when none is uploaded.")
    sign_seal_image: Path | None = Field(default=None, description="The organisation's seal image (PNG, red, "
                                         "transparent) placed by the organisation's signature.")
    sign_seal_mm: float = Field(default=36.0, description="The seal's true diameter, in mm.")
    sign_tsa_url: str | None = Field(default=None, description="Time-stamping authority (RFC 3161): signatures "
                                     "made in the console are PAdES B-T when set, else B-B.")
    sign_trust: str = Field(default="", description="Trusted root certificates (PEM files, separated by spaces) "
                            "the console and `dondoc verify` check signers' chains against.")
    outbox: Path | None = Field(
        default=None,
        description="When set, every message is written as a file into this folder instead of going out through "
        "the officers' channels (the demo, dry runs).",
    )

    # Staff console: sessions and single sign-on (OpenID Connect).
    session_idle_minutes: int = Field(default=30, description="A console session ends after this many idle minutes.")
    oidc_issuer: str | None = Field(default=None, description="OpenID Connect issuer URL (discovery at "
                                    "/.well-known/openid-configuration); empty = local accounts only.")
    oidc_client_id: str | None = Field(default=None, description="Client id registered with the OIDC provider.")
    oidc_client_secret: str | None = Field(default=None, description="Client secret registered with the provider.")
    oidc_role_claim: str = Field(default="roles", description="Claim (dotted path) holding the user's roles.")
    oidc_role_map: str = Field(default="", description="provider-value=role pairs, comma separated "
                               "(roles: admin, focal, leader, clerk).")

    # Tracking desk (issue 16): the leader's weekly digest and the briefing list.
    leader_digest: bool = Field(default=False, description="Send the leaders' weekly digest (the leader's view in a "
                                "message) from the daily sweep; off until an office turns it on.")
    digest_weekday: int = Field(default=0, ge=0, le=6, description="Day of the leader's weekly digest (0 = Monday).")
    digest_hour: int = Field(default=7, ge=0, le=23, description="Hour (Vietnam time) of the leader's weekly digest.")
    digest_officers: str = Field(default="", description="Officer codes that get the weekly digest, comma separated "
                                 "(empty: the heads of the units that issued active plans).")
    briefing_reminders: int = Field(default=3, ge=0, description="A task overdue after more than this many reminders "
                                    "goes on the briefing list (a plan's policy key `briefing_reminders` overrides).")

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home / 'dondoc.db'}"

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")

    def path(self, *parts: str) -> Path:
        p = self.home.joinpath(*parts)
        p.mkdir(parents=True, exist_ok=True, mode=0o700)  # the data folder is private to dondoc's user
        return p

    def channel_limit_map(self) -> dict[str, int]:
        """`channel_limits` as {family: limit}; a malformed entry is a ConfigError naming it."""
        from dondoc.errors import ConfigError

        out: dict[str, int] = {}
        for part in self.channel_limits.split(","):
            if not part.strip():
                continue
            name, sep, count = part.partition("=")
            if not sep or not name.strip() or not count.strip().isdigit() or int(count) < 1:
                raise ConfigError(f"DONDOC_CHANNEL_LIMITS: expected name=count (count >= 1), got {part.strip()!r}")
            out[name.strip().lower()] = int(count)
        return out

    def offsets(self, which: str) -> list[int]:
        raw = self.reminder_offsets if which == "reminder" else self.escalation_offsets
        return [int(x) for x in raw.split(",") if x.strip()]


@functools.cache
def get_settings() -> Settings:
    return Settings()


def reset_settings() -> None:
    get_settings.cache_clear()

"""Settings from CEXDESK_* environment variables, validated once at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Self

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Known only so that they can be refused outside demo mode.
DEMO_SECRET_KEY = "demo-secret-key-not-for-production-use"  # noqa: S105
DEMO_EXCHANGE_TOKEN_KEY = "demo-exchange-token-key-not-for-production"  # noqa: S105


class SettingsError(ValueError):
    pass


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CEXDESK_", extra="ignore", frozen=True)

    demo: bool = False
    database_url: str = "sqlite+aiosqlite:///./var/cexdesk.db"
    redis_url: str | None = None
    redis_namespace: str = Field(default="cexdesk", pattern=r"^[A-Za-z0-9_.-]{1,40}$")
    data_dir: Path = Path("var")
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    public_url: str | None = None

    secret_key: str = DEMO_SECRET_KEY
    exchange_token_key: str = DEMO_EXCHANGE_TOKEN_KEY
    exchange_token_max_age_seconds: int = Field(default=900, ge=30)

    session_ttl_hours: int = Field(default=12, ge=1)
    # argon2id cost; below OWASP's floor (19 MiB, 2 passes) only in demo mode, for tests.
    argon2_memory_kib: int = Field(default=65536, ge=8)
    argon2_time_cost: int = Field(default=3, ge=1)
    cookie_secure: bool = True
    # Sites of the exchange allowed to frame the help centre's chat (the embedded widget),
    # e.g. ["https://www.example-exchange.com"]; the console can never be framed.
    widget_origins: list[str] = Field(default_factory=list)

    max_json_body_bytes: int = Field(default=1_048_576, ge=1024)
    max_attachment_bytes: int = Field(default=25 * 1_048_576, ge=1024)

    # Outbox delivery: attempts before an event lands in the dead-letter list.
    outbox_max_attempts: int = Field(default=8, ge=1)
    outbox_backoff_seconds: float = Field(default=2.0, gt=0)
    outbox_lease_seconds: float = Field(default=60.0, gt=0)
    runner_poll_seconds: float = Field(default=1.0, gt=0)
    run_background: bool = True

    # Channels. Each is off until configured. Secrets here are checked on every inbound
    # webhook; API base URLs are settable so tests (and proxies) can stand in.
    smtp_listen_host: str | None = None  # inbound SMTP listener (aiosmtpd); off if unset
    smtp_listen_port: int = Field(default=2525, ge=0, le=65535)
    smtp_inbound_domains: list[str] = Field(default_factory=list)  # accepted RCPT domains
    smtp_relay_host: str | None = None  # outbound mail; off if unset
    smtp_relay_port: int = Field(default=25, ge=0, le=65535)
    smtp_relay_username: str | None = None
    smtp_relay_password: str | None = None
    smtp_relay_starttls: bool = False
    mail_from: str = "support@cexdesk.example"
    imap_mailboxes: list[str] = Field(default_factory=list)  # imap[s]://user:pass@host:port/INBOX
    imap_poll_seconds: float = Field(default=30.0, gt=0)
    max_email_bytes: int = Field(default=30 * 1_048_576, ge=1024)
    telegram_bot_token: str | None = None
    telegram_webhook_secret: str | None = None
    telegram_api_base: str = "https://api.telegram.org"
    x_consumer_secret: str | None = None  # signs the CRC answer and checks signatures
    x_bearer_token: str | None = None
    x_account_id: str | None = None  # our own account: its messages are not inbound
    x_api_base: str = "https://api.x.com"
    phone_webhook_secret: str | None = None

    # The bot answers first on these channels until the customer is handed to a person;
    # its intent engine is read from bot_model (default: <data_dir>/bot/cexdesk.npz) or,
    # when there is none, trained on cexdesk's own set at start-up.
    bot_channels: list[str] = Field(default_factory=lambda: ["chat"])
    bot_model: Path | None = None

    @model_validator(mode="after")
    def _refuse_demo_secrets(self) -> Self:
        if self.demo:
            return self
        problems = []
        if self.secret_key == DEMO_SECRET_KEY or len(self.secret_key) < 32:
            problems.append("CEXDESK_SECRET_KEY must be set to a random value of 32+ characters")
        if self.exchange_token_key == DEMO_EXCHANGE_TOKEN_KEY or len(self.exchange_token_key) < 32:
            problems.append(
                "CEXDESK_EXCHANGE_TOKEN_KEY must be set to the key shared with the exchange "
                "(32+ characters)"
            )
        if self.argon2_memory_kib < 19456 or self.argon2_time_cost < 2:
            problems.append("argon2 cost below 19 MiB / 2 passes is for demos and tests only")
        if problems:
            raise SettingsError("; ".join(problems) + " (or run with CEXDESK_DEMO=1)")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

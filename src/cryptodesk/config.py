"""One settings object, read from ``CRYPTODESK_*`` variables and an optional ``.env``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

_PLACEHOLDER = "change-me"
DEMO_OFFICIAL_DOMAINS = ("example.com", "example.net")


class Settings(BaseSettings):
    """Everything the operator can set; secrets never have a usable default outside development."""

    model_config = SettingsConfigDict(env_prefix="CRYPTODESK_", env_file=".env", extra="ignore")

    environment: str = Field("development", pattern="^(development|test|production)$")
    database_url: str = f"sqlite:///{Path.cwd() / 'cryptodesk.db'}"
    identity_secret: SecretStr = SecretStr(_PLACEHOLDER)
    session_hours: int = Field(12, ge=1, le=24 * 30)
    identity_token_max_hours: int = Field(24, ge=1, le=24 * 30)
    # argon2id cost; the defaults are the library's, tests lower them.
    argon2_time_cost: int = Field(3, ge=1)
    argon2_memory_kib: int = Field(65536, ge=8)
    public_url: str = "http://127.0.0.1:8000"
    sql_echo: bool = False
    # The exchange: its Platform API, or (when unset) the built-in ledger in this database.
    platform_url: str | None = None
    platform_token: SecretStr = SecretStr("")
    platform_timeout_seconds: float = Field(3.0, gt=0, le=60)
    platform_retries: int = Field(2, ge=0, le=10)
    # Origins of the exchange's pages that embed the chat widget (CORS for the customer API).
    widget_origins: list[str] = Field(default_factory=list)
    # Where rebuildable things live (the built-in intent model); default ~/.cache/cryptodesk.
    cache_dir: str | None = None
    # "bot" answers first and hands over; "human" sends every conversation to people.
    responder: str = Field("bot", pattern="^(bot|human)$")
    # The exchange's own domains, comma-separated: links to them are official, look-alikes of
    # them are flagged. The official-channel registry adds more websites at run time.
    official_domains: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEMO_OFFICIAL_DOMAINS)
    )
    # Known phishing domains: eth-phishing-detect's config.json, or one domain per line.
    blocklist_file: str | None = None
    # Customers' attachments: a folder outside the web root, and the largest file accepted.
    attachment_dir: str = "./attachments"
    attachment_max_bytes: int = Field(5 * 1024 * 1024, ge=1, le=100 * 1024 * 1024)

    @field_validator("official_domains", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [domain.strip() for domain in value.split(",") if domain.strip()]
        return value

    @field_validator("public_url")
    @classmethod
    def _an_address(cls, value: str) -> str:
        """Links in replies and the same-origin check read it: refused at start, not per request."""
        try:
            parts = urlsplit(value)
        except ValueError:
            parts = None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(
                "CRYPTODESK_PUBLIC_URL must be an http(s) address, e.g. https://help.example.com"
            )
        return value

    @model_validator(mode="after")
    def _refuse_placeholders(self) -> Settings:
        if self.environment == "production":
            secret = self.identity_secret.get_secret_value()
            if secret == _PLACEHOLDER or len(secret) < 32:
                raise ValueError(
                    "CRYPTODESK_IDENTITY_SECRET must be set to at least 32 characters in production"
                )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

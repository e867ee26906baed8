"""full-text search over statement content

SQLite: an FTS5 index kept in step by triggers. PostgreSQL: a GIN index on
to_tsvector('simple', content). Both tokenise words case-insensitively without
stemming, so `q` means the same on both (see app/services/search.py).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 14:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE statement_fts USING fts5("
    "content, content='statement', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER statement_fts_insert AFTER INSERT ON statement BEGIN "
    "INSERT INTO statement_fts(rowid, content) VALUES (new.id, new.content); END",
    "CREATE TRIGGER statement_fts_delete AFTER DELETE ON statement BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, content) VALUES ('delete', old.id, old.content); END",
    "CREATE TRIGGER statement_fts_update AFTER UPDATE OF content ON statement BEGIN "
    "INSERT INTO statement_fts(statement_fts, rowid, content) VALUES ('delete', old.id, old.content); "
    "INSERT INTO statement_fts(rowid, content) VALUES (new.id, new.content); END",
    "INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER statement_fts_update",
    "DROP TRIGGER statement_fts_delete",
    "DROP TRIGGER statement_fts_insert",
    "DROP TABLE statement_fts",
]
POSTGRES_UP = [
    "CREATE INDEX ix_statement_content_fts ON statement USING gin (to_tsvector('simple'::regconfig, content))",
]
POSTGRES_DOWN = ["DROP INDEX ix_statement_content_fts"]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    _run(SQLITE_UP if op.get_bind().dialect.name == "sqlite" else POSTGRES_UP)


def downgrade() -> None:
    _run(SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else POSTGRES_DOWN)

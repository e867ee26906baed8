"""PostgreSQL: a stored tsvector column for full text, instead of an expression index

A page of `q` matches walks statements in id order and tests each row; with an
expression index that test recomputes to_tsvector(content) per row. A generated,
stored column is computed once per write. SQLite keeps its FTS5 tables (0002, 0007).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 17:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("statement", "position")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP INDEX ix_{table}_content_fts")
        op.execute(f"ALTER TABLE {table} ADD COLUMN content_tsv tsvector "
                   "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, content)) STORED")
        op.execute(f"CREATE INDEX ix_{table}_content_tsv ON {table} USING gin (content_tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP INDEX ix_{table}_content_tsv")
        op.execute(f"ALTER TABLE {table} DROP COLUMN content_tsv")
        op.execute(f"CREATE INDEX ix_{table}_content_fts ON {table} USING gin (to_tsvector('simple'::regconfig, content))")

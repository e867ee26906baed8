"""the last word of every actor name and alias, indexed

`actor=de Mistura` matches names that end in `de mistura`; an indexed last word
(`mistura`) finds the few candidates instead of a LIKE '% de mistura' scan.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 17:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = {"actor": "name_key", "actor_alias": "alias_key"}


def upgrade() -> None:
    connection = op.get_bind()
    for table, key in TABLES.items():
        op.add_column(table, sa.Column("last_word", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True))
        rows = connection.execute(sa.text(f"SELECT id, {key} FROM {table}")).all()
        update = sa.text(f"UPDATE {table} SET last_word = :word WHERE id = :id")
        for start in range(0, len(rows), 5000):
            batch = rows[start : start + 5000]
            connection.execute(update, [{"id": i, "word": k.rsplit(" ", 1)[-1]} for i, k in batch])
        op.create_index(f"ix_{table}_last_word", table, ["last_word"])


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_last_word", table_name=table)
        op.drop_column(table, "last_word")

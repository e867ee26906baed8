"""updated_at and deletion tombstones

`updated_at` on articles, actors, statements and positions (for `updated_since`)
and a `deletion` table of tombstones. Columns are added with plain ALTER TABLE, not
batch mode: recreating `statement` on SQLite would drop the FTS triggers of 0002.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 14:24:25.079618
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


TRACKED = ("actor", "article", "position", "statement")
# ALTER TABLE ADD COLUMN ... NOT NULL needs a constant default on SQLite; rows that
# exist already are then stamped with the time of the migration.
EPOCH = sa.text("'1970-01-01 00:00:00'")


def upgrade() -> None:
    op.create_table(
        "deletion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resource", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("resource_id", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deletion")),
    )
    op.create_index("ix_deletion_deleted_at_id", "deletion", ["deleted_at", "id"])
    for table in TRACKED:
        op.add_column(
            table,
            sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False, server_default=EPOCH),
        )
        op.execute(f'UPDATE "{table}" SET updated_at = CURRENT_TIMESTAMP')
        op.create_index(f"ix_{table}_updated_at_id", table, ["updated_at", "id"])


def downgrade() -> None:
    for table in reversed(TRACKED):
        op.drop_index(f"ix_{table}_updated_at_id", table_name=table)
        # SQLite >= 3.35 drops a column in place (no table rebuild, triggers kept).
        op.drop_column(table, "updated_at")
    op.drop_index("ix_deletion_deleted_at_id", table_name="deletion")
    op.drop_table("deletion")

"""statement groups across outlets

Plain ALTER TABLE (not batch mode), so SQLite keeps the FTS triggers on `statement`.
Statements stored before this revision start as groups of one.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 14:41:14.109694
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("statement", sa.Column("group_id", sa.Integer(), nullable=True))
    op.execute("UPDATE statement SET group_id = id")
    op.create_index("ix_statement_group_id", "statement", ["group_id"])


def downgrade() -> None:
    op.drop_index("ix_statement_group_id", table_name="statement")
    op.drop_column("statement", "group_id")

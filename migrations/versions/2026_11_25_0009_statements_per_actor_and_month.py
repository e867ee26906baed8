"""statements per actor and month, pre-aggregated; statement index (actor_id, said_on)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 17:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As app/services/aggregates.rebuild_sql: a migration keeps its own copy of what it runs.
MONTH = {"postgresql": "date_trunc('month', said_on)::date", "sqlite": "strftime('%Y-%m-01', said_on)"}


def upgrade() -> None:
    op.create_table(
        "actor_month",
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("statements", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], name=op.f("fk_actor_month_actor_id_actor"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("actor_id", "month", name=op.f("pk_actor_month")),
    )
    op.create_index("ix_actor_month_month", "actor_month", ["month", "actor_id", "statements"])
    op.create_index("ix_statement_actor_id_said_on", "statement", ["actor_id", "said_on"])
    month = MONTH[op.get_bind().dialect.name]
    op.execute(
        "INSERT INTO actor_month (actor_id, month, statements) "
        f"SELECT actor_id, {month}, count(*) FROM statement "
        f"WHERE actor_id IS NOT NULL AND said_on IS NOT NULL GROUP BY actor_id, {month}"
    )


def downgrade() -> None:
    op.drop_index("ix_statement_actor_id_said_on", table_name="statement")
    op.drop_index("ix_actor_month_month", table_name="actor_month")
    op.drop_table("actor_month")

"""offices with dated holders, how each speaker was resolved, venue merges

Plain ALTER TABLE for `statement` (not batch mode), so SQLite keeps its FTS triggers;
batch mode for `venue`, which gains a foreign key.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 16:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "office",
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("title_key", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("country", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=True),
        sa.Column("scope", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office")),
        sa.UniqueConstraint("title_key", name=op.f("uq_office_title_key")),
    )
    op.create_table(
        "office_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("alias", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("alias_key", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("generic", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_office_alias_office_id_office"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_alias")),
        sa.UniqueConstraint("office_id", "alias_key", name="uq_office_alias_office_id_alias_key"),
    )
    op.create_index("ix_office_alias_alias_key", "office_alias", ["alias_key"])
    op.create_table(
        "office_holder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], name=op.f("fk_office_holder_actor_id_actor"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_office_holder_office_id_office"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_holder")),
    )
    op.create_index("ix_office_holder_office_id", "office_holder", ["office_id"])
    op.add_column("statement", sa.Column("resolution_matched", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True))
    op.add_column("statement", sa.Column("resolution_confidence", sa.Float(), nullable=True))
    with op.batch_alter_table("venue") as batch:
        batch.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_venue_merged_into_id_venue"), "venue", ["merged_into_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("venue") as batch:
        batch.drop_constraint(op.f("fk_venue_merged_into_id_venue"), type_="foreignkey")
        batch.drop_column("merged_into_id")
    op.drop_column("statement", "resolution_confidence")
    op.drop_column("statement", "resolution_matched")
    op.drop_index("ix_office_holder_office_id", table_name="office_holder")
    op.drop_table("office_holder")
    op.drop_index("ix_office_alias_alias_key", table_name="office_alias")
    op.drop_table("office_alias")
    op.drop_table("office")

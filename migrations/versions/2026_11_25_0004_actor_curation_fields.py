"""actor curation fields

country (ISO 3166 alpha-3), wikidata_id and merged_into_id on actor, a longer kind.
SQLite rebuilds the table (batch mode); env.py turns foreign keys off meanwhile.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 14:31:06.590527
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('actor', schema=None) as batch_op:
        batch_op.add_column(sa.Column('country', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=True))
        batch_op.add_column(sa.Column('wikidata_id', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True))
        batch_op.add_column(sa.Column('merged_into_id', sa.Integer(), nullable=True))
        batch_op.alter_column('kind',
               existing_type=sa.VARCHAR(length=20),
               type_=sqlmodel.sql.sqltypes.AutoString(length=30),
               existing_nullable=False)
        batch_op.create_foreign_key(batch_op.f('fk_actor_merged_into_id_actor'), 'actor', ['merged_into_id'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('actor', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_actor_merged_into_id_actor'), type_='foreignkey')
        batch_op.alter_column('kind',
               existing_type=sqlmodel.sql.sqltypes.AutoString(length=30),
               type_=sa.VARCHAR(length=20),
               existing_nullable=False)
        batch_op.drop_column('merged_into_id')
        batch_op.drop_column('wikidata_id')
        batch_op.drop_column('country')


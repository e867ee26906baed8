"""position context flags and certainty, every party of a position, topics, position full text

`position` gains PLOVER-style flags, certainty and a topic (batch mode: it gains a
foreign key; it has no triggers yet). Then full-text search over position content,
made like statement's in 0002: SQLite FTS5 + triggers, PostgreSQL a GIN index.
Existing positions get their actor and target as parties.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 17:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_FTS_UP = [
    "CREATE VIRTUAL TABLE position_fts USING fts5("
    "content, content='position', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER position_fts_insert AFTER INSERT ON position BEGIN "
    "INSERT INTO position_fts(rowid, content) VALUES (new.id, new.content); END",
    "CREATE TRIGGER position_fts_delete AFTER DELETE ON position BEGIN "
    "INSERT INTO position_fts(position_fts, rowid, content) VALUES ('delete', old.id, old.content); END",
    "CREATE TRIGGER position_fts_update AFTER UPDATE OF content ON position BEGIN "
    "INSERT INTO position_fts(position_fts, rowid, content) VALUES ('delete', old.id, old.content); "
    "INSERT INTO position_fts(rowid, content) VALUES (new.id, new.content); END",
    "INSERT INTO position_fts(position_fts) VALUES ('rebuild')",
]
SQLITE_FTS_DOWN = [
    "DROP TRIGGER position_fts_update",
    "DROP TRIGGER position_fts_delete",
    "DROP TRIGGER position_fts_insert",
    "DROP TABLE position_fts",
]
POSTGRES_FTS_UP = [
    "CREATE INDEX ix_position_content_fts ON position USING gin (to_tsvector('simple'::regconfig, content))",
]
POSTGRES_FTS_DOWN = ["DROP INDEX ix_position_content_fts"]


def upgrade() -> None:
    op.create_table(
        "topic",
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("centroid", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("model", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic")),
    )
    op.create_index("ix_topic_updated_at_id", "topic", ["updated_at", "id"])
    with op.batch_alter_table("position") as batch:
        batch.add_column(sa.Column("negated", sa.Boolean(), server_default="0", nullable=False))
        batch.add_column(sa.Column("hypothetical", sa.Boolean(), server_default="0", nullable=False))
        batch.add_column(sa.Column("future", sa.Boolean(), server_default="0", nullable=False))
        batch.add_column(sa.Column("historical", sa.Boolean(), server_default="0", nullable=False))
        batch.add_column(sa.Column("certainty", sa.Float(), server_default="1", nullable=False))
        batch.add_column(sa.Column("topic_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_position_topic_id_topic"), "topic", ["topic_id"], ["id"], ondelete="SET NULL")
        batch.create_index("ix_position_topic_id_id", ["topic_id", "id"])
    op.create_table(
        "position_party",
        sa.Column("position_id", sa.Integer(), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], name=op.f("fk_position_party_actor_id_actor"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["position_id"], ["position.id"], name=op.f("fk_position_party_position_id_position"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("position_id", "role", "actor_id", name=op.f("pk_position_party")),
    )
    op.create_index("ix_position_party_actor_id_role", "position_party", ["actor_id", "role", "position_id"])
    op.execute("INSERT INTO position_party (position_id, role, actor_id, ordinal) "
                "SELECT id, 'actor', actor_id, 0 FROM position WHERE actor_id IS NOT NULL")
    op.execute("INSERT INTO position_party (position_id, role, actor_id, ordinal) "
                "SELECT id, 'target', target_id, 0 FROM position WHERE target_id IS NOT NULL")
    for statement in SQLITE_FTS_UP if op.get_bind().dialect.name == "sqlite" else POSTGRES_FTS_UP:
        op.execute(statement)


def downgrade() -> None:
    for statement in SQLITE_FTS_DOWN if op.get_bind().dialect.name == "sqlite" else POSTGRES_FTS_DOWN:
        op.execute(statement)
    op.drop_index("ix_position_party_actor_id_role", table_name="position_party")
    op.drop_table("position_party")
    with op.batch_alter_table("position") as batch:
        batch.drop_index("ix_position_topic_id_id")
        batch.drop_constraint(op.f("fk_position_topic_id_topic"), type_="foreignkey")
        for name in ("topic_id", "certainty", "historical", "future", "hypothetical", "negated"):
            batch.drop_column(name)
    op.drop_index("ix_topic_updated_at_id", table_name="topic")
    op.drop_table("topic")

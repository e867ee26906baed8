"""Alembic owns the schema: models and migrations agree, and the history runs both ways."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from app.db import alembic_config, include_in_autogenerate, make_engine, migrate
from tests.database import new_database

TABLES = {"article", "actor", "actor_alias", "venue", "venue_alias", "statement", "position", "deletion",
          "office", "office_alias", "office_holder", "topic", "position_party", "actor_month"}


def schema_diff(url: str) -> list:  # type: ignore[type-arg]
    engine = make_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_in_autogenerate}
        )
        diff = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    return diff


def tables(url: str) -> set[str]:
    engine = make_engine(url)
    names = {
        n for n in inspect(engine).get_table_names()
        if n != "alembic_version" and include_in_autogenerate(n, "table", None)
    }
    engine.dispose()
    return names


def test_migrations_match_the_models(tmp_path: Path) -> None:
    with new_database(tmp_path) as url:
        migrate(url)
        assert schema_diff(url) == []
        command.check(alembic_config(url))  # the same question, as `alembic check` asks it


def test_upgrade_downgrade_upgrade(tmp_path: Path) -> None:
    with new_database(tmp_path) as url:
        migrate(url)
        assert tables(url) == TABLES
        command.downgrade(alembic_config(url), "base")
        assert tables(url) == set()
        migrate(url)
        assert tables(url) == TABLES
        assert schema_diff(url) == []


def test_rebuilding_actor_keeps_the_statements_that_point_at_it(tmp_path: Path) -> None:
    """0004 rebuilds `actor` on SQLite; with foreign keys on, that would null every speaker."""
    from sqlalchemy import text

    with new_database(tmp_path) as url:
        migrate(url, "0003")
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO actor (id, name, name_key, kind) VALUES (1, 'A B', 'a b', 'person')"))
            connection.execute(text(
                "INSERT INTO article (id, text, content_hash, ingested_at, extractor_version) "
                "VALUES (1, 't', 'h', CURRENT_TIMESTAMP, 'v')"))
            connection.execute(text(
                "INSERT INTO statement (id, article_id, actor_id, kind, content, content_start, content_end, "
                "confidence) VALUES (1, 1, 1, 'direct', 'c', 0, 1, 1.0)"))
        migrate(url)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT actor_id FROM statement")).scalar() == 1
        engine.dispose()

"""Engines for SQLite and PostgreSQL, schema migration, and the session dependency."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from alembic import command
from alembic.config import Config
from fastapi import Request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine
from starlette.concurrency import run_in_threadpool

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

# Set while a session opens a transaction that will write (see `write_transaction`).
_writing: ContextVar[bool] = ContextVar("parley_writing", default=False)


def make_engine(url: str, *, foreign_keys: bool = True) -> Engine:
    """An engine for `url`, with SQLite configured to behave like a real database.

    Migrations pass `foreign_keys=False`: batch mode rebuilds a SQLite table by
    dropping it, and with enforcement on that drop would cascade into its children.
    """
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    # timeout: wait for a concurrent writer's lock instead of failing at once.
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # The stdlib driver opens transactions on its own and so breaks SAVEPOINT;
        # hand transaction control to SQLAlchemy (SQLAlchemy's SQLite docs, "pysqlite").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        if ":memory:" not in url:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # A deferred transaction that reads and then writes fails at once with
        # "database is locked" when another writer got in between; IMMEDIATE takes
        # the write lock up front, so concurrent writers wait on the busy timeout.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if _writing.get() else "BEGIN")

    return engine


@contextmanager
def write_transaction(session: Session) -> Iterator[None]:
    """The next transaction `session` opens is a write: on SQLite it holds the write
    lock from its first statement, so a check made inside it cannot be raced."""
    if session.in_transaction():
        session.commit()
    token = _writing.set(True)
    try:
        yield
    finally:
        _writing.reset(token)


# Made by hand in migrations 0002, 0007 and 0010 (FTS5 tables and triggers; on
# PostgreSQL a stored tsvector column with a GIN index):
# not in the models, so autogenerate must not compare them.
_HAND_MADE = ("statement_fts", "position_fts", "content_tsv", "ix_statement_content_tsv", "ix_position_content_tsv")


def include_in_autogenerate(name: str | None, type_: str, parent_names: object) -> bool:
    return not (name or "").startswith(_HAND_MADE)


def alembic_config(url: str) -> Config:
    config = Config(str(MIGRATIONS_DIR / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # '%' is ConfigParser's interpolation mark; URLs may contain it (%3D in options).
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(url: str, revision: str = "head") -> None:
    """Bring the database at `url` to `revision` with Alembic."""
    command.upgrade(alembic_config(url), revision)


async def get_session(request: Request) -> AsyncIterator[Session]:
    """A session per request. Opening one does no I/O, so this runs on the event loop:
    a sync dependency would cost a thread-pool hop to enter and another to leave."""
    session = Session(request.app.state.engine)
    try:
        yield session
    finally:
        if session.in_transaction():
            # Handing the connection back rolls it back: I/O, kept off the event loop.
            await run_in_threadpool(session.close)
        else:
            session.close()

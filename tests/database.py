"""Brand-new empty databases for tests: a SQLite file, or a PostgreSQL schema.

Tests run on SQLite always and on PostgreSQL when TEST_DATABASE_URL is set. Each
PostgreSQL database here is a schema of its own, reached through `search_path`,
so tests never touch (or depend on) what else the server holds.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, make_url, text


def postgres_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


@contextmanager
def new_database(tmp_dir: Path) -> Iterator[str]:
    """Yield the URL of an empty database; drop it afterwards."""
    base = postgres_url()
    if base is None:
        yield f"sqlite:///{tmp_dir / f'parley-{uuid.uuid4().hex[:8]}.db'}"
        return
    schema = f"parley_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

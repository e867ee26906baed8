"""`parley synth` fills an empty database that the API can then query and write to."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, select

from app.db import make_engine, migrate
from app.main import create_app
from app.models import Actor, Statement
from app.synth import NotEmpty, synthesize
from tests.conftest import make_settings
from tests.database import new_database


def test_synth_then_query_and_ingest(tmp_path: Path) -> None:
    with new_database(tmp_path) as url:
        migrate(url)
        engine = make_engine(url)
        counts = synthesize(engine, statements=2000)
        assert counts["statements"] == 2000 and counts["articles"] == 200 and counts["actors"] == 40
        with Session(engine) as session:
            assert session.exec(select(func.count()).select_from(Statement)).one() == 2000
            top = session.exec(
                select(Statement.actor_id, func.count()).group_by(Statement.actor_id).order_by(func.count().desc())
            ).first()
            assert top is not None and top[1] > 2000 / 40 * 2  # Zipf: the first speaks far more than average
            name = session.get(Actor, top[0]).name  # type: ignore[union-attr]
        with pytest.raises(NotEmpty):
            synthesize(engine, statements=10)
        with TestClient(create_app(make_settings(url))) as client:
            page = client.get("/statements", params={"actor": name, "limit": 10}).json()
            assert len(page["items"]) == 10 and page["next_cursor"]
            assert client.get("/statements", params={"q": "ceasefire"}).json()["items"]
            # New rows after synth get fresh ids (PostgreSQL sequences were moved past).
            assert client.post("/articles", json={"text": "The envoy said talks would resume."}).status_code == 201
        engine.dispose()

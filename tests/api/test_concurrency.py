"""Concurrent writers on a real database (no shared test transaction): one article, one actor."""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, select

from app.db import make_engine, migrate
from app.main import create_app
from app.models import Actor, Article, Statement
from tests.conftest import make_settings
from tests.database import new_database
from tests.samples import ENVOY_ARTICLE


@pytest.fixture
def live_client(tmp_path: Path) -> Iterator[tuple[TestClient, str]]:
    with new_database(tmp_path) as url:
        migrate(url)
        with TestClient(create_app(make_settings(url))) as client:
            yield client, url


def count(url: str, table: type) -> int:
    engine = make_engine(url)
    with Session(engine) as session:
        value = session.exec(select(func.count()).select_from(table)).one()
    engine.dispose()
    return value


def post_together(client: TestClient, bodies: list[dict]) -> list[int]:
    barrier = threading.Barrier(len(bodies))
    statuses: list[int] = []

    def post(body: dict) -> None:
        barrier.wait()
        statuses.append(client.post("/articles", json=body).status_code)

    threads = [threading.Thread(target=post, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(statuses)


def test_same_article_posted_concurrently_is_stored_once(live_client: tuple[TestClient, str]) -> None:
    client, url = live_client
    assert post_together(client, [ENVOY_ARTICLE] * 4) == [200, 200, 200, 201]
    assert count(url, Article) == 1
    single = client.get("/statements", params={"limit": 500}).json()["items"]
    assert count(url, Statement) == len(single) > 0


def test_new_actor_named_by_two_articles_at_once_is_one_actor(
    live_client: tuple[TestClient, str],
) -> None:
    client, url = live_client
    bodies = []
    for n in range(3):
        body = copy.deepcopy(ENVOY_ARTICLE)
        body["url"] = f"https://news.example.org/copy-{n}"
        body["text"] = body["text"] + f"\n\nThis is version {n}."
        bodies.append(body)
    assert post_together(client, bodies) == [201, 201, 201]
    assert count(url, Article) == 3
    engine = make_engine(url)
    with Session(engine) as session:
        names = session.exec(select(Actor.name)).all()
    engine.dispose()
    assert len(names) == len(set(names))
    assert "Ingrid Halvorsen" in names

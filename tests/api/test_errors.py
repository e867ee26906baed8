"""Bad input answers a clear 4xx problem+json and stores nothing; writes need a key when set."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, select

from app.db import get_session
from app.main import create_app
from app.models import Article
from tests.conftest import make_settings
from tests.samples import ENVOY_ARTICLE


def assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"]
    return body


def articles(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Article)).one()


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"title": "no text"},
        {"text": ""},
        {"text": "   \n "},
        {"text": 42},
        {"text": ["a", "list"]},
        {"text": "Fine.", "published_at": "2019-02-30"},
        {"text": "Fine.", "published_at": "yesterday"},
        {"text": "Fine.", "unknown_field": 1},
        [ENVOY_ARTICLE],
        "just a string",
    ],
)
def test_invalid_articles_are_422(client: TestClient, session: Session, payload: object) -> None:
    body = assert_problem(client.post("/articles", json=payload), 422)
    assert body["detail"]
    assert articles(session) == 0


def test_malformed_and_empty_bodies(client: TestClient, session: Session) -> None:
    headers = {"content-type": "application/json"}
    assert_problem(client.post("/articles", content=b"{not json", headers=headers), 422)
    assert_problem(client.post("/articles", content=b"", headers=headers), 422)
    assert_problem(client.post("/articles", content=b"\xff\xfe", headers=headers), 422)
    assert articles(session) == 0


def test_nul_characters_are_dropped(client: TestClient) -> None:
    response = client.post("/articles", json={"text": "The minister said the talks\x00 would go on."})
    assert response.status_code == 201
    assert "\x00" not in response.json()["text"]


def test_oversized_bodies_are_413(database_url: str, session: Session) -> None:
    app = create_app(make_settings(database_url, PARLEY_MAX_BODY_BYTES=1000, PARLEY_MAX_TEXT_CHARS=500))
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as client:
        assert_problem(client.post("/articles", json={"text": "x " * 1000}), 413)

        def chunks():  # a streamed body declares no length
            for _ in range(20):
                yield b"x" * 100

        assert_problem(client.post("/articles", content=chunks(), headers={"content-type": "application/json"}), 413)
        assert_problem(client.post("/articles", json={"text": "word " * 120}), 413)
        assert_problem(client.post("/articles/batch", json=[{"text": "word " * 120}]), 413)
    assert articles(session) == 0


def test_batch_limits(client: TestClient) -> None:
    assert_problem(client.post("/articles/batch", json=[]), 422)
    assert_problem(client.post("/articles/batch", json={"text": "not a list"}), 422)
    assert_problem(client.post("/articles/batch", json=[{"text": "x"}] * 101), 413)


def test_bad_query_parameters(client: TestClient) -> None:
    assert_problem(client.get("/statements", params={"from": "2019-13-01"}), 422)
    assert_problem(client.get("/statements", params={"kind": "rumour"}), 422)
    assert_problem(client.get("/statements", params={"limit": 0}), 422)
    assert_problem(client.get("/statements", params={"cursor": "not-a-cursor"}), 400)
    assert_problem(client.get("/positions", params={"type": "shrug"}), 422)
    assert_problem(client.get("/statements/999999"), 404)
    assert_problem(client.get("/actors/999999"), 404)
    assert_problem(client.get("/articles/abc"), 422)
    assert_problem(client.get("/no-such-route"), 404)


def test_writes_need_a_key_when_keys_are_set(database_url: str, session: Session) -> None:
    app = create_app(make_settings(database_url, parley_api_keys="k1, k2"))
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as client:
        body = {"text": "The minister said the talks would go on."}
        assert_problem(client.post("/articles", json=body), 401)
        assert_problem(client.post("/articles", json=body, headers={"x-api-key": "wrong"}), 401)
        assert articles(session) == 0
        assert client.post("/articles", json=body, headers={"x-api-key": "k2"}).status_code == 201
        created = client.post("/articles", json=body, headers={"authorization": "Bearer k1"})
        assert created.status_code == 200
        article_id = created.json()["id"]
        assert_problem(client.delete(f"/articles/{article_id}"), 401)
        assert client.get("/statements").status_code == 200  # reads stay open
        assert client.delete(f"/articles/{article_id}", headers={"x-api-key": "k1"}).status_code == 204

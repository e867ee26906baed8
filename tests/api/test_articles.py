"""POST /articles and friends, through httpx against the real app and extractor."""

from __future__ import annotations

import copy

from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, select

from app.models import Article, Position, Statement
from tests.samples import ENVOY_ARTICLE, SECOND_ARTICLE


def count(session: Session, table: type) -> int:
    return session.exec(select(func.count()).select_from(table)).one()


def test_post_article_stores_statements_and_positions(client: TestClient) -> None:
    response = client.post("/articles", json=ENVOY_ARTICLE)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["id"] > 0
    assert body["url"] == ENVOY_ARTICLE["url"]
    assert body["published_at"] == "2019-03-15"
    assert body["statement_count"] == len(body["statements"]) >= 3
    assert body["position_count"] == len(body["positions"]) >= 1
    quote = next(s for s in body["statements"] if s["kind"] == "direct")
    assert quote["content"].rstrip(",.") == "We have no time to lose"
    assert quote["speaker"]["name"] == "Ingrid Halvorsen"
    text = ENVOY_ARTICLE["text"]
    assert text[quote["span"]["start"] : quote["span"]["end"]] == quote["content"]
    assert quote["article"]["id"] == body["id"]


def test_same_url_or_same_text_is_not_stored_twice(client: TestClient, session: Session) -> None:
    first = client.post("/articles", json=ENVOY_ARTICLE)
    assert first.status_code == 201
    statements = count(session, Statement)

    again = client.post("/articles", json=ENVOY_ARTICLE)
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]

    same_text = copy.deepcopy(ENVOY_ARTICLE)
    same_text["url"] = "https://mirror.example.org/copy"
    same_text["text"] = "  " + same_text["text"].replace("\n\n", "\n") + "\n"
    mirrored = client.post("/articles", json=same_text)
    assert mirrored.status_code == 200
    assert mirrored.json()["id"] == first.json()["id"]

    assert count(session, Article) == 1
    assert count(session, Statement) == statements


def test_text_alone_is_enough(client: TestClient) -> None:
    response = client.post("/articles", json={"text": SECOND_ARTICLE["text"]})
    assert response.status_code == 201
    assert response.json()["url"] is None


def test_read_and_delete_article_cascades(client: TestClient, session: Session) -> None:
    article_id = client.post("/articles", json=ENVOY_ARTICLE).json()["id"]
    detail = client.get(f"/articles/{article_id}")
    assert detail.status_code == 200
    assert detail.json()["text"] == ENVOY_ARTICLE["text"]
    assert count(session, Statement) > 0

    assert client.delete(f"/articles/{article_id}").status_code == 204
    assert client.get(f"/articles/{article_id}").status_code == 404
    assert count(session, Article) == count(session, Statement) == count(session, Position) == 0
    assert client.delete(f"/articles/{article_id}").status_code == 404


def test_list_articles_pages_with_cursor(client: TestClient) -> None:
    client.post("/articles", json=ENVOY_ARTICLE)
    client.post("/articles", json=SECOND_ARTICLE)
    first = client.get("/articles", params={"limit": 1})
    assert first.status_code == 200
    page = first.json()
    assert len(page["items"]) == 1 and page["next_cursor"]
    assert 'rel="next"' in first.headers["link"]
    second = client.get("/articles", params={"limit": 1, "cursor": page["next_cursor"]}).json()
    assert second["items"][0]["id"] > page["items"][0]["id"]
    assert second["next_cursor"] is None
    assert client.get("/articles", params={"source": "Nobody"}).json()["items"] == []


def test_batch_keeps_good_items_when_one_is_bad(client: TestClient, session: Session) -> None:
    response = client.post(
        "/articles/batch", json=[ENVOY_ARTICLE, {"title": "no text"}, SECOND_ARTICLE, ENVOY_ARTICLE]
    )
    assert response.status_code == 200, response.text
    statuses = [item["status"] for item in response.json()["items"]]
    assert statuses == [201, 422, 201, 200]
    assert response.json()["items"][1]["error"]["errors"][0]["loc"] == ["text"]
    assert count(session, Article) == 2

"""`q` full text: words, phrases, prefixes; the same answers on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.models import Article, Statement
from app.services.search import Term, parse_query

CONTENTS = [
    "Safe corridors must open before the negotiations resume",
    "The negotiators asked for safe passage, not corridors",
    "Corridors that are safe will come later",
    "We reject the NEGOTIATED map outright",
    "Nothing about the talks was decided",
]


@pytest.fixture
def corpus(session: Session) -> list[int]:
    article = Article(text="(search corpus)", content_hash="search-corpus", extractor_version="test")
    session.add(article)
    session.flush()
    rows = [Statement(article_id=article.id, kind="direct", content=c, content_start=0,  # type: ignore[arg-type]
                      content_end=len(c), confidence=1.0) for c in CONTENTS]
    session.add_all(rows)
    session.commit()
    return [r.id for r in rows]  # type: ignore[misc]


def found(client: TestClient, q: str, ids: list[int]) -> list[int]:
    response = client.get("/statements", params={"q": q, "limit": 100})
    assert response.status_code == 200, response.text
    return [ids.index(i["id"]) for i in response.json()["items"]]


def test_words_must_all_occur_in_any_case(client: TestClient, corpus: list[int]) -> None:
    assert found(client, "corridors", corpus) == [0, 1, 2]
    assert found(client, "SAFE corridors", corpus) == [0, 1, 2]
    assert found(client, "safe passage", corpus) == [1]
    assert found(client, "aleatory", corpus) == []


def test_phrases_keep_their_order(client: TestClient, corpus: list[int]) -> None:
    assert found(client, '"safe corridors"', corpus) == [0]
    assert found(client, '"corridors safe"', corpus) == []
    assert found(client, '"safe corridors" negotiations', corpus) == [0]


def test_prefixes(client: TestClient, corpus: list[int]) -> None:
    assert found(client, "negotiat*", corpus) == [0, 1, 3]
    assert found(client, "negotiat", corpus) == []


def test_odd_input_is_safe(client: TestClient, corpus: list[int]) -> None:
    assert found(client, "corridors' OR 1=1 --", corpus) == []
    assert found(client, 'NEAR(safe) "unclosed', corpus) == []
    for q in ("***", '""', "  "):
        response = client.get("/statements", params={"q": q})
        assert response.status_code == 422, q
        assert response.headers["content-type"].startswith("application/problem+json")


def test_q_combines_with_other_filters_and_exports(client: TestClient, corpus: list[int]) -> None:
    assert found(client, "corridors", corpus) == [0, 1, 2]
    response = client.get("/statements", params={"q": "corridors", "kind": "indirect"})
    assert response.json()["items"] == []
    lines = client.get("/statements", params={"q": "safe", "format": "ndjson"}).text.splitlines()
    assert len(lines) == 3


def test_parse_query() -> None:
    assert parse_query('"Safe  corridors" negotiat* ok') == [
        Term(("safe", "corridors")), Term(("negotiat",), prefix=True), Term(("ok",)),
    ]


def test_q_pages_follow_each_other_without_gaps(client: TestClient, corpus: list[int]) -> None:
    seen, cursor = [], None
    while True:
        params: dict[str, object] = {"q": "corridors", "limit": 1}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/statements", params=params).json()
        seen += [corpus.index(i["id"]) for i in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == [0, 1, 2]

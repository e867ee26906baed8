"""sort=date|-date with keyset pages: every row once, undated last, stable while rows arrive."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.models import Article, Statement

DAYS = [date(2020, 5, 3), None, date(2020, 1, 9), date(2020, 5, 3), date(2021, 2, 1), None, date(2020, 1, 9)]


@pytest.fixture
def rows(session: Session) -> list[tuple[int, date | None]]:
    article = Article(text="(sort corpus)", content_hash="sort-corpus", extractor_version="test")
    session.add(article)
    session.flush()
    made = [Statement(article_id=article.id, kind="direct", content=f"s{i}", content_start=0,  # type: ignore[arg-type]
                      content_end=2, said_on=day, confidence=1.0) for i, day in enumerate(DAYS)]
    session.add_all(made)
    session.commit()
    return [(s.id, s.said_on) for s in made]  # type: ignore[misc]


def walk(client: TestClient, sort: str, limit: int = 2, between=None) -> list[int]:  # type: ignore[no-untyped-def]
    seen, cursor = [], None
    while True:
        params = {"sort": sort, "limit": limit, **({"cursor": cursor} if cursor else {})}
        page = client.get("/statements", params=params).json()
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            return seen
        if between:
            between()


def test_date_orders_with_undated_last(client: TestClient, rows: list[tuple[int, date | None]]) -> None:
    dated = [r for r in rows if r[1]]
    undated = [r[0] for r in rows if not r[1]]
    ascending = [i for i, _ in sorted(dated, key=lambda r: (r[1], r[0]))] + undated
    descending = [i for i, _ in sorted(dated, key=lambda r: (r[1], r[0]), reverse=True)] + undated[::-1]
    for limit in (1, 2, 3, 50):
        assert walk(client, "date", limit) == ascending
        assert walk(client, "-date", limit) == descending
    assert walk(client, "id") == [i for i, _ in rows]


def test_pages_stay_stable_while_rows_arrive(client: TestClient, session: Session,
                                             rows: list[tuple[int, date | None]]) -> None:
    article_id = session.get(Statement, rows[0][0]).article_id  # type: ignore[union-attr]
    added: list[int] = []

    def insert_one() -> None:
        row = Statement(article_id=article_id, kind="direct", content="late", content_start=0, content_end=4,
                        said_on=date(2019, 1, 1), confidence=1.0)
        session.add(row)
        session.commit()
        added.append(row.id)  # type: ignore[arg-type]

    for sort in ("id", "date", "-date"):
        seen = walk(client, sort, 2, between=insert_one)
        assert len(seen) == len(set(seen)), sort  # nothing repeated
        assert {i for i, _ in rows} <= set(seen), sort  # nothing that was there is skipped


def test_cursor_of_another_sort_is_refused(client: TestClient, rows: list[tuple[int, date | None]]) -> None:
    cursor = client.get("/statements", params={"sort": "date", "limit": 1}).json()["next_cursor"]
    assert client.get("/statements", params={"sort": "-date", "cursor": cursor}).status_code == 400
    assert client.get("/statements", params={"sort": "sideways"}).status_code == 422

"""Aggregates over a small corpus with known counts, written straight to the database."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app import extraction
from app.models import Article, Position, PositionParty, Statement
from app.services.aggregates import add_statements
from app.services.registry import get_or_create_actor, get_or_create_venue

# (actor, venue, kind, said_on)
STATEMENTS = [
    ("Anna Berg", "UN Security Council", "direct", date(2020, 1, 6)),   # Monday, week 2
    ("Anna Berg", "UN Security Council", "indirect", date(2020, 1, 8)),
    ("Anna Berg", None, "indirect", date(2020, 3, 2)),
    ("Ostland", "UN Security Council", "indirect", date(2020, 1, 12)),  # Sunday, still week 2
    ("Ostland", "Oslo talks", "mixed", date(2020, 3, 30)),
    ("Varania", "Oslo talks", "direct", date(2020, 3, 31)),
]
# (actor, target, type, said_on)
POSITIONS = [
    ("Ostland", "Varania", "demand", date(2020, 1, 12)),
    ("Ostland", "Varania", "demand", date(2020, 3, 30)),
    ("Ostland", "Varania", "reject", date(2020, 3, 30)),
    ("Varania", "Ostland", "reject", date(2020, 3, 31)),
]


@pytest.fixture
def corpus(session: Session) -> None:
    article = Article(text="(test corpus)", content_hash="stats-corpus", extractor_version="test")
    session.add(article)
    session.flush()

    def actor(name: str) -> int:
        kind = "person" if " " in name else "state"
        return get_or_create_actor(session, extraction.ActorRef(name=name, kind=kind)).id  # type: ignore[return-value]

    for name, venue, kind, day in STATEMENTS:
        venue_id = get_or_create_venue(session, extraction.VenueRef(name=venue, kind="body")).id if venue else None
        session.add(Statement(article_id=article.id, actor_id=actor(name), venue_id=venue_id, kind=kind,
                              content="x", content_start=0, content_end=1, said_on=day, confidence=1.0))
        add_statements(session, [(actor(name), day)])  # as ingest keeps the monthly counts
    for name, target, kind, day in POSITIONS:
        position = Position(article_id=article.id, actor_id=actor(name), target_id=actor(target), type=kind,
                            content="x", content_start=0, content_end=1, said_on=day, confidence=1.0)
        session.add(position)
        session.flush()
        session.add(PositionParty(position_id=position.id, role="actor", actor_id=position.actor_id))
        session.add(PositionParty(position_id=position.id, role="target", actor_id=position.target_id))
    session.commit()


@pytest.mark.usefixtures("corpus")
def test_monthly_timeline_is_zero_filled(client: TestClient) -> None:
    body = client.get("/stats/timeline", params={"interval": "month"}).json()
    assert body["buckets"] == ["2020-01-01", "2020-02-01", "2020-03-01"]
    assert body["series"] == [{"key": "all", "counts": [3, 0, 3], "total": 6}]
    wider = client.get("/stats/timeline", params={"from": "2019-12", "to": "2020-04"}).json()
    assert wider["buckets"][0] == "2019-12-01" and wider["buckets"][-1] == "2020-04-01"
    assert wider["series"][0]["counts"] == [0, 3, 0, 3, 0]


@pytest.mark.usefixtures("corpus")
def test_weekly_and_daily_buckets(client: TestClient) -> None:
    week = client.get("/stats/timeline", params={"interval": "week", "to": "2020-01-31"}).json()
    assert week["buckets"][0] == "2020-01-06"  # the Monday of the first statement's week
    assert week["series"][0]["counts"][0] == 3
    day = client.get("/stats/timeline", params={"interval": "day", "from": "2020-03-30", "to": "2020-03-31"}).json()
    assert day["series"][0]["counts"] == [1, 1]


@pytest.mark.usefixtures("corpus")
def test_timeline_by_actor_kind_and_type(client: TestClient) -> None:
    by_actor = client.get("/stats/timeline", params={"by": "actor", "top": 2}).json()
    assert [(s["key"]["name"] if isinstance(s["key"], dict) else s["key"], s["total"]) for s in by_actor["series"]] == [
        ("Anna Berg", 3), ("Ostland", 2), ("other", 1),
    ]
    by_kind = client.get("/stats/timeline", params={"by": "kind", "venue": "UNSC"}).json()
    assert {s["key"]: s["total"] for s in by_kind["series"]} == {"indirect": 2, "direct": 1}
    by_type = client.get("/stats/timeline", params={"by": "type"}).json()
    assert by_type["counted"] == "positions"
    assert {s["key"]: s["counts"] for s in by_type["series"]} == {"demand": [1, 0, 1], "reject": [0, 0, 2]}


@pytest.mark.usefixtures("corpus")
def test_top_actors_venues_and_network(client: TestClient) -> None:
    actors = client.get("/stats/actors").json()
    assert [(a["name"], a["statement_count"]) for a in actors] == [("Anna Berg", 3), ("Ostland", 2), ("Varania", 1)]
    assert actors[0]["first_date"] == "2020-01-06" and actors[0]["last_date"] == "2020-03-02"
    assert [a["name"] for a in client.get("/stats/actors", params={"venue": "Oslo talks"}).json()] == ["Ostland", "Varania"]
    venues = client.get("/stats/venues").json()
    assert [(v["name"], v["statement_count"]) for v in venues] == [("UN Security Council", 3), ("Oslo talks", 2)]
    edges = client.get("/stats/network").json()
    assert [(e["source"]["name"], e["target"]["name"], e["count"], e["by_type"]) for e in edges] == [
        ("Ostland", "Varania", 3, {"demand": 2, "reject": 1}),
        ("Varania", "Ostland", 1, {"reject": 1}),
    ]
    assert client.get("/stats/network", params={"type": "demand"}).json()[0]["count"] == 2


@pytest.mark.usefixtures("corpus")
def test_top_actors_from_monthly_counts_match_a_live_count(client: TestClient) -> None:
    # Whole months read the per-month table; a period ending mid-month counts live.
    monthly = client.get("/stats/actors", params={"from": "2020-01", "to": "2020-03"}).json()
    live = client.get("/stats/actors", params={"from": "2019-12-31", "to": "2020-03-31"}).json()
    assert [(a["name"], a["statement_count"]) for a in monthly] == [("Anna Berg", 3), ("Ostland", 2), ("Varania", 1)]
    assert monthly[0]["first_date"] == "2020-01-06" and monthly[0]["last_date"] == "2020-03-02"
    assert monthly == live
    january = client.get("/stats/actors", params={"from": "2020-01", "to": "2020-01"}).json()
    assert [(a["name"], a["statement_count"]) for a in january] == [("Anna Berg", 2), ("Ostland", 1)]


def test_monthly_counts_follow_ingest_delete_and_merge(client: TestClient, session: Session) -> None:
    from tests.samples import ENVOY_ARTICLE, SECOND_ARTICLE

    def counts() -> dict[str, int]:
        return {a["name"]: a["statement_count"] for a in client.get("/stats/actors", params={"from": "2019"}).json()}

    def live() -> dict[str, int]:
        return {a["name"]: a["statement_count"] for a in
                client.get("/stats/actors", params={"from": "2019-01-02"}).json()}

    first = client.post("/articles", json=ENVOY_ARTICLE).json()["id"]
    client.post("/articles", json=SECOND_ARTICLE)
    assert counts() and counts() == live()
    # Merging two speakers adds one's counts to the other's.
    from app.services import curation

    ids = {a["name"]: a["id"] for a in client.get("/stats/actors", params={"from": "2019"}).json()}
    (one, one_id), (other, other_id) = list(ids.items())[:2]
    before = counts()
    curation.merge(session, curation.ACTORS, other_id, one_id)
    assert counts()[one] == before[one] + before[other] and counts() == live()
    client.delete(f"/articles/{first}")
    assert counts() == live()


def test_empty_timeline(client: TestClient) -> None:
    body = client.get("/stats/timeline").json()
    assert body["buckets"] == [] and body["series"] == []
    assert client.get("/stats/timeline", params={"interval": "year"}).status_code == 422


def test_aggregates_take_source_and_full_text(client: TestClient) -> None:
    from tests.samples import ENVOY_ARTICLE

    client.post("/articles", json=ENVOY_ARTICLE)
    everything = client.get("/stats/actors").json()
    assert everything
    assert client.get("/stats/actors", params={"source": "Nobody"}).json() == []
    assert client.get("/stats/actors", params={"source": "Example Wire"}).json() == everything
    lose = client.get("/stats/timeline", params={"q": "lose"}).json()
    assert lose["series"][0]["total"] == 1

"""Incremental sync: `updated_since` on every list endpoint, tombstones at /deletions."""

from __future__ import annotations

from datetime import datetime, timedelta

from fastapi.testclient import TestClient

from tests.samples import ENVOY_ARTICLE, SECOND_ARTICLE


def after(stamp: str) -> str:
    return (datetime.fromisoformat(stamp) + timedelta(microseconds=1)).isoformat()


def test_updated_since_returns_only_what_came_later(client: TestClient) -> None:
    first = client.post("/articles", json=ENVOY_ARTICLE).json()
    cut = after(max([first["updated_at"]] + [s["updated_at"] for s in first["statements"]]
                    + [p["updated_at"] for p in first["positions"]]))
    second = client.post("/articles", json=SECOND_ARTICLE).json()

    statements = client.get("/statements", params={"updated_since": cut, "limit": 500}).json()["items"]
    assert statements and {s["article"]["id"] for s in statements} == {second["id"]}
    assert [a["id"] for a in client.get("/articles", params={"updated_since": cut}).json()["items"]] == [second["id"]]
    positions = client.get("/positions", params={"updated_since": cut}).json()["items"]
    assert all(p["article"]["id"] == second["id"] for p in positions)
    everything = client.get("/statements", params={"limit": 500}).json()["items"]
    assert len(everything) == len(first["statements"]) + len(second["statements"])

    naive = cut.replace("+00:00", "")  # no offset: taken as UTC
    assert client.get("/statements", params={"updated_since": naive, "limit": 500}).json()["items"] == statements
    assert client.get("/statements", params={"updated_since": "yesterday"}).status_code == 422


def test_deleting_leaves_tombstones(client: TestClient) -> None:
    article = client.post("/articles", json=ENVOY_ARTICLE).json()
    before = client.get("/deletions").json()["items"]
    assert before == []
    assert client.delete(f"/articles/{article['id']}").status_code == 204
    tombstones = client.get("/deletions", params={"limit": 500}).json()["items"]
    by_kind: dict[str, set[int]] = {}
    for t in tombstones:
        by_kind.setdefault(t["resource"], set()).add(t["resource_id"])
    assert by_kind["article"] == {article["id"]}
    assert by_kind["statement"] == {s["id"] for s in article["statements"]}
    assert by_kind.get("position", set()) == {p["id"] for p in article["positions"]}

    only = client.get("/deletions", params={"resource": "statement", "limit": 500}).json()["items"]
    assert {t["resource_id"] for t in only} == by_kind["statement"]
    later = after(max(t["deleted_at"] for t in tombstones))
    assert client.get("/deletions", params={"since": later}).json()["items"] == []

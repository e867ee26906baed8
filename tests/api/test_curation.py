"""Curators fix the registry: aliases, renames, kinds and countries, merges with redirects."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.db import get_session
from app.main import create_app
from tests.conftest import make_settings
from tests.samples import ENVOY_ARTICLE

ADMIN = {"x-api-key": "curator"}
WRITER = {"x-api-key": "scraper"}


@pytest.fixture
def api(database_url: str, session: Session) -> Iterator[TestClient]:
    app = create_app(make_settings(database_url, parley_api_keys="scraper, curator:admin"))
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as client:
        yield client


def actor_named(client: TestClient, name: str) -> dict:
    [actor] = [a for a in client.get("/actors", params={"q": name}).json()["items"] if a["name"] == name]
    return actor


def test_curation_needs_an_admin_key(api: TestClient) -> None:
    api.post("/articles", json=ENVOY_ARTICLE, headers=WRITER)
    actor = actor_named(api, "Ingrid Halvorsen")
    body = {"alias": "the Caucasus envoy"}
    assert api.post(f"/actors/{actor['id']}/aliases", json=body).status_code == 401
    assert api.post(f"/actors/{actor['id']}/aliases", json=body, headers=WRITER).status_code == 403
    assert api.post(f"/actors/{actor['id']}/aliases", json=body, headers=ADMIN).status_code == 201


def test_aliases_added_and_removed_change_what_actor_finds(api: TestClient) -> None:
    api.post("/articles", json=ENVOY_ARTICLE, headers=WRITER)
    actor = actor_named(api, "Ingrid Halvorsen")
    assert api.get("/statements", params={"actor": "the Caucasus envoy"}).json()["items"] == []
    added = api.post(f"/actors/{actor['id']}/aliases", json={"alias": "the Caucasus envoy"}, headers=ADMIN)
    assert "the Caucasus envoy" in added.json()["aliases"]
    found = api.get("/statements", params={"actor": "the caucasus envoy"}).json()["items"]
    assert found and {s["speaker"]["id"] for s in found} == {actor["id"]}

    assert api.delete(f"/actors/{actor['id']}/aliases/the Caucasus envoy", headers=ADMIN).status_code == 204
    assert api.get("/statements", params={"actor": "the Caucasus envoy"}).json()["items"] == []
    assert api.delete(f"/actors/{actor['id']}/aliases/nothing", headers=ADMIN).status_code == 404
    assert api.delete(f"/actors/{actor['id']}/aliases/Ingrid Halvorsen", headers=ADMIN).status_code == 409


def test_rename_kind_country_and_wikidata(api: TestClient) -> None:
    api.post("/articles", json=ENVOY_ARTICLE, headers=WRITER)
    actor = actor_named(api, "Ingrid Halvorsen")
    changed = api.patch(f"/actors/{actor['id']}", headers=ADMIN,
                        json={"name": "Ingrid M. Halvorsen", "country": "no", "wikidata_id": "Q42"})
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (body["name"], body["country"], body["wikidata_id"]) == ("Ingrid M. Halvorsen", "NOR", "Q42")
    assert "Ingrid Halvorsen" in body["aliases"]
    assert api.get("/statements", params={"actor": "Ingrid Halvorsen"}).json()["items"]
    assert api.patch(f"/actors/{actor['id']}", headers=ADMIN, json={"country": "Atlantis"}).status_code == 422
    assert api.patch(f"/actors/{actor['id']}", headers=ADMIN, json={"kind": "wizard"}).status_code == 422
    assert api.patch(f"/actors/{actor['id']}", headers=ADMIN, json={"wikidata_id": "42"}).status_code == 422
    assert api.patch(f"/actors/{actor['id']}", headers=ADMIN, json={"kind": "media"}).json()["kind"] == "media"
    canada = actor_named(api, "Canada")
    assert api.patch(f"/actors/{canada['id']}", headers=ADMIN, json={"name": "Ingrid M. Halvorsen"}).status_code == 409


def test_merge_moves_everything_and_redirects(api: TestClient) -> None:
    api.post("/articles", json=ENVOY_ARTICLE, headers=WRITER)
    api.post("/articles", headers=WRITER, json={
        "text": "The special envoy Inga Halvorssen said on Monday that the ceasefire was holding.",
    })
    right, wrong = actor_named(api, "Ingrid Halvorsen"), actor_named(api, "Inga Halvorssen")
    before = len(api.get("/statements", params={"actor_id": right["id"], "limit": 500}).json()["items"])
    moved = api.post(f"/actors/{wrong['id']}/merge", json={"into_id": right["id"]}, headers=ADMIN)
    assert moved.status_code == 200, moved.text
    assert "Inga Halvorssen" in moved.json()["aliases"]
    after = api.get("/statements", params={"actor_id": right["id"], "limit": 500}).json()["items"]
    assert len(after) == before + 1
    # The old id and the old name both lead to the survivor.
    redirect = api.get(f"/actors/{wrong['id']}", follow_redirects=False)
    assert redirect.status_code == 308 and redirect.headers["location"].endswith(f"/actors/{right['id']}")
    assert api.get(f"/actors/{wrong['id']}").json()["id"] == right["id"]
    assert len(api.get("/statements", params={"actor_id": wrong["id"], "limit": 500}).json()["items"]) == len(after)
    assert {s["speaker"]["id"] for s in api.get("/statements", params={"actor": "Inga Halvorssen"}).json()["items"]} == {right["id"]}
    assert [a["id"] for a in api.get("/actors", params={"q": "halvorssen"}).json()["items"]] == [right["id"]]
    # A new article naming the merged-away actor lands on the survivor.
    api.post("/articles", headers=WRITER, json={"text": "Inga Halvorssen said on Tuesday that observers would arrive."})
    assert len(api.get("/statements", params={"actor_id": right["id"], "limit": 500}).json()["items"]) == len(after) + 1

    assert api.post(f"/actors/{right['id']}/merge", json={"into_id": right["id"]}, headers=ADMIN).status_code == 422
    assert api.post(f"/actors/{wrong['id']}/merge", json={"into_id": right["id"]}, headers=ADMIN).status_code == 404


# --- venues -----------------------------------------------------------------

VENUE_ARTICLES = [
    {"text": "Speaking at the Lisbon fisheries conference, the Norwegian delegate Ole Brekke said quotas "
             "must fall.", "published_at": "2021-03-04"},
    {"text": "At a press conference in Porto on Tuesday, Ole Brekke said the cut should be phased in.",
     "published_at": "2021-03-05"},
]


def venue_named(client: TestClient, name: str) -> dict:
    [venue] = [v for v in client.get("/venues").json() if v["name"] == name]
    return venue


def test_venue_rename_alias_and_merge_with_redirect(api: TestClient) -> None:
    api.post("/articles/batch", json=VENUE_ARTICLES, headers=WRITER)
    venues = {v["name"]: v for v in api.get("/venues").json()}
    assert len(venues) >= 2, venues
    first, second = sorted(venues.values(), key=lambda v: v["id"])[:2]
    assert api.patch(f"/venues/{first['id']}", json={"place": "Lisboa"}).status_code == 401
    renamed = api.patch(f"/venues/{first['id']}", json={"name": "Fisheries talks", "kind": "talks"}, headers=ADMIN)
    assert renamed.status_code == 200 and renamed.json()["kind"] == "talks"
    assert first["name"] in renamed.json()["aliases"]
    assert api.patch(f"/venues/{second['id']}", json={"name": "fisheries TALKS"}, headers=ADMIN).status_code == 409
    added = api.post(f"/venues/{first['id']}/aliases", json={"alias": "FishCon"}, headers=ADMIN)
    assert added.status_code == 201 and "FishCon" in added.json()["aliases"]
    assert api.get("/statements", params={"venue": "fishcon"}).json()["items"]

    merged = api.post(f"/venues/{second['id']}/merge", json={"into_id": first["id"]}, headers=ADMIN)
    assert merged.status_code == 200 and merged.json()["statement_count"] == first["statement_count"] + second["statement_count"]
    moved = api.get(f"/venues/{second['id']}", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"].endswith(f"/venues/{first['id']}")
    assert second["id"] not in {v["id"] for v in api.get("/venues").json()}
    # The merged venue's name now finds the survivor's statements.
    by_old_name = api.get("/statements", params={"venue": second["name"]}).json()["items"]
    assert {s["venue"]["id"] for s in by_old_name} == {first["id"]}


def test_venue_curation_errors(api: TestClient) -> None:
    api.post("/articles/batch", json=VENUE_ARTICLES, headers=WRITER)
    venue = api.get("/venues").json()[0]
    assert api.patch("/venues/999999", json={"place": "x"}, headers=ADMIN).status_code == 404
    assert api.patch(f"/venues/{venue['id']}", json={"kind": "picnic"}, headers=ADMIN).status_code == 422
    assert api.post(f"/venues/{venue['id']}/merge", json={"into_id": venue["id"]}, headers=ADMIN).status_code == 422
    assert api.delete(f"/venues/{venue['id']}/aliases/{venue['name']}", headers=ADMIN).status_code == 409


# --- offices ------------------------------------------------------------------


def test_offices_list_holders_and_curate_terms(api: TestClient, session: Session) -> None:
    from app.services.seed import seed_registry

    seed_registry(session)
    [office] = api.get("/offices", params={"q": "envoy for yemen"}).json()
    assert [h["actor"]["name"] for h in office["holders"]][:2] == ["Jamal Benomar", "Ismail Ould Cheikh Ahmed"]
    assert api.get(f"/offices/{office['id']}").json()["title"] == office["title"]
    assert api.get("/offices/999999").status_code == 404

    api.post("/articles", json=ENVOY_ARTICLE, headers=WRITER)
    person = actor_named(api, "Ingrid Halvorsen")
    term = {"actor_id": person["id"], "start_on": "2030-01-01", "end_on": None}
    assert api.post(f"/offices/{office['id']}/holders", json=term).status_code == 401
    # The last seeded holder's term is open-ended: a new term cannot overlap it.
    assert api.post(f"/offices/{office['id']}/holders", json=term, headers=ADMIN).status_code == 409
    bad = {"actor_id": person["id"], "start_on": "2001-05-01", "end_on": "2001-01-01"}
    assert api.post(f"/offices/{office['id']}/holders", json=bad, headers=ADMIN).status_code == 422
    ok = {"actor_id": person["id"], "start_on": "2001-01-01", "end_on": "2001-12-31"}
    added = api.post(f"/offices/{office['id']}/holders", json=ok, headers=ADMIN)
    assert added.status_code == 201
    [holder] = [h for h in added.json()["holders"] if h["actor"]["id"] == person["id"]]
    assert api.delete(f"/offices/{office['id']}/holders/{holder['id']}", headers=ADMIN).status_code == 204
    assert api.delete(f"/offices/{office['id']}/holders/{holder['id']}", headers=ADMIN).status_code == 404


def test_curation_survives_reextraction(api: TestClient) -> None:
    article_id = api.post("/articles", json=ENVOY_ARTICLE, headers=WRITER).json()["id"]
    envoy = actor_named(api, "Ingrid Halvorsen")
    georgia = actor_named(api, "Georgia")
    # A curator decides Georgia's statements belong to the envoy (for the test's sake).
    api.post(f"/actors/{georgia['id']}/merge", json={"into_id": envoy["id"]}, headers=ADMIN)
    before = api.get("/statements", params={"actor_id": envoy["id"]}).json()["items"]
    assert api.post(f"/articles/{article_id}/reextract").status_code == 401
    again = api.post(f"/articles/{article_id}/reextract", headers=WRITER)
    assert again.status_code == 200
    after = api.get("/statements", params={"actor_id": envoy["id"]}).json()["items"]
    # New rows, the same words, still under the curated actor; the old rows left
    # tombstones older than the new rows (SQLite may hand a freed id out again).
    assert sorted(s["content"] for s in after) == sorted(s["content"] for s in before)
    gone = api.get("/deletions", params={"resource": "statement"}).json()["items"]
    assert {d["resource_id"] for d in gone} >= {s["id"] for s in before}
    assert max(d["deleted_at"] for d in gone) <= min(s["updated_at"] for s in after)
    assert api.post("/articles/999999/reextract", headers=WRITER).status_code == 404

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

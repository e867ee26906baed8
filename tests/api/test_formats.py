"""Exports (NDJSON, CSV) streamed, ETags with 304, and CORS for browser dashboards."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.db import get_session
from app.main import create_app
from tests.conftest import make_settings
from tests.samples import ENVOY_ARTICLE, SECOND_ARTICLE


def ingest_both(client: TestClient) -> None:
    for article in (ENVOY_ARTICLE, SECOND_ARTICLE):
        assert client.post("/articles", json=article).status_code == 201


def test_ndjson_export_streams_every_match(client: TestClient) -> None:
    ingest_both(client)
    paged = client.get("/statements", params={"actor": "Halvorsen", "limit": 500}).json()["items"]
    for request in (
        {"params": {"actor": "Halvorsen", "format": "ndjson", "limit": 1}},
        {"params": {"actor": "Halvorsen"}, "headers": {"accept": "application/x-ndjson"}},
    ):
        response = client.get("/statements", **request)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/x-ndjson")
        assert "etag" not in response.headers
        lines = [json.loads(line) for line in response.text.splitlines()]
        assert lines == paged


def test_csv_export_has_flat_columns(client: TestClient) -> None:
    ingest_both(client)
    response = client.get("/statements", params={"format": "csv", "kind": "direct"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    expected = client.get("/statements", params={"kind": "direct"}).json()["items"]
    assert [int(r["id"]) for r in rows] == [i["id"] for i in expected]
    first = rows[0]
    assert {"speaker_name", "venue_name", "span_start", "article_url", "date"} <= set(first)
    assert first["speaker_name"] == expected[0]["speaker"]["name"]
    assert first["content"] == expected[0]["content"]

    positions = client.get("/positions", headers={"accept": "text/csv"})
    header = next(csv.reader(io.StringIO(positions.text)))
    assert header[:3] == ["id", "type", "content"] and "target_name" in header


def test_empty_csv_still_has_its_header(client: TestClient) -> None:
    response = client.get("/statements", params={"format": "csv", "actor": "Nobody"})
    assert response.status_code == 200
    assert response.text.splitlines()[0].startswith("id,kind,content,")
    assert len(response.text.splitlines()) == 1


def test_etag_and_304(client: TestClient) -> None:
    ingest_both(client)
    first = client.get("/statements", params={"actor": "Halvorsen"})
    etag = first.headers["etag"]
    unchanged = client.get("/statements", params={"actor": "Halvorsen"}, headers={"if-none-match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged.headers["etag"] == etag
    other = client.get("/statements", params={"actor": "Halvorsen", "kind": "direct"}, headers={"if-none-match": etag})
    assert other.status_code == 200 and other.headers["etag"] != etag
    client.post("/articles", json={"text": "Ingrid Halvorsen said on Monday the border would reopen."})
    changed = client.get("/statements", params={"actor": "Halvorsen"}, headers={"if-none-match": etag})
    assert changed.status_code == 200


def test_cors_only_when_configured(client: TestClient, database_url: str, session: Session) -> None:
    origin = {"origin": "https://dash.example.org"}
    assert "access-control-allow-origin" not in client.get("/statements", headers=origin).headers
    app = create_app(make_settings(database_url, parley_cors_origins="https://dash.example.org"))
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as browser:
        response = browser.get("/statements", headers=origin)
        assert response.headers["access-control-allow-origin"] == "https://dash.example.org"
        assert "ETag" in response.headers["access-control-expose-headers"]
        preflight = browser.options("/statements", headers={**origin, "access-control-request-method": "GET"})
        assert preflight.status_code == 200

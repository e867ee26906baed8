"""One statement reported by several outlets is one group with several sources."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient

WIRE = {
    "url": "https://wire.example.org/a", "source": "Wire", "published_at": "2021-06-02",
    "text": "\u201cWe will not sign a deal that divides the valley,\u201d Ingrid Halvorsen told reporters in Oslo on Tuesday.",
}
PAPER = {
    "url": "https://paper.example.org/b", "source": "Paper", "published_at": "2021-06-01",
    "text": "Ingrid Halvorsen was blunt. \u201cWe will not sign a deal that divides the valley,\u201d she said on Tuesday in Oslo.",
}
OTHER = {
    "url": "https://paper.example.org/c", "source": "Paper", "published_at": "2021-06-03",
    "text": "\u201cThe observers arrive next month,\u201d Ingrid Halvorsen said on Wednesday.",
}


def test_group_true_gives_one_item_per_statement_with_its_sources(client: TestClient) -> None:
    ids = [client.post("/articles", json=a).json()["id"] for a in (WIRE, PAPER, OTHER)]
    flat = client.get("/statements", params={"actor": "Halvorsen"}).json()["items"]
    assert len(flat) == 3
    assert flat[0]["group_id"] == flat[1]["group_id"] != flat[2]["group_id"]

    grouped = client.get("/statements", params={"actor": "Halvorsen", "group": "true"}).json()["items"]
    assert len(grouped) == 2
    first, second = grouped
    assert sorted(a["id"] for a in first["sources"]) == sorted(ids[:2])
    assert first["first_reported"] == "2021-06-01"
    assert [a["id"] for a in second["sources"]] == [ids[2]]

    lines = [json.loads(x) for x in client.get("/statements", params={"group": "true", "format": "ndjson"}).text.splitlines()]
    assert [len(x["sources"]) for x in lines] == [2, 1]
    rows = list(csv.DictReader(io.StringIO(client.get("/statements", params={"group": "true", "format": "csv"}).text)))
    assert len(json.loads(rows[0]["sources"])) == 2


def test_deleting_the_first_report_keeps_the_group(client: TestClient) -> None:
    wire = client.post("/articles", json=WIRE).json()["id"]
    paper = client.post("/articles", json=PAPER).json()["id"]
    assert client.delete(f"/articles/{wire}").status_code == 204
    grouped = client.get("/statements", params={"group": "true"}).json()["items"]
    assert [[a["id"] for a in g["sources"]] for g in grouped] == [[paper]]

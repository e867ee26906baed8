"""Positions as a queryable record: every party, context flags, certainty, topics across
articles and the stance timeline. Texts are invented for these tests."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

FIRST = {
    "url": "https://news.example.org/border-1",
    "published_at": "2021-05-03",
    "text": "Ostland demanded on Monday that Varania withdraw its troops from the border region.\n\n"
            "Varania rejected the demand to pull its troops back from the border region.\n\n"
            "Norvia proposed new fishing quotas for cod in the northern sea.",
}
SECOND = {
    "url": "https://news.example.org/border-2",
    "published_at": "2021-06-10",
    "text": "Varania agreed on Thursday to withdraw its troops from the border region by July.\n\n"
            "Ostland and Norvia accused Varania of breaking the cod fishing quotas.\n\n"
            "Varania will not accept any new fishing quotas, its foreign minister said.",
}


def post_both(client: TestClient) -> None:
    for article in (FIRST, SECOND):
        assert client.post("/articles", json=article).status_code == 201


def positions(client: TestClient, **params: object) -> list[dict]:
    response = client.get("/positions", params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_a_position_lists_every_holder_and_addressee(client: TestClient) -> None:
    post_both(client)
    [accusation] = positions(client, type="criticize")
    assert [a["name"] for a in accusation["actors"]] == ["Ostland", "Norvia"]
    assert [t["name"] for t in accusation["targets"]] == ["Varania"]
    # `actor` matches any holder, `target` any addressee.
    assert accusation["id"] in {p["id"] for p in positions(client, actor="Norvia")}
    norvia = accusation["actors"][1]["id"]
    assert client.get(f"/actors/{norvia}").json()["position_count"] == 2  # its proposal and the joint accusation
    assert accusation["id"] in {p["id"] for p in client.get(f"/actors/{norvia}/positions").json()["items"]}
    assert {p["type"] for p in positions(client, target="Varania")} == {"demand", "criticize"}
    network = client.get("/stats/network").json()
    edges = {(e["source"]["name"], e["target"]["name"]) for e in network}
    assert {("Ostland", "Varania"), ("Norvia", "Varania")} <= edges


def test_context_flags_and_certainty_are_kept_and_filterable(client: TestClient) -> None:
    post_both(client)
    [refusal] = positions(client, future="true")
    assert (refusal["type"], refusal["negated"], refusal["future"]) == ("reject", False, True)
    assert refusal["codes"]["plover"] == "REJECT"
    assert refusal["id"] not in {p["id"] for p in positions(client, future="false")}
    assert all(p["certainty"] == 1.0 for p in positions(client, certainty=0.9))
    assert client.get("/positions", params={"certainty": 2}).status_code == 422


def test_full_text_over_position_content(client: TestClient) -> None:
    post_both(client)
    found = positions(client, q="quota*")
    assert found and all("quota" in p["content"] for p in found)
    assert positions(client, q='"border region"', actor="Varania")
    assert positions(client, q="zeppelin") == []


def test_positions_on_two_matters_fall_into_two_topics_across_articles(client: TestClient) -> None:
    post_both(client)
    by_type = {p["type"]: p for p in positions(client, limit=50)}
    troops = {by_type[t]["topic"]["id"] for t in ("demand", "agree")}
    fishing = {by_type[t]["topic"]["id"] for t in ("propose", "criticize")}
    assert len(troops) == 1 and len(fishing) == 1 and troops != fishing
    listed = client.get("/topics").json()["items"]
    assert {t["id"] for t in listed} >= troops | fishing
    [troop_topic] = troops
    topic = client.get(f"/topics/{troop_topic}").json()
    assert len(topic["label"].split()) <= 5 and topic["position_count"] >= 2
    assert {a["actor"]["name"] for a in topic["actors"]} >= {"Ostland", "Varania"}
    on_topic = positions(client, topic=troop_topic)
    assert {p["topic"]["id"] for p in on_topic} == {troop_topic}
    assert client.get("/topics", params={"actor": "Ostland"}).json()["items"]
    assert client.get("/topics/999999").status_code == 404


def test_the_timeline_marks_where_an_actor_changed_its_stance(client: TestClient) -> None:
    post_both(client)
    by_type = {p["type"]: p for p in positions(client, limit=50)}
    timeline = client.get(f"/topics/{by_type['agree']['topic']['id']}/timeline").json()
    varania = next(a for a in timeline["actors"] if a["actor"]["name"] == "Varania")
    types = [p["type"] for p in varania["positions"]]
    dates = [p["date"] for p in varania["positions"]]
    assert dates == sorted(dates)
    assert types == ["reject", "agree"]
    assert varania["positions"][1]["changed"] and varania["positions"][1]["change"] == "reject -> agree"
    assert not varania["positions"][0]["changed"]
    assert timeline["topic"]["label"] and timeline["topic"]["actor_count"] >= 2
    assert client.get("/topics/999999/timeline").status_code == 404



def test_position_exports_carry_parties_flags_and_topic(client: TestClient) -> None:
    post_both(client)
    lines = client.get("/positions", params={"format": "csv"}).text.splitlines()
    header = lines[0].split(",")
    assert {"actors", "targets", "negated", "future", "certainty", "topic_id", "topic_label"} <= set(header)
    assert len(lines) == 1 + len(positions(client, limit=50))
    rows = [json.loads(line) for line in client.get("/positions", params={"format": "ndjson"}).text.splitlines()]
    assert any(len(r["actors"]) == 2 for r in rows)

"""GET /statements, /positions, /actors, /venues: who said what, where and when."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.samples import ENVOY_ARTICLE, SECOND_ARTICLE


def ingest(client: TestClient, *articles: dict) -> list[int]:
    ids = []
    for article in articles:
        response = client.post("/articles", json=article)
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    return ids


def test_statements_by_actor_surname_any_case_and_accents(client: TestClient) -> None:
    ingest(client, ENVOY_ARTICLE, SECOND_ARTICLE)
    for query in ("Ingrid Halvorsen", "Halvorsen", "halvorsen", "HALVÖRSEN", "ingrid-halvorsen"):
        items = client.get("/statements", params={"actor": query}).json()["items"]
        assert len(items) >= 4, query
        assert {i["speaker"]["name"] for i in items} == {"Ingrid Halvorsen"}
    assert client.get("/statements", params={"actor": "Nobody Known"}).json()["items"] == []


def test_statement_shape(client: TestClient) -> None:
    [article_id] = ingest(client, ENVOY_ARTICLE)
    items = client.get("/statements", params={"actor": "Halvorsen", "kind": "direct"}).json()["items"]
    assert len(items) == 1
    item = items[0]
    assert set(item) >= {
        "id", "kind", "content", "speaker", "speaker_mention", "venue", "date", "span", "article",
    }
    assert item["speaker"]["kind"] == "person"
    assert item["speaker_mention"] == "Halvorsen"
    assert item["venue"]["name"] == "press conference in Vienna"
    assert item["venue"]["kind"] == "press_conference"
    assert item["article"] == {
        "id": article_id,
        "url": ENVOY_ARTICLE["url"],
        "title": ENVOY_ARTICLE["title"],
        "source": ENVOY_ARTICLE["source"],
        "published_at": "2019-03-15",
    }
    text = ENVOY_ARTICLE["text"]
    assert text[item["span"]["start"] : item["span"]["end"]] == item["content"]
    assert client.get(f"/statements/{item['id']}").json() == item


def test_said_on_is_resolved_against_the_publication_date(client: TestClient) -> None:
    ingest(client, ENVOY_ARTICLE)
    items = client.get("/statements", params={"actor": "Halvorsen", "kind": "indirect"}).json()["items"]
    first = min(items, key=lambda i: i["span"]["start"])
    assert first["date"] == "2019-03-14"  # "on Thursday", published Friday 15 March


def test_filters_by_venue_and_its_variants(client: TestClient) -> None:
    ingest(client, ENVOY_ARTICLE, SECOND_ARTICLE)
    council = client.get("/statements", params={"venue": "UN Security Council"}).json()["items"]
    assert council and {i["venue"]["name"] for i in council} == {"UN Security Council"}
    for variant in ("UNSC", "security council", "United Nations Security Council"):
        assert client.get("/statements", params={"venue": variant}).json()["items"] == council
    assembly = client.get("/statements", params={"venue": "UNGA"}).json()["items"]
    assert assembly and all(i["venue"]["name"] == "UN General Assembly" for i in assembly)
    talks = client.get("/statements", params={"venue": "Tbilisi talks"}).json()["items"]
    assert talks and all(i["venue"]["name"] == "Tbilisi talks" for i in talks)


def test_filters_by_date_range_and_combines(client: TestClient) -> None:
    ingest(client, ENVOY_ARTICLE, SECOND_ARTICLE)
    march = client.get("/statements", params={"from": "2019-03-01", "to": "2019-03-31"}).json()["items"]
    april = client.get("/statements", params={"from": "2019-04-01", "to": "2019-04-30"}).json()["items"]
    assert march and april
    assert all("2019-03" in i["date"] for i in march)
    assert all("2019-04" in i["date"] for i in april)
    both = client.get(
        "/statements", params={"actor": "Halvorsen", "from": "2019-04-01", "venue": "UNSC"}
    ).json()["items"]
    assert both and all(i["date"] >= "2019-04-01" for i in both)


def test_keyset_pages_cover_everything_once(client: TestClient) -> None:
    ingest(client, ENVOY_ARTICLE, SECOND_ARTICLE)
    everything = client.get("/statements", params={"limit": 500}).json()["items"]
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get("/statements", params=params).json()
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [i["id"] for i in everything]


def test_positions_actors_and_venues(client: TestClient) -> None:
    ingest(client, ENVOY_ARTICLE)
    positions = client.get("/positions").json()["items"]
    assert positions
    assert all(p["type"] in {
        "demand", "reject", "propose", "agree", "support", "criticize", "threaten", "deny", "intend"
    } for p in positions)
    canada = client.get("/positions", params={"actor": "Canada"}).json()["items"]
    assert {p["type"] for p in canada} >= {"propose"}

    actors = client.get("/actors", params={"q": "halvor"}).json()["items"]
    assert [a["name"] for a in actors] == ["Ingrid Halvorsen"]
    assert actors[0]["statement_count"] >= 3
    assert "Halvorsen" in actors[0]["aliases"]
    detail = client.get(f"/actors/{actors[0]['id']}").json()
    assert {k: detail[k] for k in actors[0]} == actors[0]
    assert (detail["first_date"], detail["last_date"]) == ("2019-03-14", "2019-03-15")
    assert detail["top_venues"][0]["name"] == "press conference in Vienna"
    assert detail["top_venues"][0]["statement_count"] >= 1

    venues = {v["name"]: v for v in client.get("/venues").json()}
    assert "UN General Assembly" in venues
    assert "UNGA" in venues["UN General Assembly"]["aliases"]
    assert [v["name"] for v in client.get("/venues", params={"q": "UNGA"}).json()] == ["UN General Assembly"]


def test_health(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"model": True, "database": True}


def test_from_and_to_take_a_month_or_a_year(client: TestClient) -> None:
    ingest(client, ENVOY_ARTICLE, SECOND_ARTICLE)
    def dates(**params: str) -> set[str]:
        return {i["date"][:7] for i in client.get("/statements", params=params).json()["items"]}
    assert dates(**{"from": "2019-04"}) == {"2019-04"}
    assert dates(to="2019-03") == {"2019-03"}
    assert dates(**{"from": "2019-03", "to": "2019-03"}) == {"2019-03"}
    assert dates(**{"from": "2019", "to": "2019"}) == {"2019-03", "2019-04"}
    assert dates(to="2018") == set()
    for bad in ("2019-13", "2019-02-30", "19-03", "March"):
        response = client.get("/statements", params={"from": bad})
        assert response.status_code == 422, bad
        assert response.headers["content-type"].startswith("application/problem+json")


def test_matched_actors_says_whom_a_name_matched(client: TestClient) -> None:
    ingest(client, ENVOY_ARTICLE)
    client.post("/articles", json={"text": "Lars Halvorsen, the trade minister, said on Monday that tariffs would fall."})
    body = client.get("/statements", params={"actor": "Halvorsen"}).json()
    names = sorted(a["name"] for a in body["matched_actors"])
    assert names == ["Ingrid Halvorsen", "Lars Halvorsen"]
    assert {i["speaker"]["name"] for i in body["items"]} == set(names)
    only = client.get("/statements", params={"actor": "Lars Halvorsen"}).json()
    assert [a["name"] for a in only["matched_actors"]] == ["Lars Halvorsen"]
    assert client.get("/statements").json()["matched_actors"] is None
    # Several matched actors are paged one by one and merged: same rows, same order.
    everyone = [i["id"] for i in body["items"]]
    assert everyone == sorted(everyone)
    seen, cursor = [], None
    while True:
        page = client.get("/statements", params={"actor": "Halvorsen", "limit": 1, **({"cursor": cursor} if cursor else {})}).json()
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == everyone


def test_actor_search_is_ranked_and_forgives_spelling(client: TestClient, session) -> None:  # type: ignore[no-untyped-def]
    from app import extraction
    from app.services.registry import get_or_create_actor

    for name in ("Halvorsen Institute", "Ingrid Halvorsen", "Old Halvorsenite League", "Maria Olsen"):
        kind = "person" if name.count(" ") == 1 else "organisation"
        get_or_create_actor(session, extraction.ActorRef(name=name, kind=kind))
    session.commit()
    names = [a["name"] for a in client.get("/actors", params={"q": "halvorsen"}).json()["items"]]
    assert names == ["Ingrid Halvorsen", "Halvorsen Institute", "Old Halvorsenite League"]
    assert [a["name"] for a in client.get("/actors", params={"q": "Halvorson"}).json()["items"]][0] == "Ingrid Halvorsen"
    assert [a["name"] for a in client.get("/actors", params={"q": "Maria Olsn"}).json()["items"]] == ["Maria Olsen"]
    assert client.get("/actors", params={"q": "zzzzqqq"}).json()["items"] == []


def test_position_detail_codes_and_actor_positions(client: TestClient) -> None:
    ingest(client, ENVOY_ARTICLE)
    [proposal] = client.get("/positions", params={"actor": "Canada", "type": "propose"}).json()["items"]
    assert proposal["codes"]["plover"] == "AGREE" and proposal["codes"]["cameo"] == "036"
    detail = client.get(f"/positions/{proposal['id']}").json()
    text = ENVOY_ARTICLE["text"]
    assert detail["evidence"] == "At the UN General Assembly, Canada presented a draft resolution that demands unhindered aid access to the valley."
    assert text[detail["evidence_span"]["start"] : detail["evidence_span"]["end"]] == detail["evidence"]
    assert client.get("/positions/999999").status_code == 404
    canada = proposal["actor"]["id"]
    mine = client.get(f"/actors/{canada}/positions").json()["items"]
    assert proposal["id"] in [p["id"] for p in mine] and {p["actor"]["id"] for p in mine} == {canada}
    assert client.get("/actors/999999/positions").status_code == 404


def test_every_statement_tells_how_its_speaker_was_resolved(client: TestClient) -> None:
    client.post("/articles", json=ENVOY_ARTICLE)
    items = client.get("/statements", params={"actor": "Halvorsen"}).json()["items"]
    assert items
    methods = {s["resolution"]["method"] for s in items}
    assert methods <= {"name", "alias", "surname", "pronoun", "title", "office", "group", "description"}
    by_method = {s["resolution"]["method"]: s for s in items}
    # `She added that ...` is a pronoun resolved to the envoy; its words are kept.
    assert by_method["pronoun"]["resolution"]["matched"] == "She"
    assert all(0 < s["resolution"]["confidence"] <= 1 for s in items)


def test_a_role_the_article_never_names_resolves_to_the_office_holder(client: TestClient, session) -> None:  # type: ignore[no-untyped-def]
    from app.services.seed import seed_registry

    seed_registry(session)
    article = {"text": "The Russian foreign minister said on Tuesday that the talks would resume in spring.",
               "published_at": "2016-05-12"}
    assert client.post("/articles", json=article).status_code == 201
    [statement] = client.get("/statements", params={"actor": "Lavrov"}).json()["items"]
    assert statement["speaker"]["name"] == "Sergey Lavrov"
    assert statement["resolution"]["method"] == "office"
    assert statement["resolution"]["matched"] == "The Russian foreign minister"
    assert statement["date"] == "2016-05-10"


def test_source_filters_by_the_articles_outlet(client: TestClient) -> None:
    other = {**SECOND_ARTICLE, "url": "https://elsewhere.example.net/x", "source": "Other Daily",
             "text": SECOND_ARTICLE["text"].replace("Monday", "Tuesday")}
    ingest(client, ENVOY_ARTICLE, other)
    wire = client.get("/statements", params={"source": "Example Wire"}).json()["items"]
    daily = client.get("/statements", params={"source": "Other Daily"}).json()["items"]
    assert wire and daily
    assert {s["article"]["source"] for s in wire} == {"Example Wire"}
    assert {s["article"]["source"] for s in daily} == {"Other Daily"}
    both = client.get("/statements", params=[("source", "Example Wire"), ("source", "Other Daily")]).json()["items"]
    assert len(both) == len(wire) + len(daily)
    assert client.get("/positions", params={"source": "Nobody"}).json()["items"] == []


def test_list_pages_are_the_documented_model_with_link_and_etag(client: TestClient) -> None:
    # Pages are serialised once by the route (a Response FastAPI passes through), not
    # validated again against `response_model`: the body must still be exactly that model.
    from app.models import FilteredPage, Page, PositionPublic, StatementPublic

    ingest(client, ENVOY_ARTICLE, SECOND_ARTICLE)
    first = client.get("/statements", params={"limit": 2, "actor": "Halvorsen"})
    assert first.headers["content-type"] == "application/json"
    body = first.json()
    assert FilteredPage[StatementPublic].model_validate(body).model_dump(mode="json") == body
    assert body["matched_actors"][0]["name"] == "Ingrid Halvorsen"
    link = first.headers["link"]
    assert link.startswith("<") and link.endswith('>; rel="next"') and f"cursor={body['next_cursor']}" in link
    again = client.get("/statements", params={"limit": 2, "actor": "Halvorsen"},
                       headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    positions = client.get("/positions", params={"limit": 1}).json()
    assert FilteredPage[PositionPublic].model_validate(positions).model_dump(mode="json") == positions
    assert positions["matched_actors"] is None
    articles = client.get("/articles", params={"limit": 1}).json()
    assert set(articles) == {"items", "next_cursor"}
    assert Page[dict].model_validate(articles).next_cursor is not None


def test_the_request_session_hands_its_connection_back(database_url: str) -> None:
    # The real session dependency (the other tests share theirs): it opens on the event
    # loop and closes in the thread pool once the request has read.
    from app.main import create_app
    from tests.conftest import make_settings

    app = create_app(make_settings(database_url))
    with TestClient(app) as client:
        for _ in range(3):
            assert client.get("/statements", params={"actor": "Nobody Known"}).status_code == 200
        assert app.state.engine.pool.checkedout() == 0

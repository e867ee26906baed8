"""`parley synth`: a synthetic but realistic corpus for timing queries at scale.

Actors follow a Zipf law (a few speak very often, most rarely), dates spread over ten
years, contents are sentences from a diplomatic vocabulary so full-text search has
real work to do. Rows go in through the same tables in bulk INSERTs, batch by batch.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Engine
from tqdm import tqdm

from app.models import (
    Actor,
    ActorAlias,
    Article,
    Position,
    PositionParty,
    Statement,
    Venue,
    VenueAlias,
    last_word,
)
from app.services.aggregates import rebuild_sql
from app.services.registry import name_key

BATCH = 10_000
FIRST_DAY = date(2015, 1, 1)
DAYS = 3653
_SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vor", "sa", "del", "no", "an", "bel", "ri", "os", "ta",
              "mar", "en", "li", "go", "har", "us", "vi", "dan", "el", "por", "zu", "ek", "in", "al"]
_WORDS = ("ceasefire talks sanctions corridor evacuation aid access withdrawal troops border "
          "agreement proposal resolution negotiations delegation envoy council vote monitoring "
          "prisoners exchange elections constitution reconstruction refugees humanitarian truce "
          "guarantees timetable security zone observers deadline framework roadmap dialogue").split()
_VERBS = ["must", "will", "cannot", "should", "may", "would never"]
_KINDS = ["direct", "indirect", "indirect", "mixed"]
_TYPES = ["demand", "reject", "propose", "agree", "support", "criticize", "threaten", "deny", "intend"]


def _name(rng: random.Random, words: int) -> str:
    return " ".join(
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(words)
    )


def _sentence(rng: random.Random) -> str:
    words = rng.sample(_WORDS, 6)
    return f"The {words[0]} {rng.choice(_VERBS)} {words[1]} the {words[2]} before {words[3]} on {words[4]} {words[5]}"


def _insert(engine: Engine, table: Any, rows: list[dict[str, Any]]) -> None:
    with engine.begin() as connection:
        connection.execute(insert(table), rows)


class NotEmpty(Exception):
    pass


def synthesize(engine: Engine, *, statements: int, seed: int = 7) -> dict[str, int]:
    """Fill the (migrated, empty) database behind `engine`; returns the row counts."""
    with engine.connect() as connection:
        if connection.execute(select(func.count()).select_from(Actor)).scalar():
            raise NotEmpty("synth fills an empty database; this one already has actors")
    rng = random.Random(seed)
    now = datetime.now(timezone.utc)
    n_articles = max(1, statements // 10)
    n_actors = max(1, statements // 50)
    n_venues = min(500, max(1, statements // 100))

    actor_rows, seen = [], set()
    while len(actor_rows) < n_actors:
        i = len(actor_rows)
        kind = "person" if i % 5 else rng.choice(["state", "organisation", "group"])
        name = _name(rng, 2 if kind == "person" else 1)
        if name_key(name) in seen:
            continue
        seen.add(name_key(name))
        actor_rows.append({"id": i + 1, "name": name, "name_key": name_key(name), "kind": kind, "updated_at": now,
                           "last_word": last_word(name_key(name))})
    venue_rows = []
    for i in range(n_venues):
        place = _name(rng, 1) + f"{i}"
        kind = ["talks", "press_conference", "body", "conference"][i % 4]
        name = {"talks": f"{place} talks", "press_conference": f"press conference in {place}",
                "body": f"{place} Council", "conference": f"{place} Conference"}[kind]
        venue_rows.append({"id": i + 1, "name": name, "name_key": name_key(name), "kind": kind, "place": place})

    _insert(engine, Actor, actor_rows)
    _insert(engine, ActorAlias, [{"actor_id": a["id"], "alias": a["name"], "alias_key": a["name_key"],
                                  "last_word": a["last_word"]} for a in actor_rows])
    _insert(engine, Venue, venue_rows)
    _insert(engine, VenueAlias, [{"venue_id": v["id"], "alias": v["name"], "alias_key": v["name_key"]} for v in venue_rows])

    # Zipf: the actor of rank r speaks with weight 1/r.
    weights = [1 / (r + 1) for r in range(n_actors)]
    counts = {"articles": 0, "statements": 0, "positions": 0}
    per_article = statements / n_articles
    statement_id = position_id = 0
    progress = tqdm(total=statements, desc="synth statements", unit="st")
    for first in range(0, n_articles, BATCH // 10):
        articles, rows, positions, parties = [], [], [], []
        for article_id in range(first + 1, min(n_articles, first + BATCH // 10) + 1):
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            body = f"Synthetic article {article_id}."
            articles.append({"id": article_id, "url": f"https://synthetic.example/{article_id}", "title": None,
                             "source": f"Outlet {article_id % 40}", "published_at": day, "text": body,
                             "content_hash": hashlib.sha256(body.encode()).hexdigest(), "ingested_at": now,
                             "updated_at": now, "extractor_version": "synthetic"})
            target = round(per_article * article_id) - round(per_article * (article_id - 1))
            speakers = rng.choices(range(1, n_actors + 1), weights=weights, k=target)
            for actor_id in speakers:
                statement_id += 1
                content = _sentence(rng)
                venue_id = rng.randint(1, n_venues) if rng.random() < 0.7 else None
                said_on = day - timedelta(days=rng.choice([0, 0, 0, 1, 2]))
                rows.append({"id": statement_id, "article_id": article_id, "actor_id": actor_id, "venue_id": venue_id,
                             "kind": rng.choice(_KINDS), "content": content, "content_start": 0,
                             "content_end": len(content), "speaker_mention": None, "speaker_start": None,
                             "speaker_end": None, "resolution_method": "name",
                             "resolution_matched": None, "resolution_confidence": 0.95, "cue": "said", "said_on": said_on,
                             "confidence": 0.9, "updated_at": now, "group_id": statement_id})
                if rng.random() < 0.2:
                    position_id += 1
                    positions.append({"id": position_id, "article_id": article_id, "statement_id": statement_id,
                                      "actor_id": actor_id, "target_id": rng.choices(range(1, n_actors + 1), weights=weights)[0],
                                      "venue_id": venue_id, "type": rng.choice(_TYPES), "content": content,
                                      "content_start": 0, "content_end": len(content), "said_on": said_on,
                                      "confidence": 0.8, "updated_at": now, "certainty": 1.0, "negated": False,
                                      "hypothetical": False, "future": False, "historical": False,
                                      "topic_id": None})
                    parties += [{"position_id": position_id, "role": "actor", "actor_id": actor_id, "ordinal": 0}]
                    target_id = positions[-1]["target_id"]
                    if target_id != actor_id:
                        parties += [{"position_id": position_id, "role": "target", "actor_id": target_id, "ordinal": 1}]
        with engine.begin() as connection:  # one article batch, all or nothing
            connection.execute(insert(Article), articles)
            connection.execute(insert(Statement), rows)
            if positions:
                connection.execute(insert(Position), positions)
                connection.execute(insert(PositionParty), parties)
        counts["articles"] += len(articles)
        counts["statements"] += len(rows)
        counts["positions"] += len(positions)
        progress.update(len(rows))
    progress.close()
    with engine.begin() as connection:
        connection.exec_driver_sql(rebuild_sql(engine.dialect.name))
    if engine.dialect.name == "postgresql":
        # Ids were given explicitly: move each sequence past them for later inserts.
        with engine.begin() as connection:
            for table in ("actor", "actor_alias", "venue", "venue_alias", "article", "statement", "position"):
                connection.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM \"{table}\"), 1))"
                ))
    return {**counts, "actors": n_actors, "venues": n_venues}

"""Topics: positions about one matter, grouped across articles as they are stored, and
the stance timeline of each actor on a topic.

Matching is app/extraction/topics (pure). Here: the stored topics as a matching index
kept per process and refreshed incrementally, a topic joined or started per position,
and the read side (/topics, /topics/{id}, /topics/{id}/timeline).
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.errors import NotFound
from app.extraction import topics as matching
from app.models import (
    Actor,
    Position,
    PositionParty,
    Topic,
    TopicActor,
    TopicDetail,
    TopicPublic,
    TopicTimeline,
    TimelineActor,
    TimelineEntry,
)
from app.services.pagination import decode_cursor, split_page
from app.services.views import actor_ref

# Member contents a label is made from (the most recent).
LABEL_SAMPLE = 20
# Rows committed this long before the newest one seen may still arrive (a slow writer in
# another process): each refresh reads back that far.
COMMIT_LAG = timedelta(seconds=60)


class _Index:
    """The stored topics as one process's matching index, refreshed by `updated_at`:
    only topics changed since the last look (by another process, too) are read again."""

    def __init__(self) -> None:
        self.index = matching.TopicIndex()
        self.versions: dict[int, datetime] = {}  # topic id -> updated_at as last read
        self.seen: datetime | None = None

    def refresh(self, session: Session, *, full: bool = False) -> matching.TopicIndex:
        if full:
            self.index, self.versions, self.seen = matching.TopicIndex(), {}, None
        recent = select(Topic.id, Topic.updated_at)
        if self.seen is not None:
            recent = recent.where(Topic.updated_at >= self.seen - COMMIT_LAG)
        changed = [i for i, updated_at in session.exec(recent).all() if self.versions.get(i) != updated_at]
        for start in range(0, len(changed), 500):
            rows = session.exec(
                select(Topic.id, Topic.centroid, Topic.terms, Topic.size, Topic.updated_at)
                .where(col(Topic.id).in_(changed[start : start + 500]))
            ).all()
            for topic_id, centroid, terms, size, updated_at in rows:
                self.note(_as_match(topic_id, centroid, terms, size), updated_at)
        return self.index

    def note(self, topic: matching.Topic, updated_at: datetime) -> None:
        self.index.put(topic)
        self.versions[topic.id] = updated_at  # type: ignore[index]
        self.seen = max(self.seen or updated_at, updated_at)


_indexes: dict[str, _Index] = {}


def _index_for(session: Session, *, full: bool = False) -> _Index:
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    cached = _indexes.setdefault(url, _Index())
    cached.refresh(session, full=full)
    return cached


def _best_topic(session: Session, index: _Index, vector: np.ndarray, terms: tuple[str, ...]) -> Topic | None:
    """The stored topic the position fits best, if any. A cached topic that is gone or
    differs from its row (a rolled-back write) reloads the whole index once."""
    for attempt in range(2):
        if attempt:
            index.refresh(session, full=True)
        found = index.index.match(vector, terms)
        if found is None:
            return None
        topic = session.get(Topic, found.topic_id)
        cached = index.index.get(found.topic_id)
        if topic is not None and topic.centroid == matching.vector_to_bytes(cached.centroid):
            return topic
    return None


def _as_match(topic_id: int, centroid: bytes, terms: str, size: int) -> matching.Topic:
    return matching.Topic(topic_id, matching.vector_from_bytes(centroid), json.loads(terms), size)


def embed_contents(contents: list[str]) -> np.ndarray | None:
    """The contents' embeddings, computed before the write transaction opens."""
    return matching.embed(contents) if contents else None


def assign_topics(session: Session, positions: list[Position], vectors: np.ndarray) -> None:
    """Each position joins the best-matching stored topic, or starts one (`topic_id`)."""
    index = _index_for(session)  # read once per article; its own topics are noted as made
    for position, vector in zip(positions, vectors):
        terms = matching.topic_terms(position.content)
        topic = _best_topic(session, index, vector, terms)
        if topic is None:
            topic = Topic(label=matching.label_for([position.content])[:200],
                          terms=json.dumps(matching.add_terms({}, terms)),
                          centroid=matching.vector_to_bytes(vector), size=1, model=matching.EMBEDDING_MODEL)
        else:
            joined = matching.join_topic(_as_match(topic.id, topic.centroid, topic.terms, topic.size), vector, terms)  # type: ignore[arg-type]
            recent = session.exec(
                select(Position.content).where(Position.topic_id == topic.id)
                .order_by(col(Position.id).desc()).limit(LABEL_SAMPLE - 1)
            ).all()
            topic.label = matching.label_for([position.content, *recent])[:200]
            topic.terms = json.dumps(dict(joined.term_counts))
            topic.centroid = matching.vector_to_bytes(joined.centroid)
            topic.size = joined.size
        session.add(topic)
        session.flush()
        index.note(_as_match(topic.id, topic.centroid, topic.terms, topic.size), topic.updated_at)  # type: ignore[arg-type]
        position.topic_id = topic.id
        session.add(position)


def leave_topics(session: Session, article_id: int) -> None:
    """The article's positions leave their topics (before it is deleted). The centroid
    keeps their share: a mean cannot be un-averaged without its members' vectors."""
    counts = session.exec(
        select(Position.topic_id, func.count()).where(Position.article_id == article_id, col(Position.topic_id).is_not(None))
        .group_by(Position.topic_id)
    ).all()
    for topic_id, n in counts:
        topic = session.get(Topic, topic_id)
        if topic is not None:
            topic.size = max(topic.size - n, 0)
            session.add(topic)


# --- reading --------------------------------------------------------------------


def _public(topic: Topic, actors: int, first: Any, last: Any) -> TopicPublic:
    counts: dict[str, int] = json.loads(topic.terms)
    top = sorted(counts, key=lambda t: (-counts[t], t))[:8]
    return TopicPublic(id=topic.id, label=topic.label, position_count=topic.size, actor_count=actors,  # type: ignore[arg-type]
                       first_date=first, last_date=last, terms=top, updated_at=topic.updated_at)


def _summaries(session: Session, topics: list[Topic]) -> list[TopicPublic]:
    ids = [t.id for t in topics]
    rows = session.exec(
        select(Position.topic_id, func.count(func.distinct(PositionParty.actor_id)),
               func.min(Position.said_on), func.max(Position.said_on))
        .join(PositionParty, (PositionParty.position_id == Position.id) & (PositionParty.role == "actor"), isouter=True)
        .where(col(Position.topic_id).in_(ids)).group_by(Position.topic_id)
    ).all() if ids else []
    facts = {topic_id: (n, first, last) for topic_id, n, first, last in rows}
    return [_public(t, *facts.get(t.id, (0, None, None))) for t in topics]


def list_topics(
    session: Session, *, q: str | None, actor_ids: frozenset[int] | None, min_positions: int,
    limit: int, cursor: str | None,
) -> tuple[list[TopicPublic], str | None]:
    """Topics in id order (keyset pages): by words of their label, by an actor who took
    a position on them, with at least `min_positions` positions."""
    query = select(Topic).where(Topic.size >= min_positions)
    if q:
        for word in re.findall(r"\w+", q.casefold()):
            query = query.where(func.lower(Topic.label).contains(word) | func.lower(Topic.terms).contains(word))
    if actor_ids is not None:
        on_topic = (
            select(Position.topic_id).join(PositionParty, PositionParty.position_id == Position.id)
            .where(col(PositionParty.actor_id).in_(actor_ids), PositionParty.role == "actor")
        )
        query = query.where(col(Topic.id).in_(on_topic))
    after = decode_cursor(cursor)
    if after is not None:
        query = query.where(Topic.id > after)  # type: ignore[operator]
    rows = list(session.exec(query.order_by(Topic.id).limit(limit + 1)).all())
    page, next_cursor = split_page(rows, limit, rows[limit - 1].id if len(rows) > limit else None)
    return _summaries(session, page), next_cursor


def _topic(session: Session, topic_id: int) -> Topic:
    topic = session.get(Topic, topic_id)
    if topic is None:
        raise NotFound(f"No topic with id {topic_id}.")
    return topic


def _by_actor(session: Session, topic_id: int) -> list[tuple[Actor, list[Position]]]:
    """Each actor holding positions on the topic, with them in date order (undated last)."""
    rows = session.exec(
        select(Position, Actor)
        .join(PositionParty, (PositionParty.position_id == Position.id) & (PositionParty.role == "actor"))
        .join(Actor, col(Actor.id) == PositionParty.actor_id)
        .where(Position.topic_id == topic_id)
        .order_by(col(Position.said_on).is_(None), Position.said_on, Position.id)
    ).all()
    grouped: dict[int, tuple[Actor, list[Position]]] = {}
    for position, actor in rows:
        grouped.setdefault(actor.id, (actor, []))[1].append(position)  # type: ignore[arg-type]
    return list(grouped.values())


def read_topic(session: Session, topic_id: int) -> TopicDetail:
    """The topic with each actor involved: how many positions, which types, the latest."""
    topic = _topic(session, topic_id)
    summary = _summaries(session, [topic])[0]
    involved = [
        TopicActor(actor=actor_ref(actor), position_count=len(ps),  # type: ignore[arg-type]
                   types=sorted({p.type for p in ps}), latest_type=ps[-1].type, latest_date=ps[-1].said_on)
        for actor, ps in sorted(_by_actor(session, topic_id), key=lambda item: (-len(item[1]), item[0].id))
    ]
    return TopicDetail(**summary.model_dump(), actors=involved)


_NUMBER = re.compile(r"\d[\d,.]*")


def stance_change(before: Position, after: Position) -> str | None:
    """What changed between an actor's consecutive positions on a topic: the stance
    (`demand -> agree`), its context (`reject -> reject (negated)`), or a number."""
    def stance(p: Position) -> str:
        flags = [name for name in ("negated", "hypothetical") if getattr(p, name)]
        return p.type + (f" ({', '.join(flags)})" if flags else "")

    if stance(before) != stance(after):
        return f"{stance(before)} -> {stance(after)}"
    numbers_before, numbers_after = _NUMBER.findall(before.content), _NUMBER.findall(after.content)
    if numbers_before and numbers_after and numbers_before != numbers_after:
        return f"number {', '.join(numbers_before)} -> {', '.join(numbers_after)}"
    return None


def topic_timeline(session: Session, topic_id: int) -> TopicTimeline:
    """Each actor's positions on the topic in date order, marking where one changed."""
    topic = _topic(session, topic_id)
    timelines = []
    # Actors in the order they first took a position on it.
    for actor, positions in _by_actor(session, topic_id):
        entries = []
        for i, p in enumerate(positions):
            change = stance_change(positions[i - 1], p) if i else None
            entries.append(TimelineEntry(
                position_id=p.id, date=p.said_on, type=p.type, content=p.content,  # type: ignore[arg-type]
                certainty=p.certainty, negated=p.negated, hypothetical=p.hypothetical, future=p.future,
                historical=p.historical, article_id=p.article_id, changed=change is not None, change=change,
            ))
        timelines.append(TimelineActor(actor=actor_ref(actor), positions=entries))  # type: ignore[arg-type]
    return TopicTimeline(topic=_summaries(session, [topic])[0], actors=timelines)

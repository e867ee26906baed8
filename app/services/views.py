"""Rows -> public shapes, shared by every list and detail service."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy.orm import aliased, defer
from sqlmodel import Session, select

from app.models import (
    Actor,
    ActorRef,
    Article,
    ArticleRef,
    EventCodes,
    Position,
    PositionParty,
    PositionPublic,
    ResolutionPublic,
    SpanPublic,
    Statement,
    StatementPublic,
    Topic,
    TopicRef,
    Venue,
    VenueRef,
)

Target = aliased(Actor, name="target")

EVENT_CODES = Path(__file__).parent / "data" / "event_codes.json"


@lru_cache(maxsize=1)
def _event_codes() -> dict[str, EventCodes]:
    table = json.loads(EVENT_CODES.read_text(encoding="utf-8"))
    return {kind: EventCodes(**codes) for kind, codes in table.items() if not kind.startswith("_")}


def event_codes(position_type: str) -> EventCodes:
    """`demand` -> CAMEO 10 (02 for an appeal), PLOVER DEMAND."""
    return _event_codes()[position_type]


# An article's text is only read for a position's evidence: not loaded with every row.
_WITHOUT_TEXT = defer(Article.text)  # type: ignore[arg-type]


def polarity(codes: EventCodes, negated: bool) -> str:
    """Cooperation is positive, conflict negative; a negated stance turns it."""
    cooperative = codes.quad_class == "verbal_cooperation"
    return "positive" if cooperative != negated else "negative"


def statement_query():  # type: ignore[no-untyped-def]
    return (
        select(Statement, Actor, Venue, Article)
        .join(Article, Article.id == Statement.article_id)
        .outerjoin(Actor, Actor.id == Statement.actor_id)
        .outerjoin(Venue, Venue.id == Statement.venue_id)
        .options(_WITHOUT_TEXT)
    )


def position_query():  # type: ignore[no-untyped-def]
    return (
        select(Position, Actor, Target, Venue, Article, Topic)
        .join(Article, Article.id == Position.article_id)
        .outerjoin(Actor, Actor.id == Position.actor_id)
        .outerjoin(Target, Target.id == Position.target_id)
        .outerjoin(Venue, Venue.id == Position.venue_id)
        .outerjoin(Topic, Topic.id == Position.topic_id)
        .options(_WITHOUT_TEXT)
    )


def actor_ref(actor: Actor | None) -> ActorRef | None:
    return ActorRef(id=actor.id, name=actor.name, kind=actor.kind) if actor else None  # type: ignore[arg-type]


def venue_ref(venue: Venue | None) -> VenueRef | None:
    if venue is None:
        return None
    return VenueRef(id=venue.id, name=venue.name, kind=venue.kind, place=venue.place)  # type: ignore[arg-type]


def article_ref(article: Article) -> ArticleRef:
    return ArticleRef(
        id=article.id,  # type: ignore[arg-type]
        url=article.url,
        title=article.title,
        source=article.source,
        published_at=article.published_at,
    )


def statement_public(
    statement: Statement, actor: Actor | None, venue: Venue | None, article: Article
) -> StatementPublic:
    has_mention = statement.speaker_start is not None and statement.speaker_end is not None
    return StatementPublic(
        id=statement.id,  # type: ignore[arg-type]
        kind=statement.kind,  # type: ignore[arg-type]
        content=statement.content,
        span=SpanPublic(start=statement.content_start, end=statement.content_end),
        speaker=actor_ref(actor),
        speaker_mention=statement.speaker_mention,
        speaker_span=(
            SpanPublic(start=statement.speaker_start, end=statement.speaker_end)  # type: ignore[arg-type]
            if has_mention
            else None
        ),
        resolution=(
            ResolutionPublic(
                method=statement.resolution_method,
                matched=statement.resolution_matched,
                confidence=statement.resolution_confidence if statement.resolution_confidence is not None else 1.0,
            )
            if statement.resolution_method and actor is not None
            else None
        ),
        cue=statement.cue,
        venue=venue_ref(venue),
        date=statement.said_on,
        confidence=statement.confidence,
        updated_at=statement.updated_at,
        article=article_ref(article),
        group_id=statement.group_id,
    )


def position_public(
    position: Position,
    actor: Actor | None,
    target: Actor | None,
    venue: Venue | None,
    article: Article,
    topic: Topic | None,
) -> PositionPublic:
    """One row of `position_query`; `actors` and `targets` are filled by `position_publics`."""
    codes = event_codes(position.type)
    return PositionPublic(
        id=position.id,  # type: ignore[arg-type]
        type=position.type,  # type: ignore[arg-type]
        content=position.content,
        span=SpanPublic(start=position.content_start, end=position.content_end),
        actor=actor_ref(actor),
        target=actor_ref(target),
        venue=venue_ref(venue),
        date=position.said_on,
        confidence=position.confidence,
        certainty=position.certainty,
        negated=position.negated,
        hypothetical=position.hypothetical,
        future=position.future,
        historical=position.historical,
        topic=TopicRef(id=topic.id, label=topic.label) if topic else None,  # type: ignore[arg-type]
        polarity=polarity(codes, position.negated),
        statement_id=position.statement_id,
        codes=codes,
        updated_at=position.updated_at,
        article=article_ref(article),
    )


def statements_of_article(session: Session, article_id: int) -> list[StatementPublic]:
    query = statement_query().where(Statement.article_id == article_id).order_by(Statement.id)
    return [statement_public(*row) for row in session.exec(query).all()]


def positions_of_article(session: Session, article_id: int) -> list[PositionPublic]:
    query = position_query().where(Position.article_id == article_id).order_by(Position.id)
    return position_publics(session, session.exec(query).all())


def position_publics(session: Session, rows: Sequence[Any]) -> list[PositionPublic]:
    """Rows of `position_query` as public positions, with every party (one query)."""
    items = [position_public(*row) for row in rows]
    ids = [item.id for item in items]
    parties: dict[tuple[int, str], list[ActorRef]] = {}
    if ids:
        query = (
            select(PositionParty.position_id, PositionParty.role, Actor)
            .join(Actor, Actor.id == PositionParty.actor_id)
            .where(PositionParty.position_id.in_(ids))  # type: ignore[attr-defined]
            .order_by(PositionParty.position_id, PositionParty.ordinal)
        )
        for position_id, role, actor in session.exec(query).all():
            parties.setdefault((position_id, role), []).append(actor_ref(actor))  # type: ignore[arg-type]
    return [
        item.model_copy(update={"actors": parties.get((item.id, "actor"), []),
                                "targets": parties.get((item.id, "target"), [])})
        for item in items
    ]

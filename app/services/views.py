"""Rows -> public shapes, shared by every list and detail service."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
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


def _of_venue(column: Any) -> Any:
    return select(column).where(Venue.id == Statement.venue_id).scalar_subquery()


# A statement with its speaker, venue and article as plain columns: a page is read as
# tuples and validated in one call, not loaded as four ORM objects a row.
_STATEMENT_COLUMNS = (
    Statement.id, Statement.kind, Statement.content, Statement.content_start, Statement.content_end,
    Statement.speaker_mention, Statement.speaker_start, Statement.speaker_end,
    Statement.resolution_method, Statement.resolution_matched, Statement.resolution_confidence,
    Statement.cue, Statement.said_on, Statement.confidence, Statement.updated_at, Statement.group_id,
    Actor.id.label("speaker_id"), Actor.name.label("speaker_name"),  # type: ignore[union-attr]
    Actor.kind.label("speaker_kind"),  # type: ignore[attr-defined]
    # The venue by key lookups, not a join: over a page of rows PostgreSQL would rather hash
    # the whole venue table than probe its index.
    Statement.venue_id.label("venue_id"), _of_venue(Venue.name).label("venue_name"),
    _of_venue(Venue.kind).label("venue_kind"), _of_venue(Venue.place).label("venue_place"),
    Article.id.label("article_id"), Article.url.label("article_url"),  # type: ignore[union-attr]
    Article.title.label("article_title"), Article.source.label("article_source"),  # type: ignore[union-attr]
    Article.published_at.label("article_published_at"),  # type: ignore[union-attr]
)
_STATEMENTS = TypeAdapter(list[StatementPublic])


def statement_query():  # type: ignore[no-untyped-def]
    """Rows for `statement_publics`: the statement's columns, then its speaker's,
    venue's and article's, prefixed."""
    return (
        select(*_STATEMENT_COLUMNS)
        .select_from(Statement)
        .join(Article, Article.id == Statement.article_id)
        .outerjoin(Actor, Actor.id == Statement.actor_id)
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


def _statement_fields(row: Any) -> dict[str, Any]:
    """One row of `statement_query` in the shape of StatementPublic, as plain data."""
    (id_, kind, content, start, end, mention, mention_start, mention_end, method, matched, resolution_confidence,
     cue, said_on, confidence, updated_at, group_id, speaker_id, speaker_name, speaker_kind,
     venue_id, venue_name, venue_kind, venue_place, article_id, url, title, source, published_at) = row
    return {
        "id": id_,
        "kind": kind,
        "content": content,
        "span": {"start": start, "end": end},
        "speaker": {"id": speaker_id, "name": speaker_name, "kind": speaker_kind} if speaker_id is not None else None,
        "speaker_mention": mention,
        "speaker_span": (
            {"start": mention_start, "end": mention_end}
            if mention_start is not None and mention_end is not None else None
        ),
        "resolution": (
            {"method": method, "matched": matched,
             "confidence": resolution_confidence if resolution_confidence is not None else 1.0}
            if method and speaker_id is not None else None
        ),
        "cue": cue,
        "venue": (
            {"id": venue_id, "name": venue_name, "kind": venue_kind, "place": venue_place}
            if venue_id is not None else None
        ),
        "date": said_on,
        "confidence": confidence,
        "updated_at": updated_at,
        "article": {"id": article_id, "url": url, "title": title, "source": source, "published_at": published_at},
        "group_id": group_id,
    }


def statement_publics(rows: Iterable[Any]) -> list[StatementPublic]:
    """Rows of `statement_query` as public statements, validated in one call."""
    return _STATEMENTS.validate_python([_statement_fields(row) for row in rows])


def statement_public(row: Any) -> StatementPublic:
    return StatementPublic.model_validate(_statement_fields(row))


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
    return statement_publics(session.exec(query).all())


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

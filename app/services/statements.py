"""Finding statements and positions by actor, venue, date and kind."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from app.errors import NotFound
from app.models import Position, PositionPublic, Statement, StatementPublic
from app.services.pagination import decode_cursor, split_page
from app.services.registry import actor_ids_matching, venue_ids_matching
from app.services.views import position_public, position_query, statement_public, statement_query


def _actor_ids(session: Session, names: list[str], actor_id: int | None) -> set[int] | None:
    """None when no actor filter was asked for; else the ids any of them matches."""
    if not names and actor_id is None:
        return None
    ids = {actor_id} if actor_id is not None else set()
    for name in names:
        ids.update(actor_ids_matching(session, name))
    return ids


def _venue_ids(session: Session, names: list[str]) -> set[int] | None:
    if not names:
        return None
    return {i for name in names for i in venue_ids_matching(session, name)}


def list_statements(
    session: Session,
    *,
    actors: list[str] = [],  # noqa: B006 - never mutated
    actor_id: int | None = None,
    venues: list[str] = [],  # noqa: B006
    date_from: date | None = None,
    date_to: date | None = None,
    kind: str | None = None,
    article_id: int | None = None,
    limit: int,
    cursor: str | None = None,
) -> tuple[list[StatementPublic], str | None]:
    """`actors=["de Mistura"]` gives the statements of every actor that name matches."""
    query = statement_query()
    actor_ids = _actor_ids(session, actors, actor_id)
    if actor_ids is not None:
        query = query.where(Statement.actor_id.in_(actor_ids))  # type: ignore[union-attr]
    venue_ids = _venue_ids(session, venues)
    if venue_ids is not None:
        query = query.where(Statement.venue_id.in_(venue_ids))  # type: ignore[union-attr]
    if date_from:
        query = query.where(Statement.said_on >= date_from)
    if date_to:
        query = query.where(Statement.said_on <= date_to)
    if kind:
        query = query.where(Statement.kind == kind)
    if article_id is not None:
        query = query.where(Statement.article_id == article_id)
    after = decode_cursor(cursor)
    if after is not None:
        query = query.where(Statement.id > after)
    rows = session.exec(query.order_by(Statement.id).limit(limit + 1)).all()
    page, next_cursor = split_page(rows, limit, rows[limit - 1][0].id if len(rows) > limit else None)
    return [statement_public(*row) for row in page], next_cursor


def read_statement(session: Session, statement_id: int) -> StatementPublic:
    row = session.exec(statement_query().where(Statement.id == statement_id)).first()
    if row is None:
        raise NotFound(f"No statement with id {statement_id}.")
    return statement_public(*row)


def list_positions(
    session: Session,
    *,
    actors: list[str] = [],  # noqa: B006
    actor_id: int | None = None,
    types: list[str] = [],  # noqa: B006
    venues: list[str] = [],  # noqa: B006
    date_from: date | None = None,
    date_to: date | None = None,
    article_id: int | None = None,
    limit: int,
    cursor: str | None = None,
) -> tuple[list[PositionPublic], str | None]:
    query = position_query()
    actor_ids = _actor_ids(session, actors, actor_id)
    if actor_ids is not None:
        query = query.where(Position.actor_id.in_(actor_ids))  # type: ignore[union-attr]
    venue_ids = _venue_ids(session, venues)
    if venue_ids is not None:
        query = query.where(Position.venue_id.in_(venue_ids))  # type: ignore[union-attr]
    if types:
        query = query.where(Position.type.in_(types))  # type: ignore[attr-defined]
    if date_from:
        query = query.where(Position.said_on >= date_from)
    if date_to:
        query = query.where(Position.said_on <= date_to)
    if article_id is not None:
        query = query.where(Position.article_id == article_id)
    after = decode_cursor(cursor)
    if after is not None:
        query = query.where(Position.id > after)
    rows = session.exec(query.order_by(Position.id).limit(limit + 1)).all()
    page, next_cursor = split_page(rows, limit, rows[limit - 1][0].id if len(rows) > limit else None)
    return [position_public(*row) for row in page], next_cursor

"""Finding statements and positions by actor, venue, date and kind."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from app.errors import NotFound
from app.models import Position, PositionPublic, Statement, StatementPublic
from app.services.pagination import decode_cursor, split_page
from app.services.registry import actor_ids_matching, venue_ids_matching
from app.services.views import position_public, position_query, statement_public, statement_query


def _filtered(
    session: Session,
    query: Any,
    table: type[Statement] | type[Position],
    *,
    actors: list[str],
    actor_id: int | None,
    venues: list[str],
    date_from: date | None,
    date_to: date | None,
    article_id: int | None,
    cursor: str | None,
) -> Any:
    """The filters statements and positions share; keyset order is by id."""
    if actors or actor_id is not None:
        ids = {actor_id} if actor_id is not None else set()
        for name in actors:
            ids.update(actor_ids_matching(session, name))
        query = query.where(table.actor_id.in_(ids))  # type: ignore[union-attr]
    if venues:
        ids = {i for name in venues for i in venue_ids_matching(session, name)}
        query = query.where(table.venue_id.in_(ids))  # type: ignore[union-attr]
    if date_from:
        query = query.where(table.said_on >= date_from)  # type: ignore[operator]
    if date_to:
        query = query.where(table.said_on <= date_to)  # type: ignore[operator]
    if article_id is not None:
        query = query.where(table.article_id == article_id)
    after = decode_cursor(cursor)
    if after is not None:
        query = query.where(table.id > after)  # type: ignore[operator]
    return query.order_by(table.id)


def _page(session: Session, query: Any, limit: int) -> tuple[list[Any], str | None]:
    rows = session.exec(query.limit(limit + 1)).all()
    return split_page(rows, limit, rows[limit - 1][0].id if len(rows) > limit else None)


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
    if kind:
        query = query.where(Statement.kind == kind)
    query = _filtered(
        session, query, Statement, actors=actors, actor_id=actor_id, venues=venues,
        date_from=date_from, date_to=date_to, article_id=article_id, cursor=cursor,
    )
    rows, next_cursor = _page(session, query, limit)
    return [statement_public(*row) for row in rows], next_cursor


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
    """`types=["reject"]` gives every rejection, with its actor and target."""
    query = position_query()
    if types:
        query = query.where(Position.type.in_(types))  # type: ignore[attr-defined]
    query = _filtered(
        session, query, Position, actors=actors, actor_id=actor_id, venues=venues,
        date_from=date_from, date_to=date_to, article_id=article_id, cursor=cursor,
    )
    rows, next_cursor = _page(session, query, limit)
    return [position_public(*row) for row in rows], next_cursor

"""Finding statements and positions by actor, venue, date and kind."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import and_, or_, union_all
from sqlmodel import Session, select

from app.errors import BadCursor, NotFound
from app.models import (
    Article,
    Position,
    PositionDetail,
    PositionParty,
    PositionPublic,
    SpanPublic,
    Statement,
    StatementPublic,
)
from app.services import search
from app.services.curation import current_actor_id
from app.services.pagination import decode_cursor, decode_keyset, encode_cursor, split_page
from app.services.registry import actor_ids_matching, venue_ids_matching
from app.services.views import (
    article_ref,
    position_publics,
    position_query,
    statement_public,
    statement_publics,
    statement_query,
)

# Rows fetched per round trip when streaming an export.
STREAM_BATCH = 500


@dataclass(frozen=True)
class Filters:
    """What a list of statements or positions may be narrowed by; all combine."""

    actors: list[str] = field(default_factory=list)
    actor_id: int | None = None
    venues: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    article_id: int | None = None
    sources: list[str] = field(default_factory=list)  # the articles' outlets
    kind: str | None = None  # statements only
    q: str | None = None  # full text over content, see services/search.py
    grouped: bool = False  # statements only: one per cross-outlet group
    # Actor ids already resolved from `actors` and `actor_id` (set by this module).
    actor_ids: frozenset[int] | None = None
    updated_since: datetime | None = None
    # Positions only:
    types: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    topic_id: int | None = None
    min_certainty: float | None = None
    # Context flags: True or False narrows to positions with or without it.
    negated: bool | None = None
    hypothetical: bool | None = None
    future: bool | None = None
    historical: bool | None = None

CONTEXT_FLAGS = ("negated", "hypothetical", "future", "historical")


def _one_of(column: Any, ids: frozenset[int] | set[int]) -> Any:
    # `= x` rather than `IN (x)`: SQLite then walks the (column, id) index in id order
    # and stops after one page, instead of sorting every row of a frequent speaker.
    return column == next(iter(ids)) if len(ids) == 1 else column.in_(ids)


def resolve_actors(session: Session, filters: Filters) -> Filters:
    """`filters` with the actor names and id looked up, once per request."""
    return replace(filters, actor_ids=_actor_ids(session, filters))


def _actor_ids(session: Session, filters: Filters) -> frozenset[int] | None:
    """None when no actor is asked for; else every actor the names and id stand for."""
    if filters.actor_ids is not None:
        return filters.actor_ids
    if not filters.actors and filters.actor_id is None:
        return None
    ids = {current_actor_id(session, filters.actor_id)} if filters.actor_id is not None else set()
    for name in filters.actors:
        ids.update(actor_ids_matching(session, name))
    return frozenset(ids)


def apply_filters(
    session: Session, query: Any, table: type[Statement] | type[Position], filters: Filters
) -> Any:
    """`query` narrowed to what `filters` asks, for statements or positions alike."""
    actor_ids = _actor_ids(session, filters)
    if actor_ids is not None and table is Position:
        # Any of a position's holders: `the US and France accused ...` is France's too.
        query = query.where(Position.id.in_(_with_party(actor_ids, "actor")))  # type: ignore[union-attr]
    elif actor_ids is not None:
        query = query.where(_one_of(table.actor_id, actor_ids))
    if filters.venues:
        ids = {i for name in filters.venues for i in venue_ids_matching(session, name)}
        query = query.where(_one_of(table.venue_id, ids))
    if filters.date_from:
        query = query.where(table.said_on >= filters.date_from)  # type: ignore[operator]
    if filters.date_to:
        query = query.where(table.said_on <= filters.date_to)  # type: ignore[operator]
    if filters.article_id is not None:
        query = query.where(table.article_id == filters.article_id)
    if filters.sources:
        outlets = select(Article.id).where(Article.source.in_(filters.sources))  # type: ignore[union-attr]
        query = query.where(table.article_id.in_(outlets))  # type: ignore[union-attr]
    if filters.updated_since is not None:
        query = query.where(table.updated_at >= filters.updated_since)  # type: ignore[operator]
    if filters.q:
        query = query.where(search.matching(session, filters.q, table))
    if filters.grouped and table is Statement:
        query = query.where(Statement.id == Statement.group_id)
    if filters.kind and table is Statement:
        query = query.where(Statement.kind == filters.kind)
    if table is Position:
        query = _position_filters(session, query, filters)
    return query


def _with_party(actor_ids: frozenset[int] | set[int], role: str) -> Any:
    return select(PositionParty.position_id).where(
        _one_of(PositionParty.actor_id, actor_ids), PositionParty.role == role
    )


def _position_filters(session: Session, query: Any, filters: Filters) -> Any:
    if filters.types:
        query = query.where(Position.type.in_(filters.types))  # type: ignore[attr-defined]
    if filters.targets:
        ids = {i for name in filters.targets for i in actor_ids_matching(session, name)}
        query = query.where(Position.id.in_(_with_party(ids, "target")))  # type: ignore[union-attr]
    if filters.topic_id is not None:
        query = query.where(Position.topic_id == filters.topic_id)
    if filters.min_certainty is not None:
        query = query.where(Position.certainty >= filters.min_certainty)  # type: ignore[operator]
    for flag in CONTEXT_FLAGS:
        wanted = getattr(filters, flag)
        if wanted is not None:
            query = query.where(getattr(Position, flag) == wanted)
    return query


Sort = Literal["id", "date", "-date"]


def _row_key(row: Any) -> tuple[int, date | None]:
    """The id and date of a page's row: statement rows are columns (`statement_query`),
    position rows entities with the position first (`position_query`)."""
    first = row[0]
    if isinstance(first, int):
        return first, row.said_on
    return first.id, first.said_on


def _row_id(row: Any) -> int:
    return _row_key(row)[0]


def _page(
    session: Session, query: Any, table: Any, limit: int, cursor: str | None, sort: Sort = "id"
) -> tuple[list[Any], str | None]:
    """One keyset page. By date, undated rows come last, then ids break ties."""
    descending = sort == "-date"
    if sort == "id":
        after = decode_cursor(cursor)
        if after is not None:
            query = query.where(table.id > after)
        rows = session.exec(query.order_by(table.id).limit(limit + 1)).all()
        return split_page(rows, limit, _row_id(rows[limit - 1]) if len(rows) > limit else None)

    if cursor:
        keyset = decode_keyset(cursor)
        if keyset.get("sort") != sort:
            raise BadCursor("This cursor belongs to another sort order.")
        query = query.where(_after_date(table, int(keyset["after"]), keyset.get("on"), descending))  # type: ignore[arg-type]
    said_on = table.said_on.desc() if descending else table.said_on.asc()
    ids = table.id.desc() if descending else table.id.asc()
    rows = session.exec(query.order_by(table.said_on.is_(None), said_on, ids).limit(limit + 1)).all()
    if len(rows) <= limit:
        return list(rows), None
    last_id, last_on = _row_key(rows[limit - 1])
    on = last_on.isoformat() if last_on else None
    return list(rows[:limit]), encode_cursor(last_id, on=on, sort=sort)


def _after_date(table: Any, after_id: int, after_on: object, descending: bool) -> Any:
    next_id = table.id < after_id if descending else table.id > after_id
    undated = table.said_on.is_(None)
    if after_on is None:  # the page ended among the undated rows
        return and_(undated, next_id)
    try:
        day = date.fromisoformat(str(after_on))
    except ValueError as error:
        raise BadCursor("The cursor is not one this API returned.") from error
    beyond = table.said_on < day if descending else table.said_on > day
    return or_(beyond, and_(table.said_on == day, next_id), undated)


# Up to this many matched actors are paged one by one and merged (see _filtered_page).
MERGE_ACTORS = 20


def _filtered_page(
    session: Session, base: Any, table: Any, filters: Filters, limit: int, cursor: str | None, sort: Sort
) -> tuple[list[Any], str | None]:
    """One page of `base` under `filters`. When a name matches several actors, each
    actor's rows come from its own index in id order and the pages are merged: an
    `IN (...)` over frequent speakers would sort every one of their rows instead."""
    ids = _actor_ids(session, filters)
    filters = replace(filters, actor_ids=ids)  # names are looked up once per request
    if sort == "id" and filters.q and replace(filters, q=None) == Filters():
        matched = search.first_ids(session, filters.q, table, decode_cursor(cursor), limit + 1)
        if matched is not None:
            rows = session.exec(base.where(table.id.in_(matched)).order_by(table.id)).all() if matched else []
            return split_page(rows, limit, _row_id(rows[limit - 1]) if len(rows) > limit else None)
    if sort != "id" or ids is None or not 1 < len(ids) <= MERGE_ACTORS:
        return _page(session, apply_filters(session, base, table, filters), table, limit, cursor, sort)
    after = decode_cursor(cursor)
    per_actor = []
    for actor_id in sorted(ids):
        # Ids only, each actor's first page from its own index, all in one round trip;
        # whole rows are read for the one merged page below.
        query = apply_filters(session, select(table.id), table, replace(filters, actor_ids=frozenset({actor_id})))
        if after is not None:
            query = query.where(table.id > after)
        first = query.order_by(table.id).limit(limit + 1).subquery()
        per_actor.append(select(first.c.id))
    merged = union_all(*per_actor).subquery()
    page_ids = list(session.exec(select(merged.c.id).distinct().order_by(merged.c.id).limit(limit + 1)))
    rows = session.exec(base.where(table.id.in_(page_ids)).order_by(table.id)).all() if page_ids else []
    return split_page(rows, limit, _row_id(rows[limit - 1]) if len(rows) > limit else None)


def _stream(session: Session, query: Any, table: Any) -> Iterator[Any]:
    # yield_per: a server-side cursor on PostgreSQL, batched fetches on SQLite.
    yield from session.exec(query.order_by(table.id).execution_options(yield_per=STREAM_BATCH))


def list_statements(
    session: Session, filters: Filters, *, limit: int, cursor: str | None = None, sort: Sort = "id"
) -> tuple[list[StatementPublic], str | None]:
    """`Filters(actors=["de Mistura"])` gives the statements of every actor that name matches."""
    rows, next_cursor = _filtered_page(session, statement_query(), Statement, filters, limit, cursor, sort)
    items = statement_publics(rows)
    return (with_sources(session, items) if filters.grouped else items), next_cursor


def with_sources(session: Session, items: list[StatementPublic]) -> list[StatementPublic]:
    """Each group's articles, and the first day one of them was published."""
    groups = [i.group_id for i in items if i.group_id is not None]
    sources: dict[int, list[Article]] = {g: [] for g in groups}
    if groups:
        query = (
            select(Statement.group_id, Article).join(Article, Article.id == Statement.article_id)
            .where(Statement.group_id.in_(groups)).order_by(Article.published_at, Article.id)  # type: ignore[union-attr]
        )
        for group_id, article in session.exec(query).all():
            if all(a.id != article.id for a in sources[group_id]):
                sources[group_id].append(article)
    result = []
    for item in items:
        found = sources.get(item.group_id, [])  # type: ignore[arg-type]
        dates = [a.published_at for a in found if a.published_at]
        result.append(item.model_copy(update={
            "sources": [article_ref(a) for a in found],
            "first_reported": min(dates) if dates else None,
        }))
    return result


def iter_statements(session: Session, filters: Filters) -> Iterator[StatementPublic]:
    """Every matching statement, read in batches: an export in constant memory."""
    rows = _stream(session, apply_filters(session, statement_query(), Statement, filters), Statement)
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) == STREAM_BATCH:
            yield from _completed(session, statement_publics(batch), filters)
            batch = []
    yield from _completed(session, statement_publics(batch), filters)


def _completed(session: Session, items: list[StatementPublic], filters: Filters) -> list[StatementPublic]:
    return with_sources(session, items) if filters.grouped else items


def read_statement(session: Session, statement_id: int) -> StatementPublic:
    row = session.exec(statement_query().where(Statement.id == statement_id)).first()
    if row is None:
        raise NotFound(f"No statement with id {statement_id}.")
    return statement_public(row)


def list_positions(
    session: Session, filters: Filters, *, limit: int, cursor: str | None = None, sort: Sort = "id"
) -> tuple[list[PositionPublic], str | None]:
    """`Filters(types=["reject"])` gives every rejection, with its actor and target."""
    rows, next_cursor = _filtered_page(session, position_query(), Position, filters, limit, cursor, sort)
    return position_publics(session, rows), next_cursor


def iter_positions(session: Session, filters: Filters) -> Iterator[PositionPublic]:
    """Every matching position, read and completed in batches (constant memory)."""
    batch: list[Any] = []
    for row in _stream(session, apply_filters(session, position_query(), Position, filters), Position):
        batch.append(row)
        if len(batch) == STREAM_BATCH:
            yield from position_publics(session, batch)
            batch = []
    yield from position_publics(session, batch)


_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019']?\s+|\n")


def read_position(session: Session, position_id: int) -> PositionDetail:
    """The position with the sentence(s) it was read from."""
    row = session.exec(position_query().where(Position.id == position_id)).first()
    if row is None:
        raise NotFound(f"No position with id {position_id}.")
    [public] = position_publics(session, [row])
    text = row[4].text
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, public.span.start):
        start = match.end()
    after = _SENTENCE_END.search(text, public.span.end)
    end = after.end() if after else len(text)
    # Trim the white space the sentence boundaries take along.
    while end > start and text[end - 1].isspace():
        end -= 1
    return PositionDetail(
        **public.model_dump(), evidence=text[start:end],
        evidence_span=SpanPublic(start=start, end=end),
    )

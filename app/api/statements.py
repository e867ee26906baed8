from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from app.api.deps import CursorQuery, LimitDep, PeriodDep, SessionDep, SortQuery, UpdatedSinceDep, paged
from app.api.formats import FormatQuery, export_responses, negotiate, stream
from app.errors import Problem
from app.models import FilteredPage, StatementPublic
from app.services import actors, statements
from app.services.statements import Filters

router = APIRouter(prefix="/statements", tags=["statements"])


@router.get(
    "",
    response_model=FilteredPage[StatementPublic],
    summary="Find statements by actor, venue, date and kind",
    description="Filters combine. `actor` matches canonical names, aliases and surnames, "
    "case- and accent-insensitively (`de Mistura` finds `Staffan de Mistura`); "
    "`venue` matches a venue or its variants (`UNGA`). Keyset pages: pass `next_cursor` back "
    "as `cursor`, or follow the `Link: rel=\"next\"` header. `format=ndjson|csv` streams "
    "every match instead.",
    responses={**export_responses(StatementPublic), 400: {"model": Problem}, 422: {"model": Problem}},
)
def list_statements(
    request: Request,
    session: SessionDep,
    limit: LimitDep,
    period: PeriodDep,
    since: UpdatedSinceDep,
    cursor: CursorQuery = None,
    sort: SortQuery = "id",
    actor: Annotated[list[str], Query(description="Actor name; repeatable", examples=["de Mistura"])] = [],  # noqa: B006
    actor_id: Annotated[int | None, Query(examples=[1])] = None,
    venue: Annotated[list[str], Query(description="Venue name or variant; repeatable", examples=["UN General Assembly"])] = [],  # noqa: B006
    kind: Annotated[Literal["direct", "indirect", "mixed"] | None, Query(examples=["direct"])] = None,
    article_id: Annotated[int | None, Query(examples=[1])] = None,
    source: Annotated[list[str], Query(description="The article's outlet; repeatable",
                                       examples=["Example Wire"])] = [],  # noqa: B006
    q: Annotated[str | None, Query(
        description='Full text over the content: words (all must occur), "a phrase", prefix*',
        examples=['"safe corridors" negotiat*'],
    )] = None,
    group: Annotated[bool, Query(
        description="One item per statement reported by several outlets, with `sources` "
        "and `first_reported`", examples=[True],
    )] = False,
    format: FormatQuery = None,  # noqa: A002
):  # type: ignore[no-untyped-def]
    filters = Filters(
        actors=actor, actor_id=actor_id, venues=venue, date_from=period.start,
        date_to=period.end, updated_since=since, kind=kind, article_id=article_id, sources=source, q=q, grouped=group,
    )
    filters = statements.resolve_actors(session, filters)
    fmt = negotiate(request, format)
    if fmt != "json":
        return stream(statements.iter_statements(session, filters), StatementPublic, fmt, "statements")
    items, next_cursor = statements.list_statements(session, filters, limit=limit, cursor=cursor, sort=sort)
    matched = actors.actor_refs(session, filters.actor_ids) if actor else None
    return paged(request, items, next_cursor, matched_actors=matched)


@router.get(
    "/{statement_id}",
    response_model=StatementPublic,
    summary="One statement",
    responses={404: {"model": Problem}},
)
def read_statement(statement_id: int, session: SessionDep) -> StatementPublic:
    return statements.read_statement(session, statement_id)

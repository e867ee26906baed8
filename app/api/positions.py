from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from app.api.deps import CursorQuery, LimitDep, PeriodDep, SessionDep, SortQuery, UpdatedSinceDep, paged
from app.api.formats import FormatQuery, export_responses, negotiate, stream
from app.errors import Problem
from app.models import FilteredPage, PositionDetail, PositionPublic, PositionType
from app.services import actors, statements
from app.services.statements import Filters

router = APIRouter(prefix="/positions", tags=["positions"])


@router.get(
    "",
    response_model=FilteredPage[PositionPublic],
    summary="Find negotiation positions by actor, target, type, venue, topic, date and words",
    description="Filters combine, as for statements; `format=ndjson|csv` streams every match. "
    "`actor` matches any holder of a position, `target` any addressee.",
    responses={**export_responses(PositionPublic), 400: {"model": Problem}, 422: {"model": Problem}},
)
def list_positions(
    request: Request,
    session: SessionDep,
    limit: LimitDep,
    period: PeriodDep,
    since: UpdatedSinceDep,
    cursor: CursorQuery = None,
    sort: SortQuery = "id",
    actor: Annotated[list[str], Query(description="Actor name; repeatable", examples=["Russia"])] = [],  # noqa: B006
    actor_id: Annotated[int | None, Query(examples=[1])] = None,
    target: Annotated[list[str], Query(description="Addressee's name; repeatable", examples=["Turkey"])] = [],  # noqa: B006
    type: Annotated[list[PositionType], Query(description="Position type; repeatable", examples=["demand"])] = [],  # noqa: B006, A002
    venue: Annotated[list[str], Query(description="Venue name or variant; repeatable", examples=["Ankara talks"])] = [],  # noqa: B006
    topic: Annotated[int | None, Query(description="Topic id (see /topics)", examples=[1])] = None,
    q: Annotated[str | None, Query(description='Words in the content; "a phrase", prefix*',
                                   examples=["evacuat* fighters"])] = None,
    certainty: Annotated[float | None, Query(ge=0, le=1, description="At least this certainty",
                                             examples=[0.8])] = None,
    negated: Annotated[bool | None, Query(description="With (true) or without (false) negation", examples=[False])] = None,
    hypothetical: Annotated[bool | None, Query(description="Conditional or modal (`could accept`)", examples=[False])] = None,
    future: Annotated[bool | None, Query(description="A stated intention (`will not accept`)", examples=[True])] = None,
    historical: Annotated[bool | None, Query(description="Reported as past (`had demanded in 2015`)", examples=[False])] = None,
    article_id: Annotated[int | None, Query(examples=[1])] = None,
    source: Annotated[list[str], Query(description="The article's outlet; repeatable",
                                       examples=["Example Wire"])] = [],  # noqa: B006
    format: FormatQuery = None,  # noqa: A002
):  # type: ignore[no-untyped-def]
    filters = Filters(
        actors=actor, actor_id=actor_id, venues=venue, date_from=period.start,
        date_to=period.end, updated_since=since, types=list(type), article_id=article_id, sources=source,
        targets=target, topic_id=topic, q=q, min_certainty=certainty, negated=negated,
        hypothetical=hypothetical, future=future, historical=historical,
    )
    filters = statements.resolve_actors(session, filters)
    fmt = negotiate(request, format)
    if fmt != "json":
        return stream(statements.iter_positions(session, filters), PositionPublic, fmt, "positions")
    items, next_cursor = statements.list_positions(session, filters, limit=limit, cursor=cursor, sort=sort)
    matched = actors.actor_refs(session, filters.actor_ids) if actor else None
    return paged(request, items, next_cursor, matched_actors=matched)


@router.get(
    "/{position_id}",
    response_model=PositionDetail,
    summary="One position with its evidence: the sentence, its offsets, the article",
    responses={404: {"model": Problem}},
)
def read_position(position_id: int, session: SessionDep) -> PositionDetail:
    return statements.read_position(session, position_id)

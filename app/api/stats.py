from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from app.api.deps import LimitDep, PeriodDep, SessionDep
from app.errors import Problem
from app.models import PositionType
from app.services import stats
from app.services.statements import Filters

router = APIRouter(prefix="/stats", tags=["stats"])

ActorQuery = Annotated[list[str], Query(description="Actor name; repeatable", examples=["Russia"])]
VenueQuery = Annotated[list[str], Query(description="Venue name or variant; repeatable", examples=["UNGA"])]
SourceQuery = Annotated[list[str], Query(description="The article's outlet; repeatable", examples=["Example Wire"])]
TextQuery = Annotated[str | None, Query(description='Words in the content; "a phrase", prefix*',
                                        examples=["ceasefire"])]
ERRORS: dict[int | str, dict[str, Any]] = {422: {"model": Problem}}


@router.get("/timeline", summary="Counts per day, week or month, zero-filled, ready to chart",
            responses=ERRORS)
def timeline(
    session: SessionDep,
    period: PeriodDep,
    interval: Annotated[Literal["day", "week", "month"], Query(examples=["month"])] = "month",
    by: Annotated[Literal["actor", "venue", "kind", "type"] | None, Query(
        description="One series per actor, venue, statement kind, or position type "
        "(`type` counts positions; the others count statements)", examples=["actor"])] = None,
    top: Annotated[int, Query(ge=1, le=100, description="Series kept; the rest sum to `other`")] = 10,
    actor: ActorQuery = [],  # noqa: B006
    venue: VenueQuery = [],  # noqa: B006
    kind: Annotated[Literal["direct", "indirect", "mixed"] | None, Query(examples=["direct"])] = None,
    type: Annotated[list[PositionType], Query(examples=["demand"])] = [],  # noqa: B006, A002
    source: SourceQuery = [],  # noqa: B006
    q: TextQuery = None,
) -> dict[str, Any]:
    filters = Filters(actors=actor, venues=venue, date_from=period.start, date_to=period.end,
                      kind=kind, types=list(type), sources=source, q=q)
    return stats.timeline(session, filters, interval=interval, by=by, top=top)


@router.get("/actors", summary="Top speakers by statement count", responses=ERRORS)
def top_actors(
    session: SessionDep, limit: LimitDep, period: PeriodDep, venue: VenueQuery = [],  # noqa: B006
    source: SourceQuery = [], q: TextQuery = None,  # noqa: B006
) -> list[dict[str, Any]]:
    filters = Filters(venues=venue, date_from=period.start, date_to=period.end, sources=source, q=q)
    return stats.top_actors(session, filters, limit=limit)


@router.get("/venues", summary="Venues by statement count", responses=ERRORS)
def top_venues(
    session: SessionDep, limit: LimitDep, period: PeriodDep, actor: ActorQuery = [],  # noqa: B006
    source: SourceQuery = [], q: TextQuery = None,  # noqa: B006
) -> list[dict[str, Any]]:
    filters = Filters(actors=actor, date_from=period.start, date_to=period.end, sources=source, q=q)
    return stats.top_venues(session, filters, limit=limit)


@router.get("/network", summary="Who takes positions towards whom: actor -> target edges by type",
            responses=ERRORS)
def network(
    session: SessionDep,
    limit: LimitDep,
    period: PeriodDep,
    venue: VenueQuery = [],  # noqa: B006
    type: Annotated[list[PositionType], Query(examples=["reject"])] = [],  # noqa: B006, A002
    source: SourceQuery = [],  # noqa: B006
) -> list[dict[str, Any]]:
    filters = Filters(venues=venue, date_from=period.start, date_to=period.end, types=list(type), sources=source)
    return stats.network(session, filters, limit=limit)

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import CursorQuery, LimitDep, SessionDep, paged
from app.errors import Problem
from app.models import Page, PositionPublic, PositionType
from app.services import statements

router = APIRouter(prefix="/positions", tags=["positions"])


@router.get(
    "",
    response_model=Page[PositionPublic],
    summary="Find negotiation positions by actor, type, venue and date",
    responses={400: {"model": Problem}, 422: {"model": Problem}},
)
def list_positions(
    request: Request,
    response: Response,
    session: SessionDep,
    limit: LimitDep,
    cursor: CursorQuery = None,
    actor: Annotated[list[str], Query(description="Actor name; repeatable", examples=["Russia"])] = [],  # noqa: B006
    actor_id: int | None = None,
    type: Annotated[list[PositionType], Query(description="Position type; repeatable")] = [],  # noqa: B006, A002
    venue: Annotated[list[str], Query(description="Venue name or variant; repeatable")] = [],  # noqa: B006
    date_from: Annotated[date | None, Query(alias="from")] = None,
    date_to: Annotated[date | None, Query(alias="to")] = None,
    article_id: int | None = None,
) -> Page[PositionPublic]:
    items, next_cursor = statements.list_positions(
        session,
        actors=actor,
        actor_id=actor_id,
        types=list(type),
        venues=venue,
        date_from=date_from,
        date_to=date_to,
        article_id=article_id,
        limit=limit,
        cursor=cursor,
    )
    return paged(request, response, items, next_cursor)

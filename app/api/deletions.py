from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import CursorQuery, LimitDep, SessionDep, as_utc, paged
from app.errors import Problem
from app.models import DeletionPublic, Page
from app.services import articles

router = APIRouter(prefix="/deletions", tags=["sync"])


@router.get(
    "",
    response_model=Page[DeletionPublic],
    summary="Tombstones: what was deleted since a time",
    description="With `updated_since` on the list endpoints, lets a downstream store stay "
    "current incrementally: fetch what changed, drop what is listed here.",
    responses={400: {"model": Problem}, 422: {"model": Problem}},
)
def list_deletions(
    request: Request,
    session: SessionDep,
    limit: LimitDep,
    cursor: CursorQuery = None,
    since: Annotated[datetime | None, Query(
        description="Deleted at or after (ISO 8601; UTC when no offset)", examples=["2026-11-25T12:00:00Z"],
    )] = None,
    resource: Annotated[Literal["article", "statement", "position"] | None, Query(examples=["statement"])] = None,
) -> Response:
    items, next_cursor = articles.list_deletions(
        session, since=as_utc(since), resource=resource, limit=limit, cursor=cursor
    )
    return paged(request, items, next_cursor)

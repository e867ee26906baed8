from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import CursorQuery, LimitDep, SessionDep, paged
from app.errors import Problem
from app.models import Page, StatementPublic
from app.services import statements

router = APIRouter(prefix="/statements", tags=["statements"])


@router.get(
    "",
    response_model=Page[StatementPublic],
    summary="Find statements by actor, venue, date and kind",
    description="Filters combine. `actor` matches canonical names, aliases and surnames, "
    "case- and accent-insensitively (`de Mistura` finds `Staffan de Mistura`); "
    "`venue` matches a venue or its variants (`UNGA`). Keyset pages: pass `next_cursor` back "
    "as `cursor`, or follow the `Link: rel=\"next\"` header.",
    responses={400: {"model": Problem}, 422: {"model": Problem}},
)
def list_statements(
    request: Request,
    response: Response,
    session: SessionDep,
    limit: LimitDep,
    cursor: CursorQuery = None,
    actor: Annotated[list[str], Query(description="Actor name; repeatable", examples=["de Mistura"])] = [],  # noqa: B006
    actor_id: int | None = None,
    venue: Annotated[list[str], Query(description="Venue name or variant; repeatable", examples=["UN General Assembly"])] = [],  # noqa: B006
    date_from: Annotated[date | None, Query(alias="from", description="Said on or after")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Said on or before")] = None,
    kind: Literal["direct", "indirect", "mixed"] | None = None,
    article_id: int | None = None,
) -> Page[StatementPublic]:
    items, next_cursor = statements.list_statements(
        session,
        actors=actor,
        actor_id=actor_id,
        venues=venue,
        date_from=date_from,
        date_to=date_to,
        kind=kind,
        article_id=article_id,
        limit=limit,
        cursor=cursor,
    )
    return paged(request, response, items, next_cursor)


@router.get(
    "/{statement_id}",
    response_model=StatementPublic,
    summary="One statement",
    responses={404: {"model": Problem}},
)
def read_statement(statement_id: int, session: SessionDep) -> StatementPublic:
    return statements.read_statement(session, statement_id)

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import CursorQuery, LimitDep, SessionDep, UpdatedSinceDep, paged
from app.errors import Problem
from app.models import ActorPublic, Page
from app.services import actors

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get("", response_model=Page[ActorPublic], summary="Search actors by name or alias")
def list_actors(
    request: Request,
    response: Response,
    session: SessionDep,
    limit: LimitDep,
    since: UpdatedSinceDep,
    cursor: CursorQuery = None,
    q: Annotated[str | None, Query(description="Name, alias or part of one", examples=["mistura"])] = None,
) -> Page[ActorPublic]:
    items, next_cursor = actors.list_actors(session, q=q, updated_since=since, limit=limit, cursor=cursor)
    return paged(request, response, items, next_cursor)


@router.get(
    "/{actor_id}",
    response_model=ActorPublic,
    summary="One actor with aliases and statement count",
    responses={404: {"model": Problem}},
)
def read_actor(actor_id: int, session: SessionDep) -> ActorPublic:
    return actors.read_actor(session, actor_id)

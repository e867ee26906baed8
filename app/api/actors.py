from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status

from app.api.deps import (
    AdminKey,
    CursorQuery,
    LimitDep,
    SessionDep,
    SortQuery,
    UpdatedSinceDep,
    merged_redirect,
    paged,
)
from app.errors import Problem
from app.models import ActorDetail, ActorPublic, ActorUpdate, AliasCreate, MergeRequest, Page, PositionPublic
from app.services import actors, curation, statements
from app.services.statements import Filters

router = APIRouter(prefix="/actors", tags=["actors"])

CURATION_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "No API key"},
    403: {"model": Problem, "description": "The key has no admin scope"},
    404: {"model": Problem},
    409: {"model": Problem, "description": "The name or alias belongs to another actor"},
    422: {"model": Problem},
}


@router.get("", response_model=Page[ActorPublic], summary="Search actors by name or alias")
def list_actors(
    request: Request,
    session: SessionDep,
    limit: LimitDep,
    since: UpdatedSinceDep,
    cursor: CursorQuery = None,
    q: Annotated[str | None, Query(description="Name, alias or part of one", examples=["mistura"])] = None,
) -> Response:
    items, next_cursor = actors.list_actors(session, q=q, updated_since=since, limit=limit, cursor=cursor)
    return paged(request, items, next_cursor)


@router.get(
    "/{actor_id}",
    response_model=ActorDetail,
    summary="One actor: aliases, counts, first and last dates, top venues",
    description="An actor merged into another answers 308 with the survivor's address.",
    responses={404: {"model": Problem}, 308: {"description": "Merged: see Location"}},
)
def read_actor(actor_id: int, request: Request, session: SessionDep):  # type: ignore[no-untyped-def]
    moved = merged_redirect(request, session, curation.ACTORS, actor_id, "read_actor", "actor_id")
    return moved or actors.read_actor(session, actor_id)


@router.patch("/{actor_id}", response_model=ActorDetail, summary="Rename an actor, or set its kind, country, Wikidata id",
              responses=CURATION_ERRORS, dependencies=[AdminKey])
def update_actor(actor_id: int, data: ActorUpdate, session: SessionDep) -> ActorDetail:
    curation.update_actor(session, actor_id, data)
    return actors.read_actor(session, actor_id)


@router.post("/{actor_id}/aliases", response_model=ActorDetail, status_code=status.HTTP_201_CREATED,
             summary="Add an alias", responses=CURATION_ERRORS, dependencies=[AdminKey])
def add_alias(actor_id: int, data: AliasCreate, session: SessionDep) -> ActorDetail:
    curation.add_alias(session, curation.ACTORS, actor_id, data.alias)
    return actors.read_actor(session, actor_id)


@router.delete("/{actor_id}/aliases/{alias}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Remove an alias", responses=CURATION_ERRORS, dependencies=[AdminKey])
def remove_alias(actor_id: int, alias: str, session: SessionDep) -> None:
    curation.remove_alias(session, curation.ACTORS, actor_id, alias)


@router.post("/{actor_id}/merge", response_model=ActorDetail,
             summary="Merge this actor into another: statements, positions and aliases move",
             responses=CURATION_ERRORS, dependencies=[AdminKey])
def merge_actor(actor_id: int, data: MergeRequest, session: SessionDep) -> ActorDetail:
    survivor = curation.merge(session, curation.ACTORS, actor_id, data.into_id)
    return actors.read_actor(session, survivor.id)  # type: ignore[arg-type]


@router.get(
    "/{actor_id}/positions",
    response_model=Page[PositionPublic],
    summary="The positions an actor took, in keyset pages",
    responses={404: {"model": Problem}},
)
def list_actor_positions(
    actor_id: int,
    request: Request,
    session: SessionDep,
    limit: LimitDep,
    cursor: CursorQuery = None,
    sort: SortQuery = "date",
) -> Response:
    # An unknown id is a 404 from the filter itself; a merged one follows the merge.
    items, next_cursor = statements.list_positions(
        session, Filters(actor_id=actor_id), limit=limit, cursor=cursor, sort=sort
    )
    return paged(request, items, next_cursor)

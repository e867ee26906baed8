from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, status

from app.api.actors import CURATION_ERRORS
from app.api.deps import AdminKey, SessionDep, merged_redirect
from app.errors import Problem
from app.models import AliasCreate, MergeRequest, VenuePublic, VenueUpdate
from app.services import actors, curation

router = APIRouter(prefix="/venues", tags=["venues"])


@router.get("", response_model=list[VenuePublic], summary="Venues, with variants and statement counts")
def list_venues(
    session: SessionDep,
    q: Annotated[str | None, Query(description="Name or variant", examples=["UNGA"])] = None,
) -> list[VenuePublic]:
    return actors.list_venues(session, q=q)


@router.get(
    "/{venue_id}",
    response_model=VenuePublic,
    summary="One venue: variants and statement count",
    description="A venue merged into another answers 308 with the survivor's address.",
    responses={404: {"model": Problem}, 308: {"description": "Merged: see Location"}},
)
def read_venue(venue_id: int, request: Request, session: SessionDep):  # type: ignore[no-untyped-def]
    moved = merged_redirect(request, session, curation.VENUES, venue_id, "read_venue", "venue_id")
    return moved or actors.read_venue(session, venue_id)


@router.patch("/{venue_id}", response_model=VenuePublic, summary="Rename a venue, or set its kind or place",
              responses=CURATION_ERRORS, dependencies=[AdminKey])
def update_venue(venue_id: int, data: VenueUpdate, session: SessionDep) -> VenuePublic:
    curation.update_venue(session, venue_id, data)
    return actors.read_venue(session, venue_id)


@router.post("/{venue_id}/aliases", response_model=VenuePublic, status_code=status.HTTP_201_CREATED,
             summary="Add a variant name", responses=CURATION_ERRORS, dependencies=[AdminKey])
def add_alias(venue_id: int, data: AliasCreate, session: SessionDep) -> VenuePublic:
    curation.add_alias(session, curation.VENUES, venue_id, data.alias)
    return actors.read_venue(session, venue_id)


@router.delete("/{venue_id}/aliases/{alias}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Remove a variant name", responses=CURATION_ERRORS, dependencies=[AdminKey])
def remove_alias(venue_id: int, alias: str, session: SessionDep) -> None:
    curation.remove_alias(session, curation.VENUES, venue_id, alias)


@router.post("/{venue_id}/merge", response_model=VenuePublic,
             summary="Merge this venue into another: statements, positions and variants move",
             responses=CURATION_ERRORS, dependencies=[AdminKey])
def merge_venue(venue_id: int, data: MergeRequest, session: SessionDep) -> VenuePublic:
    survivor = curation.merge(session, curation.VENUES, venue_id, data.into_id)
    return actors.read_venue(session, survivor.id)

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import SessionDep
from app.models import VenuePublic
from app.services import actors

router = APIRouter(prefix="/venues", tags=["venues"])


@router.get("", response_model=list[VenuePublic], summary="Venues, with variants and statement counts")
def list_venues(
    session: SessionDep,
    q: Annotated[str | None, Query(description="Name or variant", examples=["UNGA"])] = None,
) -> list[VenuePublic]:
    return actors.list_venues(session, q=q)

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from app.api.actors import CURATION_ERRORS
from app.api.deps import AdminKey, SessionDep
from app.errors import Problem
from app.models import HolderCreate, OfficePublic
from app.services import offices

router = APIRouter(prefix="/offices", tags=["offices"])


@router.get("", response_model=list[OfficePublic],
            summary="Offices and their dated holders (`the UN envoy` on a day is a person)")
def list_offices(
    session: SessionDep,
    q: Annotated[str | None, Query(description="Words of a title or alias", examples=["envoy for syria"])] = None,
) -> list[OfficePublic]:
    return offices.list_offices(session, q=q)


@router.get("/{office_id}", response_model=OfficePublic, summary="One office with its holders",
            responses={404: {"model": Problem}})
def read_office(office_id: int, session: SessionDep) -> OfficePublic:
    return offices.read_office(session, office_id)


@router.post("/{office_id}/holders", response_model=OfficePublic, status_code=status.HTTP_201_CREATED,
             summary="Record who held the office from when to when", responses=CURATION_ERRORS,
             dependencies=[AdminKey])
def add_holder(office_id: int, data: HolderCreate, session: SessionDep) -> OfficePublic:
    return offices.add_holder(session, office_id, data)


@router.delete("/{office_id}/holders/{holder_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Remove a holder's term", responses=CURATION_ERRORS, dependencies=[AdminKey])
def remove_holder(office_id: int, holder_id: int, session: SessionDep) -> None:
    offices.remove_holder(session, office_id, holder_id)

"""Offices with dated holders: `the Russian foreign minister` on a given day is a person.

An office is found by any of its aliases (`UN envoy for Syria`, `Russia's foreign
minister`). A generic alias (`the UN envoy`) fits several offices, so it counts only
for an office whose scope (`Syria`) the article mentions.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import or_
from sqlmodel import Session, col, select

from app.errors import Conflict, InvalidParameter, NotFound
from app.models import Actor, HolderCreate, HolderPublic, Office, OfficeAlias, OfficeHolder, OfficePublic
from app.services.registry import name_key
from app.services.views import actor_ref

# `u n envoy` (from `U.N. envoy`) and `un envoy` are one form.
_SPLIT_INITIALS = re.compile(r"\b([a-z]) (?=[a-z]\b)")


def office_key(text: str) -> str:
    """name_key, with spelled-out initials joined: `U.N. envoy` -> `un envoy`."""
    return _SPLIT_INITIALS.sub(r"\1", name_key(text))


def folded_text(article_text: str) -> str:
    """The article as office scopes are checked against: folded, padded with spaces."""
    return f" {office_key(article_text)} "


def holder_on(session: Session, description: str, on: date | None, article: str) -> Actor | None:
    """Who held the office `description` names on day `on`, in an article whose folded
    text (see `folded_text`) is `article`; None when no office or no single holder fits."""
    if on is None:
        return None
    rows = session.exec(
        select(OfficeAlias, Office).join(Office, col(Office.id) == OfficeAlias.office_id)
        .where(OfficeAlias.alias_key == office_key(description))
    ).all()
    offices = {office.id: office for alias, office in rows if not alias.generic or _in_scope(office, article)}
    if len(offices) != 1:
        return None  # no office, or a generic title the article does not narrow down
    (office_id,) = offices
    holder = session.exec(
        select(OfficeHolder)
        .where(OfficeHolder.office_id == office_id, OfficeHolder.start_on <= on)
        .where(or_(col(OfficeHolder.end_on).is_(None), col(OfficeHolder.end_on) >= on))
        .order_by(col(OfficeHolder.start_on).desc())
    ).first()
    if holder is None:
        return None
    actor = session.get(Actor, holder.actor_id)
    while actor is not None and actor.merged_into_id is not None:
        actor = session.get(Actor, actor.merged_into_id)
    return actor


def _in_scope(office: Office, article: str) -> bool:
    return bool(office.scope) and any(f" {word} " in article for word in office.scope.split("|"))  # type: ignore[union-attr]


def office_aliases(office: dict) -> list[tuple[str, bool]]:  # type: ignore[type-arg]
    """An office's forms from its registry entry, as (alias, generic): `roles` x
    `adjectives` and the country's name give `Russian foreign minister`,
    `Russia's foreign minister`, `foreign minister of Russia`."""
    forms = [(office["title"], False)] + [(a, False) for a in office.get("aliases", [])]
    country = office.get("country_name")
    for role in office.get("roles", []):
        forms += [(f"{adjective} {role}", False) for adjective in office.get("adjectives", [])]
        if country:
            forms += [(f"{country}'s {role}", False), (f"{role} of {country}", False)]
    forms += [(g, True) for g in office.get("generic", [])]
    return forms


# --- reading and curating -------------------------------------------------


def list_offices(session: Session, q: str | None = None) -> list[OfficePublic]:
    query = select(Office).order_by(Office.title)
    if q:
        owners = select(OfficeAlias.office_id).where(col(OfficeAlias.alias_key).contains(office_key(q)))
        query = query.where(col(Office.id).in_(owners))
    return [_public(session, office) for office in session.exec(query).all()]


def read_office(session: Session, office_id: int) -> OfficePublic:
    office = session.get(Office, office_id)
    if office is None:
        raise NotFound(f"No office with id {office_id}.")
    return _public(session, office)


def add_holder(session: Session, office_id: int, data: HolderCreate) -> OfficePublic:
    office = session.get(Office, office_id)
    if office is None:
        raise NotFound(f"No office with id {office_id}.")
    actor = session.get(Actor, data.actor_id)
    if actor is None or actor.merged_into_id is not None:
        raise InvalidParameter(f"actor_id: no actor with id {data.actor_id}")
    if data.end_on is not None and data.end_on < data.start_on:
        raise InvalidParameter("end_on: before start_on")
    clash = session.exec(
        select(OfficeHolder).where(OfficeHolder.office_id == office_id)
        .where(or_(col(OfficeHolder.end_on).is_(None), col(OfficeHolder.end_on) >= data.start_on))
        .where(OfficeHolder.start_on <= (data.end_on or date.max))
    ).first()
    if clash is not None:
        raise Conflict(f"Holder {clash.id} already holds the office in that time; end that term first.")
    session.add(OfficeHolder(office_id=office_id, **data.model_dump()))
    session.commit()
    return _public(session, office)


def remove_holder(session: Session, office_id: int, holder_id: int) -> None:
    holder = session.get(OfficeHolder, holder_id)
    if holder is None or holder.office_id != office_id:
        raise NotFound(f"Office {office_id} has no holder {holder_id}.")
    session.delete(holder)
    session.commit()


def _public(session: Session, office: Office) -> OfficePublic:
    aliases = session.exec(
        select(OfficeAlias.alias).where(OfficeAlias.office_id == office.id).order_by(OfficeAlias.alias)
    ).all()
    holders = session.exec(
        select(OfficeHolder, Actor).join(Actor, col(Actor.id) == OfficeHolder.actor_id)
        .where(OfficeHolder.office_id == office.id).order_by(OfficeHolder.start_on)
    ).all()
    return OfficePublic(
        id=office.id,  # type: ignore[arg-type]
        title=office.title,
        country=office.country,
        aliases=list(aliases),
        holders=[
            HolderPublic(id=h.id, actor=actor_ref(a), start_on=h.start_on, end_on=h.end_on)  # type: ignore[arg-type]
            for h, a in holders
        ],
    )

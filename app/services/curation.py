"""What curators change by hand: names, kinds, countries, aliases, merges.

Merging keeps the old actor row as a pointer (`merged_into_id`), so its id keeps
answering (with a redirect) and names that matched it now find the survivor.
"""

from __future__ import annotations

import pycountry
from sqlalchemy import update
from sqlmodel import Session, select

from app.errors import Conflict, InvalidParameter, NotFound
from app.models import Actor, ActorAlias, ActorUpdate, Position, Statement
from app.services.registry import add_aliases, name_key


def current_actor_id(session: Session, actor_id: int) -> int:
    """Follow merges: the id of the actor that `actor_id` is, or became."""
    seen: set[int] = set()
    while True:
        actor = session.get(Actor, actor_id)
        if actor is None:
            raise NotFound(f"No actor with id {actor_id}.")
        if actor.merged_into_id is None or actor_id in seen:
            return actor_id
        seen.add(actor_id)
        actor_id = actor.merged_into_id


def _live(session: Session, actor_id: int) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None or actor.merged_into_id is not None:
        raise NotFound(f"No actor with id {actor_id}" + (" (it was merged)." if actor else "."))
    return actor


def country_code(value: str) -> str:
    """`NOR`, `no`, `Norway` -> `NOR` (ISO 3166 alpha-3)."""
    try:
        country = pycountry.countries.lookup(value.strip())
    except LookupError as error:
        raise InvalidParameter(f"country: {value!r} is not an ISO 3166 country") from error
    return str(country.alpha_3)


def update_actor(session: Session, actor_id: int, data: ActorUpdate) -> Actor:
    actor = _live(session, actor_id)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("name"):
        key = name_key(changes["name"])
        if not key:
            raise InvalidParameter("name: has no letters or digits")
        other = session.exec(select(Actor).where(Actor.name_key == key, Actor.id != actor.id)).first()
        if other is not None:
            raise Conflict(f"Actor {other.id} is already named {other.name!r}; merge instead.")
        add_aliases(session, ActorAlias, "actor_id", actor.id, {actor.name, changes["name"]})  # type: ignore[arg-type]
        actor.name, actor.name_key = changes["name"], key
    if "kind" in changes and changes["kind"]:
        actor.kind = changes["kind"]
    if "country" in changes:
        actor.country = country_code(changes["country"]) if changes["country"] else None
    if "wikidata_id" in changes:
        actor.wikidata_id = changes["wikidata_id"]
    session.add(actor)
    session.commit()
    return actor


def add_alias(session: Session, actor_id: int, alias: str) -> Actor:
    actor = _live(session, actor_id)
    key = name_key(alias)
    if not key:
        raise InvalidParameter("alias: has no letters or digits")
    owner = session.exec(
        select(ActorAlias.actor_id).where(ActorAlias.alias_key == key, ActorAlias.actor_id != actor.id)
    ).first()
    if owner is not None:
        raise Conflict(f"{alias!r} is already an alias of actor {owner}.")
    add_aliases(session, ActorAlias, "actor_id", actor.id, {alias})  # type: ignore[arg-type]
    session.commit()
    return actor


def remove_alias(session: Session, actor_id: int, alias: str) -> None:
    actor = _live(session, actor_id)
    key = name_key(alias)
    if key == actor.name_key:
        raise Conflict("The actor's own name cannot be removed; rename it instead.")
    row = session.exec(
        select(ActorAlias).where(ActorAlias.actor_id == actor.id, ActorAlias.alias_key == key)
    ).first()
    if row is None:
        raise NotFound(f"Actor {actor_id} has no alias {alias!r}.")
    session.delete(row)
    session.commit()


def merge_actors(session: Session, source_id: int, into_id: int) -> Actor:
    """Everything said by or aimed at `source_id` moves to `into_id`, aliases too."""
    if source_id == into_id:
        raise InvalidParameter("An actor cannot be merged into itself.")
    source, into = _live(session, source_id), _live(session, into_id)
    session.exec(update(Statement).where(Statement.actor_id == source.id).values(actor_id=into.id))  # type: ignore[call-overload]
    session.exec(update(Position).where(Position.actor_id == source.id).values(actor_id=into.id))  # type: ignore[call-overload]
    session.exec(update(Position).where(Position.target_id == source.id).values(target_id=into.id))  # type: ignore[call-overload]
    aliases = set(session.exec(select(ActorAlias.alias).where(ActorAlias.actor_id == source.id)))
    session.exec(ActorAlias.__table__.delete().where(ActorAlias.actor_id == source.id))  # type: ignore[attr-defined]
    add_aliases(session, ActorAlias, "actor_id", into.id, aliases | {source.name})  # type: ignore[arg-type]
    # Earlier merges into the source now point straight at the survivor.
    session.exec(update(Actor).where(Actor.merged_into_id == source.id).values(merged_into_id=into.id))  # type: ignore[call-overload]
    source.merged_into_id = into.id
    session.add(source)
    session.commit()
    return into

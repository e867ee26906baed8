"""What curators change by hand: names, kinds, countries, aliases, merges — of actors
and of venues alike.

Merging keeps the old row as a pointer (`merged_into_id`), so its id keeps answering
(with a redirect) and names that matched it now find the survivor. Everything lives in
the registry, not in statements, so it survives re-extraction of articles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pycountry
from sqlalchemy import delete, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, SQLModel, select

from app.errors import Conflict, InvalidParameter, NotFound
from app.models import (
    Actor,
    ActorAlias,
    ActorUpdate,
    OfficeHolder,
    Position,
    PositionParty,
    Statement,
    Venue,
    VenueAlias,
    VenueUpdate,
)
from app.services import aggregates
from app.services.registry import add_aliases, name_key


@dataclass(frozen=True)
class Registry:
    """One curated table: its rows, their aliases, and the columns that point at a row."""

    noun: str
    table: Any  # Actor | Venue
    aliases: Any  # ActorAlias | VenueAlias
    owner: str  # the alias table's column naming its row
    references: tuple[Any, ...]  # columns moved by a merge


ACTORS = Registry("actor", Actor, ActorAlias, "actor_id",
                  (Statement.actor_id, Position.actor_id, Position.target_id, OfficeHolder.actor_id,
                   PositionParty.actor_id))
VENUES = Registry("venue", Venue, VenueAlias, "venue_id", (Statement.venue_id, Position.venue_id))


def current_id(session: Session, registry: Registry, row_id: int) -> int:
    """Follow merges: the id of the row that `row_id` is, or became."""
    seen: set[int] = set()
    while True:
        row = session.get(registry.table, row_id)
        if row is None:
            raise NotFound(f"No {registry.noun} with id {row_id}.")
        if row.merged_into_id is None or row_id in seen:
            return row_id
        seen.add(row_id)
        row_id = row.merged_into_id


def current_actor_id(session: Session, actor_id: int) -> int:
    return current_id(session, ACTORS, actor_id)


def _live(session: Session, registry: Registry, row_id: int) -> Any:
    row = session.get(registry.table, row_id)
    if row is None or row.merged_into_id is not None:
        raise NotFound(f"No {registry.noun} with id {row_id}" + (" (it was merged)." if row else "."))
    return row


def country_code(value: str) -> str:
    """`NOR`, `no`, `Norway` -> `NOR` (ISO 3166 alpha-3)."""
    try:
        country = pycountry.countries.lookup(value.strip())
    except LookupError as error:
        raise InvalidParameter(f"country: {value!r} is not an ISO 3166 country") from error
    return str(country.alpha_3)


def _rename(session: Session, registry: Registry, row: Any, name: str) -> None:
    """The old name stays an alias, so what found the row by it still does."""
    key = name_key(name)
    if not key:
        raise InvalidParameter("name: has no letters or digits")
    table = registry.table
    other = session.exec(select(table).where(table.name_key == key, table.id != row.id)).first()
    if other is not None:
        raise Conflict(f"{registry.noun.capitalize()} {other.id} is already named {other.name!r}; merge instead.")
    add_aliases(session, registry.aliases, registry.owner, row.id, {row.name, name})
    row.name, row.name_key = name, key


def update_actor(session: Session, actor_id: int, data: ActorUpdate) -> Actor:
    actor: Actor = _live(session, ACTORS, actor_id)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("name"):
        _rename(session, ACTORS, actor, changes["name"])
    if changes.get("kind"):
        actor.kind = changes["kind"]
    if "country" in changes:
        actor.country = country_code(changes["country"]) if changes["country"] else None
    if "wikidata_id" in changes:
        actor.wikidata_id = changes["wikidata_id"]
    session.add(actor)
    session.commit()
    return actor


def update_venue(session: Session, venue_id: int, data: VenueUpdate) -> Venue:
    venue: Venue = _live(session, VENUES, venue_id)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("name"):
        _rename(session, VENUES, venue, changes["name"])
    if changes.get("kind"):
        venue.kind = changes["kind"]
    if "place" in changes:
        venue.place = changes["place"] or None
    session.add(venue)
    session.commit()
    return venue


def add_alias(session: Session, registry: Registry, row_id: int, alias: str) -> SQLModel:
    row = _live(session, registry, row_id)
    key = name_key(alias)
    if not key:
        raise InvalidParameter("alias: has no letters or digits")
    owner_column = getattr(registry.aliases, registry.owner)
    owner = session.exec(
        select(owner_column).where(registry.aliases.alias_key == key, owner_column != row.id)
    ).first()
    if owner is not None:
        raise Conflict(f"{alias!r} is already an alias of {registry.noun} {owner}.")
    add_aliases(session, registry.aliases, registry.owner, row.id, {alias})
    session.commit()
    return row  # type: ignore[no-any-return]


def remove_alias(session: Session, registry: Registry, row_id: int, alias: str) -> None:
    row = _live(session, registry, row_id)
    key = name_key(alias)
    if key == row.name_key:
        raise Conflict(f"The {registry.noun}'s own name cannot be removed; rename it instead.")
    owner_column = getattr(registry.aliases, registry.owner)
    found = session.exec(
        select(registry.aliases).where(owner_column == row.id, registry.aliases.alias_key == key)
    ).first()
    if found is None:
        raise NotFound(f"{registry.noun.capitalize()} {row_id} has no alias {alias!r}.")
    session.delete(found)
    session.commit()


def merge(session: Session, registry: Registry, source_id: int, into_id: int) -> Any:
    """Everything pointing at `source_id` moves to `into_id`, aliases too."""
    if source_id == into_id:
        raise InvalidParameter(f"A {registry.noun} cannot be merged into itself.")
    source, into = _live(session, registry, source_id), _live(session, registry, into_id)
    if registry is ACTORS:
        # Both were parties of one position: the survivor's row already stands for both.
        kept = aliased(PositionParty)
        twin = select(kept.position_id).where(
            kept.actor_id == into.id, kept.position_id == PositionParty.position_id, kept.role == PositionParty.role
        ).exists()
        session.exec(delete(PositionParty).where(PositionParty.actor_id == source.id, twin))  # type: ignore[call-overload]
        aggregates.move_actor(session, source.id, into.id)
    for column in registry.references:
        session.exec(update(column.class_).where(column == source.id).values({column.key: into.id}))  # type: ignore[call-overload]
    owner_column = getattr(registry.aliases, registry.owner)
    aliases = set(session.exec(select(registry.aliases.alias).where(owner_column == source.id)))
    session.exec(registry.aliases.__table__.delete().where(owner_column == source.id))
    add_aliases(session, registry.aliases, registry.owner, into.id, aliases | {source.name})
    # Earlier merges into the source now point straight at the survivor.
    table = registry.table
    session.exec(update(table).where(table.merged_into_id == source.id).values(merged_into_id=into.id))  # type: ignore[call-overload]
    source.merged_into_id = into.id
    session.add(source)
    session.commit()
    return into

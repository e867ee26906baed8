"""Actors and venues: one row per name, found again by any folded spelling."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from sqlmodel import Session, select

from app import extraction
from app.models import Actor, ActorAlias, Venue, VenueAlias, last_word

_NON_WORD = re.compile(r"[\W_]+")
NAME_LIMIT = 300  # the name columns' length


def name_key(name: str) -> str:
    """Fold case, accents and punctuation: `Al-Zoubi` and `al zoubi` share `al zoubi`."""
    if not name.isascii():  # ASCII has no accents to strip (and most names are ASCII)
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", name.casefold()).strip()


# The extraction's four kinds, and the registry's finer kinds that belong to each.
_KIND_FAMILY = {
    "person": ("person",),
    "state": ("state",),
    "organisation": ("organisation", "international_organisation", "media"),
    "group": ("group", "armed_group", "political_group"),
}


def get_or_create_actor(session: Session, ref: extraction.ActorRef, mention: str | None = None) -> Actor:
    """The actor `ref` names (see `match_actor`)."""
    return match_actor(session, ref, mention)[0]


def match_actor(
    session: Session, ref: extraction.ActorRef, mention: str | None = None
) -> tuple[Actor, str]:
    """The actor `ref` names, found across articles or created on first sight, and how:
    `name`, `alias`, `surname` or `new`.

    Found by its folded name or any alias; a person also by surname, when exactly one
    known person fits: `De Mistura` alone joins `Staffan de Mistura`, and a later
    `Staffan de Mistura` upgrades an actor first known only as `De Mistura`.
    A surname mention is kept as an alias.
    """
    ref = dataclasses.replace(ref, name=ref.name[:NAME_LIMIT])
    key = name_key(ref.name)[:NAME_LIMIT]
    actor, how = _by_key(session, key, ref.kind)
    if actor is None and ref.kind == "person":
        actor, how = _person_by_surname(session, key, ref.name), "surname"
    if actor is None:
        actor, how = Actor(name=ref.name, name_key=key, kind=ref.kind), "new"
        session.add(actor)
        session.flush()
    aliases = {ref.name} if how != "name" else set()  # its own name is an alias already
    if mention and ref.method == "surname":
        aliases.add(mention)
    if aliases:
        add_aliases(session, ActorAlias, "actor_id", actor.id, aliases)  # type: ignore[arg-type]
    return actor, how


def _by_key(session: Session, key: str, kind: str) -> tuple[Actor | None, str]:
    actor = session.exec(select(Actor).where(Actor.name_key == key)).first()
    if actor is not None:
        # A curator merged it away: its name now belongs to the survivor.
        return (session.get(Actor, actor.merged_into_id), "alias") if actor.merged_into_id else (actor, "name")
    # An alias is only trusted within one kind: a surname is no name for a state.
    owners = select(ActorAlias.actor_id).where(ActorAlias.alias_key == key)
    family = _KIND_FAMILY.get(kind, (kind,))
    found = session.exec(select(Actor).where(Actor.id.in_(owners), Actor.kind.in_(family))).all()  # type: ignore[union-attr,attr-defined]
    return (found[0], "alias") if len(found) == 1 else (None, "new")


def _person_by_surname(session: Session, key: str, name: str) -> Actor | None:
    """The one person whose name ends with `key`, or whose whole name ends `key`."""
    people = select(Actor).where(Actor.kind == "person", Actor.merged_into_id.is_(None))  # type: ignore[union-attr]
    same_last = session.exec(people.where(Actor.last_word == last_word(key))).all()
    fuller = [a for a in same_last if a.name_key.endswith(" " + key)]
    if len(fuller) == 1:
        return fuller[0]
    if fuller:
        return None  # two people share that surname: keep them apart
    words = key.split()
    suffixes = [" ".join(words[i:]) for i in range(1, len(words))]
    shorter = session.exec(people.where(Actor.name_key.in_(suffixes))).all() if suffixes else []  # type: ignore[attr-defined]
    if len(shorter) != 1:
        return None
    # First known by surname only: now the full name is known, it becomes the name.
    actor = shorter[0]
    add_aliases(session, ActorAlias, "actor_id", actor.id, {actor.name})  # type: ignore[arg-type]
    actor.name, actor.name_key = name, key
    session.flush()
    return actor


def get_or_create_venue(session: Session, ref: extraction.VenueRef) -> Venue:
    ref = dataclasses.replace(ref, name=ref.name[:NAME_LIMIT], place=ref.place[:200] if ref.place else None)
    key = name_key(ref.name)
    venue = session.exec(select(Venue).where(Venue.name_key == key)).first()
    if venue is None:
        # A variant a curator added (or a merged venue's name) finds its venue.
        owners = select(VenueAlias.venue_id).where(VenueAlias.alias_key == key)
        found = session.exec(select(Venue).where(Venue.id.in_(owners))).all()  # type: ignore[union-attr]
        venue = found[0] if len(found) == 1 else None
    while venue is not None and venue.merged_into_id is not None:
        venue = session.get(Venue, venue.merged_into_id)
    if venue is None:
        venue = Venue(name=ref.name, name_key=key, kind=ref.kind, place=ref.place)
        session.add(venue)
        session.flush()
        aliases = {ref.name, *extraction.venue_variants(ref.name)}
        add_aliases(session, VenueAlias, "venue_id", venue.id, aliases)  # type: ignore[arg-type]
    return venue


def add_aliases(
    session: Session,
    table: type[ActorAlias] | type[VenueAlias],
    owner_column: str,
    owner_id: int,
    aliases: set[str],
) -> None:
    owner = getattr(table, owner_column)
    known = set(session.exec(select(table.alias_key).where(owner == owner_id)))
    for alias in sorted(a[:NAME_LIMIT] for a in aliases):
        key = name_key(alias)[:NAME_LIMIT]
        if key and key not in known:
            known.add(key)
            session.add(table(**{owner_column: owner_id, "alias": alias, "alias_key": key}))
    session.flush()


def actor_ids_matching(session: Session, query: str) -> list[int]:
    """Actors whose name or alias folds to `query`, or ends with it as a surname:
    `de Mistura` finds `Staffan de Mistura`."""
    key = name_key(query)
    if not key:
        return []
    last = last_word(key)
    by_name = select(Actor.id, Actor.name_key).where(
        Actor.last_word == last, Actor.merged_into_id.is_(None)  # type: ignore[union-attr]
    )
    by_alias = select(ActorAlias.actor_id, ActorAlias.alias_key).where(ActorAlias.last_word == last)
    found = [*session.exec(by_name).all(), *session.exec(by_alias).all()]
    return sorted({i for i, k in found if _ends_with(k, key)})


def _ends_with(name: str, key: str) -> bool:
    """`staffan de mistura` ends with the words `de mistura` (not with `stura`)."""
    return name == key or name.endswith(" " + key)


def venue_ids_matching(session: Session, query: str) -> list[int]:
    """Venues whose name or a known variant folds to `query` (`UNGA`, `General Assembly`)."""
    keys = {name_key(query)} | {name_key(v) for v in extraction.venue_variants(query)}
    keys.discard("")
    if not keys:
        return []
    by_name = select(Venue.id).where(Venue.name_key.in_(keys), Venue.merged_into_id.is_(None))  # type: ignore[union-attr]
    by_alias = select(VenueAlias.venue_id).where(VenueAlias.alias_key.in_(keys))
    return sorted(set(session.exec(by_name)) | set(session.exec(by_alias)))

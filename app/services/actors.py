"""The actor and venue registries as users browse them."""

from __future__ import annotations

import difflib
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from app.errors import NotFound
from app.models import (
    Actor,
    ActorAlias,
    ActorDetail,
    ActorPublic,
    ActorRef,
    PositionParty,
    Statement,
    Venue,
    VenueAlias,
    VenueCount,
    VenuePublic,
)
from app.services.pagination import decode_cursor, split_page
from app.services.registry import actor_ids_matching, name_key, venue_ids_matching


def _statement_counts(session: Session, column, ids: list[int]) -> dict[int, int]:  # type: ignore[no-untyped-def]
    if not ids:
        return {}
    query = select(column, func.count()).where(column.in_(ids)).group_by(column)
    return dict(session.exec(query).all())  # type: ignore[arg-type]


def _aliases(session: Session, table, owner, ids: list[int]) -> dict[int, list[str]]:  # type: ignore[no-untyped-def]
    found: dict[int, list[str]] = defaultdict(list)
    if ids:
        for owner_id, alias in session.exec(
            select(owner, table.alias).where(owner.in_(ids)).order_by(table.alias)
        ).all():
            found[owner_id].append(alias)
    return found


def _actor_publics(session: Session, actors: list[Actor]) -> list[ActorPublic]:
    ids = [a.id for a in actors]
    counts = _statement_counts(session, Statement.actor_id, ids)  # type: ignore[arg-type]
    aliases = _aliases(session, ActorAlias, ActorAlias.actor_id, ids)  # type: ignore[arg-type]
    return [
        ActorPublic(
            id=a.id,  # type: ignore[arg-type]
            name=a.name,
            kind=a.kind,
            country=a.country,
            wikidata_id=a.wikidata_id,
            aliases=aliases.get(a.id, []),  # type: ignore[arg-type]
            statement_count=counts.get(a.id, 0),  # type: ignore[arg-type]
        )
        for a in actors
    ]


# Actor names fetched at most for the fuzzy fallback of a search.
FUZZY_POOL = 50_000


def list_actors(
    session: Session,
    *,
    q: str | None,
    updated_since: datetime | None = None,
    limit: int,
    cursor: str | None = None,
) -> tuple[list[ActorPublic], str | None]:
    """Every actor by id, in keyset pages; or, with `q`, one page ranked by how well
    they match (see `search_actors`)."""
    query = select(Actor).where(Actor.merged_into_id.is_(None))  # type: ignore[union-attr]
    if updated_since is not None:
        query = query.where(Actor.updated_at >= updated_since)
    if q:
        return _actor_publics(session, search_actors(session, query, q, limit)), None
    after = decode_cursor(cursor)
    if after is not None:
        query = query.where(Actor.id > after)
    rows = session.exec(query.order_by(Actor.id).limit(limit + 1)).all()
    page, next_cursor = split_page(rows, limit, rows[limit - 1].id if len(rows) > limit else None)
    return _actor_publics(session, page), next_cursor


def search_actors(session: Session, query: Any, q: str, limit: int) -> list[Actor]:
    """`mistura` ranks `Staffan de Mistura` first: the name or an alias exactly, then by
    surname, then a name or alias that starts with or contains the words; when nothing
    contains them, the closest spellings (`Mistra`)."""
    key = name_key(q)
    if not key:
        return []
    exact = set(actor_ids_matching(session, q))
    aliases = select(ActorAlias.actor_id).where(ActorAlias.alias_key.contains(key))  # type: ignore[attr-defined]
    found = session.exec(
        query.where(Actor.id.in_(exact) | Actor.name_key.contains(key) | Actor.id.in_(aliases))  # type: ignore[union-attr,attr-defined]
        .order_by(Actor.id).limit(FUZZY_POOL)
    ).all()
    if not found:
        pool = session.exec(query.order_by(Actor.id).limit(FUZZY_POOL)).all()
        by_key = {a.name_key: a for a in pool}
        close = difflib.get_close_matches(key, list(by_key), n=limit, cutoff=0.75)
        # Surnames too: `mistra` is close to the last word of `staffan de mistura`.
        tails = {k.split()[-1]: k for k in by_key}
        close += [tails[t] for t in difflib.get_close_matches(key, list(tails), n=limit, cutoff=0.75)]
        return [by_key[k] for k in dict.fromkeys(close)][:limit]

    def rank(actor: Actor) -> tuple[int, int]:
        if actor.name_key == key:
            return 0, actor.id  # type: ignore[return-value]
        if actor.id in exact:
            return 1, actor.id  # type: ignore[return-value]
        if actor.name_key.startswith(key) or f" {key}" in f" {actor.name_key}":
            return 2, actor.id  # type: ignore[return-value]
        return 3, actor.id  # type: ignore[return-value]

    return sorted(found, key=rank)[:limit]


def actor_refs(session: Session, ids: frozenset[int] | None) -> list[ActorRef]:
    """The actors a request's names matched, as `matched_actors` reports them."""
    rows = session.exec(select(Actor).where(Actor.id.in_(ids)).order_by(Actor.id)).all() if ids else []  # type: ignore[union-attr]
    return [ActorRef(id=a.id, name=a.name, kind=a.kind) for a in rows]  # type: ignore[arg-type]


def read_actor(session: Session, actor_id: int) -> ActorDetail:
    """The actor with its aliases, counts, first and last dates spoken, and top venues."""
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound(f"No actor with id {actor_id}.")
    first, last = session.exec(
        select(func.min(Statement.said_on), func.max(Statement.said_on)).where(Statement.actor_id == actor_id)
    ).one()
    # Every position it holds, alone or jointly (`the US and France accused ...`).
    positions = session.exec(
        select(func.count()).select_from(PositionParty)
        .where(PositionParty.actor_id == actor_id, PositionParty.role == "actor")
    ).one()
    count = func.count(Statement.id)
    venues = session.exec(
        select(Venue.id, Venue.name, count).join(Venue, Venue.id == Statement.venue_id)
        .where(Statement.actor_id == actor_id).group_by(Venue.id, Venue.name)
        .order_by(count.desc(), Venue.id).limit(5)
    ).all()
    return ActorDetail(
        **_actor_publics(session, [actor])[0].model_dump(),
        position_count=positions,
        first_date=first,
        last_date=last,
        top_venues=[VenueCount(id=i, name=n, statement_count=c) for i, n, c in venues],
    )


def list_venues(session: Session, *, q: str | None) -> list[VenuePublic]:
    """Every venue, or those whose name or variant matches `q` (`UNGA`)."""
    query = select(Venue).where(Venue.merged_into_id.is_(None)).order_by(Venue.name)  # type: ignore[union-attr]
    if q:
        key = name_key(q)
        query = query.where(
            Venue.id.in_(venue_ids_matching(session, q)) | Venue.name_key.contains(key)  # type: ignore[union-attr,attr-defined]
        )
    return _venue_publics(session, list(session.exec(query).all()))


def read_venue(session: Session, venue_id: int) -> VenuePublic:
    venue = session.get(Venue, venue_id)
    if venue is None:
        raise NotFound(f"No venue with id {venue_id}.")
    return _venue_publics(session, [venue])[0]


def _venue_publics(session: Session, venues: list[Venue]) -> list[VenuePublic]:
    ids = [v.id for v in venues]
    counts = _statement_counts(session, Statement.venue_id, ids)  # type: ignore[arg-type]
    aliases = _aliases(session, VenueAlias, VenueAlias.venue_id, ids)  # type: ignore[arg-type]
    return [
        VenuePublic(
            id=v.id,  # type: ignore[arg-type]
            name=v.name,
            kind=v.kind,
            place=v.place,
            aliases=aliases.get(v.id, []),  # type: ignore[arg-type]
            statement_count=counts.get(v.id, 0),  # type: ignore[arg-type]
        )
        for v in venues
    ]
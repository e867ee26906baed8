"""The seed registry (data/registry.json): well-known states, organisations, people and
offices with dated holders, added to the database where missing.

Only what is missing is added: an actor or office already there is left as it is, so a
curator's renames, merges and removed aliases stay. The server seeds on its first start
(no offices yet); `parley seed` adds whatever a newer registry file brings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.db import write_transaction
from app.extraction.lexicons import capitals
from app.models import Actor, ActorAlias, Office, OfficeAlias, OfficeHolder
from app.services.offices import office_aliases, office_key
from app.services.registry import add_aliases, name_key

REGISTRY = Path(__file__).parent / "data" / "registry.json"


@dataclass
class SeedReport:
    actors: int = 0
    offices: int = 0
    holders: int = 0


@lru_cache(maxsize=1)
def registry_data() -> dict[str, Any]:
    return json.loads(REGISTRY.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def seed_if_new(engine: Engine) -> SeedReport | None:
    """Seed a database that was never seeded (it has no offices); None if it was."""
    with Session(engine) as session:
        try:
            with write_transaction(session):
                # Checked inside the write, so two workers starting at once seed once.
                if session.exec(select(Office.id)).first() is not None:
                    session.rollback()
                    return None
                return seed_registry(session)
        except IntegrityError:
            session.rollback()
            return None  # PostgreSQL: the other worker got there first


def seed_registry(session: Session) -> SeedReport:
    """Add the registry's missing actors, aliases of new actors, offices and holders; commits."""
    data = registry_data()
    report = SeedReport()
    actors = _known_actors(session, data)
    created: set[str] = set()

    def ensure(name: str, kind: str, aliases: list[str], country: str | None = None) -> Actor:
        key = name_key(name)
        actor = actors.get(key)
        if actor is not None:
            if key in created and actor.country is None:
                actor.country = country  # a person listed first, then as a minister of a state
            return actor
        actor = Actor(name=name, name_key=key, kind=kind, country=country)
        session.add(actor)
        session.flush()
        add_aliases(session, ActorAlias, "actor_id", actor.id, {name, *aliases})  # type: ignore[arg-type]
        actors[key] = actor
        created.add(key)
        report.actors += 1
        return actor

    country_names = {}
    # Capitals as metonyms (`Moscow said`) are the engine's data; each is an alias of its state.
    capital_of = {state: city for city, state in capitals().items()}
    for state in data["states"]:
        country = pycountry.countries.get(alpha_3=state["code"])
        official = [getattr(country, field, None) for field in ("name", "official_name", "common_name")]
        aliases = [a for a in [*official, capital_of.get(state["name"]), *state.get("aliases", [])] if a]
        ensure(state["name"], "state", aliases, state["code"])
        country_names[state["code"]] = state["name"]
    for organisation in data["organisations"]:
        ensure(organisation["name"], organisation["kind"], organisation.get("aliases", []))
    for person in data["people"]:
        ensure(person["name"], "person", person.get("aliases", []), person.get("country"))

    offices = set(session.exec(select(Office.title_key)))
    for entry in data["offices"]:
        key = office_key(entry["title"])
        if key in offices:
            continue
        entry = {**entry, "country_name": country_names.get(entry.get("country", ""))}
        office = Office(title=entry["title"], title_key=key, country=entry.get("country"),
                        scope="|".join(office_key(s) for s in entry.get("scope", [])) or None)
        session.add(office)
        session.flush()
        seen: set[str] = set()
        for alias, generic in office_aliases(entry):
            alias_key = office_key(alias)
            if alias_key and alias_key not in seen:
                seen.add(alias_key)
                session.add(OfficeAlias(office_id=office.id, alias=alias, alias_key=alias_key, generic=generic))  # type: ignore[arg-type]
        for name, start, end in entry["holders"]:
            holder = ensure(name, "person", [], entry.get("country"))
            session.add(OfficeHolder(office_id=office.id, actor_id=holder.id,  # type: ignore[arg-type]
                                     start_on=date.fromisoformat(start),
                                     end_on=date.fromisoformat(end) if end else None))
            report.holders += 1
        report.offices += 1
    session.commit()
    return report


def _known_actors(session: Session, data: dict[str, Any]) -> dict[str, Actor]:
    """The actors already stored under the registry's names, by folded name."""
    names = [e["name"] for key in ("states", "organisations", "people") for e in data[key]]
    names += [holder[0] for office in data["offices"] for holder in office["holders"]]
    keys = sorted({name_key(n) for n in names})
    return {a.name_key: a for a in session.exec(select(Actor).where(Actor.name_key.in_(keys))).all()}  # type: ignore[attr-defined]

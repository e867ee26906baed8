"""The seed registry and offices with dated holders: who `the UN envoy` was on a day."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from app import extraction
from app.models import Actor, Office
from app.services.offices import folded_text, holder_on, office_key
from app.services.resolution import ArticleLookups, resolve_actor
from app.services.seed import seed_registry


def describe(words: str) -> extraction.ActorRef:
    return extraction.ActorRef(name=words, kind="person", method="description")


def test_seeding_adds_states_with_capitals_and_runs_once(session: Session) -> None:
    first = seed_registry(session)
    assert first.actors > 200 and first.offices > 10
    russia = session.exec(select(Actor).where(Actor.name == "Russia")).one()
    assert (russia.kind, russia.country) == ("state", "RUS")
    again = seed_registry(session)
    assert (again.actors, again.offices, again.holders) == (0, 0, 0)


def test_a_capital_resolves_to_its_state_as_an_alias(session: Session) -> None:
    seed_registry(session)
    found = resolve_actor(session, extraction.ActorRef(name="Moscow", kind="state"), mention="Moscow")
    assert (found.actor.name, found.method, found.matched) == ("Russia", "alias", "Moscow")
    named = resolve_actor(session, extraction.ActorRef(name="Russia", kind="state"))
    assert named.actor.id == found.actor.id and named.method == "name"


def test_a_role_resolves_to_whoever_held_the_office_that_day(session: Session) -> None:
    seed_registry(session)
    article = folded_text("Talks on Yemen resumed in Kuwait.")
    in_2016 = holder_on(session, "UN envoy for Yemen", date(2016, 5, 1), article)
    in_2019 = holder_on(session, "U.N. envoy for Yemen", date(2019, 5, 1), article)
    assert in_2016 is not None and in_2016.name == "Ismail Ould Cheikh Ahmed"
    assert in_2019 is not None and in_2019.name == "Martin Griffiths"
    minister = holder_on(session, "Russia's foreign minister", date(2010, 1, 1), article)
    assert minister is not None and minister.name == "Sergey Lavrov"


def test_a_generic_title_needs_the_article_to_name_its_scope(session: Session) -> None:
    seed_registry(session)
    on = date(2020, 3, 1)
    assert holder_on(session, "the UN envoy", on, folded_text("Fighting went on near the coast.")) is None
    yemen = holder_on(session, "UN envoy", on, folded_text("The Yemeni parties met in Sweden."))
    syria = holder_on(session, "UN envoy", on, folded_text("The Syrian parties met in Geneva."))
    assert yemen is not None and syria is not None and yemen.id != syria.id
    assert holder_on(session, "UN envoy", None, folded_text("Syria")) is None  # no date, no holder


def test_resolution_says_office_and_keeps_the_words(session: Session) -> None:
    seed_registry(session)
    found = resolve_actor(session, describe("Russian foreign minister"), "the Russian foreign minister",
                          date(2016, 12, 9), ArticleLookups("Russia and Turkey"))
    assert (found.actor.name, found.method, found.matched) == ("Sergey Lavrov", "office", "the Russian foreign minister")
    unknown = resolve_actor(session, describe("deputy harbour master"), "the deputy harbour master", date(2016, 1, 1))
    assert unknown.method == "description" and unknown.actor.name == "deputy harbour master"


def test_office_keys_join_initials() -> None:
    assert office_key("U.N. envoy") == office_key("UN envoy") == "un envoy"
    assert office_key("U.S. Secretary of State") == "us secretary of state"


def test_seeding_leaves_curated_actors_alone(session: Session) -> None:
    session.add(Actor(name="Russia", name_key="russia", kind="state", country=None))
    session.commit()
    seed_registry(session)
    russia = session.exec(select(Actor).where(Actor.name_key == "russia")).one()
    assert russia.country is None  # already there: not the seed's to change
    assert session.exec(select(Office)).first() is not None

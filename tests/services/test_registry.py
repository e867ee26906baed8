"""Actor and venue lookups by folded names, on the real database."""

from __future__ import annotations

from sqlmodel import Session

from app import extraction
from app.models import ArticleCreate
from app.services.registry import (
    actor_ids_matching,
    get_or_create_actor,
    get_or_create_venue,
    name_key,
    venue_ids_matching,
)


def test_name_key_folds_case_accents_and_punctuation() -> None:
    assert name_key("Al-Zoubi") == name_key("al zoubi") == "al zoubi"
    assert name_key("  Jos\u00e9  Mar\u00eda ") == "jose maria"
    assert name_key("U.N.") == "u n"
    assert name_key("...") == ""


def test_actor_found_by_name_surname_and_alias(session: Session) -> None:
    ref = extraction.ActorRef(name="Ingrid Halvorsen", kind="person", method="surname")
    actor = get_or_create_actor(session, ref, mention="Halvorsen")
    again = get_or_create_actor(session, extraction.ActorRef(name="ingrid halvorsen", kind="person"))
    assert again.id == actor.id
    for query in ("Ingrid Halvorsen", "halvorsen", "HALVÖRSEN", "Ingrid-Halvorsen"):
        assert actor_ids_matching(session, query) == [actor.id]
    other = get_or_create_actor(session, extraction.ActorRef(name="Per Halvorsen", kind="person"))
    assert actor_ids_matching(session, "Halvorsen") == sorted([actor.id, other.id])
    assert actor_ids_matching(session, "Ingrid Halvorsen") == [actor.id]
    assert actor_ids_matching(session, "Ingrid") == []
    assert actor_ids_matching(session, "%") == []


def test_venue_found_by_any_variant(session: Session) -> None:
    venue = get_or_create_venue(session, extraction.VenueRef(name="UN General Assembly", kind="body"))
    for query in ("UN General Assembly", "UNGA", "general assembly", "United Nations General Assembly"):
        assert venue_ids_matching(session, query) == [venue.id], query
    talks = get_or_create_venue(session, extraction.VenueRef(name="Tbilisi talks", kind="talks", place="Tbilisi"))
    assert venue_ids_matching(session, "tbilisi talks") == [talks.id]
    assert venue_ids_matching(session, "Security Council") == []


def test_published_at_accepts_a_timestamp() -> None:
    article = ArticleCreate(text="x", published_at="2019-03-15T22:10:00Z")
    assert str(article.published_at) == "2019-03-15"


def person(name: str) -> extraction.ActorRef:
    return extraction.ActorRef(name=name, kind="person")


def test_surname_alone_joins_the_one_known_person(session: Session) -> None:
    full = get_or_create_actor(session, person("Ingrid Halvorsen"))
    assert get_or_create_actor(session, person("Halvorsen")).id == full.id
    assert get_or_create_actor(session, person("HALVORSEN")).id == full.id
    # A state or group is never matched by a person's surname.
    group = get_or_create_actor(session, extraction.ActorRef(name="Halvorsen", kind="group"))
    assert group.id != full.id


def test_full_name_upgrades_an_actor_known_by_surname(session: Session) -> None:
    short = get_or_create_actor(session, person("Okonkwo"))
    full = get_or_create_actor(session, person("Adaeze Okonkwo"))
    assert full.id == short.id
    assert full.name == "Adaeze Okonkwo"
    assert actor_ids_matching(session, "Okonkwo") == [full.id]
    assert actor_ids_matching(session, "adaeze okonkwo") == [full.id]


def test_people_sharing_a_surname_stay_apart(session: Session) -> None:
    ingrid = get_or_create_actor(session, person("Ingrid Halvorsen"))
    per = get_or_create_actor(session, person("Per Halvorsen"))
    assert ingrid.id != per.id
    # Ambiguous now: a bare surname gets an actor of its own rather than a guess.
    bare = get_or_create_actor(session, person("Halvorsen"))
    assert bare.id not in (ingrid.id, per.id)


def test_overlong_names_are_clipped_to_their_columns(session: Session) -> None:
    name = "Envoy " + "Verylongname " * 60
    actor = get_or_create_actor(session, person(name.strip()), mention="x" * 2000)
    assert len(actor.name) <= 300
    venue = get_or_create_venue(session, extraction.VenueRef(name="talks " * 100, kind="talks", place="p" * 500))
    assert len(venue.name) <= 300 and len(venue.place or "") <= 200

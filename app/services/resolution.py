"""Extracted speaker -> stored actor, keeping how it was found (the statement's `resolution`)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from sqlmodel import Session

from app import extraction
from app.models import Actor
from app.services.offices import folded_text, holder_on
from app.services.registry import match_actor


@dataclasses.dataclass(frozen=True)
class Resolution:
    """An actor and how a mention led to it (the statement's `resolution`)."""

    actor: Actor
    method: str
    matched: str | None
    confidence: float


def resolve_actor(
    session: Session,
    ref: extraction.ActorRef,
    mention: str | None = None,
    on: date | None = None,
    article: str = "",
    known: dict[tuple[object, ...], Any] | None = None,
) -> Resolution:
    """The stored actor behind an extracted speaker, and how it was found.

    A role the article never ties to a name (`the Russian foreign minister`) is the
    office's holder on day `on` (`article`: the article's text, for an office's scope);
    otherwise the actor by name, alias or surname, created on first sight. `known`
    keeps lookups for the rest of an article: it names the same few actors many times.
    """
    known = {} if known is None else known
    matched = ref.matched or mention
    if ref.method == "description":
        office = ("office", ref.name, on)
        if office not in known:
            if ("folded",) not in known:
                known[("folded",)] = folded_text(article)
            known[office] = holder_on(session, ref.name, on, known[("folded",)])
        if known[office] is not None:
            return Resolution(known[office], "office", matched, round(ref.confidence * 0.9, 3))
    # A surname mention is kept as an alias, so it is part of what is looked up.
    lookup = (ref.name, ref.kind, mention if ref.method == "surname" else None)
    if lookup not in known:
        known[lookup] = match_actor(session, ref, mention)
    actor, how = known[lookup]
    method = how if ref.method == "name" and how in ("alias", "surname") else ref.method
    return Resolution(actor, method, matched, ref.confidence)

"""Extracted speaker -> stored actor, keeping how it was found (the statement's `resolution`)."""

from __future__ import annotations

import dataclasses
import functools
from datetime import date

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


@dataclasses.dataclass
class ArticleLookups:
    """What one article's resolutions looked up, kept for the rest of it: an article
    names the same few actors many times."""

    text: str
    actors: dict[tuple[str, str, str | None], tuple[Actor, str]] = dataclasses.field(default_factory=dict)
    offices: dict[tuple[str, date | None], Actor | None] = dataclasses.field(default_factory=dict)

    @functools.cached_property
    def folded(self) -> str:
        """The text as office scopes are checked against (only an office needs it)."""
        return folded_text(self.text)


def resolve_actor(
    session: Session,
    ref: extraction.ActorRef,
    mention: str | None = None,
    on: date | None = None,
    lookups: ArticleLookups | None = None,
) -> Resolution:
    """The stored actor behind an extracted speaker, and how it was found.

    A role the article never ties to a name (`the Russian foreign minister`) is the
    office's holder on day `on` (when the article mentions the office's scope);
    otherwise the actor by name, alias or surname, created on first sight.
    """
    lookups = lookups if lookups is not None else ArticleLookups("")
    matched = ref.matched or mention
    if ref.method == "description":
        office = (ref.name, on)
        if office not in lookups.offices:
            lookups.offices[office] = holder_on(session, ref.name, on, lookups.folded)
        holder = lookups.offices[office]
        if holder is not None:
            return Resolution(holder, "office", matched, round(ref.confidence * 0.9, 3))
    # A surname mention is kept as an alias, so it is part of what is looked up.
    key = (ref.name, ref.kind, mention if ref.method == "surname" else None)
    if key not in lookups.actors:
        lookups.actors[key] = match_actor(session, ref, mention)
    actor, how = lookups.actors[key]
    method = how if ref.method == "name" and how in ("alias", "surname") else ref.method
    return Resolution(actor, method, matched, ref.confidence)

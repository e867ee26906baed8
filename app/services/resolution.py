"""Extracted speaker -> stored actor, keeping how it was found (the statement's `resolution`)."""

from __future__ import annotations

import dataclasses
from datetime import date

from sqlmodel import Session

from app import extraction
from app.models import Actor
from app.services.offices import holder_on
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
) -> Resolution:
    """The stored actor behind an extracted speaker, and how it was found.

    A role the article never ties to a name (`the Russian foreign minister`) is the
    office's holder on day `on` (`article`: the folded text, see offices.folded_text);
    otherwise the actor by name, alias or surname, created on first sight.
    """
    matched = getattr(ref, "matched", None) or mention
    confidence = getattr(ref, "confidence", 1.0)
    if ref.method == "description":
        holder = holder_on(session, ref.name, on, article)
        if holder is not None:
            return Resolution(holder, "office", matched, round(confidence * 0.9, 3))
    actor, how = match_actor(session, ref, mention)
    method = how if ref.method == "name" and how in ("alias", "surname") else ref.method
    return Resolution(actor, method, matched, confidence)

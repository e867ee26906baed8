"""Typed results of the extraction engine.

Everything here is a frozen dataclass of plain values: the engine hands these to
the service layer, which turns them into rows. Offsets are Python string indices
into the article text (0-based, end exclusive), as in the eval record format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

StatementKind = Literal["direct", "indirect", "mixed"]
ActorKind = Literal["person", "state", "organisation", "group"]
VenueKind = Literal["body", "talks", "conference", "press_conference"]
PositionType = Literal[
    "demand", "reject", "propose", "agree", "support", "criticize", "threaten", "deny", "intend"
]


@dataclass(frozen=True)
class Span:
    """A stretch of the article: `text == article[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ActorRef:
    """Who a mention resolves to, under the fullest name the article gives.

    `method` says how it was resolved: name | surname | pronoun | title | group.
    """

    name: str
    kind: ActorKind
    method: str = "name"


@dataclass(frozen=True)
class VenueRef:
    """Where a statement was made: `UN General Assembly`, `Ankara talks`,
    `press conference in Rome` (kind press_conference, place Rome)."""

    name: str
    kind: VenueKind
    place: str | None = None


@dataclass(frozen=True)
class Statement:
    """One attributed statement: `He added: "We will go."` yields a direct
    statement with content `We will go.` and speaker mention `He`."""

    kind: StatementKind
    content: Span
    speaker_mention: Span | None
    speaker: ActorRef | None
    cue: Span | None
    venue: VenueRef | None
    said_on: date | None
    confidence: float


@dataclass(frozen=True)
class Position:
    """A stance: `Russia insists that 900 fighters leave` yields a demand by
    Russia with content `900 fighters leave`."""

    type: PositionType
    actor: ActorRef | None
    content: Span
    target: ActorRef | None
    venue: VenueRef | None
    said_on: date | None
    confidence: float
    # Index into Extraction.statements of the statement it came from, if any.
    statement_index: int | None = None


@dataclass(frozen=True)
class Extraction:
    statements: tuple[Statement, ...] = ()
    positions: tuple[Position, ...] = ()
    extractor_version: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

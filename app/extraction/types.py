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

    `method` says how it was resolved: name | surname | pronoun | title | group |
    description (a role phrase linked to no one the article names: `name` is the role
    without its determiner, `Russian foreign minister`, for a lookup among office
    holders). `matched` is the mention text it was resolved from (`the UN envoy`,
    `He`, `De Mistura`); `confidence` how sure the resolution is (0..1).
    """

    name: str
    kind: ActorKind
    method: str = "name"
    matched: str | None = None
    confidence: float = 1.0


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
    Russia with content `900 fighters leave`.

    Holders and addressees, one ActorRef per party:
    - `actors`: who holds it. `The US and France accused Russia of X` is one position
      with actors (US, France); `actor` joins them as the annotation guidelines write
      joint holders, `US and France` (kind group unless all share a kind).
    - `targets`: whom it is addressed to or laid against. `demanded that Turkey and Iran
      withdraw` has targets (Turkey, Iran); `target` joins them like `actor`.

    Context flags (after PLOVER's), all False for a plain `Ostland rejected the plan`:
    - `negated`: the stance word itself is negated and the type could not absorb it:
      `did not demand a truce` is a demand with negated True. A negated acceptance is
      absorbed: `will not accept X`, `cannot accept X`, `refused to agree to X` are
      type reject with negated False.
    - `hypothetical`: a conditional or modal frame, not an act: `would accept it if ...`,
      `could accept`, `may agree`, `is unlikely to agree`. A threat keeps False: its
      condition is part of what it threatens (`would boycott the talks if ...`).
    - `future`: stated as a future intention: `will not accept X` (reject, future),
      `is going to propose`, `plans to sign`, `would next meet` in reported speech.
    - `historical`: reported as past relative to the article, not the simple past of
      news: `had demanded in 2015`, `previously rejected`, `last year proposed`. A past
      perfect under a past reporting verb (`said Russia had rejected`) is only the
      tense shift of reported speech and does not count.

    `certainty` in [0, 1]: how firmly the text says the actor holds the stance; hedges
    and modals lower it (data/stance_context.json): `seems to insist` 0.6, `may accept`
    0.5, `reportedly rejected` 0.6. `X is unlikely to agree` stays an agree, with
    hypothetical True and certainty 0.3, rather than becoming a reject: it predicts
    X's stance and takes none (GUIDELINES: predictions are not positions), so the type
    keeps the stance the text names and the flags say that nobody took it yet.
    """

    type: PositionType
    actors: tuple[ActorRef, ...]
    content: Span
    targets: tuple[ActorRef, ...]
    venue: VenueRef | None
    said_on: date | None
    confidence: float
    # Index into Extraction.statements of the statement it came from, if any.
    statement_index: int | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    certainty: float = 1.0

    @property
    def actor(self) -> ActorRef | None:
        """The holders as one party: ActorRef("US and France", "state", "group") for two."""
        return Position.joint(self.actors)

    @property
    def target(self) -> ActorRef | None:
        """The addressees as one party, like `actor`."""
        return Position.joint(self.targets)

    @staticmethod
    def joint(refs: tuple[ActorRef, ...]) -> ActorRef | None:
        """None, the only party, or `A, B and C` as a group (kind shared by states or
        organisations, else group)."""
        if len(refs) <= 1:
            return refs[0] if refs else None
        names = [ref.name for ref in refs]
        kinds = {ref.kind for ref in refs}
        kind: ActorKind = kinds.pop() if len(kinds) == 1 and kinds <= {"state", "organisation"} else "group"
        return ActorRef(name=", ".join(names[:-1]) + " and " + names[-1], kind=kind, method="group")


@dataclass(frozen=True)
class Extraction:
    statements: tuple[Statement, ...] = ()
    positions: tuple[Position, ...] = ()
    extractor_version: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

"""The stance lexicon (data/stances.json) and the lookups every position reader shares.

A reader turns a verb, adjective or noun into a `Found` stance; `extract_positions`
turns each `Found` into a `Position`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from spacy.tokens import Doc, Token

from app.extraction.candidates import text_of
from app.extraction.lexicons import data_json
from app.extraction.types import ActorKind, ActorRef, Position, PositionType, Statement

FIRST_PERSON = {"i", "we", "us", "me"}
THIRD_PERSON = {"he", "she", "him", "her"}
ENTITY_KINDS: dict[str, ActorKind] = {"GPE": "state", "PERSON": "person", "ORG": "organisation", "NORP": "group"}
# How sure each source is; narrative and judgement readings are the shakiest.
CONFIDENCE = {"cue": 0.8, "content": 0.65, "judgement": 0.55, "narrative": 0.6}


@dataclass(frozen=True)
class Found:
    """A stance a reader found: its type, char offsets before trimming, holders (one per
    party), the `source` (a key of CONFIDENCE) that says how it was read, and whom it
    addresses. `anchor` is the word that carries the stance, whose frame (`seems to`,
    `will`, `had ... in 2015`) context.py reads; `negated` says the reader found that word
    negated and could not turn the negation into the type (`did not demand`)."""

    type: PositionType
    start: int
    end: int
    actors: tuple[ActorRef, ...]
    source: str
    targets: tuple[ActorRef, ...] = ()
    anchor: Token | None = None
    negated: bool = False

    @property
    def actor(self) -> ActorRef | None:
        """The holders as one party, as Position.actor gives them."""
        return Position.joint(self.actors)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """data/stances.json with its verb and noun tables as sets: `lexicon()["cue_verbs"]["demand"]`
    holds `call for`."""
    data = dict(data_json("stances.json"))  # a copy: the shared parse stays as read
    for table in ("cue_verbs", "content_verbs", "cue_objects"):
        data[table] = {kind: frozenset(words) for kind, words in data[table].items() if not kind.startswith("_")}
    return data


def verb_phrases(token: Token) -> tuple[str, ...]:
    """`call`, `call for`, `ask for`, `put forward`: the lemma with its particle or preposition.

    In `They called for a ceasefire.`, `called` yields ("call for", "call")."""
    lemmas = lemma_forms(token)
    follower = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if follower is not None and follower.dep_ == "prt" and follower.head.i == token.i:
        # `back out`, `turn down`: a particle verb means something else than its bare verb
        return tuple(f"{lemma} {follower.lower_}" for lemma in lemmas)
    if follower is not None and follower.dep_ == "prep" and follower.head.i == token.i:
        return tuple(f"{lemma} {follower.lower_}" for lemma in lemmas) + lemmas
    return lemmas


def lemma_forms(token: Token) -> tuple[str, ...]:
    """The model's lemma, plus the `-e` stem the small model sometimes misses (`hoping` -> `hop`).

    In `We are hoping for calm.`, `hoping` yields ("hop", "hope") when the model says `hop`."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    for suffix in ("ing", "ed", "es"):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)] + "e"
            if stem != lemma:
                return lemma, stem
    return (lemma,)


def stance_type(token: Token, table: dict[str, frozenset[str]]) -> PositionType | None:
    """The stance a verb names in one of the lexicon's verb tables: in `They rejected the plan.`,
    `rejected` yields "reject"; a verb in no table yields None."""
    for phrase in verb_phrases(token):
        for kind, words in table.items():
            if phrase in words:
                return cast(PositionType, kind)
    return None


def endorsed_party(token: Token, kind: PositionType) -> PositionType:
    """`endorsed the deal` is agreement; `endorsed Halvorsen` is support of a party: the
    second yields "support", anything else keeps `kind`."""
    if kind == "agree" and token.lemma_.lower() == "endorse":
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if objects and (objects[0].pos_ == "PROPN" or objects[0].ent_type_ in ENTITY_KINDS):
            return "support"
    return kind


def absorb_negation(token: Token, kind: PositionType) -> tuple[PositionType, bool]:
    """The type a possibly negated stance verb takes, and whether the negation is left over:
    `will not accept the plan` -> ("reject", False), the type absorbs it; `did not demand a
    truce` -> ("demand", True); `rejected the plan` -> ("reject", False)."""
    # `never will accept`: the parser may hang the negation on the auxiliary
    auxes = [c for c in token.children if c.dep_ == "aux"]
    if not any(c.dep_ == "neg" for t in [token, *auxes] for c in t.children):
        return kind, False
    if token.lemma_.lower() in lexicon()["negated_acceptance_verbs"]:
        return "reject", False
    return kind, True


def blocked_stance(token: Token) -> bool:
    """`failed to agree`, `declined to ratify`: the governing verb cancels (or is) the stance;
    True for `agree` in `They failed to agree on a text.`"""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in lexicon()["stance_blocking_verbs"]


def has_threat(doc: Doc, lo: int, hi: int, conditional: bool) -> bool:
    """True when chars [lo, hi) hold a threat word: `they would walk out if the shelling goes on`
    counts only with `conditional`, which admits `if` and `unless`."""
    return _threat_pattern(conditional).search(text_of(doc)[lo:hi].lower()) is not None


@lru_cache(maxsize=2)
def _threat_pattern(conditional: bool) -> re.Pattern[str]:
    # one alternation finds a match exactly where some word alone would
    words = lexicon()["threat_words"]
    pool = words if conditional else [w for w in words if w not in ("if", "unless")]
    return _any_of(re.escape(w) for w in pool)


def _any_of(alternatives: Iterable[str]) -> re.Pattern[str]:
    r"""`\b(?:a|b|...)\b`, which never matches when there are no alternatives."""
    joined = "|".join(alternatives)
    return re.compile(r"\b(?:" + joined + r")\b" if joined else r"(?!)")


def speaks_for_document(st: Statement) -> bool:
    """A quoted text (`The text prepared by X reads: "The Assembly calls for ..."`) is its drafter's:
    True when the statement's speaker mention names a document."""
    mention = st.speaker_mention.text.lower() if st.speaker_mention else ""
    return _document_noun_pattern().search(mention) is not None


@lru_cache(maxsize=1)
def _document_noun_pattern() -> re.Pattern[str]:
    # the nouns are used as regex source, as they always were (none holds a metacharacter)
    return _any_of(lexicon()["document_nouns"])


def is_document(token: Token) -> bool:
    """True for `draft` in `The draft calls for a truce.`: a document noun, not a party."""
    return token.lemma_.lower() in lexicon()["document_nouns"]

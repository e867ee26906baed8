"""Dependency-tree questions the position readers ask of a token: its subject, its clause,
its agents, whether it is negated or hypothetical."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from app.extraction.candidates import subject_past_dateline
from app.extraction.positions.index import doc_index

SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLAUSAL_SUBJECT_DEPS = ("csubj", "csubjpass")


def subject_of(token: Token, clausal: bool = False) -> Token | None:
    """The subject of a verb; `clausal` admits `taking action now is not conducive` (csubj).

    In `The mediators met and agreed to talk.`, `agreed` yields `mediators`."""
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS or (clausal and c.dep_ in CLAUSAL_SUBJECT_DEPS)]
    # (`TRIPOLI, Libya — Rival factions ... agreed`: the parser may make the dateline a subject)
    subjects = [s for s in (subject_past_dateline(c) for c in subjects) if s is not None]
    if subjects:
        # (`NICOSIA, Cyprus — The leaders ... agreed`: a misparse may give two; the nearest is it)
        return min(subjects, key=lambda c: abs(c.i - token.i))
    # `... and agreed to X`: a conjoined verb shares its first verb's subject
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        return subject_of(token.head, clausal)
    if token.dep_ in ("xcomp", "acomp", "attr") or token.pos_ == "ADJ":
        return subject_of(token.head, clausal) if token.head.i != token.i else None
    return None


def clause_root(token: Token) -> Token:
    """The finite clause a word belongs to: `what she called a hopeless stance` yields `called`
    for `hopeless`; the first conjunct for `was and still is a positive initiative`."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    while node.head.i != node.i and (
            (node.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in node.children))
            or (node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX")
                and not any(c.dep_ in SUBJECT_DEPS for c in node.children))):
        node = node.head
    return node


def in_condition(token: Token, lo: int) -> bool:
    """Inside an `if`/`unless` clause: hypothetical, not a stance. True for `sign` in
    `We will go if they sign.`, looking no further left than char `lo`."""
    return doc_index(token.doc).in_condition(token.i, lo)


def has_aux(token: Token, words: Sequence[str]) -> bool:
    """True for `reopen` in `We will reopen the crossing.` with `words` holding `will`."""
    return any(c.dep_ == "aux" and c.lower_ in words for c in token.children)


def is_negated(token: Token) -> bool:
    """True for `accept` in `They did not accept the plan.`"""
    return any(c.dep_ == "neg" for c in token.children)


def agents_of(verb: Token) -> list[Token]:
    """The `by` phrases' objects of a passive verb: `was welcomed by the bloc` yields [`bloc`]."""
    return [c for a in verb.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]

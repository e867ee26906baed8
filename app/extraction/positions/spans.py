"""Where a stance's content starts and ends: a verb's complement, a clause cut before what
only circumstances it, trimmed of punctuation, and how two stretches compare."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from app.extraction.candidates import text_of
from app.extraction.positions.stances import lemma_forms, lexicon
from app.extraction.positions.syntax import SUBJECT_DEPS

_AS_WELL_AS = re.compile(r"\s+as well as\s+")
# `in principle`, `in private`: how a stance was taken, never what it is about.
_MANNER_NOUNS = {"principle", "part", "full", "general", "writing", "theory", "public", "private", "secret", "once"}
_WORD = re.compile(r"\w+")


def complement_span(token: Token, lo: int, hi: int) -> tuple[int, int]:
    """What a stance verb takes: `insist that X` -> X, `agreed to X` -> X, `asked for X` -> X,
    `rejected X` -> X. In `They rejected the new map.`, `rejected` yields the chars of `the new map`."""
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp") and child.idx > token.idx:
            start = vp_start(child) if child.dep_ == "xcomp" else clause_start(child, lo)
            return max(lo, start), clause_end(child, hi)
    accused = charge_of(token)
    if accused is not None:
        return max(lo, accused.left_edge.idx), clause_end(accused, hi)
    for child in token.children:
        if child.dep_ in ("dobj", "attr"):
            return max(lo, child.left_edge.idx), clause_end(child, hi)
        if child.dep_ in ("prep", "prt") and child.idx > token.idx:
            # (`agreed on Friday on a timetable`: a date says when, not what; `agreed in
            # principle to a pause`: how, not what)
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")
                    and not (child.lower_ in ("in", "at") and c.lower_ in _MANNER_NOUNS)]
            if objs:
                return max(lo, objs[0].left_edge.idx), _as_well_as(child.doc, clause_end(child, hi), hi)
    return max(lo, token.idx + len(token.text)), hi


def _as_well_as(doc: Doc, end: int, hi: int) -> int:
    """Extend `X` over `X as well as Y` when the parser hung `Y` elsewhere."""
    match = _AS_WELL_AS.match(text_of(doc)[end:hi])
    if not match:
        return end
    follower = doc.char_span(end + match.end(), min(hi, end + match.end() + 1), alignment_mode="expand")
    if follower is None or len(follower) == 0:
        return end
    head = follower[0]
    while head.head.i != head.i and head.head.idx >= end + match.end():
        head = head.head
    return min(hi, clause_end(head, hi))


def charge_of(verb: Token) -> Token | None:
    """`accused Belgrade of stoking tensions` / `blamed Kyiv for the attack`: the charge, not the
    accused (who is the target); the first yields `stoking`, a verb that charges nobody None."""
    if not any(c.dep_ == "dobj" for c in verb.children) or not (
            set(lemma_forms(verb)) & lexicon()["cue_verbs"]["criticize"]):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
            objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0]
    return None


def clause_start(head: Token, lo: int) -> int:
    """Where the clause under `head` starts, past `that`, conjunctions and a leading `however`:
    in `She said that however the talks end, ...` the clause starts at `the`."""
    for token in head.subtree:
        if token.idx < lo or token.dep_ in ("mark", "cc", "punct") or token.lower_ in ("that", "(", "“", '"'):
            continue
        if token.dep_ == "advmod" and token.head.i == head.i and token.i < head.i and token.lower_ in ("however", "also", "so"):
            continue
        return token.idx
    return max(lo, head.idx)


def vp_start(verb: Token) -> int:
    """`to remain calm` -> `remain calm`; keeps a pre-verbal adverb (`next meet X`)."""
    left = [c for c in verb.children if c.i < verb.i and c.dep_ in ("advmod", "neg")]
    return min([verb.idx] + [c.left_edge.idx for c in left if c.left_edge.dep_ != "mark"])


def clause_end(head: Token, hi: int) -> int:
    """End of the clause under `head`, before a conjoined clause with its own subject, a
    participle or `so that` clause after a comma, and trailing punctuation: for `reopen` in
    `They will reopen the crossing, and the navy will leave.` it is the end of `crossing`."""
    stop = hi
    for child in head.children:
        if child.i <= head.i:
            continue
        separate = (child.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in child.children)) or child.dep_ == "parataxis"
        after_comma = child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
        trailing = after_comma and child.dep_ in ("advcl", "npadvmod") and (
            child.tag_ == "VBG" or child.left_edge.lower_ in ("so", "not", "because"))
        # `vetoed the draft, the first veto this year`: the writer's summing-up, not the draft
        summing_up = after_comma and child.dep_ == "appos" and head.pos_ == "NOUN"
        if separate or trailing or summing_up:
            stop = min(stop, child.left_edge.idx)
            # drop the `, and` / `, but` in front of it
            prev = child.left_edge.i - 1
            while prev > head.i and child.doc[prev].dep_ in ("cc", "punct"):
                stop = min(stop, child.doc[prev].idx)
                prev -= 1
    for token in head.subtree:
        # `... that calls for a truce amid anger over X`: circumstance, not content
        if token.idx > head.idx and token.dep_ == "prep" and token.lower_ in ("amid", "amidst", "despite"):
            stop = min(stop, token.idx)
    last = [t for t in head.subtree if t.idx + len(t.text) <= stop]
    end = max((t.idx + len(t.text) for t in last), default=head.idx + len(head.text))
    return min(end, stop, hi) if end > head.idx else min(stop, hi)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Chars [start, end) without surrounding spaces, quotes and clause punctuation:
    `, "reopen the crossing."` yields the offsets of `reopen the crossing`."""
    while start < end and (text[start].isspace() or text[start] in ",;:(\"“'‘"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.\"”'’"):
        end -= 1
    return start, end


def same_stretch(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Half the words shared, or one span starting inside the other at the same place: True for
    `reopen the crossing` against `reopen the crossing by May`."""
    return same_words(a, b, word_starts(text, a), word_starts(text, b))


def word_starts(text: str, span: tuple[int, int]) -> frozenset[int]:
    """Char offsets at which the words of text[span] start (a word cut by the span's start
    starts there): for `reopen the crossing` at 10, {10, 17, 21}."""
    return frozenset(m.start() for m in _WORD.finditer(text, span[0], span[1]))


def same_words(a: tuple[int, int], b: tuple[int, int], words_a: frozenset[int], words_b: frozenset[int]) -> bool:
    """`same_stretch` for spans whose `word_starts` are known, so that a long span is read once
    however many spans it is compared with."""
    if a[0] == b[0] or (b[0] <= a[0] and a[1] <= b[1]):
        return True
    shared = len(words_a & words_b)
    union = len(words_a) + len(words_b) - shared
    return (shared / union if union else 0.0) >= 0.5

"""One position per stance word, from three sources in turn: drafts the article presents,
statements (the cue's own stance or stance words in the content), then narrative clauses."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span as SpacySpan

from app.extraction.candidates import text_of
from app.extraction.dates import resolve_said_on
from app.extraction.positions.context import stance_context
from app.extraction.positions.documents import presented_documents
from app.extraction.positions.index import doc_index
from app.extraction.positions.narrative import narrative_stances
from app.extraction.positions.spans import same_words, trim_span, word_starts
from app.extraction.positions.stances import CONFIDENCE, Found
from app.extraction.positions.statements import statement_stances
from app.extraction.types import Position, Span, Statement, VenueRef
from app.extraction.venues import venue_near


def extract_positions(doc: Doc, statements: Sequence[Statement], published_on: date | None) -> list[Position]:
    """`The opposition said that the new quota is far too low.` (one statement by the opposition)
    yields a reject position by the opposition with content `the new quota is far too low`."""
    positions: list[Position] = []
    seen = _Stretches(text_of(doc))
    # a draft presented in the article's voice comes first: what its description demands is
    # part of the proposal, not a position of its own (GUIDELINES, documents)
    drafts = presented_documents(doc)
    for found, _extent in drafts:
        holder = next((i for i, st in enumerate(statements) if _spans_cross(st, found.start, found.end)), None)
        venue = statements[holder].venue if holder is not None else venue_near(
            doc, found.start, found.end, found.actor.name if found.actor else None)
        said_on = statements[holder].said_on if holder is not None else published_on
        _add(doc, positions, seen, found, venue, said_on, holder, published_on)
    # a cue shared by several statements (the parser's doing) speaks for the first one only
    cue_owner: dict[tuple[int, int], int] = {}
    for index in sorted(range(len(statements)), key=lambda i: statements[i].content.start):
        cue = statements[index].cue
        if cue is not None:
            cue_owner.setdefault((cue.start, cue.end), index)
    # shortest first: a stance reported inside another statement belongs to the inner speaker
    order = sorted(range(len(statements)), key=lambda i: statements[i].content.end - statements[i].content.start)
    for index in order:
        st = statements[index]
        if st.cue is not None and any(s <= st.cue.start < e for _f, (s, e) in drafts):
            continue
        owns_cue = st.cue is None or cue_owner[(st.cue.start, st.cue.end)] == index
        for found in statement_stances(doc, st, owns_cue):
            _add(doc, positions, seen, found, st.venue, st.said_on, index, published_on)
    covered = [(st.content.start, st.content.end) for st in statements]
    covered += [(st.cue.start, st.cue.end) for st in statements if st.cue is not None]
    for found in narrative_stances(doc, statements, covered):
        venue = venue_near(doc, found.start, found.end, found.actor.name if found.actor else None)
        sent = _sentence_of(doc, found.start)
        said_on = resolve_said_on(doc, sent.start_char, sent.end_char, published_on)
        _add(doc, positions, seen, found, venue, said_on, None, published_on)
    return sorted(positions, key=lambda p: p.content.start)


class _Stretches:
    """The stretches already taken by a position, sorted by start. Two stretches can only be
    the same stretch (`same_stretch`) when they overlap, so a new one is compared with the
    few that start within the longest stretch's length before it and reach into it, not
    with all of them; each stretch's words are read once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] = []
        self.words: dict[tuple[int, int], frozenset[int]] = {}
        self.stances: dict[tuple[int, int], list[Found]] = {}
        self.longest = 0

    def clashes(self, span: tuple[int, int], found: Found) -> bool:
        """True when a position on the same stretch is this stance read again: the same type
        or a holder in common. (`Russia vetoed a draft presented by Britain`: Britain's
        proposal and Russia's rejection are two stances on one stretch.)"""
        first = bisect_left(self.spans, (span[0] - self.longest + 1,))
        last = bisect_left(self.spans, (span[1],))
        nearby = [other for other in self.spans[first:last] if other[1] > span[0]]
        if not nearby:
            return False
        words = word_starts(self.text, span)
        # (only a holder the stance word's own subject names: `were not supported` names none)
        holders = {a.name for a in found.actors} if _active_subject(found) else set()
        return any(same_words(span, other, words, self.words[other])
                   and any(o.type == found.type or holders & {a.name for a in o.actors} or not holders
                           for o in self.stances[other]) for other in nearby)

    def add(self, span: tuple[int, int], found: Found) -> None:
        if span not in self.words:
            insort(self.spans, span)
            self.words[span] = word_starts(self.text, span)
        self.stances.setdefault(span, []).append(found)
        self.longest = max(self.longest, span[1] - span[0])


def _add(doc: Doc, positions: list[Position], seen: _Stretches, found: Found,
         venue: VenueRef | None, said_on: date | None, index: int | None, published_on: date | None) -> None:
    text = seen.text
    start, end = trim_span(text, found.start, found.end)
    if text[start:end].lower() in ("that", "this", "it", "them", "these", "those", "so"):
        return  # `condemned that`: the stance is in another sentence, its anaphor says nothing
    if end - start < 3 or seen.clashes((start, end), found):
        return  # one position per stretch of text: a cue and its content may both point at it
    seen.add((start, end), found)
    context = stance_context(found, published_on)
    positions.append(Position(
        type=found.type, actors=found.actors, content=Span(start, end, text[start:end]),
        targets=found.targets, venue=venue, said_on=said_on, confidence=CONFIDENCE[found.source],
        statement_index=index, negated=context.negated, hypothetical=context.hypothetical,
        future=context.future, historical=context.historical, certainty=context.certainty))


def _active_subject(found: Found) -> bool:
    return found.anchor is not None and any(c.dep_ == "nsubj" for c in found.anchor.children)


def _spans_cross(st: Statement, start: int, end: int) -> bool:
    spans = [st.content] + [s for s in (st.cue, st.speaker_mention) if s is not None]
    return any(s.start < end and start < s.end for s in spans)


def _sentence_of(doc: Doc, char: int) -> SpacySpan:
    sent = doc_index(doc).sentence_at(char)
    return sent if sent is not None else doc[:]

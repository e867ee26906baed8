"""One position per stance word, from three sources in turn: drafts the article presents,
statements (the cue's own stance or stance words in the content), then narrative clauses."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span as SpacySpan

from app.extraction.dates import resolve_said_on
from app.extraction.positions.documents import presented_documents
from app.extraction.positions.narrative import narrative_stances
from app.extraction.positions.spans import same_stretch, trim_span
from app.extraction.positions.stances import CONFIDENCE, Found
from app.extraction.positions.statements import statement_stances
from app.extraction.types import Position, Span, Statement, VenueRef
from app.extraction.venues import venue_near


def extract_positions(doc: Doc, statements: Sequence[Statement], published_on: date | None) -> list[Position]:
    """`The opposition said that the new quota is far too low.` (one statement by the opposition)
    yields a reject position by the opposition with content `the new quota is far too low`."""
    positions: list[Position] = []
    seen: list[tuple[int, int]] = []
    # a draft presented in the article's voice comes first: what its description demands is
    # part of the proposal, not a position of its own (GUIDELINES, documents)
    drafts = presented_documents(doc)
    for found, _extent in drafts:
        holder = next((i for i, st in enumerate(statements) if _spans_cross(st, found.start, found.end)), None)
        venue = statements[holder].venue if holder is not None else venue_near(
            doc, found.start, found.end, found.actor.name if found.actor else None)
        said_on = statements[holder].said_on if holder is not None else published_on
        _add(doc, positions, seen, found, venue, said_on, holder)
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
            _add(doc, positions, seen, found, st.venue, st.said_on, index)
    covered = [(st.content.start, st.content.end) for st in statements]
    covered += [(st.cue.start, st.cue.end) for st in statements if st.cue is not None]
    for found in narrative_stances(doc, statements, covered):
        venue = venue_near(doc, found.start, found.end, found.actor.name if found.actor else None)
        sent = _sentence_of(doc, found.start)
        said_on = resolve_said_on(doc, sent.start_char, sent.end_char, published_on)
        _add(doc, positions, seen, found, venue, said_on, None)
    return sorted(positions, key=lambda p: p.content.start)


def _add(doc: Doc, positions: list[Position], seen: list[tuple[int, int]], found: Found,
         venue: VenueRef | None, said_on: date | None, index: int | None) -> None:
    start, end = trim_span(doc.text, found.start, found.end)
    if doc.text[start:end].lower() in ("that", "this", "it", "them", "these", "those", "so"):
        return  # `condemned that`: the stance is in another sentence, its anaphor says nothing
    if end - start < 3 or any(same_stretch(doc.text, (start, end), other) for other in seen):
        return  # one position per stretch of text: a cue and its content may both point at it
    seen.append((start, end))
    positions.append(Position(
        type=found.type, actor=found.actor, content=Span(start, end, doc.text[start:end]),
        target=found.target, venue=venue, said_on=said_on, confidence=CONFIDENCE[found.source],
        statement_index=index))


def _spans_cross(st: Statement, start: int, end: int) -> bool:
    spans = [st.content] + [s for s in (st.cue, st.speaker_mention) if s is not None]
    return any(s.start < end and start < s.end for s in spans)


def _sentence_of(doc: Doc, char: int) -> SpacySpan:
    for sent in doc.sents:
        if sent.start_char <= char < sent.end_char:
            return sent
    return doc[:]

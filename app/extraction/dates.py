"""When a statement was made, from the time expression tied to its cue.

Only expressions governed by the reporting verb count: in `She said on Monday that
he will travel on Saturday`, Monday dates the statement and Saturday the trip.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from app.extraction.candidates import per_doc, sentences_of, text_of
from app.extraction.lexicons import reporting_lemmas


WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_MONTH = r"(?P<month>" + "|".join(sorted({m for m in MONTHS}, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dmy", re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + _YEAR + r"\b", re.I)),
    ("mdy", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b" + _YEAR, re.I)),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<which>last|this|next|on)\s+)?(?P<weekday>"
            + "|".join(name.capitalize() for name in WEEKDAYS)
            + r")\b"
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>yesterday|today|tonight|last night|this morning|this afternoon|"
            r"this evening|last week|last month|earlier this week)\b",
            re.I,
        ),
    ),
)
_REL_DAYS = {
    "yesterday": 1, "last night": 1, "today": 0, "tonight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "last week": 7, "earlier this week": None,
}


def resolve_said_on(doc: Doc, start: int, end: int, published_on: date | None,
                    content: tuple[int, int] | None = None) -> date | None:
    """`She said on Friday that he will travel on Saturday.` published Monday 2024-03-11
    yields 2024-03-08 (the Friday before); with no tied expression, the publication date.
    A verb inside `content` (chars) is what was said, not the saying: `said it would not
    back a text that failed to condemn the attacks of 7 October` is not dated 7 October."""
    tied: list[tuple[bool, str, re.Match[str]]] = []
    for sent in _sentences(doc, start, end):
        for kind, match in _matches(sent):
            span = doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                 alignment_mode="expand")
            verb = _speaking_verb(span) if span is not None else None
            if verb is not None and content is not None and content[0] <= verb.idx < content[1]:
                continue
            if verb is not None:
                tied.append((start <= verb.idx < end, kind, match))
    # `X said on Monday ..., while Y said on Tuesday ...`: the verb inside the statement's span wins
    for _own, kind, match in sorted(tied, key=lambda item: not item[0]):
        resolved = _resolve(kind, match, published_on)
        if resolved is not None:
            return resolved
    return published_on


def _sentences(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentences that overlap chars [start, end), in order."""
    sents, starts, ends = _sentence_bounds(doc)
    # sentences follow each other without overlap, so both bounds rise with the index
    return sents[bisect_right(ends, start):bisect_left(starts, end)]


def _sentence_bounds(doc: Doc) -> tuple[list[Span], list[int], list[int]]:
    """The sentences of `doc` with their start and end chars, listed once per Doc: every
    statement asks for its own, and walking `doc.sents` each time made dating quadratic."""
    def build(doc: Doc) -> tuple[list[Span], list[int], list[int]]:
        sents = sentences_of(doc)
        return sents, [s.start_char for s in sents], [s.end_char for s in sents]

    return per_doc(doc, "parley_sentence_bounds", build)


def _matches(sent: Span) -> list[tuple[str, re.Match[str]]]:
    found: list[tuple[str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    text = text_of(sent.doc)[sent.start_char : sent.end_char]  # (`Span.text` rebuilds it from tokens)
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            # an explicit date outranks a weekday that overlaps or names it ("Thursday the 14th of September")
            if any(match.start() < e and match.end() + 6 > s for s, e in taken):
                continue
            found.append((kind, match))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda item: item[1].start())


def _governing_verb(token: Token) -> Token | None:
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return node if node.pos_ in ("VERB", "AUX") else None


def _speaking_verb(span: Span) -> Token | None:
    """The reporting verb the expression dates, or None when it dates an event in what was said."""
    verb = _governing_verb(span.root)
    if verb is None or verb.lemma_.lower() not in reporting_lemmas():
        # `said (on) last Thursday the UK was ...`: hung on the clause, but right after the cue
        before = span.doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.lower_ in ("on", "at") and span.start > 1:
            before = span.doc[span.start - 2]
        if before is None or before.lemma_.lower() not in reporting_lemmas() or before.pos_ != "VERB":
            return None
        verb = before
    # a reporting verb inside another one's complement belongs to the content
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in reporting_lemmas():
        return None
    return verb


def _resolve(kind: str, match: re.Match[str], published_on: date | None) -> date | None:
    if kind in ("dmy", "mdy"):
        return _explicit_date(match, published_on)
    if published_on is None:
        return None
    if kind == "weekday":
        if (match.group("which") or "").lower() == "next":
            return None
        back = (published_on.weekday() - WEEKDAYS[match.group("weekday").lower()]) % 7
        if (match.group("which") or "").lower() == "last" and back == 0:
            back = 7
        return published_on - timedelta(days=back)
    rel = match.group("rel").lower()
    if rel == "last month":
        return _month_before(published_on)
    days = _REL_DAYS.get(rel)
    return None if days is None else published_on - timedelta(days=days)


def _explicit_date(match: re.Match[str], published_on: date | None) -> date | None:
    month = MONTHS[match.group("month").lower()]
    day = int(match.group("day"))
    year = int(match.group("year")) if match.group("year") else None
    if year is None:
        if published_on is None:
            return None
        year = published_on.year
        candidate = _safe_date(year, month, day)
        # "on 28 December" in a January article means last December
        if candidate is not None and candidate > published_on:
            year -= 1
    return _safe_date(year, month, day)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_before(day: date) -> date:
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))

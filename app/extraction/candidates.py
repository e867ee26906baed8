"""The shared shape of a statement before speaker resolution, and Doc helpers the
stages use (cached text and sentence bounds, span trimming)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from app.extraction.types import Statement

_QUOTE_CHARS = set("\"'“”‘’«»„")
_DATELINE_RE = re.compile(r"[A-Z][A-Z .,'’]+(?:\([^)]{1,40}\))?\s*[―—–-]{1,2}\s*")
# Sentence adverbs that tie a sentence to the article's previous one: the writer's, not content.
_LINKING_ADVERBS = {"however", "meanwhile", "moreover", "nevertheless", "nonetheless", "furthermore"}


@dataclass
class Candidate:
    """One statement before speaker resolution. Offsets are characters; `verb` is the
    token index of the cue (None for an unattributed quote); `inherit` is set when a
    bare quote takes the speaker of an earlier candidate."""

    kind: str
    start: int
    end: int
    cue: tuple[int, int] | None
    verb: int | None
    confidence: float
    inherit: Candidate | None = None
    mention: tuple[int, int] | None = None  # token range [a, b) of the speaker mention
    from_quote: bool = False
    frame: str = "clause"  # clause | inf | np | according | quote


T = TypeVar("T")


def per_doc(doc: Doc, key: str, build: Callable[[Doc], T]) -> T:
    """What `build(doc)` gives, computed once per Doc and kept in its `user_data`, so it
    goes with the Doc. (A module-level WeakKeyDictionary would keep every Doc alive:
    its values refer back to their Doc.)"""
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = build(doc)
    return value  # type: ignore[no-any-return]


def tokens_of(doc: Doc) -> list[Token]:
    """The Doc's tokens, made once: `for t in doc` and `doc[i]` build a new Token object
    on every step, and the stages walk the whole Doc several times."""
    return per_doc(doc, "parley_tokens", list)


def sentences_of(doc: Doc) -> list[Span]:
    """`doc.sents` listed once per Doc (it walks every token on each call)."""
    return per_doc(doc, "parley_sents", lambda d: list(d.sents))


def text_of(doc: Doc) -> str:
    """`Doc.text` rebuilds the string from the tokens on every access; keep it once."""
    return per_doc(doc, "parley_text", lambda d: d.text)


def sentence_of(token: Token) -> tuple[int, int]:
    """Token range of the sentence holding `token`. `Token.sent` walks the whole Doc on
    every call; this indexes the sentences once per Doc."""
    return per_doc(token.doc, "parley_sentences", _sentence_index)[token.i]


def _sentence_index(doc: Doc) -> list[tuple[int, int]]:
    index = [(0, 0)] * len(doc)
    for sentence in sentences_of(doc):
        for i in range(sentence.start, sentence.end):
            index[i] = (sentence.start, sentence.end)
    return index


def is_quote_token(token: Token) -> bool:
    return all(char in _QUOTE_CHARS for char in token.text)


def trim_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without the complementiser and edge punctuation (quote marks kept
    at the end when the span also holds the opening mark), and without a dateline."""
    start = past_dateline(doc, start, end)
    while start < end and (doc[start].is_punct and not is_quote_token(doc[start]) or doc[start].is_space):
        start += 1
    if start < end and doc[start].lower_ in ("that",) and doc[start].dep_ == "mark":
        start += 1
    while start < end and _opens_with_connective(doc[start]):
        # `And the vote, aides said, was close`: the link to the previous sentence is the writer's.
        start += 1
        while start < end and (doc[start].is_punct and not is_quote_token(doc[start]) or doc[start].is_space):
            start += 1
    while start < end and (doc[start].is_punct and not is_quote_token(doc[start]) or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        if is_quote_token(doc[end - 1]) and any(is_quote_token(t) for t in doc[start : end - 1]):
            # Keep a closing mark only when the opening one is inside too.
            break
        end -= 1  # (a dangling `, and` is where the next clause began, never content)
    return start, end


def past_dateline(doc: Doc, start: int, end: int) -> int:
    """`MOSCOW, Feb 14 (Reuters) - Russia is ready ...`: a span opening the article starts
    after the dateline (capitalised words, a date, an agency in brackets, a spaced dash)."""
    if start != 0:
        return start
    for i in range(start, min(end, start + 12)):
        token = doc[i]
        if token.text in ("-", "—", "–", "--") and i > start and (
                doc[i - 1].whitespace_ or any(t.text == "," for t in doc[start:i])):
            return i + 1  # `OSLO - ...`, `Oslo, AGENCY-...`
        if not (token.is_upper or token.is_punct or token.like_num or token.pos_ == "PROPN" or token.is_title):
            return start
    return start


def subject_past_dateline(subject: Token) -> Token | None:
    """`CAIRO — Egypt and Qatar proposed ...`: the parser may read the dateline as the subject
    and the real one as its appositive (or its conjunct). The subject itself when it lies past
    the dateline, else that appositive or conjunct, else None."""
    end = past_dateline(subject.doc, 0, subject.head.i)
    if subject.i >= end:
        return subject
    return next((c for c in subject.children if c.dep_ in ("appos", "conj") and c.i >= end), None)


def _opens_with_connective(token: Token) -> bool:
    """`And` or `However,` opening a sentence. (`But` stays: the contrast is often the
    speaker's own, as in `But, she said, the plan is sound`.)"""
    doc = token.doc
    if token.i != sentence_of(token)[0] or token.i + 1 >= len(doc):
        return False
    if token.dep_ == "cc" and token.lower_ == "and":
        return True
    return token.lower_ in _LINKING_ADVERBS and token.dep_ == "advmod" and doc[token.i + 1].text == ","


def subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


@lru_cache(maxsize=4)
def _newline_offsets(text: str) -> list[int]:
    # Keyed on the article string (its hash is cached on the object): built once per article.
    return [m.start() for m in re.finditer("\n", text)]


def paragraph_bounds(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the paragraph holding offset `at`: the same as
    `text.rfind("\\n", 0, at) + 1` and `text.find("\\n", at)` (or the text end), but by
    bisecting the article's line breaks, so a long paragraph is not rescanned per call.
    `paragraph_bounds("Ab.\\nCd.", 5)` is (4, 7)."""
    newlines = _newline_offsets(text)
    index = bisect_left(newlines, at)
    start = newlines[index - 1] + 1 if index > 0 else 0
    end = newlines[index] if index < len(newlines) else len(text)
    return start, end


def clip_to_paragraph(text: str, verb_at: int, start: int, end: int) -> tuple[int, int]:
    """The parser may run a sentence across a paragraph break; content never does."""
    para_start, para_end = paragraph_bounds(text, verb_at)
    start, end = max(start, para_start), min(end, para_end)
    dateline = _DATELINE_RE.match(text, start, end)
    if dateline:
        start = dateline.end()  # `PORTO NOVO — The delegation ...`: the dateline is not content
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "”’\"'»)":
        end -= 1
    return start, end


def cue_token(doc: Doc, statement: Statement, *, root_fallback: bool = False) -> Token | None:
    """The verb of a statement's cue: `told reporters` gives `told`. A cue with no verb
    gives its first token, or its syntactic root with `root_fallback`."""
    if statement.cue is None:
        return None
    span = doc.char_span(statement.cue.start, statement.cue.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    if verbs:
        return verbs[0]
    return span.root if root_fallback else span[0]


class Covered:
    """Whether a char falls in any of the given ranges (`Covered(spans)(char)`), answered
    from the ranges merged and sorted once rather than by testing every range for every
    token or mention of the article."""

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(r for r in ranges if r[0] < r[1]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _end in merged]
        self.ends = [end for _start, end in merged]

    def __call__(self, char: int) -> bool:
        i = bisect_right(self.starts, char) - 1
        return i >= 0 and char < self.ends[i]

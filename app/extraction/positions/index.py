"""Lookups over one article that the position readers ask for per statement, built once per
Doc so that a statement costs what its own sentence costs, not what the whole article does:
the tokens of a char range, the sentence holding a char, the entity holding a token, and
where a word occurs in the text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import numpy
from spacy.attrs import DEP, HEAD, IDX, POS
from spacy.tokens import Doc, Span as SpacySpan, Token

from app.extraction.candidates import per_doc, sentences_of, text_of

_WORD = re.compile(r"\w+")
CONDITION_MARKS = ("if", "unless", "whether")


class DocIndex:
    """Offsets and tree links of one parsed article, read from the Doc's arrays at once;
    sentences, entities and words on first use. Nothing is refreshed: the stages read the
    Doc, they never edit it."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        columns = doc.to_array([IDX, HEAD, POS, DEP]).reshape(len(doc), 4)
        self.token_starts: list[int] = columns[:, 0].tolist()
        # HEAD is stored relative to the token, as an unsigned number that wraps below zero;
        # absolute indices make walking up the tree cheap
        relative = columns[:, 1].astype(numpy.int64)
        self.heads: list[int] = (numpy.arange(len(doc), dtype=numpy.int64) + relative).tolist()
        self._pos: list[int] = columns[:, 2].tolist()
        self._dep: list[int] = columns[:, 3].tolist()
        self._conditional: set[int] | None = None
        self._sents: list[SpacySpan] | None = None
        self._sent_starts: list[int] = []
        self._sent_ends: list[int] = []
        self._ent_of: list[SpacySpan | None] | None = None
        self._words: dict[str, list[int]] | None = None

    def tokens_in(self, lo: int, hi: int) -> list[Token]:
        """The tokens that start in chars [lo, hi), in order."""
        first = bisect_left(self.token_starts, lo)
        last = bisect_left(self.token_starts, hi)
        doc = self.doc
        return [doc[i] for i in range(first, last)]

    def in_condition(self, i: int, lo: int) -> bool:
        """`syntax.in_condition` for token `i`: walks the head indices instead of Tokens."""
        if self._conditional is None:
            # the tokens that have an `if` / `unless` / `whether` marker among their children
            doc = self.doc
            self._conditional = {self.heads[mark] for mark in self.with_dep("mark")
                                 if doc[mark].lower_ in CONDITION_MARKS and self.heads[mark] != mark}
        heads, starts, conditional = self.heads, self.token_starts, self._conditional
        while heads[i] != i and starts[i] >= lo:
            if i in conditional:
                return True
            i = heads[i]
        return False

    def with_pos(self, pos: str) -> list[Token]:
        """The tokens whose `pos_` is `pos`, in order, without making a Token of every word."""
        wanted = self.doc.vocab.strings[pos]
        doc = self.doc
        return [doc[i] for i, value in enumerate(self._pos) if value == wanted]

    def with_dep(self, dep: str) -> list[int]:
        """Indices of the tokens whose `dep_` is `dep`, in order."""
        wanted = self.doc.vocab.strings[dep]
        return [i for i, value in enumerate(self._dep) if value == wanted]

    @property
    def sents(self) -> list[SpacySpan]:
        if self._sents is None:
            self._sents = sentences_of(self.doc)
            self._sent_starts = [s.start_char for s in self._sents]
            self._sent_ends = [s.end_char for s in self._sents]
        return self._sents

    def sentence_at(self, char: int) -> SpacySpan | None:
        """The sentence with start_char <= char < end_char; None between sentences."""
        sents = self.sents
        i = bisect_right(self._sent_starts, char) - 1
        return sents[i] if i >= 0 and char < self._sent_ends[i] else None

    def sentences_before(self, token_start: int) -> list[SpacySpan]:
        """The sentences that end at or before token index `token_start`, in order."""
        sents = self.sents
        lo, hi = 0, len(sents)
        while lo < hi:  # sentence ends (token indices) rise with their position
            mid = (lo + hi) // 2
            if sents[mid].end <= token_start:
                lo = mid + 1
            else:
                hi = mid
        return sents[:lo]

    def entity_of(self, i: int) -> SpacySpan | None:
        """The named entity holding token `i` (entities never overlap)."""
        if self._ent_of is None:
            self._ent_of = [None] * len(self.doc)
            for ent in self.doc.ents:
                for j in range(ent.start, ent.end):
                    self._ent_of[j] = ent
        return self._ent_of[i]

    def word_starts(self, word: str) -> list[int]:
        """Char offsets where `\\bword\\b` matches, in order (`word` made of word chars only)."""
        if self._words is None:
            self._words = {}
            for match in _WORD.finditer(self.text):
                self._words.setdefault(match.group(), []).append(match.start())
        return self._words.get(word, [])


def doc_index(doc: Doc) -> DocIndex:
    """The DocIndex of `doc`, built on first use and dropped with the Doc: for
    `We will go if they sign.`, `doc_index(doc).in_condition(5, 0)` is True (`sign`)."""
    return per_doc(doc, "parley_position_index", DocIndex)

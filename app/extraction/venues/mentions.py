"""Mentions of venues in an article: gazetteer bodies and negotiations found in the text, and
how a mention is read (a setting or a modifier, the article's main venue)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span as SpacySpan, Token

from app.extraction.candidates import per_doc, sentences_of, text_of
from app.extraction.gazetteer import inside_longer_name, load_venues
from app.extraction.types import VenueRef

PLACE_ENTS = ("GPE", "LOC", "FAC")
# roles in which a body mention is the place of the action, not a modifier
# (`the council met`, `told the council`; a `pobj` such as `in the Assembly` counts after
# SETTING_PREPS, a modifier such as `Security Council resolution` only before MEETING_LEMMAS)
SETTING_DEPS = ("nsubj", "nsubjpass", "dobj", "dative", "attr", "appos", "conj", "ROOT", "npadvmod")
SETTING_PREPS = ("at", "in", "to", "before", "by", "during", "from", "of", "for")
MEETING_LEMMAS = ("meeting", "session", "debate", "sitting", "vote", "briefing", "consultations", "summit")


@dataclass(frozen=True)
class Mention:
    """One mention of a venue: `told the council` gives the Security Council's VenueRef at the
    chars of `the council`, a setting."""

    venue: VenueRef
    start: int  # char offsets in the doc
    end: int
    sent_start: int  # char offset of its sentence, the key sentences are grouped by
    setting: bool  # True when the mention is the place of an action, not a modifier
    generic: bool = False  # `the talks`, `peace talks`: stands for the article's main negotiation


@lru_cache(maxsize=1)
def venue_lexicon() -> dict[str, Any]:
    """data/venues.json compiled for matching: `venue_lexicon()["by_name"]["unsc"]` is the
    UN Security Council's VenueRef; `patterns` pairs each variant's regex with its venue."""
    data = load_venues()
    entries = []
    literals: dict[int, list[str]] = {0: [], re.I: []}
    for entry in data["venues"]:
        ref = VenueRef(name=entry["name"], kind=entry["kind"])
        for variant in entry["variants"]:
            # acronyms are case-sensitive (`UNSC`, `WEF`); names are not
            flags = 0 if variant.isupper() else re.I
            entries.append((re.compile(r"(?<![\w-])" + re.escape(variant) + r"(?![\w-])", flags), ref, False))
            literals[flags].append(re.escape(variant))
        for anaphor in entry["anaphors"]:
            entries.append((re.compile(r"(?<![\w-])" + re.escape(anaphor) + r"(?![\w-])", re.I), ref, True))
            literals[re.I].append(re.escape(anaphor))
    # where any variant could start: one scan of the text instead of one per variant
    starts = tuple(re.compile(r"(?<![\w-])(?=" + "|".join(group) + ")", flags)
                   for flags, group in literals.items() if group)
    by_name = {entry["name"].casefold(): VenueRef(name=entry["name"], kind=entry["kind"]) for entry in data["venues"]}
    for entry in data["venues"]:
        for variant in entry["variants"]:
            by_name.setdefault(variant.casefold(), by_name[entry["name"].casefold()])
    press_nouns = tuple(sorted(data["press_nouns"], key=len, reverse=True))
    return {
        "patterns": entries,
        "starts": starts,
        "by_name": by_name,
        "talk_nouns": frozenset(data["talk_nouns"]),
        "generic_talk_nouns": frozenset(data["generic_talk_nouns"]),
        "internal_meeting_modifiers": frozenset(data["internal_meeting_modifiers"]),
        "press_nouns": press_nouns,
        "press_noun_patterns": tuple((noun, re.compile(r"\b" + re.escape(noun) + r"\b")) for noun in press_nouns),
        "press_audiences": tuple(data["press_audiences"]),
    }


def gazetteer_mentions(doc: Doc) -> list[Mention]:
    """Every gazetteer venue the text names, then its anaphors: `The Security Council met. The
    council met.` yields two mentions of the UN Security Council."""
    found: list[Mention] = []
    named_bodies = set()
    lexicon = venue_lexicon()
    patterns = lexicon["patterns"]
    text = text_of(doc)
    starts = sorted({m.start() for start in lexicon["starts"] for m in start.finditer(text)})
    for pattern, ref, is_anaphor in patterns:
        if is_anaphor:
            continue
        for match in _finditer_at(pattern, text, starts):
            if ref.kind == "body" and inside_longer_name(text, match.start()):
                continue  # `the AU Peace and Security Council` is not the UN's
            named_bodies.add(ref.name)
            found.append(_gazetteer_mention(doc, match, ref))
    named_at = sorted((m.start, m.venue.name) for m in found)
    anaphors: dict[tuple[int, int], tuple[int, Mention]] = {}
    for pattern, ref, is_anaphor in patterns:
        # `the council` stands for the Security Council only where the article names it; where
        # it names two councils, for the one named last before it.
        if is_anaphor and ref.name in named_bodies:
            for match in _finditer_at(pattern, text, starts):
                last = max((start for start, name in named_at if name == ref.name and start < match.start()), default=-1)
                kept = anaphors.get(match.span())
                if kept is None or last > kept[0]:
                    anaphors[match.span()] = (last, _gazetteer_mention(doc, match, ref))
    return found + [mention for _, mention in anaphors.values()]


def _finditer_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` when every match must begin at one of `starts` (sorted): the
    same matches, non-overlapping, tried only where a variant can begin."""
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            end = match.end()


def _gazetteer_mention(doc: Doc, match: re.Match[str], ref: VenueRef) -> Mention:
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    setting = span is not None and _is_setting(span.root)
    sent = sentence_at(doc, match.start())
    return Mention(ref, match.start(), match.end(), sent.start_char, setting)


def _is_setting(root: Token) -> bool:
    if root.dep_ in ("compound", "amod", "nmod", "poss"):
        # `Security Council meeting` is a setting, `Security Council resolution` is not
        return root.head.lemma_.lower() in MEETING_LEMMAS
    if root.dep_ == "pobj":
        return root.head.lower_ in SETTING_PREPS
    return root.dep_ in SETTING_DEPS


def entity_text(token: Token) -> str:
    """The named entity a token is part of, without a leading `the`: `the Hague` yields `Hague`;
    a token outside any entity yields its own text."""
    ent = _lookups(token.doc).entity_of(token.i)
    return re.sub(r"^(?:the|The)\s+", "", ent.text) if ent is not None else token.text


def dedupe_mentions(mentions: list[Mention]) -> list[Mention]:
    """Drop a mention contained in a longer one (`Security Council` in `UN Security Council`);
    yields the rest in text order."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in ordered:
        if any(k.start <= mention.start and mention.end <= k.end for k in kept):
            continue
        kept.append(mention)
    return kept


def main_venue(mentions: Sequence[Mention], kind: str) -> VenueRef | None:
    """The most-mentioned named venue of a kind group, `talks` or `body`: an article that names
    the Oslo talks three times and a summit once yields the Oslo talks for `talks`."""
    kinds = ("talks", "conference") if kind == "talks" else ("body",)
    named = [m for m in mentions if m.venue.kind in kinds and not m.generic and m.setting]
    if not named:
        return None
    counts = Counter(m.venue for m in named)
    # the venue the article opens with is its setting more often than not
    counts[named[0].venue] += 2
    first: dict[VenueRef, int] = {}
    for m in named:
        first.setdefault(m.venue, m.start)
    return max(counts, key=lambda v: (counts[v], -first[v]))


def resolve_generic(mention: Mention, mentions: Sequence[Mention]) -> VenueRef | None:
    """A mention's venue; for a generic `the talks`, the article's main negotiation."""
    return main_venue(mentions, "talks") if mention.generic else mention.venue


def sentence_at(doc: Doc, char: int) -> SpacySpan:
    """The sentence holding char offset `char` (the whole doc if none does)."""
    lookups = _lookups(doc)
    token = doc.char_span(char, min(char + 1, len(lookups.text)), alignment_mode="expand")
    if token is None or len(token) == 0:
        sent = lookups.sentence_holding(char)
        return sent if sent is not None else doc[:]
    return lookups.sentence_of_token(token[0].i)


def sentence_text(doc: Doc, mention: Mention) -> str:
    """The text of the sentence a mention sits in."""
    lookups = _lookups(doc)
    cached = lookups.sentence_texts.get(mention.start)
    if cached is None:
        cached = lookups.sentence_texts[mention.start] = sentence_at(doc, mention.start).text
    return cached


class _DocLookups:
    """Sentences and entities of one article, indexed once: the venue readers ask for the
    sentence of a char or the entity of a token for every statement and every mention."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self._sents: list[SpacySpan] | None = None
        self._sent_starts: list[int] = []
        self._sent_ends: list[int] = []
        self._sent_index: list[int] = []
        self._ent_of: list[SpacySpan | None] | None = None
        self.sentence_texts: dict[int, str] = {}

    def _sentences(self) -> list[SpacySpan]:
        # built on first use: a Doc without sentence bounds fails only where they are needed
        if self._sents is None:
            self._sents = sentences_of(self.doc)
            self._sent_starts = [s.start_char for s in self._sents]
            self._sent_ends = [s.end_char for s in self._sents]
            self._sent_index = [0] * len(self.doc)
            for n, sent in enumerate(self._sents):
                self._sent_index[sent.start:sent.end] = [n] * (sent.end - sent.start)
        return self._sents

    def sentence_holding(self, char: int) -> SpacySpan | None:
        """The sentence with start_char <= char < end_char; None between sentences."""
        sents = self._sentences()
        n = bisect_right(self._sent_starts, char) - 1
        return sents[n] if n >= 0 and char < self._sent_ends[n] else None

    def sentence_of_token(self, i: int) -> SpacySpan:
        """What `doc[i].sent` gives, without walking the sentence again."""
        sents = self._sentences()
        return sents[self._sent_index[i]]

    def entity_of(self, i: int) -> SpacySpan | None:
        if self._ent_of is None:
            self._ent_of = [None] * len(self.doc)
            for ent in self.doc.ents:
                self._ent_of[ent.start:ent.end] = [ent] * (ent.end - ent.start)
        return self._ent_of[i]


def _lookups(doc: Doc) -> _DocLookups:
    return per_doc(doc, "parley_venue_lookups", _DocLookups)


def name_token(name: str) -> str | None:
    """The last word of a name: `Elin Varga` yields `Varga`, `the Council of the Realm` `Realm`."""
    words = [w for w in re.findall(r"[\w’'-]+", name) if w.lower() not in ("the", "of", "and")]
    return words[-1] if words else None

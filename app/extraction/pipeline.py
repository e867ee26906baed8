"""Runs the extraction stages in order: quotes -> cues -> speakers -> venues, dates,
positions. One spaCy parse per article; every stage reads the same Doc."""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from itertools import takewhile

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from app.extraction.attributes import use_fast_attributes
from app.extraction.candidates import Candidate, text_of
from app.extraction.cue_forms import find_colon_attributions, find_noun_cues, find_stance_adjectives
from app.extraction.reported import find_reported
from app.extraction.dates import resolve_said_on
from app.extraction.entities import use_selective_entities
from app.extraction.learned import find_learned
from app.extraction.lexicons import word_set
from app.extraction.mentions import mention_for
from app.extraction.positions import extract_positions
from app.extraction.quotes import Quoted, attribute_quotations, find_quoted, is_quotation
from app.extraction.speakers import Resolver
from app.extraction.types import ActorRef, Extraction, Span, Statement
from app.extraction.venues import assign_venues

EXTRACTOR_VERSION = "0.1.0"

# A bare quotation this close after a statement continues its speaker.
_FOLLOW_ON_CHARS = 400
# Share of a reported clause inside one quotation for both to be the same statement.
_SAME_AS_QUOTE = 0.6
# Singular nouns that name a collective speaker.
_GROUP_NOUNS = {"government", "opposition", "council", "committee", "delegation", "administration",
                "ministry", "parliament", "assembly", "union", "coalition", "alliance", "party",
                "army", "military", "regime", "cabinet", "court", "commission", "group", "side",
                "team", "embassy", "office", "presidency", "leadership", "board", "panel", "bloc",
                "community", "movement", "front", "campaign", "white house", "kremlin", "agency"}


PARAGRAPH_COMPONENT = "parley_paragraph_breaks"


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: the parser otherwise runs sentences
    across paragraphs and hangs one paragraph's verb on the previous one's."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space:
            token.is_sent_start = False  # blank lines stay with the sentence they close
        elif "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def prepare_nlp(nlp: spacy.Language) -> spacy.Language:
    """Add the paragraph-break component before the parser, swap the attribute ruler for
    its table-lookup equivalent (`attributes.py`) and run the NER only where an entity
    can be (`entities.py`), once; returns `nlp`."""
    if PARAGRAPH_COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return use_selective_entities(use_fast_attributes(nlp))


@lru_cache(maxsize=4)
def load_nlp(model_name: str) -> spacy.Language:
    """Load a spaCy pipeline once per name: `load_nlp("en_core_web_sm")`, with the
    paragraph-break component the extractor relies on."""
    return prepare_nlp(spacy.load(model_name))


class Extractor:
    """Attribution engine over one spaCy pipeline.

    `Extractor(nlp).extract('Ana Ruiz said the talks would resume.')` yields one
    indirect Statement with content `the talks would resume` and speaker Ana Ruiz.
    """

    def __init__(self, nlp: spacy.Language) -> None:
        self.nlp = prepare_nlp(nlp)

    def extract(self, text: str, published_on: date | None = None) -> Extraction:
        """Statements and positions of one article."""
        return analyse(self.nlp(text), published_on)

    def extract_many(
        self, items: Iterable[tuple[str, date | None]], batch_size: int = 16
    ) -> Iterator[Extraction]:
        """Like `extract` for many articles, parsed in batches with `nlp.pipe`."""
        for doc, published_on in self.nlp.pipe(items, as_tuples=True, batch_size=batch_size):
            yield analyse(doc, published_on)


def analyse(doc: Doc, published_on: date | None = None) -> Extraction:
    """All stages over a parsed article (see `Extractor.extract`)."""
    candidates = find_candidates(doc)
    statements = _statements(doc, candidates)
    venues = assign_venues(doc, statements)
    dated = []
    for statement, venue in zip(statements, venues):
        span_start = min(statement.content.start, statement.cue.start if statement.cue else statement.content.start)
        span_end = max(statement.content.end, statement.cue.end if statement.cue else statement.content.end)
        said_on = resolve_said_on(doc, span_start, span_end, published_on,
                                  (statement.content.start, statement.content.end))
        dated.append(dataclasses.replace(statement, venue=venue, said_on=said_on))
    positions = extract_positions(doc, dated, published_on)
    return Extraction(tuple(dated), tuple(positions), EXTRACTOR_VERSION)


def rule_candidates(doc: Doc) -> tuple[list[Quoted], list[Quoted], list[Candidate]]:
    """Quoted stretches, the quotations among them, and the reported-speech candidates the
    hand rules find (before merging with the quotations)."""
    quoted = find_quoted(text_of(doc))
    quotations = [q for q in quoted if is_quotation(doc, q)]
    regions = [(q.open_at, q.outer_end) for q in quotations]
    found = list(find_reported(doc, regions))
    for candidate in found:
        candidate.mention = mention_for(doc, doc[candidate.verb]) if candidate.verb is not None else None
    found = [c for c in found if c.mention is not None and _plausible_speaker(doc, c)]
    found += find_colon_attributions(doc, regions)
    found += find_noun_cues(doc, regions)
    found += find_stance_adjectives(doc, regions)
    return quoted, quotations, found


def find_candidates(doc: Doc, *, learned: bool = True) -> list[Candidate]:
    """Direct, mixed and indirect candidates with speaker mentions, deduplicated, in text order."""
    text = text_of(doc)
    quoted, quotations, found = rule_candidates(doc)
    regions = [(q.open_at, q.outer_end) for q in quotations]
    if learned:
        found += find_learned(doc, regions, found)
    consumed: set[Quoted] = set()
    same_as: dict[Quoted, Candidate] = {}
    reported: list[Candidate] = []
    found = _drop_stacked(doc, found)
    # Quoted stretches never overlap and come in text order: bisect instead of scanning all.
    quotation_ends = [q.end for q in quotations]
    quoted_opens = [q.open_at for q in quoted]
    for candidate in found:
        length = max(1, candidate.end - candidate.start)
        nearby = quotations[bisect_right(quotation_ends, candidate.start) :]
        covering = next((q for q in takewhile(lambda q: q.start < candidate.end, nearby)
                         if _overlap(q, candidate) / length >= _SAME_AS_QUOTE
                         or _mostly_quoted(text, candidate, q)), None)
        if covering is not None:
            same_as.setdefault(covering, candidate)
            continue
        inside = quoted[bisect_left(quoted_opens, candidate.start - 1) :]
        fragments = [q for q in takewhile(lambda q: q.open_at <= candidate.end + 1, inside) if q.end <= candidate.end + 1]
        # Mixed: a quoted fragment beside words of the writer's, few as they may be (`called it “a farce”`);
        # direct: what was reported lies wholly inside the marks (`warned against “getting ahead of us”`).
        if fragments and any(any(c.islower() for c in text[q.start : q.end]) for q in fragments):
            outside = _outside_chars(text, candidate, fragments)
            if outside >= 2 or outside == 0:
                candidate.kind = "mixed" if outside else "direct"
                consumed.update(fragments)
        reported.append(candidate)
    kept = [q for q in quotations if q not in consumed]
    directs = attribute_quotations(doc, kept, regions)
    for quoted_item, direct in zip(kept, directs):
        twin = same_as.get(quoted_item)
        if twin is not None and direct.verb is None:
            direct.verb, direct.cue, direct.confidence = twin.verb, twin.cue, 0.85
    for candidate in directs:
        if candidate.verb is not None and candidate.mention is None:
            candidate.mention = mention_for(doc, doc[candidate.verb])
    merged = _dedupe(sorted(reported + directs, key=lambda c: c.start))
    _link_follow_ons(merged)
    return merged


def _overlap(quoted: Quoted, candidate: Candidate) -> int:
    return max(0, min(quoted.end, candidate.end) - max(quoted.start, candidate.start))


def _mostly_quoted(text: str, candidate: Candidate, quoted: Quoted) -> bool:
    """`000001@. “We will go,” she said`: a clause that is the quotation plus a scrap
    (under ten letters or digits outside the marks) is that quotation. Counted only for a
    short remainder, so a long clause costs nothing here."""
    overlap = _overlap(quoted, candidate)
    return overlap > 0 and candidate.end - candidate.start - overlap < 40 \
        and _outside_chars(text, candidate, [quoted]) < 10


def _outside_chars(text: str, candidate: Candidate, fragments: list[Quoted]) -> int:
    inside = set()
    for q in fragments:
        inside.update(range(q.open_at, q.outer_end))
    return sum(1 for i in range(candidate.start, candidate.end) if i not in inside and text[i].isalnum())


def _plausible_speaker(doc: Doc, candidate: Candidate) -> bool:
    """`the phrase that raised hopes of X`: an object-taking cue needs a subject that can
    speak (a name, a pronoun, a role, a group, a document), not any thing."""
    if candidate.frame not in ("np", "inf") or candidate.mention is None:
        return True
    verb = doc[candidate.verb] if candidate.verb is not None else None
    if candidate.frame == "inf" and verb is not None and verb.tag_ == "VBN" and (
            verb.dep_ == "acl" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)):
        return False  # `convoys expected to cross`, `she was asked to leave`: the subject is no speaker
    head = doc[candidate.mention[0] : candidate.mention[1]].root
    if head.pos_ in ("PROPN", "PRON") or head.ent_type_ or head.tag_ in ("NNS", "NNPS") or head.is_title:
        # A capitalised head the tagger took for a common noun (`Velden urges ...`) is a name.
        return True
    lemma = head.lemma_.lower()
    return lemma in word_set("titles.txt") or lemma in word_set("documents.txt") or lemma in _GROUP_NOUNS


def _is_relay(doc: Doc, mention: tuple[int, int]) -> bool:
    span = doc[mention[0] : mention[1]]
    relays = word_set("relays.txt")
    return span.root.lower_ in relays or any(t.lower_ in relays for t in span if t.pos_ == "PROPN")


def _pronoun_mention(doc: Doc, candidate: Candidate) -> bool:
    return candidate.mention is not None and doc[candidate.mention[0] : candidate.mention[1]].root.lower_ in ("he", "she")


def _passes_on(doc: Doc, statement: Candidate) -> bool:
    """`..., he said`, `..., sources said`, `..., IRNA said`: a trailing attribution only passes
    on the statement inside it, unless a person or an office holder gives it (`Members
    called for X, the council president told journalists`: both speak)."""
    if statement.mention is None:
        return True
    span = doc[statement.mention[0] : statement.mention[1]]
    person = any(t.ent_type_ == "PERSON" for t in span) or span.root.lemma_.lower() in word_set("titles.txt") \
        or _pronoun_mention(doc, statement)  # (`It demanded X, he said`: a person the article named)
    return not person


def _drop_stacked(doc: Doc, reported: list[Candidate]) -> list[Candidate]:
    """`He said he had explained that X` keeps only the outer cue; `the agency said Ruiz said X`
    keeps only the inner one (a relay is not a party)."""
    dropped: set[int] = set()
    # Cues by position, so each statement looks only at the cues inside its own content.
    with_verb = sorted((doc[c.verb].idx, index) for index, c in enumerate(reported) if c.verb is not None)
    positions = [at for at, _ in with_verb]
    for outer in reported:
        if outer.verb is None:
            continue
        first = bisect_left(positions, outer.start)
        last = bisect_left(positions, outer.end)
        for _, index in with_verb[first:last]:
            inner = reported[index]
            if inner is outer:
                continue
            inverted = doc[outer.verb].idx >= outer.end
            if outer.mention and _is_relay(doc, outer.mention) or inverted and _passes_on(doc, outer):
                # `..., he said, the agency said` / `X said Y, sources said`: the relay goes.
                dropped.add(id(outer))
                continue
            head = doc[inner.mention[0] : inner.mention[1]].root if inner.mention else None
            if head is None or head.pos_ == "PRON" and head.lower_ in ("he", "she", "i", "we", "it", "they"):
                dropped.add(id(inner))
            elif inverted and head.ent_type_ == "PERSON" and _pronoun_mention(doc, outer) \
                    and outer.start <= doc[inner.mention[0]].idx:
                # `Minister Ana Ruiz reiterated X, she told the agency`: one speaker, stacked;
                # the inner cue says what she said, the outer only to whom.
                dropped.add(id(outer))
    return [c for c in reported if id(c) not in dropped]


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """One statement per stretch of text: a direct quote wins over a clause covering it."""
    kept: list[Candidate] = []
    # Kept statements that still reach the current start: candidates come in start order,
    # so one that ends before a start can clash with nothing later.
    open_slots: list[int] = []
    for candidate in candidates:
        open_slots = [slot for slot in open_slots if kept[slot].end > candidate.start]
        slot = next((s for s in open_slots if _jaccard(kept[s], candidate) >= 0.5
                     and not _reports_inside(kept[s], candidate) and not _reports_inside(candidate, kept[s])), None)
        if slot is None:
            kept.append(candidate)
            open_slots.append(len(kept) - 1)
        elif candidate.from_quote and not kept[slot].from_quote:
            kept[slot] = candidate
    return kept


def _reports_inside(outer: Candidate, inner: Candidate) -> bool:
    """`Members called for X, the council president said`: a trailing attribution that
    `_drop_stacked` kept reports a statement whose own cue lies inside it; both stand.
    (A leading one, `X said Y warned that Z`, keeps both only when their spans differ
    enough: keeping every such pair added nothing but spurious statements on the dev sets.)"""
    return outer.cue is not None and inner.cue is not None and outer.cue[0] >= outer.end \
        and outer.start <= inner.cue[0] < outer.end


def _jaccard(a: Candidate, b: Candidate) -> float:
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    union = max(a.end, b.end) - min(a.start, b.start)
    return inter / union if union else 0.0


def _link_follow_ons(candidates: list[Candidate]) -> None:
    """A quotation with no cue right after a statement continues that speaker."""
    for index, candidate in enumerate(candidates):
        if candidate.verb is not None or candidate.inherit is not None or index == 0:
            continue
        previous = candidates[index - 1]
        if candidate.start - previous.end < _FOLLOW_ON_CHARS:
            candidate.inherit = previous
            candidate.confidence = 0.75


def _statements(doc: Doc, candidates: list[Candidate]) -> list[Statement]:
    """Resolve speakers in reading order and build Statements."""
    text = text_of(doc)
    resolver = Resolver(doc)
    resolved: dict[int, tuple[tuple[int, int] | None, ActorRef | None, float, tuple[int, int] | None]] = {}
    # Mentions in reading order, so pronouns and role nouns see who came before them.
    with_mentions = sorted((c for c in candidates if c.mention is not None), key=lambda c: c.mention[0])
    for candidate in with_mentions:
        actor, confidence = resolver.resolve(*candidate.mention)
        resolved[id(candidate)] = (candidate.mention, actor, confidence, candidate.cue)
    statements = []
    for candidate in candidates:
        source = candidate
        seen = 0
        while id(source) not in resolved and source.inherit is not None and seen < 20:
            source, seen = source.inherit, seen + 1
        mention, actor, confidence, cue = resolved.get(id(source), (None, None, 0.4, None))
        mention_span = None
        if mention is not None:
            m_start = doc[mention[0]].idx
            m_end = doc[mention[1] - 1].idx + len(doc[mention[1] - 1].text)
            mention_span = Span(m_start, m_end, text[m_start:m_end])
        cue = candidate.cue or cue
        statements.append(
            Statement(
                kind=candidate.kind,  # type: ignore[arg-type]
                content=Span(candidate.start, candidate.end, text[candidate.start : candidate.end]),
                speaker_mention=mention_span,
                speaker=actor,
                cue=Span(cue[0], cue[1], text[cue[0] : cue[1]]) if cue else None,
                venue=None,
                said_on=None,
                confidence=round(candidate.confidence * confidence, 3),
            )
        )
    return statements

"""Negotiation positions (demand, reject, propose, ...) from statements and narrative.

Three sources, one position per stance word:
- the statement's own cue (`urged X to Y` -> demand Y, `welcomed X` -> support X);
- stance words inside reported content (`we are trying to reopen the port` -> intend,
  `talks should resume` -> demand, `this number is way too high` -> reject);
- narrative clauses outside any statement (`Russia seems to insist that ...`,
  `a draft presented by Canada`, `Russia and China vetoed it`).
The lexicon lives in data/stances.json.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span as SpacySpan, Token

from app.extraction.dates import resolve_said_on
from app.extraction.types import ActorRef, Position, PositionType, Span, Statement, VenueRef
from app.extraction.venues import venue_near

_DATA = Path(__file__).parent / "data" / "stances.json"
FIRST_PERSON = {"i", "we", "us", "me"}
THIRD_PERSON = {"he", "she", "him", "her"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLAUSAL_SUBJECT_DEPS = ("csubj", "csubjpass")
# `we will be`, `I would say`, `I'll tell you`: no course of action
NOT_ACTIONS = {"be", "have", "remain", "seem", "become", "like", "love", "imagine", "guess", "suppose", "expect", "think"}
PAIR_PERSON_NOUNS = {"leader", "president", "minister", "head", "premier", "chancellor", "envoy", "diplomat"}
ENTITY_KINDS = {"GPE": "state", "PERSON": "person", "ORG": "organisation", "NORP": "group"}
# How sure each source is; narrative and judgement readings are the shakiest.
CONFIDENCE = {"cue": 0.8, "content": 0.65, "judgement": 0.55, "narrative": 0.6}


@dataclass(frozen=True)
class _Found:
    type: PositionType
    start: int
    end: int
    actor: ActorRef | None
    source: str
    target: ActorRef | None = None


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    with _DATA.open(encoding="utf-8") as handle:
        data = json.load(handle)
    for table in ("cue_verbs", "content_verbs", "cue_objects"):
        data[table] = {kind: frozenset(words) for kind, words in data[table].items() if not kind.startswith("_")}
    return data


def extract_positions(doc: Doc, statements: Sequence[Statement], published_on: date | None) -> list[Position]:
    """`The opposition said that this number is way too high.` (one statement by the opposition)
    yields a reject position by the opposition with content `this number is way too high`."""
    positions: list[Position] = []
    seen: list[tuple[int, int]] = []
    # a draft presented in the article's voice comes first: what its description demands is
    # part of the proposal, not a position of its own (GUIDELINES, documents)
    drafts = _presented_documents(doc)
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
        for found in _from_statement(doc, st, owns_cue):
            _add(doc, positions, seen, found, st.venue, st.said_on, index)
    covered = [(st.content.start, st.content.end) for st in statements]
    covered += [(st.cue.start, st.cue.end) for st in statements if st.cue is not None]
    for found in _from_narrative(doc, statements, covered):
        venue = venue_near(doc, found.start, found.end, found.actor.name if found.actor else None)
        sent = _sentence_of(doc, found.start)
        said_on = resolve_said_on(doc, sent.start_char, sent.end_char, published_on)
        _add(doc, positions, seen, found, venue, said_on, None)
    return sorted(positions, key=lambda p: p.content.start)


def _add(doc: Doc, positions: list[Position], seen: list[tuple[int, int]], found: _Found,
         venue: VenueRef | None, said_on: date | None, index: int | None) -> None:
    start, end = _trim(doc.text, found.start, found.end)
    if end - start < 3 or any(_same_stretch(doc.text, (start, end), other) for other in seen):
        return  # one position per stretch of text: a cue and its content may both point at it
    seen.append((start, end))
    positions.append(Position(
        type=found.type, actor=found.actor, content=Span(start, end, doc.text[start:end]),
        target=found.target, venue=venue, said_on=said_on, confidence=CONFIDENCE[found.source],
        statement_index=index))


# --- positions carried by a statement ---------------------------------------------------------


def _reporting() -> frozenset[str]:
    return frozenset(_lexicon()["reporting_verbs"])


def _endorsed_party(token: Token, kind: PositionType) -> PositionType:
    """`endorsed the deal` is agreement; `endorsed Clinton` is support of a party."""
    if kind == "agree" and token.lemma_.lower() == "endorse":
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if objects and (objects[0].pos_ == "PROPN" or objects[0].ent_type_ in ENTITY_KINDS):
            return "support"
    return kind


def _spans_cross(st: Statement, start: int, end: int) -> bool:
    spans = [st.content] + [s for s in (st.cue, st.speaker_mention) if s is not None]
    return any(s.start < end and start < s.end for s in spans)


def _presented_documents(doc: Doc) -> list[tuple[_Found, tuple[int, int]]]:
    """`a draft resolution presented by Canada that demands X` -> propose by Canada, content the
    draft's description; with the extent of the whole noun phrase."""
    lex = _lexicon()
    found = []
    for token in doc:
        if token.dep_ != "acl" or not (set(_phrase(token)) & set(lex["document_presenting_verbs"])):
            continue
        noun = token.head
        if noun.lemma_.lower() not in lex["document_nouns"] or noun.lemma_.lower() in ("agreement", "deal"):
            continue
        if any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            continue  # `the draft proposed by X` refers back to a proposal already counted
        agents = [c for a in token.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
        actor = _actor_of(agents[0]) if agents else None
        if actor is None:
            continue
        start = noun.left_edge.idx
        end = _clause_end(noun, noun.sent.end_char)
        found.append((_Found("propose", start, end, actor, "narrative"), (start, end)))
    return found


def _from_statement(doc: Doc, st: Statement, owns_cue: bool = True) -> list[_Found]:
    document = _document_proposal(doc, st)
    if document is not None:
        return [document]
    cue = _cue_token(doc, st)
    from_cue = _cue_position(doc, st, cue) if cue is not None and owns_cue else None
    if from_cue is not None:
        return [from_cue]
    return _content_positions(doc, st, cue)


def _document_proposal(doc: Doc, st: Statement) -> _Found | None:
    """`a draft resolution presented by Canada that demands to end the fighting` -> propose by
    Canada, content the whole description (GUIDELINES: presenting a draft is `propose`)."""
    if st.speaker_mention is None or st.speaker is None:
        return None
    mention = doc.char_span(st.speaker_mention.start, st.speaker_mention.end, alignment_mode="expand")
    if mention is None or mention.root.lemma_.lower() not in _lexicon()["document_nouns"]:
        return None
    if mention.root.lemma_.lower() in ("agreement", "deal", "declaration", "statement"):
        return None  # a concluded text speaks for its parties, it is not a proposal
    presenting = _lexicon()["document_presenting_verbs"]
    by_presenter = any(t.lemma_.lower() in presenting and t.dep_ == "acl" for t in mention)
    adopted = any(t.lemma_.lower() in ("adopt", "pass", "approve") for t in mention.root.head.subtree
                  if t.i < mention.root.i) or mention.root.head.lemma_.lower() in ("adopt", "pass", "approve")
    if adopted:
        return None
    starts_description = mention.root.lower_ in ("draft", "resolution", "amendments", "amendment", "proposal") and (
        by_presenter or mention[0].lower_ in ("a", "an"))
    if not starts_description:
        return None
    end = st.content.end if st.cue is not None and st.cue.start - st.speaker_mention.end < 60 else st.speaker_mention.end
    return _Found("propose", st.speaker_mention.start, end, st.speaker, "cue")


def _cue_token(doc: Doc, st: Statement) -> Token | None:
    if st.cue is None:
        return None
    span = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    return verbs[0] if verbs else span[0]


def _phrase(token: Token) -> tuple[str, ...]:
    """`call`, `call for`, `ask for`, `put forward`: the lemma with its particle or preposition."""
    lemmas = _lemmas(token)
    follower = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if follower is not None and follower.dep_ == "prt" and follower.head.i == token.i:
        # `back out`, `turn down`: a particle verb means something else than its bare verb
        return tuple(f"{lemma} {follower.lower_}" for lemma in lemmas)
    if follower is not None and follower.dep_ == "prep" and follower.head.i == token.i:
        return tuple(f"{lemma} {follower.lower_}" for lemma in lemmas) + lemmas
    return lemmas


def _lemmas(token: Token) -> tuple[str, ...]:
    """The model's lemma, plus the `-e` stem the small model sometimes misses (`hoping` -> `hop`)."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    for suffix in ("ing", "ed", "es"):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)] + "e"
            if stem != lemma:
                return lemma, stem
    return (lemma,)


def _type_of(token: Token, table: dict[str, frozenset[str]]) -> PositionType | None:
    for phrase in _phrase(token):
        for kind, words in table.items():
            if phrase in words:
                return kind  # type: ignore[return-value]
    return None


def _cue_position(doc: Doc, st: Statement, cue: Token) -> _Found | None:
    """The stance the reporting verb itself names: `urged the council to stay united` ->
    demand `stay united`; `expressed outrage at the escalation` -> criticize `the escalation`."""
    lex = _lexicon()
    if any(child.dep_ == "neg" for child in cue.children):
        return None
    kind = _type_of(cue, lex["cue_verbs"])
    kind = _endorsed_party(cue, kind) if kind is not None else None
    start, end = st.content.start, st.content.end
    target: ActorRef | None = None
    if cue.lemma_.lower() in ("warn", "caution"):
        # `warned that his government would boycott the talks if ...`: only a conditional is a threat
        if not _has_threat(doc, start, end, conditional=True):
            return None
        return _Found("threaten", start, end, _speaker_actor(st), "cue")
    if kind is None:
        noun = _cue_object(cue, st)
        if noun is None:
            return None
        kind, (start, end) = noun
    elif kind in ("demand", "intend") and cue.lemma_.lower() in ("urge", "ask", "call", "press", "appeal"):
        # `urged the Security Council to remain united`: the demand is what follows `to`
        for child in cue.children:
            if child.dep_ == "xcomp" and child.idx >= st.content.start:
                addressee = [c for c in cue.children if c.dep_ in ("dobj", "dative")] or [
                    c for c in child.children if c.dep_ in SUBJECT_DEPS]
                if addressee and addressee[0].idx >= st.content.start:
                    target = _actor_of(addressee[0])
                    start = _vp_start(child)
                break
    if kind == "propose" and cue.lemma_.lower() == "raise" and "possib" not in st.content.text.lower():
        return None
    if start == st.content.start:
        # `asked for X as well as Y`: the statement may stop at X, the stance takes both
        own_start, own_end = _complement(cue, st.content.start, cue.sent.end_char)
        if abs(own_start - start) <= 2 and own_end > end:
            end = own_end
    charge = _charge(cue)
    if charge is not None and st.content.start <= charge.idx < st.content.end:
        start, target = charge.left_edge.idx, target or _target_of(cue)
    return _Found(kind, start, end, _speaker_actor(st), "cue", target)


def _cue_object(cue: Token, st: Statement) -> tuple[PositionType, tuple[int, int]] | None:
    """`expressed the outrage at X` / `stressed the need to X` / `stressed commitment to X`."""
    for child in cue.children:
        if child.dep_ != "dobj":
            continue
        for kind, nouns in _lexicon()["cue_objects"].items():
            if child.lemma_.lower() not in nouns:
                continue
            if kind == "criticize":
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("at", "over", "about", "with"):
                        sub = list(prep.subtree)[1:]
                        if sub:
                            return kind, (sub[0].idx, st.content.end)  # type: ignore[return-value]
            if kind == "demand":
                for comp in child.children:
                    if comp.dep_ in ("acl", "relcl", "xcomp") and comp.pos_ in ("VERB", "AUX"):
                        return kind, (_vp_start(comp), st.content.end)  # type: ignore[return-value]
            return kind, (st.content.start, st.content.end)  # type: ignore[return-value]
    return None


def _content_positions(doc: Doc, st: Statement, cue: Token | None) -> list[_Found]:
    """Stance words inside what was said; one position per clause, verbs before adjectives."""
    lo, hi = st.content.start, st.content.end
    tokens = [t for t in doc if lo <= t.idx < hi and not _in_condition(t, lo)]
    found: list[_Found] = []
    used_clauses: set[int] = set()
    judged_sentences: set[tuple[int, str]] = set()
    ordered = [t for t in tokens if t.pos_ in ("VERB", "AUX")] + [t for t in tokens if t.pos_ in ("ADJ", "NOUN", "ADV")]
    for token in ordered:
        clause = _clause_root(token)
        if clause.i in used_clauses:
            continue
        result = _verb_reading(doc, st, token, lo, hi) if token.pos_ in ("VERB", "AUX") else _judgement(doc, st, token, lo, hi)
        if result is None:
            continue
        if result.source == "judgement":
            if (token.sent.start, result.type) in judged_sentences:
                continue  # `X is reasonable and is seen as reasonable`: one judgement per sentence
            judged_sentences.add((token.sent.start, result.type))
        used_clauses.add(clause.i)
        found.append(result)
    if not found and _has_threat(doc, lo, hi, conditional=False) and any(
            t.lower_ in _lexicon()["intend_modals"] for t in tokens):
        # `an attempt to X will constitute a reason for non-participation`
        root = _content_root(doc, lo, hi)
        if root is not None:
            found.append(_Found("threaten", _clause_start(root, lo), _clause_end(root, hi), _speaker_actor(st), "content"))
    return sorted(found, key=lambda f: f.start)


def _content_root(doc: Doc, lo: int, hi: int) -> Token | None:
    inside = [t for t in doc if lo <= t.idx < hi]
    heads = [t for t in inside if not (lo <= t.head.idx < hi) or t.head.i == t.i]
    return heads[0] if heads else None


def _verb_reading(doc: Doc, st: Statement, token: Token, lo: int, hi: int) -> _Found | None:
    """A verb inside the content: a stance verb (`the factions asked for X`), a modal
    (`talks should resume`, `we will reopen`), `trying to X`, or `will help support X`."""
    lex = _lexicon()
    if token.dep_ in ("amod", "acl", "pcomp", "auxpass", "aux") and not _misparsed_clause(token):
        return None
    subject = _subject_of(token)
    if token.dep_ == "relcl" and (subject is None or subject.lower_ in ("that", "which", "who")):
        return None  # a true relative clause describes, it does not take a stance
    kind = _type_of(token, lex["content_verbs"]) if token.pos_ == "VERB" else None
    kind = _endorsed_party(token, kind) if kind is not None else None
    if kind == "intend":
        subject = _subject_of(token)
        comp = [c for c in token.children if c.dep_ == "xcomp"]
        if comp and (subject is None or _own_side(subject, st)) and not _contrasted(token):
            return _Found("intend", _vp_start(comp[0]), _clause_end(comp[0], hi), _speaker_actor(st), "content")
        return None
    if kind == "threaten" and token.lemma_.lower() == "warn" and not _has_threat(doc, token.idx, hi, conditional=True):
        return None
    if kind is not None and not _blocked(token):
        return _verb_stance(st, token, kind, lo, hi)
    if token.lemma_.lower() in lex["support_verbs_in_content"] and _has_aux(token, lex["intend_modals"]):
        subject = _subject_of(token)
        if subject is not None and not _own_side(subject, st) and (
                token.lemma_.lower() != "help" or any(c.dep_ in ("xcomp", "ccomp") for c in token.children)):
            # `the agreement will help support the process`: a positive judgement of a deal
            return _Found("support", _clause_start(token, lo), _clause_end(token, hi), _speaker_actor(st), "judgement")
    if token.lower_ in lex["intend_adjectives"] and not any(c.dep_ == "auxpass" for c in token.children):
        return _judgement(doc, st, token, lo, hi)  # `is committed to opening X`, not `can be determined`
    return _modal_stance(doc, st, token, lo, hi)


def _blocked(token: Token) -> bool:
    """`failed to agree`, `refused to sign`: the governing verb cancels (or is) the stance."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in _lexicon()["stance_blocking_verbs"]


def _contrasted(token: Token) -> bool:
    """`rather than trying to X`, `instead of seeking X`: the opposite of an intention."""
    before = token.doc.text[max(0, token.idx - 14):token.idx].lower()
    return "rather than" in before or "instead of" in before


def _verb_stance(st: Statement, token: Token, kind: PositionType, lo: int, hi: int) -> _Found | None:
    negated = any(c.dep_ == "neg" for c in token.children)
    if negated and token.lemma_.lower() in _lexicon()["negated_acceptance_verbs"]:
        kind = "reject"
    elif negated:
        return None
    subject = token.head if _misparsed_clause(token) else _subject_of(token) or _bare_subject(token)
    actor = _speaker_actor(st)
    passive = any(c.dep_ == "auxpass" for c in token.children)
    agents = [c for a in token.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
    if passive and agents:
        actor = _actor_of(agents[0]) or actor
    elif subject is not None and not passive and not _own_side(subject, st) and not _is_document(subject) \
            and subject.lower_ not in ("it", "that", "which") and not _speaks_for_document(st):
        # an unnamed subject (`the bloc would not accept`) is the speaker's side as far as we can tell
        actor = _actor_of(subject) or actor
    start, end = _complement(token, lo, hi)
    if kind == "threaten":
        # `his government would boycott the talks if ...`: the whole threat, condition included
        start, end = _clause_start(token, lo), hi
    elif passive and subject is not None and subject.lower_ != "it":
        # `A timetable has been agreed that ...`: the whole clause is what was agreed
        start, end = _clause_start(token, lo), _clause_end(token, hi)
    return _Found(kind, start, end, actor, "content", _target_of(token))


def _misparsed_clause(verb: Token) -> bool:
    """`that the factions asked for X` parsed as a noun (`factions`, ccomp) with a reduced
    relative (`asked`, acl): the noun heads a clause, so the verb is its predicate."""
    noun = verb.head
    return (verb.dep_ == "acl" and noun.dep_ in ("ccomp", "ROOT") and noun.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ == "agent" for c in verb.children))


def _bare_subject(verb: Token) -> Token | None:
    """A noun right before a verb the parser left without subject: `(the two sides) agreed`."""
    index = verb.i - 1
    while index >= 0 and verb.doc[index].pos_ in ("PUNCT", "ADV"):
        index -= 1
    if index >= 0 and verb.doc[index].pos_ in ("NOUN", "PROPN") and verb.doc[index].dep_ in ("dobj", "appos", "npadvmod"):
        return verb.doc[index]
    return None


def _speaks_for_document(st: Statement) -> bool:
    """A quoted text (`The text prepared by X reads: "The Assembly calls for ..."`) is its drafter's."""
    mention = st.speaker_mention.text.lower() if st.speaker_mention else ""
    return any(re.search(r"\b" + noun + r"\b", mention) for noun in _lexicon()["document_nouns"])


def _is_document(token: Token) -> bool:
    return token.lemma_.lower() in _lexicon()["document_nouns"]


def _modal_stance(doc: Doc, st: Statement, verb: Token, lo: int, hi: int) -> _Found | None:
    """`talks should resume` -> demand; `we will reopen the port` -> intend."""
    lex = _lexicon()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    subject = _subject_of(verb)
    before = doc.text[max(lo, verb.idx - 40):verb.idx].lower()
    phrases = "|".join(re.escape(p) for p in list(lex["demand_modals"]) + list(lex["demand_phrases"]))
    demand = re.search(r"\b(?:" + phrases + r")\s+(?:\w+\s+){0,2}$", before) is not None and bool(
        aux_words & (set(lex["demand_modals"]) | {"can", "have", "has", "need", "needs", "to"}))
    own_subject = subject is not None and subject.lower_ not in ("that", "which", "who")
    if demand and (verb.dep_ not in ("relcl", "advcl", "acl") or (verb.dep_ == "relcl" and own_subject)):
        if subject is not None and subject.lower_ in FIRST_PERSON:
            return None  # `we must be frank`: self-exhortation, not a demand on anyone
        target = _actor_of(subject) if subject is not None and subject.pos_ == "PROPN" else None
        start = _clause_start(verb, lo)
        if subject is not None and subject.lemma_.lower() == "community":
            start = _vp_start(verb)  # `the international community should adhere to X`: X is the demand
        return _Found("demand", start, _clause_end(verb, hi), _speaker_actor(st), "content", target)
    if aux_words & set(lex["intend_modals"]) and verb.lemma_.lower() not in NOT_ACTIONS | _reporting():
        if verb.dep_ in ("relcl", "advcl", "acl") or subject is None or not _own_side(subject, st):
            return None
        if _negated(verb) or any(c.dep_ == "xcomp" and c.lemma_ == "be" for c in verb.children):
            return None
        modal = max(a.i for a in auxes if a.lower_ in lex["intend_modals"])
        start = doc[modal + 1].idx
        end = _clause_end(verb, hi)
        if len(doc.text[start:end].split()) < 3:
            start = _clause_start(verb, lo)  # `the process will continue`: keep the subject
        return _Found("intend", start, end, _speaker_actor(st), "content")
    return None


def _judgement(doc: Doc, st: Statement, token: Token, lo: int, hi: int) -> _Found | None:
    """`these demands are reasonable` -> support; `this number is way too high` -> reject;
    `taking action now is not conducive to peace` -> criticize `taking action now`."""
    lex = _lexicon()
    clause = _clause_root(token)
    window = doc.text[max(lo, token.idx - 25):token.idx + len(token.text) + 25].lower()
    here = doc.text[max(lo, token.idx - 12):token.idx + len(token.text)].lower()
    for phrase in lex["reject_phrases"]:
        if phrase.split()[-1] == token.lower_ and phrase in here and not _about_oneself(clause, phrase):
            rejected = _rejected_thing(clause)
            start, end = rejected or (_clause_start(clause, lo), _clause_end(clause, hi))
            return _Found("reject", max(lo, start), end, _holder(clause, st, lo), "judgement")
    for phrase in lex["criticize_adjectives"]:
        if phrase.split()[-1] == token.lower_ and phrase in here:
            subject = _subject_of(clause, clausal=True)
            if subject is not None:
                sub = list(subject.subtree)
                return _Found("criticize", max(lo, sub[0].idx), sub[-1].idx + len(sub[-1]), _speaker_actor(st), "judgement")
    subject = _subject_of(clause)
    self_praise = subject is not None and (subject.lower_ in FIRST_PERSON or any(
        c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subject.children))
    if token.pos_ == "ADJ" and any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.head.children):
        return None  # `there is no viable way`
    if subject is not None and subject.lemma_.lower() in lex["assessed_nouns"] and token.dep_ in ("acomp", "conj"):
        return None  # `the talks were positive`: how the talks go, not a stance (GUIDELINES)
    for phrase in lex["support_adjectives"]:
        words = phrase.split()
        if token.lower_ in words and phrase in window and not _negated(clause) and not self_praise:
            return _Found("support", _clause_start(clause, lo), _clause_end(clause, hi), _holder(clause, st, lo), "judgement")
    if token.lower_ in lex["intend_nouns"] and token.pos_ == "NOUN":
        owner = [c for c in token.children if c.dep_ == "poss" and c.lower_ in ("our", "my")]
        comp = [c for c in token.children if c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB"]
        if owner and comp:
            return _Found("intend", _vp_start(comp[0]), _clause_end(comp[0], hi), _speaker_actor(st), "content")
    if token.pos_ in ("ADJ", "VERB") and token.lower_ in lex["intend_adjectives"]:
        # `ready to work on X`, `committed to opening X`
        comp = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"] + [
            g for p in token.children if p.dep_ == "prep" and p.lower_ == "to"
            for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
        subject = _subject_of(clause)
        if comp and subject is not None and _own_side(subject, st):
            return _Found("intend", _vp_start(comp[0]), _clause_end(comp[0], hi), _speaker_actor(st), "content")
    if token.lower_ in ("important", "necessary", "essential", "vital", "imperative", "urgent"):
        follow = doc.text[token.idx:min(hi, token.idx + 40)]
        match = re.search(r"\bis\s+(to\s+\w)", follow)
        if match:
            start = token.idx + match.start(1)
            end_token = doc.char_span(start, start + 2, alignment_mode="expand")
            if end_token is not None:
                return _Found("demand", start, _clause_end(end_token.root.head, hi), _speaker_actor(st), "content")
    return None


def _about_oneself(clause: Token, phrase: str) -> bool:
    """`I can't yell too much` is about the speaker; `this number is way too high` judges a proposal."""
    subject = _subject_of(clause)
    if phrase.startswith("too") and clause.lemma_ != "be":
        return True
    return subject is not None and subject.lower_ in FIRST_PERSON | THIRD_PERSON


def _holder(clause: Token, st: Statement, lo: int) -> ActorRef | None:
    """Who holds a judgement: the speaker, unless the clause is what a named third party inside
    the content holds (`he was satisfied because X was clear that their claim is unacceptable`)."""
    speaker = _speaker_actor(st)
    own = _subject_of(clause)
    if clause.dep_ not in ("ccomp", "advcl") or (own is not None and _own_side(own, st)):
        return speaker  # `what he saw to be an incredible stance`: he judges
    governor = clause.head
    while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
        governor = governor.head
    if governor.idx < lo or governor.lemma_.lower() in ("think", "believe", "say", "hope", "feel"):
        return speaker
    subject = _subject_of(governor)
    if subject is None or subject.pos_ == "PRON" or _own_side(subject, st):
        return speaker
    return _actor_of(subject) or speaker


def _rejected_thing(clause: Token) -> tuple[int, int] | None:
    """`their claim can in no way be recognised` -> `their claim`; `we cannot accept the plan` -> `the plan`."""
    if clause.lemma_.lower() not in _lexicon()["negated_acceptance_verbs"]:
        return None
    for child in clause.children:
        if child.dep_ in ("nsubjpass", "dobj"):
            sub = list(child.subtree)
            return sub[0].idx, sub[-1].idx + len(sub[-1])
    return None


def _has_threat(doc: Doc, lo: int, hi: int, conditional: bool) -> bool:
    text = doc.text[lo:hi].lower()
    words = _lexicon()["threat_words"]
    pool = words if conditional else [w for w in words if w not in ("if", "unless")]
    return any(re.search(r"\b" + re.escape(w) + r"\b", text) for w in pool)


# --- narrative positions ----------------------------------------------------------------------


def _from_narrative(doc: Doc, statements: Sequence[Statement], covered: list[tuple[int, int]]) -> Iterable[_Found]:
    """Stances the article reports in its own voice: `Russia seems to insist that ...`,
    `a draft proposed by Egypt`, `Russia and China vetoed it`, `the two leaders agreed to ...`."""
    lex = _lexicon()
    for token in doc:
        if token.pos_ != "VERB" or any(s <= token.idx < e for s, e in covered):
            continue
        if _in_condition(token, token.sent.start_char) or token.dep_ == "relcl":
            continue
        kind = _type_of(token, lex["content_verbs"])
        if kind is None:
            continue
        kind = _endorsed_party(token, kind)
        if token.lemma_.lower() == "warn" and not _has_threat(doc, token.idx, token.sent.end_char, conditional=True):
            continue  # `warned of a famine` is a forecast; `warned of consequences if ...` a threat
        if any(c.dep_ == "neg" for c in token.children) or _blocked(token):
            continue
        found = _narrative_stance(doc, token, kind, statements)
        if found is not None:
            yield found


def _narrative_stance(doc: Doc, token: Token, kind: PositionType, statements: Sequence[Statement]) -> _Found | None:
    sent_end = token.sent.end_char
    agent = [c for c in token.children if c.dep_ == "agent"]
    if token.dep_ == "acl" or (agent and token.tag_ == "VBN"):
        # `a draft resolution presented by Canada`, `The announcement was welcomed by the EU`
        holders = [c for a in agent for c in a.children if c.dep_ == "pobj"]
        if not holders:
            return None
        actor = _actor_of(holders[0], statements)
        if token.dep_ == "acl":
            noun = token.head
            if kind == "propose":
                return None  # presented drafts are read by _presented_documents
            sub = list(noun.subtree)
            return _Found(kind, sub[0].idx, _clause_end(noun, sent_end), actor, "narrative")
        subject = _subject_of(token)
        if subject is None:
            return None
        sub = list(subject.subtree)
        return _Found(kind, sub[0].idx, sub[-1].idx + len(sub[-1]), actor, "narrative")
    holder = _subject_of(token)
    if holder is None and token.dep_ == "xcomp":
        holder = _subject_of(token.head)  # `Russia seems to insist`
    if holder is None:
        return None
    actor = _actor_of(holder, statements)
    if actor is None:
        return None
    start, end = _complement(token, token.sent.start_char, sent_end)
    if kind == "threaten":
        end = _clause_end(token, sent_end)  # `warned of consequences if X`: the condition belongs to it
    for child in token.children:
        if child.dep_ == "dobj" and child.lower_ in ("it", "them", "this"):
            antecedent = _document_before(child)
            if antecedent is not None:
                start, end = antecedent
    if end - start < 3:
        return None
    return _Found(kind, start, end, actor, "narrative", _target_of(token))


def _document_before(pronoun: Token) -> tuple[int, int] | None:
    """`did not adopt the draft resolution proposed by X because Russia vetoed it` -> the draft."""
    for token in reversed(list(pronoun.sent)[: pronoun.i - pronoun.sent.start]):
        if token.lemma_.lower() in ("resolution", "draft", "proposal", "text", "plan", "amendment") and token.pos_ == "NOUN":
            sub = [t for t in token.subtree if t.i < pronoun.i]
            # stop before the clause that contains the pronoun
            cut = [t for t in sub if t.dep_ in ("advcl", "mark") and t.head.i != token.i]
            if cut:
                sub = [t for t in sub if t.i < cut[0].i]
            return sub[0].idx, sub[-1].idx + len(sub[-1])
    return None


# --- who holds it ----------------------------------------------------------------------------


def _speaker_actor(st: Statement) -> ActorRef | None:
    if st.speaker is not None:
        return st.speaker
    if st.speaker_mention is not None:
        return ActorRef(name=_strip_det(st.speaker_mention.text), kind="person", method="mention")
    return None


def _subject_of(token: Token, clausal: bool = False) -> Token | None:
    """The subject of a verb; `clausal` admits `taking action now is not conducive` (csubj)."""
    for child in token.children:
        if child.dep_ in SUBJECT_DEPS or (clausal and child.dep_ in CLAUSAL_SUBJECT_DEPS):
            return child
    # `... and agreed to X`: a conjoined verb shares its first verb's subject
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        return _subject_of(token.head, clausal)
    if token.dep_ in ("xcomp", "acomp", "attr") or token.pos_ == "ADJ":
        return _subject_of(token.head, clausal) if token.head.i != token.i else None
    return None


def _own_side(subject: Token, st: Statement) -> bool:
    """`we`, `he` (the speaker in reported speech), `our delegation`, `his government`,
    `the Greek Cypriot side`, or an organisation named in the speaker's title."""
    lex = _lexicon()
    lower = subject.lower_
    if _both(subject):
        return False  # `the two sides`, `both sides`: both parties, not the speaker's own
    if lower in FIRST_PERSON:
        return True
    if lower in THIRD_PERSON:
        # reported speech turns `I` into `he`; inside quotation marks `he` is someone else
        return st.kind != "direct"
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my", "his", "her") for c in subject.children):
        return True
    if subject.lemma_.lower() in lex["own_side_nouns"] and subject.pos_ == "NOUN":
        return True
    if subject.ent_type_ == "GPE" and st.speaker_mention is not None and re.search(
            r"\b" + re.escape(subject.text) + r"(?:'s|’s)", st.speaker_mention.text):
        return True  # `Russia's ambassador` speaking of Russia
    if subject.pos_ == "PROPN" and subject.ent_type_ == "ORG" and st.speaker_mention is not None:
        name = " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN")
        initials = "".join(w[0] for w in name.split() if w[0].isupper())
        title = _speaker_titles(subject.doc, st)
        return bool(name) and (name in title or (len(initials) >= 2 and re.search(r"\b" + initials + r"\b", title) is not None))
    return False


def _speaker_titles(doc: Doc, st: Statement) -> str:
    """Every stretch of text that names the speaker with its title (`the UN Secretary-General X`)."""
    names = [st.speaker_mention.text if st.speaker_mention else ""]
    if st.speaker is not None:
        surname = st.speaker.name.split()[-1]
        for match in re.finditer(r"\b" + re.escape(surname) + r"\b", doc.text):
            names.append(doc.text[max(0, match.start() - 60):match.end()])
    return " ".join(names)


def _actor_of(token: Token, statements: Sequence[Statement] = ()) -> ActorRef | None:
    """A named holder: a proper noun, a state, `the opposition`, `Russia and China`,
    `the two leaders` (the pair named last)."""
    lex = _lexicon()
    if token.pos_ in ("PRON", "DET") and token.lower_ in THIRD_PERSON | FIRST_PERSON | {"it", "they", "which", "who", "that", "this"}:
        if token.lower_ in THIRD_PERSON and statements:
            before = [s for s in statements if s.content.start < token.idx and s.speaker is not None]
            return before[-1].speaker if before else None
        return None
    if _both(token):
        pair = _pair_before(token)
        if pair is not None:
            return pair
    members = [token]
    for member in members:  # `Russia and China`, `Egypt, New Zealand and Spain`: follow the conj chain only
        members.extend(c for c in member.children if c.dep_ == "conj" and not _after_dash(c))
    names = []
    for member in members:
        if member.pos_ == "PROPN" or member.ent_type_ in ENTITY_KINDS or member.lemma_.lower() in lex["actor_group_nouns"] \
                or member.lower_ in lex["actor_group_nouns"] \
                or (member.text[:1].isupper() and member.i != member.sent.start and member.pos_ == "NOUN") \
                or (member.text.isupper() and len(member.text) >= 2):
            names.append(_noun_phrase(member))
    if not names:
        return None
    name = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return ActorRef(name=name, kind=ENTITY_KINDS.get(token.ent_type_, "group" if len(names) > 1 else "organisation"),
                    method="group" if len(names) > 1 else "name")


def _both(token: Token) -> bool:
    return any((c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
               for c in token.children)


def _after_dash(token: Token) -> bool:
    """`Iran and the powers – the United States, France ...`: a list after a dash spells out the
    powers, it adds no members."""
    left = token.left_edge.i
    return any(t.text in ("–", "—", "(", "-") for t in token.doc[max(0, left - 2):left])


def _noun_phrase(token: Token) -> str:
    """The head with its compounds and adjectives, article dropped: `the northern front factions`;
    a named person without the title: `Elin Varga` for `Prime Minister Elin Varga`."""
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ == "PERSON":
            return ent.text
    left = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "poss") or c.ent_type_]
    start = min([token.i] + [t.i for c in left for t in c.subtree])
    words = [t.text for t in token.doc[start:token.i + 1] if t.dep_ != "det" and t.pos_ != "PUNCT"]
    return _strip_det(" ".join(words))


def _pair_before(token: Token) -> ActorRef | None:
    """`the two leaders` / `the two sides`: the last coordinated pair named before."""
    doc = token.doc
    if token.lemma_.lower() in PAIR_PERSON_NOUNS:
        # `the two leaders`: the two people the nearest earlier sentence names
        sents = [s for s in doc.sents if s.end <= token.sent.start][-5:]
        for sent in reversed(sents):
            people = [e for e in sent.ents if e.label_ == "PERSON" and e.start < sent.root.i]
            if len(people) == 2:
                return ActorRef(f"{people[0].text} and {people[1].text}", "group", "group")
    for sent_start in range(token.sent.start - 1, max(-1, token.sent.start - 200), -1):
        candidate = doc[sent_start]
        if candidate.dep_ in SUBJECT_DEPS and candidate.i < token.i:
            # `A and B` as the subject itself, or `North and South Korea` inside its modifier
            heads = {candidate.i} | {c.i for c in candidate.children if c.dep_ in ("compound", "nmod")}
            conj = [c for c in candidate.subtree if c.dep_ == "conj" and c.head.i in heads and (c.pos_ == "PROPN" or c.ent_type_)]
            if conj:
                people = [e for e in doc.ents if e.label_ == "PERSON" and e.start >= candidate.left_edge.i
                          and e.end <= candidate.right_edge.i + 1]
                if len(people) == 2:
                    return ActorRef(f"{people[0].text} and {people[1].text}", "group", "group")
                sub = list(candidate.subtree)
                text = doc.text[sub[0].idx:sub[-1].idx + len(sub[-1])]
                return ActorRef(_strip_det(text), "group", "group")
    return None


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|The|a|A|an|An)\s+", "", text.strip())


# --- spans -----------------------------------------------------------------------------------


def _complement(token: Token, lo: int, hi: int) -> tuple[int, int]:
    """What a stance verb takes: `insist that X` -> X, `agreed to X` -> X, `asked for X` -> X,
    `rejected X` -> X."""
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp") and child.idx > token.idx:
            start = _vp_start(child) if child.dep_ == "xcomp" else _clause_start(child, lo)
            return max(lo, start), _clause_end(child, hi)
    accused = _charge(token)
    if accused is not None:
        return max(lo, accused.left_edge.idx), _clause_end(accused, hi)
    for child in token.children:
        if child.dep_ in ("dobj", "attr"):
            return max(lo, child.left_edge.idx), _clause_end(child, hi)
        if child.dep_ in ("prep", "prt") and child.idx > token.idx:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return max(lo, objs[0].left_edge.idx), _as_well_as(child.doc, _clause_end(child, hi), hi)
    return max(lo, token.idx + len(token.text)), hi


def _as_well_as(doc: Doc, end: int, hi: int) -> int:
    """Extend `X` over `X as well as Y` when the parser hung `Y` elsewhere."""
    match = re.match(r"\s+as well as\s+", doc.text[end:hi])
    if not match:
        return end
    follower = doc.char_span(end + match.end(), min(hi, end + match.end() + 1), alignment_mode="expand")
    if follower is None or len(follower) == 0:
        return end
    head = follower[0]
    while head.head.i != head.i and head.head.idx >= end + match.end():
        head = head.head
    return min(hi, _clause_end(head, hi))


def _charge(verb: Token) -> Token | None:
    """`accused Belgrade of stoking tensions` / `blamed Kyiv for the attack`: the charge, not the
    accused (who is the target)."""
    if not any(c.dep_ == "dobj" for c in verb.children) or not (
            set(_lemmas(verb)) & _lexicon()["cue_verbs"]["criticize"]):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
            objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0]
    return None


def _target_of(verb: Token) -> ActorRef | None:
    if _charge(verb) is None:
        return None
    accused = next(c for c in verb.children if c.dep_ == "dobj")
    return _actor_of(accused)


def _clause_root(token: Token) -> Token:
    """The finite clause a word belongs to: `what he saw to be an incredible stance` for
    `incredible`; the first conjunct for `was and still is a positive initiative`."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    while node.head.i != node.i and (
            (node.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in node.children))
            or (node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX")
                and not any(c.dep_ in SUBJECT_DEPS for c in node.children))):
        node = node.head
    return node


def _clause_start(head: Token, lo: int) -> int:
    for token in head.subtree:
        if token.idx < lo or token.dep_ in ("mark", "cc", "punct") or token.lower_ in ("that", "(", "“", '"'):
            continue
        if token.dep_ == "advmod" and token.head.i == head.i and token.i < head.i and token.lower_ in ("however", "also", "so"):
            continue
        return token.idx
    return max(lo, head.idx)


def _vp_start(verb: Token) -> int:
    """`to remain united` -> `remain united`; keeps a pre-verbal adverb (`next meet X`)."""
    left = [c for c in verb.children if c.i < verb.i and c.dep_ in ("advmod", "neg")]
    return min([verb.idx] + [c.left_edge.idx for c in left if c.left_edge.dep_ != "mark"])


def _clause_end(head: Token, hi: int) -> int:
    """End of the clause under `head`, before a conjoined clause with its own subject, a
    participle or `so that` clause after a comma, and trailing punctuation."""
    stop = hi
    for child in head.children:
        if child.i <= head.i:
            continue
        separate = (child.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in child.children)) or child.dep_ == "parataxis"
        after_comma = child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
        trailing = after_comma and child.dep_ in ("advcl", "npadvmod") and (
            child.tag_ == "VBG" or child.left_edge.lower_ in ("so", "not", "because"))
        if separate or trailing:
            stop = min(stop, child.left_edge.idx)
            # drop the `, and` / `, but` in front of it
            prev = child.left_edge.i - 1
            while prev > head.i and child.doc[prev].dep_ in ("cc", "punct"):
                stop = min(stop, child.doc[prev].idx)
                prev -= 1
    for token in head.subtree:
        # `... that demands to end the fighting amid frustration over X`: circumstance, not content
        if token.idx > head.idx and token.dep_ == "prep" and token.lower_ in ("amid", "amidst", "despite"):
            stop = min(stop, token.idx)
    last = [t for t in head.subtree if t.idx + len(t.text) <= stop]
    end = max((t.idx + len(t.text) for t in last), default=head.idx + len(head.text))
    return min(end, stop, hi) if end > head.idx else min(stop, hi)


def _in_condition(token: Token, lo: int) -> bool:
    """Inside an `if`/`unless` clause: hypothetical, not a stance."""
    node = token
    while node.head.i != node.i and node.idx >= lo:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return True
        node = node.head
    return False


def _has_aux(token: Token, words: Sequence[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in token.children)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _sentence_of(doc: Doc, char: int) -> SpacySpan:
    for sent in doc.sents:
        if sent.start_char <= char < sent.end_char:
            return sent
    return doc[:]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:(\"“'‘"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.\"”'’"):
        end -= 1
    return start, end


def _same_stretch(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Half the words shared, or one span starting inside the other at the same place."""
    return _overlap(text, a, b) >= 0.5 or a[0] == b[0] or (b[0] <= a[0] and a[1] <= b[1])


def _overlap(text: str, a: tuple[int, int], b: tuple[int, int]) -> float:
    words_a = {m.start() for m in re.finditer(r"\w+", text[a[0]:a[1]])}
    words_b = {m.start() for m in re.finditer(r"\w+", text[b[0]:b[1]])}
    shifted_a = {a[0] + w for w in words_a}
    shifted_b = {b[0] + w for w in words_b}
    union = shifted_a | shifted_b
    return len(shifted_a & shifted_b) / len(union) if union else 0.0

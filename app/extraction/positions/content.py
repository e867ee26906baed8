"""Stance words inside what was said: stance verbs, modals (`talks should resume`,
`we will reopen the crossing`), imperatives, and judgements of a proposal."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from app.extraction.candidates import text_of
from app.extraction.lexicons import reporting_lemmas, word_set
from app.extraction.positions.holders import actors_of, addressees_of, own_side, speaker_actors, targets_of
from app.extraction.positions.index import doc_index
from app.extraction.positions.judgements import judgement_stance
from app.extraction.positions.spans import clause_end, clause_start, complement_span, vp_start
from app.extraction.positions.stances import (
    FIRST_PERSON,
    Found,
    absorb_negation,
    blocked_stance,
    endorsed_party,
    has_threat,
    is_document,
    lexicon,
    speaks_for_document,
    stance_type,
)
from app.extraction.positions.syntax import (
    SUBJECT_DEPS,
    agents_of,
    clause_root,
    has_aux,
    in_condition,
    is_negated,
    subject_of,
)
from app.extraction.types import PositionType, Statement

# `we will be`, `I would say`, `I'll tell you`: no course of action
NOT_ACTIONS = {"be", "have", "remain", "seem", "become", "like", "love", "imagine", "guess", "suppose", "expect", "think",
               "see", "know", "wait", "need", "happen", "depend"}


def content_stances(doc: Doc, st: Statement) -> list[Found]:
    """Stance words inside what was said; one position per clause, verbs before adjectives.

    For a statement with content `we will reopen the crossing next week`, yields one intend
    with content `reopen the crossing next week`."""
    lo, hi = st.content.start, st.content.end
    tokens = [t for t in doc_index(doc).tokens_in(lo, hi) if not in_condition(t, lo)]
    found: list[Found] = []
    used_clauses: set[int] = set()
    judged_sentences: set[tuple[int, str]] = set()
    ordered = [t for t in tokens if t.pos_ in ("VERB", "AUX")] + [t for t in tokens if t.pos_ in ("ADJ", "NOUN", "ADV")]
    for token in ordered:
        clause = clause_root(token)
        if clause.i in used_clauses:
            continue
        result = _verb_reading(doc, st, token, lo, hi) if token.pos_ in ("VERB", "AUX") else judgement_stance(doc, st, token, lo, hi)
        if result is None:
            continue
        if result.source == "judgement":
            if (token.sent.start, result.type) in judged_sentences:
                continue  # `X is fair and is seen as fair`: one judgement per sentence
            judged_sentences.add((token.sent.start, result.type))
        used_clauses.add(clause.i)
        found.append(result)
    if not found and has_threat(doc, lo, hi, conditional=False) and any(
            t.lower_ in lexicon()["intend_modals"] for t in tokens):
        # `any move to X will be a reason to walk out of the talks`
        root = _content_root(doc, lo, hi)
        if root is not None:
            found.append(Found("threaten", clause_start(root, lo), clause_end(root, hi), speaker_actors(doc, st), "content",
                               anchor=root))
    return sorted(found, key=lambda f: f.start)


def _content_root(doc: Doc, lo: int, hi: int) -> Token | None:
    inside = doc_index(doc).tokens_in(lo, hi)
    heads = [t for t in inside if not (lo <= t.head.idx < hi) or t.head.i == t.i]
    return heads[0] if heads else None


def _verb_reading(doc: Doc, st: Statement, token: Token, lo: int, hi: int) -> Found | None:
    """A verb inside the content: a stance verb (`the militias asked for X`), a modal
    (`talks should resume`, `we will reopen`), `trying to X`, or `will help support X`."""
    lex = lexicon()
    if token.dep_ in ("amod", "acl", "pcomp", "auxpass", "aux") and not _misparsed_clause(token) \
            and not _that_clause_on_noun(token):
        return None
    subject = subject_of(token)
    if token.dep_ == "relcl" and (subject is None or subject.lower_ in ("that", "which", "who")):
        return None  # a true relative clause describes, it does not take a stance
    relative = token.head if token.dep_ == "xcomp" else token
    if relative.dep_ == "relcl" and _object_gap(relative):
        return None
    kind = stance_type(token, lex["content_verbs"]) if token.pos_ == "VERB" else None
    kind = endorsed_party(token, kind) if kind is not None else None
    if kind == "intend":
        comp = [c for c in token.children if c.dep_ == "xcomp"]
        if comp and (subject is None or own_side(subject, st)) and not _contrasted(token):
            return Found("intend", vp_start(comp[0]), clause_end(comp[0], hi), speaker_actors(doc, st), "content",
                         anchor=token, negated=is_negated(token))  # `we are not seeking X`
        return None
    if kind == "threaten" and token.lemma_.lower() == "warn" and not has_threat(doc, token.idx, hi, conditional=True):
        return None
    if kind == "threaten" and subject is not None and not _can_act(subject):
        return None  # `the clashes threatened the corridor`: a danger, not a party's threat
    if kind is not None and not blocked_stance(token):
        return _verb_stance(doc, st, token, kind, lo, hi)
    if token.lemma_.lower() in lex["support_verbs_in_content"] and has_aux(token, lex["intend_modals"]):
        if subject is not None and not own_side(subject, st) and (
                token.lemma_.lower() != "help" or any(c.dep_ in ("xcomp", "ccomp") for c in token.children)):
            # `the accord will help support the process`: a positive judgement of a deal
            return Found("support", clause_start(token, lo), clause_end(token, hi), speaker_actors(doc, st), "judgement",
                         anchor=token)
    if _imperative(token, st, lo, hi):
        return Found("demand", clause_start(token, lo), clause_end(token, hi), speaker_actors(doc, st), "content",
                     anchor=token)
    if token.lower_ in lex["intend_adjectives"] and not any(c.dep_ == "auxpass" for c in token.children):
        return judgement_stance(doc, st, token, lo, hi)  # `is committed to opening X`, not `can be determined`
    return _modal_stance(doc, st, token, lo, hi)


def _object_gap(verb: Token) -> bool:
    """`everything they need to know`, `the sanctions they want lifted`: the relative clause's
    verb (or the verb it governs) lacks the object its head noun stands for, so what it would
    demand is only that noun."""
    governed = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    last = governed[0] if governed else verb
    # A passive has its object as subject: `the terms can only be settled by X` (a clause
    # the parser may hang on a noun as a relative) lacks nothing.
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "dative", "nsubjpass", "auxpass")
                   for c in last.children)


def _can_act(subject: Token) -> bool:
    """A subject that can take a stance: a name, a pronoun, a party or a role, not a thing."""
    if subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    lemma = subject.lemma_.lower()
    return lemma in lexicon()["actor_group_nouns"] or subject.lower_ in lexicon()["actor_group_nouns"] \
        or lemma in word_set("titles.txt")


def _imperative(verb: Token, st: Statement, lo: int, hi: int) -> bool:
    """`"Open the crossings today," she said`: a bare verb opening a quoted sentence demands it."""
    heads_content = verb.dep_ == "ROOT" or not (lo <= verb.head.idx < hi)
    if st.kind == "indirect" or verb.tag_ != "VB" or not heads_content:
        return False
    if any(c.dep_ in SUBJECT_DEPS + ("aux", "neg") and c.i < verb.i for c in verb.children):
        return False
    opening = [t for t in verb.sent if not t.is_punct and not t.is_space and t.idx >= lo]
    return bool(opening) and opening[0].i == verb.i and verb.lemma_.lower() not in (
        "let", "thank", "look", "see", "imagine", "excuse", "forgive", "believe", "remember", "take")


def _contrasted(token: Token) -> bool:
    """`rather than trying to X`, `instead of seeking X`: the opposite of an intention."""
    before = text_of(token.doc)[max(0, token.idx - 14):token.idx].lower()
    return "rather than" in before or "instead of" in before


def _verb_stance(doc: Doc, st: Statement, token: Token, kind: PositionType, lo: int, hi: int) -> Found | None:
    # `will not accept X` is a reject; `did not ask for X` stays a demand, flagged negated
    kind, negated = absorb_negation(token, kind)
    subject = token.head if _misparsed_clause(token) else subject_of(token) or _bare_subject(token)
    if subject is None and any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return None  # its only subject was a dateline the parser misread: whose stance is unknown
    actors = speaker_actors(doc, st)
    passive = any(c.dep_ == "auxpass" for c in token.children)
    agents = agents_of(token)
    if passive and agents:
        actors = actors_of(agents[0]) or actors
    elif subject is not None and not passive and not own_side(subject, st) and not is_document(subject) \
            and subject.lower_ not in ("it", "that", "which") and not speaks_for_document(st):
        # an unnamed subject (`the bloc would not accept`) is the speaker's side as far as we can tell
        actors = actors_of(subject) or actors
    start, end = complement_span(token, lo, hi)
    if kind == "threaten":
        # `her side would quit the talks if ...`: the whole threat, condition included
        start, end = clause_start(token, lo), hi
    elif passive and subject is not None and subject.lower_ != "it":
        # `A schedule has been agreed that ...`: the whole clause is what was agreed
        start, end = clause_start(token, lo), clause_end(token, hi)
    targets = targets_of(token) or (addressees_of(token, actors) if kind == "demand" else ())
    return Found(kind, start, end, actors, "content", targets, anchor=token, negated=negated)


def _misparsed_clause(verb: Token) -> bool:
    """`that the militias asked for X` parsed as a noun (`militias`, ccomp) with a reduced
    relative (`asked`, acl): the noun heads a clause, so the verb is its predicate."""
    noun = verb.head
    return (verb.dep_ == "acl" and noun.dep_ in ("ccomp", "ROOT") and noun.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ == "agent" for c in verb.children))


def _that_clause_on_noun(verb: Token) -> bool:
    """`said in a statement that Tashkent supported X` with the clause hung on `statement`: a
    `that` with a subject of its own makes a clause, never a relative one."""
    return verb.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) \
        and any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _bare_subject(verb: Token) -> Token | None:
    """A noun right before a verb the parser left without subject: `(the delegations) agreed`."""
    index = verb.i - 1
    while index >= 0 and verb.doc[index].pos_ in ("PUNCT", "ADV"):
        index -= 1
    if index >= 0 and verb.doc[index].pos_ in ("NOUN", "PROPN") and verb.doc[index].dep_ in ("dobj", "appos", "npadvmod"):
        return verb.doc[index]
    return None


@lru_cache(maxsize=1)
def _demand_before() -> re.Pattern[str]:
    """A demand modal or phrase (data/stances.json) followed by at most two words, at the end of
    the text before a verb: matches the `should` before `resume` in `talks should quickly resume`."""
    lex = lexicon()
    phrases = "|".join(re.escape(p) for p in list(lex["demand_modals"]) + list(lex["demand_phrases"]))
    return re.compile(r"\b(?:" + phrases + r")\s+(?:\w+\s+){0,2}$")


@lru_cache(maxsize=1)
def _demand_auxes() -> frozenset[str]:
    return frozenset(lexicon()["demand_modals"]) | {"can", "have", "has", "need", "needs", "to"}


# `we will not allow X`, `will not hesitate to X`: what one's own side will not stand for is a threat.
_THREATENING_REFUSALS = {"allow", "tolerate", "permit", "hesitate"}


def _refusal(doc: Doc, st: Statement, verb: Token, hi: int) -> Found | None:
    """`we will not sign another paper` -> reject `sign another paper`; `we would never
    recognise X` -> reject; `we will not hesitate to ask for sanctions` -> threaten `ask for
    sanctions`; `we will not allow anyone to touch it` -> threaten."""
    lemma = verb.lemma_.lower()
    if lemma in _THREATENING_REFUSALS:
        comp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
        if lemma == "hesitate" and comp is not None:
            return Found("threaten", vp_start(comp), clause_end(comp, hi), speaker_actors(doc, st), "content", anchor=verb)
        return Found("threaten", clause_start(verb, st.content.start), clause_end(verb, hi), speaker_actors(doc, st),
                     "content", anchor=verb)
    if not any(c.dep_ in ("dobj", "prep", "xcomp", "prt", "auxpass") for c in verb.children):
        return None  # `we will not give in`, `it would not last`: no course of action refused
    # (what is refused starts at its verb: `would never [recognise X]`)
    return Found("reject", verb.idx, clause_end(verb, hi), speaker_actors(doc, st), "content", anchor=verb)


def _modal_stance(doc: Doc, st: Statement, verb: Token, lo: int, hi: int) -> Found | None:
    """`talks should resume` -> demand; `we will reopen the crossing` -> intend."""
    lex = lexicon()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    subject = subject_of(verb)
    before = text_of(doc)[max(lo, verb.idx - 40):verb.idx].lower()
    demand = _demand_before().search(before) is not None and bool(aux_words & _demand_auxes())
    own_subject = subject is not None and subject.lower_ not in ("that", "which", "who")
    if demand and (verb.dep_ not in ("relcl", "advcl", "acl") or (verb.dep_ == "relcl" and own_subject)):
        if subject is not None and subject.lower_ in FIRST_PERSON:
            return None  # `we must be frank`: self-exhortation, not a demand on anyone
        targets = actors_of(subject) if subject is not None and subject.pos_ == "PROPN" else ()
        start = clause_start(verb, lo)
        if subject is not None and subject.lemma_.lower() == "community":
            start = vp_start(verb)  # `the international community should back X`: X is the demand
        return Found("demand", start, clause_end(verb, hi), speaker_actors(doc, st), "content", targets, anchor=verb)
    if aux_words & set(lex["intend_modals"]) and verb.lemma_.lower() not in NOT_ACTIONS | reporting_lemmas():
        if verb.dep_ in ("relcl", "advcl", "acl") or subject is None or not own_side(subject, st):
            return None
        if is_negated(verb):
            return _refusal(doc, st, verb, hi)
        if any(c.dep_ == "xcomp" and c.lemma_ == "be" for c in verb.children):
            return None
        modal = max(a.i for a in auxes if a.lower_ in lex["intend_modals"])
        start = doc[modal + 1].idx
        end = clause_end(verb, hi)
        if len(text_of(doc)[start:end].split()) < 3:
            start = clause_start(verb, lo)  # `the process will continue`: keep the subject
        return Found("intend", start, end, speaker_actors(doc, st), "content", anchor=verb)
    return None

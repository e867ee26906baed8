"""Judgements inside reported content: an adjective or noun that approves, rejects or
condemns (`the offer is fair`, `the quota is far too low`, `ready to sign`)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from app.extraction.candidates import text_of
from app.extraction.positions.holders import actors_of, own_side, speaker_actors
from app.extraction.positions.spans import clause_end, clause_start, vp_start
from app.extraction.positions.stances import FIRST_PERSON, THIRD_PERSON, Found, lexicon
from app.extraction.positions.syntax import clause_root, is_negated, subject_of
from app.extraction.types import ActorRef, Statement


def judgement_stance(doc: Doc, st: Statement, token: Token, lo: int, hi: int) -> Found | None:
    """`these terms are fair` -> support; `the new quota is far too low` -> reject;
    `taking action now is not conducive to peace` -> criticize `taking action now`.

    `token` is the judging word inside the statement's content [lo, hi); a word that judges
    nothing yields None."""
    lex = lexicon()
    clause = clause_root(token)
    text = text_of(doc)
    window = text[max(lo, token.idx - 25):token.idx + len(token.text) + 25].lower()
    for phrase in lex["reject_phrases"]:
        if _ends_phrase(text, lo, token, phrase) and not _about_oneself(clause, phrase):
            rejected = _rejected_thing(clause)
            start, end = rejected or (clause_start(clause, lo), clause_end(clause, hi))
            return Found("reject", max(lo, start), end, _holder(doc, clause, st, lo), "judgement", anchor=clause)
    for phrase in lex["criticize_adjectives"]:
        if _ends_phrase(text, lo, token, phrase):
            # `its "dangerous" actions`: an attributive adjective judges its noun, not the
            # clause's subject (`taking action now is not conducive to peace`)
            subject = token.head if token.dep_ == "amod" else subject_of(clause, clausal=True)
            if subject is not None:
                sub = list(subject.subtree)
                return Found("criticize", max(lo, sub[0].idx), sub[-1].idx + len(sub[-1]), speaker_actors(doc, st),
                             "judgement", anchor=clause)
    subject = subject_of(clause)
    self_praise = subject is not None and (subject.lower_ in FIRST_PERSON or any(
        c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subject.children))
    if token.pos_ == "ADJ" and any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.head.children):
        return None  # `there is no fair option`
    if subject is not None and subject.lemma_.lower() in lex["assessed_nouns"] and token.dep_ in ("acomp", "conj"):
        return None  # `the talks were positive`: how the talks go, not a stance (GUIDELINES)
    for phrase in lex["support_adjectives"]:
        words = phrase.split()
        if token.lower_ in words and phrase in window and not is_negated(clause) and not self_praise:
            return Found("support", clause_start(clause, lo), clause_end(clause, hi), _holder(doc, clause, st, lo),
                         "judgement", anchor=clause)
    if token.lower_ in lex["intend_nouns"] and token.pos_ == "NOUN":
        owner = [c for c in token.children if c.dep_ == "poss" and c.lower_ in ("our", "my")]
        comp = [c for c in token.children if c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB"]
        if owner and comp:
            return Found("intend", vp_start(comp[0]), clause_end(comp[0], hi), speaker_actors(doc, st), "content",
                         anchor=clause)
    if token.pos_ in ("ADJ", "VERB") and token.lower_ in lex["intend_adjectives"]:
        # `ready to work on X`, `committed to opening X`
        comp = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"] + [
            g for p in token.children if p.dep_ == "prep" and p.lower_ == "to"
            for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
        if comp and subject is not None and own_side(subject, st):
            return Found("intend", vp_start(comp[0]), clause_end(comp[0], hi), speaker_actors(doc, st), "content",
                         anchor=clause, negated=is_negated(clause))  # `we are not ready to sign`
    if token.lower_ in ("important", "necessary", "essential", "vital", "imperative", "urgent"):
        follow = text[token.idx:min(hi, token.idx + 40)]
        match = re.search(r"\bis\s+(to\s+\w)", follow)
        if match:
            start = token.idx + match.start(1)
            end_token = doc.char_span(start, start + 2, alignment_mode="expand")
            if end_token is not None:
                return Found("demand", start, clause_end(end_token.root.head, hi), speaker_actors(doc, st), "content",
                             anchor=clause)
    return None


def _ends_phrase(text: str, lo: int, token: Token, phrase: str) -> bool:
    """`token` is the last word of `phrase` in the text (from `lo` on): `discussion` of `not
    up for discussion`, `sided` of `one-sided` (three tokens, the last part judges)."""
    end = token.idx + len(token.text)
    return phrase.split()[-1].split("-")[-1] == token.lower_ \
        and phrase in text[max(lo, end - len(phrase) - 3):end].lower()


def _about_oneself(clause: Token, phrase: str) -> bool:
    """`I can't sleep too long` is about the speaker; `the new quota is far too low` judges a proposal."""
    subject = subject_of(clause)
    if phrase.startswith("too") and clause.lemma_ != "be":
        return True
    return subject is not None and subject.lower_ in FIRST_PERSON | THIRD_PERSON


def _holder(doc: Doc, clause: Token, st: Statement, lo: int) -> tuple[ActorRef, ...]:
    """Who holds a judgement: the speaker, unless the clause is what a named third party inside
    the content holds (`she was pleased because X made plain that the new border is unacceptable`)."""
    speaker = speaker_actors(doc, st)
    own = subject_of(clause)
    if clause.dep_ not in ("ccomp", "advcl") or (own is not None and own_side(own, st)):
        return speaker  # `what she called a hopeless stance`: she judges
    governor = clause.head
    while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
        governor = governor.head
    if governor.idx < lo or governor.lemma_.lower() in ("think", "believe", "say", "hope", "feel"):
        return speaker
    subject = subject_of(governor)
    if subject is None or subject.pos_ == "PRON" or own_side(subject, st):
        return speaker
    return actors_of(subject) or speaker


def _rejected_thing(clause: Token) -> tuple[int, int] | None:
    """`the new border can in no way be recognised` -> `the new border`; `we cannot accept the plan` -> `the plan`."""
    if clause.lemma_.lower() not in lexicon()["negated_acceptance_verbs"]:
        return None
    for child in clause.children:
        if child.dep_ in ("nsubjpass", "dobj"):
            sub = list(child.subtree)
            return sub[0].idx, sub[-1].idx + len(sub[-1])
    return None

"""Attributions without a speech verb: a speech noun with a possessor (`Russia's demand
that ...`) and a name-colon line (`Ruiz: Talks Will Resume`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from app.extraction.candidates import (
    Candidate,
    char_span,
    clip_to_paragraph,
    sentence_of,
    subtree_range,
    text_of,
    tokens_of,
    trim_tokens,
)
from app.extraction.lexicons import word_set


# Speech nouns whose content may be an infinitive (`pledge to cut`) and, for asking, a
# `for` object (`call for a truce`).
# (`decision to`, `bid to` report acts, not words.)
_INTENT_NOUNS = {"pledge", "promise", "vow", "threat", "call", "demand", "proposal", "offer", "plan", "appeal",
                 "request"}
_ASKING_NOUNS = {"call", "demand", "appeal", "request", "push", "plea"}


def find_noun_cues(doc: Doc, quoted_regions: Sequence[tuple[int, int]]) -> Iterator[Candidate]:
    """`Russia's demand that the fighters leave`: a speech noun with a `that` clause (or,
    for pledges and calls, an infinitive or a `for` object) and a possessor who said it;
    `Velden's pledge to cut tariffs` yields content `to cut tariffs`, speaker `Velden`."""
    text = text_of(doc)
    nouns = word_set("speech_nouns.txt") | _INTENT_NOUNS | _ASKING_NOUNS
    for token in tokens_of(doc):
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns:
            continue
        if any(start <= token.idx < end for start, end in quoted_regions):
            continue
        clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        lemma = token.lemma_.lower()
        if clause is None and lemma in _INTENT_NOUNS:
            # `Velden's pledge to cut tariffs`, `Russia's call for a ceasefire`.
            clause = next((c for c in token.children if c.dep_ == "acl" and c.left_edge.i == token.i + 1
                           and c.left_edge.lower_ == "to" and c.left_edge.dep_ == "aux"), None)
            if clause is None and lemma in _ASKING_NOUNS:
                asked = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for" and c.i == token.i + 1), None)
                clause = next((c for c in asked.children if c.dep_ == "pobj"), None) if asked is not None else None
        if clause is None:
            clause = _predicated_clause(token)
        mention = _noun_owner(token)
        if clause is None or mention is None:
            continue
        start, end = trim_tokens(doc, *subtree_range(clause))
        if end - start < 2:
            continue
        c_start, c_end = clip_to_paragraph(text, token.idx, *char_span(doc, start, end))
        candidate = Candidate("indirect", c_start, c_end, (token.idx, token.idx + len(token.text)), None, 0.6,
                              frame="noun")
        candidate.mention = mention
        yield candidate


# Verbs whose subject voices the speech noun they take as object (`made the claim that`).
_VOICING_VERBS = {"make", "repeat", "reiterate", "restate", "voice", "renew", "advance", "put", "press", "raise",
                  "deliver", "float", "air", "level", "stand"}


def _noun_owner(noun: Token) -> tuple[int, int] | None:
    """Token range of who a speech noun belongs to: its possessor (`Russia's demand`), a
    `by` phrase (`the claim by Ruiz that`), or the subject of a voicing verb (`Ruiz made
    the claim that`); None for an ownerless `the claim that` or an `its` nothing resolves."""
    from app.extraction.mentions import mention_for  # mentions imports cues; import late

    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return None if owner.lower_ == "its" else (owner.left_edge.i, owner.i + 1)
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if agent is not None:
        return agent.left_edge.i, agent.right_edge.i + 1
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _VOICING_VERBS:
        return mention_for(noun.doc, noun.head)
    return None


def _predicated_clause(noun: Token) -> Token | None:
    """`His argument was that tariffs protect jobs`: the clause a copula says the speech
    noun (its subject) holds."""
    be = noun.head
    if noun.dep_ != "nsubj" or be.lemma_ != "be":
        return None
    return next((c for c in be.children if c.dep_ in ("ccomp", "attr") and c.i > be.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def find_colon_attributions(doc: Doc, quoted_regions: Sequence[tuple[int, int]]) -> Iterator[Candidate]:
    """`Ruiz: Talks Will Resume in May` (a headline or transcript line): a short name
    opening a paragraph, then a colon, attributes the rest of the paragraph to it."""
    text = text_of(doc)
    for sentence_start in {sentence_of(t)[0] for t in tokens_of(doc)}:
        first = doc[sentence_start]
        if first.idx > 0 and text[first.idx - 1] != "\n":
            continue
        if any(start <= first.idx < end for start, end in quoted_regions):
            continue
        colon = next((t for t in doc[sentence_start : sentence_start + 5] if t.text == ":"), None)
        if colon is None or colon.i == sentence_start:
            continue
        name = doc[sentence_start : colon.i]
        if not all(t.pos_ == "PROPN" or t.is_title or t.is_upper for t in name) or not first.text[:1].isupper():
            continue
        if any(t.lower_ in _LABELS for t in name) or not any(
            t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.is_upper and len(t) > 1 or t.pos_ == "PROPN" for t in name
        ):
            continue  # `Correction: ...`, `Update: ...` label the text; they do not speak
        if all(t.ent_type_ in ("GPE", "LOC") for t in name if not t.is_punct) or (
            "\n" not in text[: first.idx] and all(t.is_upper for t in name if not t.is_punct)
        ):
            continue  # `GENEVA: ...` opening the article is a dateline
        if any(t.lower_ in _relay_words() for t in name):
            continue
        line_end = text.find("\n", colon.idx)
        line_end = len(text) if line_end == -1 else line_end
        start, end = clip_to_paragraph(text, colon.idx, colon.idx + 1, line_end)
        while start < end and text[start].isspace():
            start += 1
        if len(text[start:end].split()) < 3:
            continue
        candidate = Candidate("indirect", start, end, (colon.idx, colon.idx + 1), None, 0.6, frame="colon")
        candidate.mention = (sentence_start, colon.i)
        yield candidate


# Words that label a line rather than name who speaks in it.
_LABELS = {"correction", "update", "updated", "editor", "note", "watch", "video", "photos", "photo", "live",
           "breaking", "exclusive", "analysis", "opinion", "editorial", "read", "related", "see", "listen",
           "source", "sources", "q", "a", "question", "answer", "transcript", "full", "text", "warning", "ps"}


def _relay_words() -> frozenset[str]:
    return word_set("relays.txt")


def find_stance_adjectives(doc: Doc, quoted_regions: Sequence[tuple[int, int]]) -> Iterator[Candidate]:
    """`The envoy was adamant that the vote go ahead` -> content `the vote go ahead`, cue
    `was adamant`, the subject of `was` as the speaker mention."""
    from app.extraction.mentions import noun_phrase  # mentions imports cues; import late

    text = text_of(doc)
    adjectives = word_set("stance_adjectives.txt")
    for be in tokens_of(doc):
        if be.lemma_ != "be" or any(start <= be.idx < end for start, end in quoted_regions):
            continue
        subject = next((c for c in be.children if c.dep_ == "nsubj"), None)
        if subject is None and be.dep_ == "conj":
            # `X maintained Y and was clear that Z`: the subject of the first conjunct.
            subject = next((c for c in be.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.dep_ == "expl" or subject.lower_ in ("it", "this", "that")):
            continue  # `It is clear that ...` is the writer's voice
        complements = [c for c in be.children if c.dep_ in ("acomp", "attr")]
        adjective = next((t for c in complements for t in [c, *c.children]
                          if t.lemma_.lower() in adjectives and t.pos_ == "ADJ"), None)
        if subject is None or adjective is None:
            continue
        clause = next((c for c in [*be.children, *adjective.children] if c.dep_ in ("ccomp", "advcl")
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None:
            continue
        start, end = trim_tokens(doc, *subtree_range(clause))
        if end - start < 2:
            continue
        c_start, c_end = clip_to_paragraph(text, be.idx, *char_span(doc, start, end))
        candidate = Candidate("indirect", c_start, c_end, (be.idx, adjective.idx + len(adjective.text)), None, 0.6,
                              frame="stance")
        candidate.mention = noun_phrase(subject, be)
        yield candidate


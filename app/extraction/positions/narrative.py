"""Stances the article reports in its own voice, outside any statement."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from app.extraction.candidates import Covered
from app.extraction.positions.documents import document_before
from app.extraction.positions.holders import actors_of, addressees_of, targets_of
from app.extraction.positions.index import doc_index
from app.extraction.positions.spans import clause_end, complement_span
from app.extraction.positions.stances import (
    Found,
    absorb_negation,
    blocked_stance,
    endorsed_party,
    has_threat,
    lexicon,
    stance_type,
)
from app.extraction.positions.syntax import agents_of, in_condition, subject_of
from app.extraction.types import PositionType, Statement


def narrative_stances(doc: Doc, statements: Sequence[Statement], covered: list[tuple[int, int]]) -> Iterable[Found]:
    """Stances outside the `covered` char ranges: `Ostland seems to insist that ...`,
    `a draft proposed by Belmar`, `Ostland and Arden blocked it`, `the two ministers agreed to ...`.

    `Ostland rejected the new map.` yields a reject by Ostland with content `the new map`."""
    lex = lexicon()
    inside = Covered(covered)
    for token in doc_index(doc).with_pos("VERB"):
        if inside(token.idx):
            continue
        if in_condition(token, token.sent.start_char) or token.dep_ == "relcl":
            continue
        kind = stance_type(token, lex["content_verbs"])
        if kind is None:
            continue
        kind = endorsed_party(token, kind)
        if token.lemma_.lower() == "warn" and not has_threat(doc, token.idx, token.sent.end_char, conditional=True):
            continue  # `warned of a famine` is a forecast; `warned of consequences if ...` a threat
        if blocked_stance(token):
            continue
        # `Ostland will not accept the map` is a reject; `did not demand X` a demand flagged negated
        kind, negated = absorb_negation(token, kind)
        found = _narrative_stance(doc, token, kind, negated, statements)
        if found is not None:
            yield found


def _narrative_stance(doc: Doc, token: Token, kind: PositionType, negated: bool,
                      statements: Sequence[Statement]) -> Found | None:
    sent_end = token.sent.end_char
    agent = [c for c in token.children if c.dep_ == "agent"]
    if token.dep_ == "acl" or (agent and token.tag_ == "VBN"):
        # `a draft resolution presented by Ostland`, `The offer was welcomed by the bloc`
        holders = agents_of(token)
        if not holders:
            return None
        actors = actors_of(holders[0], statements)
        if token.dep_ == "acl":
            noun = token.head
            if kind == "propose":
                return None  # presented drafts are read by presented_documents
            sub = list(noun.subtree)
            return Found(kind, sub[0].idx, clause_end(noun, sent_end), actors, "narrative", anchor=token, negated=negated)
        subject = subject_of(token)
        if subject is None:
            return None
        sub = list(subject.subtree)
        return Found(kind, sub[0].idx, sub[-1].idx + len(sub[-1]), actors, "narrative", anchor=token, negated=negated)
    holder = subject_of(token)
    if holder is None and token.dep_ == "xcomp":
        holder = subject_of(token.head)  # `Ostland seems to insist`
    if holder is None:
        return None
    actors = actors_of(holder, statements)
    if not actors:
        return None
    start, end = complement_span(token, token.sent.start_char, sent_end)
    if kind == "threaten":
        end = clause_end(token, sent_end)  # `warned of consequences if X`: the condition belongs to it
    for child in token.children:
        if child.dep_ == "dobj" and child.lower_ in ("it", "them", "this"):
            antecedent = document_before(child)
            if antecedent is not None:
                start, end = antecedent
    if end - start < 3:
        return None
    targets = targets_of(token) or (addressees_of(token, actors) if kind == "demand" else ())
    return Found(kind, start, end, actors, "narrative", targets, anchor=token, negated=negated)

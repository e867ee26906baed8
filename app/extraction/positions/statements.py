"""Positions a statement carries: a draft speaking as the statement's speaker, the stance its
reporting verb names (`urged X to Y`, `welcomed X`), else stance words in its content."""

from __future__ import annotations

import re
from typing import cast

from spacy.tokens import Doc, Token

from app.extraction.candidates import cue_token, text_of
from app.extraction.cues import reduced_relative
from app.extraction.positions.content import content_stances
from app.extraction.positions.documents import document_proposal
from app.extraction.positions.holders import actors_of, addressees_of, speaker_actors, targets_of
from app.extraction.positions.spans import charge_of, clause_end, complement_span, vp_start
from app.extraction.positions.stances import Found, absorb_negation, endorsed_party, has_threat, lexicon, stance_type
from app.extraction.positions.syntax import SUBJECT_DEPS, is_negated
from app.extraction.types import ActorRef, PositionType, Statement


def statement_stances(doc: Doc, st: Statement, owns_cue: bool = True) -> list[Found]:
    """`She urged the council to lift the blockade.` yields one demand by her with content
    `lift the blockade`; `owns_cue` False (a cue another statement owns) skips the cue's own
    stance and reads the content only."""
    document = document_proposal(doc, st)
    if document is not None:
        return [document]
    cue = cue_token(doc, st)
    from_cue = _cue_position(doc, st, cue) if cue is not None and owns_cue else None
    if from_cue is not None:
        return [from_cue]
    return content_stances(doc, st)


_COORDINATED = re.compile(r"[\s,]*(?:as well as|and|or|plus|along with)\b", re.I)


def _cue_position(doc: Doc, st: Statement, cue: Token) -> Found | None:
    """The stance the reporting verb itself names: `urged the council to stay calm` ->
    demand `stay calm`; `expressed outrage at the raids` -> criticize `the raids`."""
    lex = lexicon()
    kind = stance_type(cue, lex["cue_verbs"])
    if is_negated(cue) and (kind is None or cue.lemma_.lower() in ("warn", "caution")):
        return None  # `did not say`, `did not warn`: no stance to qualify
    kind = endorsed_party(cue, kind) if kind is not None else None
    negated = False
    if kind is not None:
        # `did not accept the offer` is a reject; `did not demand X` a demand flagged negated
        kind, negated = absorb_negation(cue, kind)
    start, end = st.content.start, st.content.end
    actors = speaker_actors(doc, st)
    targets: tuple[ActorRef, ...] = ()
    if cue.lemma_.lower() in ("warn", "caution"):
        # `warned that her side would quit the talks if ...`: only a conditional is a threat
        if not has_threat(doc, start, end, conditional=True):
            return None
        return Found("threaten", start, end, actors, "cue", anchor=cue)
    if kind is None:
        noun = _cue_object(cue, st)
        if noun is None:
            return None
        kind, (start, end) = noun
    elif kind in ("demand", "intend") and cue.lemma_.lower() in ("urge", "ask", "call", "press", "appeal"):
        # `urged the council to stay calm`: the demand is what follows `to`
        for child in cue.children:
            # (`pressed the envoys to commit X`: the parser may hang the infinitive as a ccomp or advcl)
            infinitive = child.dep_ == "xcomp" or child.dep_ in ("ccomp", "advcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            if infinitive and child.idx >= st.content.start:
                addressee = [c for c in cue.children if c.dep_ in ("dobj", "dative")] or [
                    c for c in child.children if c.dep_ in SUBJECT_DEPS]
                if addressee and addressee[0].idx >= st.content.start:
                    targets = actors_of(addressee[0])
                    # (`to respect the truce agreed in May`, the participle hung on the cue)
                    described = next((c for c in cue.children if reduced_relative(c, child.right_edge.i + 1)), None)
                    start, end = vp_start(child), min(end, clause_end(described or child, end))
                break
    if kind == "propose" and cue.lemma_.lower() == "raise" and "possib" not in st.content.text.lower():
        return None
    if start == st.content.start:
        # `asked for X as well as Y`: the statement may stop at X, the stance takes both
        own_start, own_end = complement_span(cue, st.content.start, cue.sent.end_char)
        # (only across a coordination: `, a condition X rejected` sums up, the writer's words)
        if abs(own_start - start) <= 2 and own_end > end and _COORDINATED.match(text_of(doc)[end:own_end]):
            end = own_end
    charge = charge_of(cue)
    if charge is not None and st.content.start <= charge.idx < st.content.end:
        start, targets = charge.left_edge.idx, targets or targets_of(cue)
    if kind == "demand" and not targets:
        targets = addressees_of(cue, actors)  # `demanded that Turkey and Iran withdraw`
    return Found(kind, start, end, actors, "cue", targets, anchor=cue, negated=negated)


def _cue_object(cue: Token, st: Statement) -> tuple[PositionType, tuple[int, int]] | None:
    """`expressed the outrage at X` / `stressed the need to X` / `stressed commitment to X`."""
    for child in cue.children:
        if child.dep_ != "dobj":
            continue
        for kind, nouns in lexicon()["cue_objects"].items():
            if child.lemma_.lower() not in nouns:
                continue
            if kind == "criticize":
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("at", "over", "about", "with"):
                        sub = list(prep.subtree)[1:]
                        if sub:
                            return cast(PositionType, kind), (sub[0].idx, st.content.end)
            if kind == "demand":
                for comp in child.children:
                    if comp.dep_ in ("acl", "relcl", "xcomp") and comp.pos_ in ("VERB", "AUX"):
                        return cast(PositionType, kind), (vp_start(comp), st.content.end)
            return cast(PositionType, kind), (st.content.start, st.content.end)
    return None

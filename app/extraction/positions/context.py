"""How the words around a stance word qualify its position: negated, hypothetical, future,
historical, and how certain the text is that the actor holds it (Position's docstring says
what each means; the hedges and markers are data in data/stance_context.json).

Everything is read from the stance word's frame: the word itself and the verbs and
adjectives it hangs from as a complement (`insist` in `Russia seems to insist`, `agree` in
`is unlikely to agree`), so that a stance costs only the few tokens around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from app.extraction.lexicons import data_json, reporting_lemmas
from app.extraction.positions.stances import Found

# a verb chain longer than this (`seems to be expected to want to ...`) says nothing more
_MAX_FRAME = 4
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PAST_TAGS = ("VBD", "VBN")


@dataclass(frozen=True)
class Context:
    """The flags and certainty of one position; the default is a plain, firm stance."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    certainty: float = 1.0


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data = dict(data_json("stance_context.json"))  # a copy: the shared parse stays as read
    for table in ("predictive_governors", "future_auxes", "future_governors", "condition_marks",
                  "historical_adverbs"):
        data[table] = frozenset(data[table])
    data["historical_dates"] = re.compile("|".join(data["historical_dates"]))
    return data


def stance_context(found: Found, published_on: date | None) -> Context:
    """`Russia seems to insist that the fighters leave.` (anchor `insist`) yields certainty
    0.6 and no flags; `Ostland will not accept the plan.` (a reject anchored on `accept`)
    yields future True; a Found with no anchor keeps only the reader's `negated`."""
    if found.anchor is None:
        return Context(negated=found.negated)
    frame = stance_frame(found.anchor)
    weights, hedged_negation, predictive = _hedges(frame)
    negated = found.negated or (_governor_negated(frame) and not hedged_negation)
    modal = _modal(frame)
    conditional = _has_condition(frame)
    # `would` is a reported `will` under a reporting verb, a hypothetical anywhere else
    would_is_future = modal == "would" and not conditional and _reported(frame)
    if modal is not None and not would_is_future:
        weights.append(_data()["modals"][modal])
    hypothetical = (conditional or predictive or (modal is not None and not would_is_future)) \
        and found.type != "threaten"  # a threat's condition is what it threatens
    # a judgement's `will` says what the judged deal will do (`the accord will help`), not
    # what its holder intends
    judged = found.source == "judgement" and found.type in ("support", "criticize")
    future = not judged and (would_is_future or _future(frame))
    certainty = 1.0
    for weight in weights:
        certainty *= weight
    return Context(negated=negated, hypothetical=hypothetical, future=future,
                   historical=_historical(frame, published_on), certainty=round(min(1.0, max(0.0, certainty)), 2))


def stance_frame(anchor: Token) -> list[Token]:
    """The stance word and what it hangs from as a complement, nearest first: for `insist` in
    `Russia is said to insist on X`, [insist, said]; for `agree` in `is unlikely to agree`,
    [agree, unlikely, is]; `It seems that Russia insists` reaches `seems` through its clause."""
    frame = [anchor]
    node = anchor
    while len(frame) < _MAX_FRAME and node.head.i != node.i:
        head = node.head
        if node.dep_ in ("xcomp", "acomp"):
            frame.append(head)
        elif node.dep_ == "ccomp" and (_hedge_weight(head) is not None or any(
                c.dep_ == "acomp" and _hedge_weight(c) is not None for c in head.children)):
            # `it is likely that X`: the copula and its hedging adjective both frame X
            frame.append(head)
            frame.extend(c for c in head.children if c.dep_ == "acomp")
        else:
            break
        node = head
    return frame


def _hedge_weight(token: Token) -> float | None:
    """The certainty a hedging governor leaves: `seem` 0.6, `unlikely` 0.3, `said` only as
    the passive `is said to`."""
    data = _data()
    lemma = token.lemma_.lower()
    if lemma in data["hedge_governors"]:
        return float(data["hedge_governors"][lemma])
    if lemma in data["passive_hedges"] and any(c.dep_ == "auxpass" for c in token.children):
        return float(data["passive_hedges"][lemma])
    return None


def _hedges(frame: list[Token]) -> tuple[list[float], bool, bool]:
    """The hedges' weights, whether a negation in the frame turned one round (`is not likely
    to agree`: 1 - 0.7), and whether a governor predicts the stance rather than reports it."""
    data = _data()
    weights: list[float] = []
    negation_used = predictive = False
    for token in _with_reporting_verb(frame):
        weights.extend(float(data["hedge_adverbs"][c.lower_]) for c in token.children
                       if c.dep_ == "advmod" and c.lower_ in data["hedge_adverbs"])
    for token in frame[1:]:
        weight = _hedge_weight(token)
        if weight is None:
            continue
        predictive = predictive or token.lemma_.lower() in data["predictive_governors"]
        if not negation_used and _governor_negated(frame):
            weight, negation_used = 1.0 - weight, True
        weights.append(weight)
    return weights, negation_used, predictive


def _with_reporting_verb(frame: list[Token]) -> list[Token]:
    """The frame plus the reporting verb whose clause it is: `Ostland reportedly said it
    would reject X` hedges the reject too."""
    reporter = _reporting_verb(frame)
    return frame + [reporter] if reporter is not None else frame


def _reporting_verb(frame: list[Token]) -> Token | None:
    """The nearest reporting verb above the frame, however deep the clause it reports:
    `said` for `accept` in `Ostland said that, because X, it would not accept Y`."""
    lemmas = reporting_lemmas()
    node = frame[-1]
    while node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in lemmas and node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _governor_negated(frame: list[Token]) -> bool:
    """A negation above the stance word: `did not seem to insist`, `is not expected to agree`
    (the stance word's own negation is the reader's to judge)."""
    return any(c.dep_ == "neg" for token in frame[1:] for c in token.children)


def _modal(frame: list[Token]) -> str | None:
    """The first possibility modal on the frame: `may` in `Ostland may agree to X`."""
    modals = _data()["modals"]
    for token in frame:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in modals \
                    and not (token.tag_ == "VBN" and child.lower_ in ("'d", "’d")):  # `he'd rejected`: had
                return str(child.lower_)
    return None


def _has_condition(frame: list[Token]) -> bool:
    """An `if` / `unless` clause on the frame: `could accept the plan if the shelling stops`."""
    marks = _data()["condition_marks"]
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for token in frame for c in token.children)


def _reported(frame: list[Token]) -> bool:
    """The frame is inside what a reporting verb reports: `he said he would next meet X`."""
    return _reporting_verb(frame) is not None


def _future(frame: list[Token]) -> bool:
    """`will`/`shall` on the frame, `going to`, or a governor of intention (`plans to sign`,
    the intention word itself in `Ostland plans to sign`)."""
    data = _data()
    for token in frame:
        if any(c.dep_ == "aux" and c.lower_ in data["future_auxes"] for c in token.children):
            return True
        lemma = token.lemma_.lower()
        if lemma == "go":
            # only `going to X`; `went to Geneva` is travel
            if token.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in token.children):
                return True
        elif lemma in data["future_governors"] and _hedge_weight(token) is None \
                and (token.i != frame[0].i or any(c.dep_ == "xcomp" for c in token.children)):
            return True  # `is expected to sign` is a hedge, `expects to sign` an intention
    return False


def _historical(frame: list[Token], published_on: date | None) -> bool:
    """Before the article's news: a past perfect (`had demanded`) that is not the tense shift
    of reported speech, `previously`/`formerly`, or a date a year or more back (`in 2015`,
    `last year`)."""
    data = _data()
    reporter = _reporting_verb(frame)
    shifted = reporter is not None and reporter.tag_ in _PAST_TAGS
    for token in frame:
        if not shifted and token.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for c in token.children):
            return True
        for child in token.children:
            if child.dep_ == "advmod" and child.lower_ in data["historical_adverbs"]:
                return True
            if child.dep_ in ("npadvmod", "prep", "advmod") and _past_date(child, published_on):
                return True
    return False


def _past_date(modifier: Token, published_on: date | None) -> bool:
    """`last year`, `two years ago`, `in the past`, `in 2015` (before the publication year)."""
    words = list(modifier.subtree)
    if len(words) > 6:
        return False  # a long phrase is a circumstance, not a date
    text = " ".join(w.lower_ for w in words)
    if _data()["historical_dates"].search(text):
        return True
    years = [int(y) for y in _YEAR.findall(text)]
    return published_on is not None and bool(years) and max(years) < published_on.year

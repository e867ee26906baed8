"""Content words of a position and readable topic labels, by light rules (no parser).

A term is a lower-cased content word in a singular-ish form: `The evacuation of 900
fighters from Aleppo` has the terms evacuation, 900, fighter, aleppo. Stance and speech
verbs are not terms (data/stopwords.txt), so `demanded X` and `rejected X` share X's terms.
Terms are compared by `term_key`, a 6-letter prefix, so that `evacuation`, `evacuate`
and `evacuated` count as one word without a stemmer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

KEY_LENGTH = 6
MAX_LABEL_WORDS = 5

_WORD = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_](?:[\w'’-]*\w)?")
_POSSESSIVE = re.compile(r"['’]s?$")
# a label never spans these: `Aleppo, said` or `fighters. The` are not phrases
_BREAK = re.compile(r"[.,;:!?\"“”()\[\]—–]")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    term: str | None  # None for stop words


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words plus data/stopwords.txt: holds `the`, `said`, `urged`, `official`."""
    from spacy.lang.en.stop_words import STOP_WORDS

    text = resources.files("app.extraction.topics").joinpath("data", "stopwords.txt").read_text(encoding="utf-8")
    extra = (word for line in text.splitlines() for word in line.split("#", 1)[0].split())
    return frozenset(STOP_WORDS) | frozenset(extra)


def topic_terms(text: str) -> tuple[str, ...]:
    """Distinct content terms in order of first use: `Rebels demanded the evacuation
    of 1,000 fighters from Aleppo's east` yields (rebel, evacuation, 1000, fighter, aleppo, east)."""
    seen: dict[str, None] = {}
    for token in _tokens(text):
        if token.term is not None:
            seen.setdefault(token.term, None)
    return tuple(seen)


def term_key(term: str) -> str:
    """The form terms are compared by: `evacuation` and `evacuated` both give `evacua`."""
    return term[:KEY_LENGTH]


def terms_label(term_counts: Mapping[str, int], words: int = 3) -> str:
    """The most frequent terms of a topic joined by dots, for when no member text is at hand:
    {aleppo: 4, fighter: 3, evacuation: 2, bus: 1} yields `aleppo · fighter · evacuation`."""
    ranked = sorted(term_counts.items(), key=lambda item: (-item[1], item[0]))
    return " · ".join(term for term, _ in ranked[:words])


def label_for(texts: Sequence[str]) -> str:
    """A label of at most 5 words from the contents of a topic's members: the stretch of one
    member that best covers the terms most members share, with the fewest other words. [`900 fighters leave Aleppo`,
    `evacuation of fighters from Aleppo`, `rebels to be evacuated from Aleppo`] yields
    `evacuation of fighters from Aleppo`. Falls back to `terms_label` when no stretch holds
    a shared term; an empty list yields an empty string."""
    tokenised = [_tokens(text) for text in texts]
    key_df: Counter[str] = Counter()
    for tokens in tokenised:
        key_df.update({term_key(t.term) for t in tokens if t.term is not None})
    if not key_df:
        return ""
    size = len(texts)
    best: tuple[float, int, str] | None = None
    for text, tokens in zip(texts, tokenised):
        for phrase, score, length in _windows(text, tokens, key_df, size):
            candidate = (score, -length, phrase)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    if best is not None:
        return _restore_case(best[2], texts)
    term_counts: Counter[str] = Counter()
    for tokens in tokenised:
        term_counts.update({t.term for t in tokens if t.term is not None})
    return terms_label(term_counts)


def _windows(text: str, tokens: list[_Token], key_df: Counter[str], size: int) -> Iterable[tuple[str, float, int]]:
    # A stretch starts and ends on a term and must hold two terms shared by several members
    # (any term counts as shared in a one-member topic; one is enough if the topic shares only
    # one). Each shared term adds the share of members that hold it, every other word costs a
    # little, so `evacuation of fighters from Aleppo` (0.67 + 1 + 1 - 0.3) beats
    # `900 fighters leave Aleppo` (1 + 1 - 0.3).
    shared = 1 if size == 1 else 2
    needed = min(2, sum(1 for df in key_df.values() if df >= shared))
    for i, first in enumerate(tokens):
        if first.term is None or key_df[term_key(first.term)] < shared:
            continue
        for j in range(i, min(i + MAX_LABEL_WORDS, len(tokens))):
            last = tokens[j]
            if j > i and _BREAK.search(text, tokens[j - 1].end, last.start):
                break
            if last.term is None or key_df[term_key(last.term)] < shared:
                continue
            window = tokens[i : j + 1]
            keys = {term_key(t.term) for t in window if t.term is not None}
            hits = [k for k in keys if key_df[k] >= shared]
            if len(hits) < needed:
                continue
            others = len(window) - sum(1 for t in window if t.term is not None and key_df[term_key(t.term)] >= shared)
            score = sum(key_df[k] / size for k in hits) - 0.15 * others
            yield text[first.start : last.end], score, len(window)


def _restore_case(phrase: str, texts: Sequence[str]) -> str:
    # a member that opens with the phrase capitalises its first word (`Evacuation of ...`);
    # a word some member writes in lower case is no proper noun
    first = phrase.split(" ", 1)[0]
    if not first[:1].isupper() or first.isupper():
        return phrase
    lowered = first[0].lower() + first[1:]
    if any(re.search(rf"\b{re.escape(lowered)}\b", t) for t in texts):
        return lowered + phrase[len(first) :]
    return phrase


def _tokens(text: str) -> list[_Token]:
    stops = stop_words()
    tokens = []
    for index, match in enumerate(_WORD.finditer(text)):
        tokens.append(_Token(match.start(), match.end(), _term(match.group(), index == 0, stops)))
    return tokens


def _term(word: str, first: bool, stops: frozenset[str]) -> str | None:
    if word[0].isdigit():
        return word.replace(",", "").rstrip(".")
    word = _POSSESSIVE.sub("", word)
    if len(word) > 1 and word.isupper():
        return word.lower()  # UN, US, EU: an acronym is never a stop word
    lower = word.lower()
    if len(lower) < 2 or lower in stops:
        return None
    if "-" in lower and not any(c.isupper() for c in word):
        lower = lower.replace("-", "")  # cease-fire and ceasefire are one word; al-Assad keeps its hyphen
    if first or not word[0].isupper():
        lower = _singular(lower)  # a proper noun mid-sentence keeps its s: Brussels, Paris
    return None if lower in stops else lower


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ous")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word

"""The venue gazetteer (data/venues.json): the one place that reads the file, and the
lookups outside the engine need."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from app.extraction.lexicons import data_json

def load_venues() -> dict[str, Any]:
    """data/venues.json as parsed, read once and shared (callers must not change it):
    `load_venues()["venues"][0]["name"]` is `UN Security Council`."""
    return data_json("venues.json")  # type: ignore[no-any-return]


def _fold(name: str) -> str:
    return " ".join(name.replace(".", "").casefold().split())


@lru_cache(maxsize=1)
def _variants_by_name() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for venue in load_venues()["venues"]:
        names = (venue["name"], *venue.get("variants", ()))
        for name in names:
            table.setdefault(_fold(name), names)
    return table


def venue_variants(name: str) -> tuple[str, ...]:
    """`venue_variants("UNGA")` gives `("UN General Assembly", ..., "General Assembly")`:
    the canonical name first, then every variant; `()` for a venue not in the gazetteer."""
    return _variants_by_name().get(_fold(name), ())


@lru_cache(maxsize=1)
def _anaphors() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """Folded anaphor -> (canonical name, a pattern finding any of the venue's variants) for
    each venue it may stand for (`the council`: the Security Council, the Human Rights Council)."""
    table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for venue in load_venues()["venues"]:
        variants = "|".join(re.escape(v) for v in venue.get("variants", ()))
        if not variants:
            continue
        pattern = re.compile(r"\b(?:" + variants + r")\b", re.I)
        for anaphor in venue.get("anaphors", ()):
            table.setdefault(_fold(anaphor), []).append((venue["name"], pattern))
    return table


def body_for_anaphor(phrase: str, article: str) -> str | None:
    """`the assembly` in an article that names the General Assembly -> `UN General Assembly`;
    None when the phrase is no anaphor or the article never names its body."""
    for name, pattern in _anaphors().get(_fold(phrase), ()):
        if any(not inside_longer_name(article, m.start()) for m in pattern.finditer(article)):
            return name
    return None


_BEFORE = re.compile(r"([\w.’'-]+)\s+(?:(and|of|&)\s+)?$")
_OPENERS = {"the", "a", "an", "un", "u.n.", "united", "nations"}
_TIMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
          "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}


def inside_longer_name(text: str, start: int) -> bool:
    """Whether a venue name found at `start` is the tail of another name: `Security Council`
    in `the AU's Peace and Security Council` or `Russia's Security Council` is no UN body."""
    before = _BEFORE.search(text[max(0, start - 40):start])
    if before is None:
        return False
    word, joiner = before.group(1), before.group(2)
    if joiner:
        return word[:1].isupper()
    stem = re.sub(r"[’']s$", "", word).lower()
    # (`the Security Council`, `Tuesday's Security Council meeting` are the body itself)
    return word[:1].isupper() and stem not in _OPENERS and stem not in _TIMES


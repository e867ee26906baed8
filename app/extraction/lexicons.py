"""Word lists the extractor reads from data/ once, at import.

Lists are data, not code: each file holds one entry a line, `#` starts a comment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry


def _text(name: str) -> str:
    return resources.files("app.extraction").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def data_json(name: str) -> Any:
    """A JSON file of data/, parsed once and shared (callers must not change it):
    `data_json("venues.json")["venues"][0]["name"]` is `UN Security Council`."""
    return json.loads(_text(name))


@lru_cache(maxsize=1)
def reporting_lemmas() -> frozenset[str]:
    """Lemmas of verbs that introduce speech (data/stances.json): holds `say`, `stress`."""
    return frozenset(data_json("stances.json")["reporting_verbs"])


def _lines(name: str) -> list[str]:
    text = _text(name)
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


@dataclass(frozen=True)
class Cue:
    """One reporting cue: `call for` is lemma `call`, particle `for`, flags {"np"}."""

    lemma: str
    particle: str | None
    flags: frozenset[str]


def _read_cues(names: tuple[str, ...]) -> dict[tuple[str, str | None], Cue]:
    cues: dict[tuple[str, str | None], Cue] = {}
    for line in (line for name in names for line in _lines(name)):
        head, _, flag_text = line.partition("  ")
        words = head.split()
        lemma, particle = words[0], (words[1] if len(words) > 1 else None)
        known = cues.get((lemma, particle))
        # A cue listed twice keeps the flags of both lines (`tell  inf` and a bare `tell`).
        flags = frozenset(flag_text.split()) | (known.flags if known else frozenset())
        cues[(lemma, particle)] = Cue(lemma, particle, flags)
    return cues


@lru_cache(maxsize=1)
def reporting_cues() -> dict[tuple[str, str | None], Cue]:
    """`call for  np` in reporting_verbs.txt yields key ("call", "for"); learned_cues.txt
    (written by `python -m app.extraction.training.lexicon_stats`) adds cues and flags."""
    return _read_cues(("reporting_verbs.txt", "learned_cues.txt"))


def hand_cues() -> dict[tuple[str, str | None], Cue]:
    """The hand-made cues alone (reporting_verbs.txt), which the learning starts from."""
    return _read_cues(("reporting_verbs.txt",))


def listed_cue_lemmas(name: str) -> frozenset[str]:
    """Lemmas of a cue list without their flags: "call" for the line `call for  np`."""
    return frozenset(line.split()[0].lower() for line in _lines(name))


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """Lower-cased entries of a one-word-a-line list: word_set("titles.txt") holds "envoy"."""
    return frozenset(line.lower() for line in _lines(name))


@lru_cache(maxsize=1)
def pronoun_genders() -> dict[str, str]:
    """`he  m` yields {"he": "m"}."""
    genders = {}
    for line in _lines("pronouns.txt"):
        word, gender = line.split()
        genders[word.lower()] = gender
    return genders


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital to the state it stands for as a metonym (data/capitals.txt): "Moscow" -> "Russia"."""
    return {city.strip(): state.strip() for city, state in (line.split("|") for line in _lines("capitals.txt"))}


@lru_cache(maxsize=1)
def capital_states() -> dict[str, str]:
    """`capitals()` keyed by the lower-cased city, each state under the name `state_aliases`
    gives it (`Cote d'Ivoire` -> `Côte d'Ivoire`)."""
    aliases = state_aliases()
    return {city.lower(): aliases.get(state.lower(), state) for city, state in capitals().items()}


@lru_cache(maxsize=1)
def state_aliases() -> dict[str, str]:
    """Alias (lower-cased) to short English state name: "u.s." -> "United States".

    states.txt gives the names and demonyms news uses; ISO 3166 (pycountry) adds every
    other country under its common name (`Mali`, `Burkina Faso`), and its formal names
    for those the file has (`Syrian Arab Republic` -> `Syria`)."""
    aliases = {}
    for line in _lines("states.txt"):
        names = [part.strip() for part in line.split("|")]
        for alias in names:
            aliases[alias.lower()] = names[0]
    for country in pycountry.countries:
        # (`Bolivia, Plurinational State of`: an inverted form nobody writes)
        names = [n for n in (getattr(country, "common_name", None), country.name,
                             getattr(country, "official_name", None)) if n and "," not in n]
        if not names:
            continue
        canonical = next((aliases[n.lower()] for n in names if n.lower() in aliases), names[0])
        for name in names:
            aliases.setdefault(name.lower(), canonical)
    return aliases

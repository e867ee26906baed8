"""The lexicons the engine reads on every article are loaded once, not per call."""

from __future__ import annotations

import pytest

from app.extraction import lexicons


@pytest.mark.parametrize("load", [
    lexicons.reporting_lemmas, lexicons.reporting_cues, lexicons.pronoun_genders,
    lexicons.capitals, lexicons.capital_states, lexicons.state_aliases,
    lambda: lexicons.word_set("titles.txt"), lambda: lexicons.data_json("stances.json"),
])
def test_a_lexicon_is_read_once(load):
    # (stage code calls these per token: an uncached loader rereads its file every time)
    assert load() is load()


def test_capitals_stand_for_states_by_their_short_names():
    states = set(lexicons.state_aliases().values())
    assert lexicons.capital_states()["moscow"] == "Russia"
    assert set(lexicons.capital_states().values()) <= states

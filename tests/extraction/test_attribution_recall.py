"""Constructions added to raise recall on reported speech: one invented text each."""

from __future__ import annotations

from app.extraction import Extractor, Statement


def _statements(extractor: Extractor, text: str) -> list[Statement]:
    return list(extractor.extract(text).statements)


def _trimmed(statement: Statement) -> str:
    return statement.content.text.strip().rstrip(".,")


def test_short_demand_object(extractor):
    s = _statements(extractor, "The Varnish delegation called for a truce.")
    assert [_trimmed(x) for x in s] == ["a truce"]
    assert s[0].speaker_mention.text == "The Varnish delegation"


def test_interrupted_attribution_keeps_the_coordinated_clause(extractor):
    text = "Exports rose by 4 percent, the trade office said in a June report, and imports fell by 2 percent."
    s = _statements(extractor, text)
    assert [_trimmed(x) for x in s] == [
        "Exports rose by 4 percent, the trade office said in a June report, and imports fell by 2 percent"
    ]
    assert s[0].speaker_mention.text == "the trade office"


def test_interrupted_attribution_stops_before_an_adjunct(extractor):
    s = _statements(extractor, "The ferry talks collapsed, Lund officials said, as the deadline passed.")
    assert [_trimmed(x) for x in s] == ["The ferry talks collapsed"]


def test_semicolon_ends_the_reported_clause(extractor):
    text = "Tomas Eklund said the timing of the audit was not deliberate; his staff only learned of it on Friday."
    s = _statements(extractor, text)
    assert [_trimmed(x) for x in s] == ["the timing of the audit was not deliberate"]
    assert s[0].speaker.name == "Tomas Eklund"


def test_coordinated_speech_verb_is_a_statement_of_its_own(extractor):
    text = "Ossland said it was firmly opposed to the test and warned Veria to refrain from further launches."
    s = _statements(extractor, text)
    assert [_trimmed(x) for x in s] == [
        "it was firmly opposed to the test",
        "Veria to refrain from further launches",
    ]
    assert s[0].speaker_mention.text == "Ossland"


def test_verb_chain_with_a_cue_gerund_is_not_cut(extractor):
    text = "Mira Tanz said the campaign will continue calling out bias and defending its record."
    s = _statements(extractor, text)
    assert [_trimmed(x) for x in s] == ["the campaign will continue calling out bias and defending its record"]


def test_learned_cue_with_noun_phrase_object(extractor):
    s = _statements(extractor, "Governor Alma Reyes touted the new bridge toll as a model for the region.")
    assert [_trimmed(x) for x in s] == ["the new bridge toll as a model for the region"]
    assert s[0].speaker.name == "Alma Reyes"

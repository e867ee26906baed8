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
    assert [x.speaker_mention.text for x in s] == ["Ossland", "Ossland"]


def test_verb_chain_with_a_cue_gerund_is_not_cut(extractor):
    text = "Mira Tanz said the campaign will continue calling out bias and defending its record."
    s = _statements(extractor, text)
    assert [_trimmed(x) for x in s] == ["the campaign will continue calling out bias and defending its record"]


def test_learned_cue_with_noun_phrase_object(extractor):
    s = _statements(extractor, "Governor Alma Reyes touted the new bridge toll as a model for the region.")
    assert [_trimmed(x) for x in s] == ["the new bridge toll as a model for the region"]
    assert s[0].speaker.name == "Alma Reyes"


def test_according_to_mid_sentence_keeps_the_coordinated_clause(extractor):
    text = "Wheat exports rose by a third, according to the Varnish grain board, and barley exports fell by half."
    s = _statements(extractor, text)
    assert [_trimmed(x) for x in s] == [
        "Wheat exports rose by a third, according to the Varnish grain board, and barley exports fell by half"
    ]
    assert s[0].speaker_mention.text == "the Varnish grain board"


def test_headline_name_colon(extractor):
    text = "Okafor: Harbour Deal Will Not Survive the Winter.\n\nThe minister spoke in Lagos on Monday."
    s = _statements(extractor, text)
    assert [_trimmed(x) for x in s] == ["Harbour Deal Will Not Survive the Winter"]
    assert s[0].speaker_mention.text == "Okafor"


def test_label_colon_is_not_a_speaker(extractor):
    text = "Update: The harbour vote was moved to Friday afternoon.\n\nThe minister spoke in Lagos on Monday."
    assert _statements(extractor, text) == []


def test_gerund_complement_of_a_proposal(extractor):
    s = _statements(extractor, "Senator Ilse Brandt proposed dropping the harbour levy.")
    assert [_trimmed(x) for x in s] == ["dropping the harbour levy"]
    assert s[0].speaker.name == "Ilse Brandt"


def test_accusation_after_a_relative_clause(extractor):
    text = "Senator Ruiz accused Tomas Vel, who was born in Lima, of hiding the harbour accounts."
    s = _statements(extractor, text)
    assert [_trimmed(x) for x in s] == ["Tomas Vel, who was born in Lima, of hiding the harbour accounts"]
    assert s[0].speaker_mention.text == "Senator Ruiz"


def test_quoted_label_parsed_as_appositive(extractor):
    s = _statements(extractor, 'Moore called the remarks "a true wake-up call" to his supporters.')
    assert len(s) == 1
    assert s[0].content.text.startswith('the remarks "a true wake-up call')
    assert s[0].speaker_mention.text == "Moore"


def test_speech_noun_with_infinitive(extractor):
    s = _statements(extractor, "Velden's pledge to cut tariffs won votes.")
    assert [_trimmed(x) for x in s] == ["to cut tariffs"]
    assert s[0].speaker_mention.text == "Velden"
    assert s[0].cue.text == "pledge"


def test_speech_noun_with_for_object(extractor):
    s = _statements(extractor, "Ossland's call for an immediate ceasefire was rejected.")
    assert [_trimmed(x) for x in s] == ["an immediate ceasefire"]
    assert s[0].speaker_mention.text == "Ossland"


def test_decision_is_not_a_speech_noun(extractor):
    assert _statements(extractor, "The council's decision to delay the vote surprised observers.") == []


def test_as_clause_attribution_after(extractor):
    s = _statements(extractor, "The ferry talks will resume in May, as the Lund envoy noted.")
    assert [_trimmed(x) for x in s] == ["The ferry talks will resume in May"]
    assert s[0].speaker_mention.text == "the Lund envoy"
    assert s[0].cue.text == "noted"


def test_as_clause_attribution_before(extractor):
    s = _statements(extractor, "As the Lund envoy said, the ferry talks will resume in May.")
    assert [_trimmed(x) for x in s] == ["the ferry talks will resume in May"]
    assert s[0].speaker_mention.text == "the Lund envoy"

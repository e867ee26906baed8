"""The learned-cue component: proposals from the parse, the gates, the artifact."""

from __future__ import annotations

from importlib import resources

import pytest

from app.extraction import learned
from app.extraction.learned import CueModel, cue_model, find_learned, propose
from app.extraction.pipeline import rule_candidates


def _learned(doc):
    _quoted, quotations, found = rule_candidates(doc)
    return find_learned(doc, [(q.open_at, q.outer_end) for q in quotations], found)


def _always(threshold: float = 0.5, object_threshold: float = 0.9) -> CueModel:
    """A model that scores every clause proposal as a sure cue and nothing else."""
    return CueModel({"frame=clause": 10.0}, -5.0, threshold, object_threshold, {})


def test_a_verb_outside_the_lexicon_proposes_its_clause(nlp) -> None:
    doc = nlp("Ruiz griped that the referees were biased.")
    proposal = propose(doc[1])
    assert proposal is not None and proposal.frame == "clause"
    assert doc[proposal.start : proposal.end].text == "the referees were biased"
    assert propose(doc[0]) is None  # not a verb


def test_a_confident_proposal_becomes_a_candidate_with_its_speaker(nlp, monkeypatch) -> None:
    monkeypatch.setattr(learned, "cue_model", _always)
    doc = nlp("Ruiz griped that the referees were biased.")
    [candidate] = _learned(doc)
    text = doc.text
    assert text[candidate.start : candidate.end] == "the referees were biased"
    assert text[candidate.cue[0] : candidate.cue[1]] == "griped"
    assert doc[candidate.mention[0] : candidate.mention[1]].text == "Ruiz"


def test_what_the_rules_found_is_not_proposed_again(nlp, monkeypatch) -> None:
    monkeypatch.setattr(learned, "cue_model", _always)
    assert _learned(nlp("Ruiz said that the talks will resume.")) == []


def test_a_speaker_that_is_a_relative_pronoun_gives_nothing(nlp, monkeypatch) -> None:
    monkeypatch.setattr(learned, "cue_model", lambda: CueModel({}, 10.0, 0.5, 0.5, {}))
    doc = nlp("The resolution which warned that prices would rise was adopted.")
    assert all(doc[c.mention[1] - 1].lower_ != "which" for c in _learned(doc))


def test_objects_and_infinitives_need_the_higher_threshold() -> None:
    model = _always(0.6, 0.9)
    assert model.passes("clause", 0.7)
    assert not model.passes("inf", 0.85)  # `agreed to halt`: an act, not words
    assert model.passes("inf", 0.95)
    assert not model.passes("np_short", 0.5)


@pytest.mark.parametrize("sentence", [
    "She ate lunch with the delegation on Monday.",
    "The company built a factory in Ohio.",
    "The minister knows the road well.",
])
def test_the_trained_model_leaves_plain_actions_alone(nlp, sentence) -> None:
    assert cue_model() is not None
    assert _learned(nlp(sentence)) == []


def test_the_artifact_is_small() -> None:
    path = resources.files("app.extraction").joinpath("data", learned.ARTIFACT)
    assert len(path.read_bytes()) < 2_000_000

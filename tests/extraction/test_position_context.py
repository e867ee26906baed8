"""Context flags, certainty and several holders or addressees of a position, on invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from app.extraction.positions import extract_positions
from app.extraction.types import ActorRef, Position, Span, Statement

PUBLISHED = date(2023, 5, 15)
FLAGS = ("negated", "hypothetical", "future", "historical")


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def _statement(text: str, content: str, cue: str, mention: str, speaker: ActorRef) -> Statement:
    return Statement(kind="indirect", content=_span(text, content), speaker_mention=_span(text, mention),
                     speaker=speaker, cue=_span(text, cue), venue=None, said_on=PUBLISHED, confidence=1.0)


def _only(nlp, text: str, statements: list[Statement] | None = None) -> Position:
    [position] = extract_positions(nlp(text), statements or [], PUBLISHED)
    return position


def _flags(position: Position) -> set[str]:
    return {flag for flag in FLAGS if getattr(position, flag)}


def _names(refs: tuple[ActorRef, ...]) -> list[str]:
    return [ref.name for ref in refs]


# negation

def test_a_negated_stance_verb_keeps_its_type_and_is_flagged(nlp):
    position = _only(nlp, "Ostland did not demand a ceasefire in the valley.")
    assert (position.type, position.content.text, _flags(position)) == ("demand", "a ceasefire in the valley", {"negated"})


def test_will_not_accept_is_a_future_rejection_not_a_negated_agreement(nlp):
    position = _only(nlp, "Ostland will not accept the new border plan.")
    assert (position.type, position.content.text) == ("reject", "the new border plan")
    assert _flags(position) == {"future"} and position.certainty == 1.0


def test_refusing_to_agree_is_one_rejection(nlp):
    position = _only(nlp, "Varania refused to agree to the truce.")
    assert position.type == "reject" and not position.negated


def test_a_negated_acceptance_in_reported_speech_is_a_rejection(nlp):
    text = "The minister Ines Kahl said her country cannot accept the new quota."
    st = _statement(text, "her country cannot accept the new quota", "said", "The minister Ines Kahl",
                    ActorRef("Ines Kahl", "person"))
    position = _only(nlp, text, [st])
    assert (position.type, position.negated, position.hypothetical) == ("reject", False, False)


# hedges and modals

@pytest.mark.parametrize("text, certainty", [
    ("Ostland seems to insist that all foreign troops leave the valley.", 0.6),
    ("Ostland is said to insist on a ceasefire in the valley.", 0.6),
    ("Ostland reportedly rejected the new border plan.", 0.6),
    ("Ostland apparently rejected the new border plan.", 0.6),
])
def test_hedges_lower_certainty_and_raise_no_flag(nlp, text, certainty):
    position = _only(nlp, text)
    assert position.certainty == pytest.approx(certainty) and _flags(position) == set()


def test_may_accept_is_a_hypothetical_agreement_at_half_certainty(nlp):
    position = _only(nlp, "Ostland may accept the new border plan.")
    assert position.type == "agree" and _flags(position) == {"hypothetical"}
    assert position.certainty == pytest.approx(0.5)


def test_unlikely_to_agree_is_a_hypothetical_agreement_with_low_certainty(nlp):
    position = _only(nlp, "Varania is unlikely to agree to the new map.")
    assert (position.type, position.content.text) == ("agree", "the new map")
    assert position.hypothetical and not position.negated
    assert position.certainty == pytest.approx(0.3)


def test_a_negated_hedge_turns_its_weight_round_instead_of_negating(nlp):
    position = _only(nlp, "Varania does not seem to insist on a ceasefire in the valley.")
    assert position.type == "demand" and not position.negated
    assert position.certainty == pytest.approx(0.4)


def test_could_accept_if_is_hypothetical(nlp):
    position = _only(nlp, "Ostland could accept the plan if the shelling stops.")
    assert position.type == "agree" and position.hypothetical and position.certainty < 1.0


def test_a_threat_keeps_its_condition_and_is_not_hypothetical(nlp):
    text = "President Lev Dorn warned that his government would boycott the talks if the envoy sided with the rebels."
    st = _statement(text, "his government would boycott the talks if the envoy sided with the rebels", "warned",
                    "President Lev Dorn", ActorRef("Lev Dorn", "person"))
    position = _only(nlp, text, [st])
    assert position.type == "threaten" and not position.hypothetical


# future

def test_would_in_reported_speech_is_a_future_not_a_hypothetical(nlp):
    text = "The minister Ines Kahl said her country would sign the accord next week."
    st = _statement(text, "her country would sign the accord next week", "said", "The minister Ines Kahl",
                    ActorRef("Ines Kahl", "person"))
    position = _only(nlp, text, [st])
    assert position.type == "agree" and _flags(position) == {"future"} and position.certainty == 1.0


def test_would_with_a_condition_in_reported_speech_is_hypothetical(nlp):
    text = "The minister Ines Kahl said her country would sign the accord if the blockade ended."
    st = _statement(text, "her country would sign the accord if the blockade ended", "said",
                    "The minister Ines Kahl", ActorRef("Ines Kahl", "person"))
    position = _only(nlp, text, [st])
    assert position.type == "agree" and position.hypothetical and not position.future


@pytest.mark.parametrize("text", [
    "Ostland is going to propose a new map of the valley.",
    "Ostland plans to propose a new map of the valley.",
    "Ostland will propose a new map of the valley.",
])
def test_stated_intentions_are_future(nlp, text):
    positions = extract_positions(nlp(text), [], PUBLISHED)
    assert positions and all(p.future and not p.hypothetical for p in positions)


def test_trying_is_an_intention_under_way_not_a_future(nlp):
    text = '"We are trying to reopen the airport," the envoy Omar Saleh said.'
    st = Statement(kind="direct", content=_span(text, "We are trying to reopen the airport,"),
                   speaker_mention=_span(text, "the envoy Omar Saleh"), speaker=ActorRef("Omar Saleh", "person"),
                   cue=_span(text, "said"), venue=None, said_on=PUBLISHED, confidence=1.0)
    position = _only(nlp, text, [st])
    assert position.type == "intend" and _flags(position) == set()


# historical

@pytest.mark.parametrize("text", [
    "Varania had demanded in 2015 that the border be redrawn.",
    "The rebels previously rejected the plan for the valley.",
    "Last year, Varania proposed a joint patrol of the border.",
    "Varania proposed a joint patrol of the border two years ago.",
])
def test_stances_before_the_article_are_historical(nlp, text):
    position = _only(nlp, text)
    assert position.historical and not position.future


@pytest.mark.parametrize("text", [
    "Ostland rejected the plan for the valley on Monday.",
    "Ostland rejected the plan for the valley earlier this week.",
])
def test_the_simple_past_of_news_is_not_historical(nlp, text):
    position = _only(nlp, text)
    assert _flags(position) == set() and position.certainty == 1.0


def test_a_past_perfect_under_a_past_reporting_verb_is_only_tense_shift(nlp):
    text = "The envoy Omar Saleh said that Ostland had rejected the plan for the valley."
    st = _statement(text, "Ostland had rejected the plan for the valley", "said", "The envoy Omar Saleh",
                    ActorRef("Omar Saleh", "person"))
    position = _only(nlp, text, [st])
    assert position.type == "reject" and not position.historical


# several actors and targets

def test_two_accusers_hold_one_position(nlp):
    text = "The US and France accused Russia of stalling the talks."
    st = _statement(text, "Russia of stalling the talks", "accused", "The US and France",
                    ActorRef("United States", "state"))
    position = _only(nlp, text, [st])
    assert (position.type, position.content.text) == ("criticize", "stalling the talks")
    assert _names(position.actors) == ["United States", "France"]
    assert position.actor is not None and position.actor.name == "United States and France"
    assert _names(position.targets) == ["Russia"]


def test_a_coordinated_narrative_subject_gives_one_actor_each(nlp):
    position = _only(nlp, "Ostland and Varania rejected the new map.")
    assert _names(position.actors) == ["Ostland", "Varania"]
    assert position.actor is not None and position.actor.name == "Ostland and Varania"


def test_a_demand_that_two_parties_act_targets_both(nlp):
    text = "Ostland demanded that Turkey and Iran withdraw their troops."
    st = _statement(text, "Turkey and Iran withdraw their troops", "demanded", "Ostland",
                    ActorRef("Ostland", "state"))
    position = _only(nlp, text, [st])
    assert position.type == "demand" and _names(position.targets) == ["Turkey", "Iran"]
    assert position.target is not None and position.target.name == "Turkey and Iran"


def test_two_accused_are_two_targets(nlp):
    position = _only(nlp, "Varania accused Ostland and Belmar of stalling the talks.")
    assert _names(position.targets) == ["Ostland", "Belmar"]


def test_a_demand_that_names_no_party_has_no_target(nlp):
    text = "Ostland insisted that the talks resume without preconditions."
    st = _statement(text, "the talks resume without preconditions", "insisted", "Ostland",
                    ActorRef("Ostland", "state"))
    position = _only(nlp, text, [st])
    assert position.type == "demand" and position.targets == () and position.target is None


def test_joint_parties_share_a_kind_only_among_states_or_organisations():
    states = (ActorRef("Ostland", "state"), ActorRef("Varania", "state"))
    people = (ActorRef("Ana Ruiz", "person"), ActorRef("Omar Saleh", "person"))
    assert Position.joint(states) == ActorRef("Ostland and Varania", "state", "group")
    assert Position.joint(people) == ActorRef("Ana Ruiz and Omar Saleh", "group", "group")
    assert Position.joint(()) is None and Position.joint(states[:1]) == states[0]


def test_a_name_that_holds_an_and_is_one_party(nlp):
    position = _only(nlp, "Bosnia and Herzegovina rejected the plan.")
    assert _names(position.actors) == ["Bosnia and Herzegovina"]

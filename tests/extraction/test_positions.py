"""Positions from hand-built statements and from narrative sentences of invented articles."""

from __future__ import annotations

from datetime import date

from app.extraction.positions import extract_positions
from app.extraction.types import ActorRef, Position, Span, Statement, VenueRef

PUBLISHED = date(2023, 5, 15)
TALKS = VenueRef("Ankara talks", "talks")


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part), part)


def _statement(text: str, content: str, cue: str | None, mention: str, speaker: str,
               kind: str = "indirect", venue: VenueRef | None = None) -> Statement:
    return Statement(
        kind=kind, content=_span(text, content), speaker_mention=_span(text, mention),
        speaker=ActorRef(speaker, "person"), cue=_span(text, cue) if cue else None,
        venue=venue, said_on=PUBLISHED, confidence=1.0)


def _positions(nlp, text: str, statements: list[Statement]) -> list[Position]:
    return extract_positions(nlp(text), statements, PUBLISHED)


def _summary(positions: list[Position]) -> list[tuple[str, str | None, str]]:
    return [(p.type, p.actor.name if p.actor else None, p.content.text) for p in positions]


def test_urging_a_body_is_a_demand_addressed_to_it(nlp):
    text = "The Varanian foreign minister Ines Kahl urged the Security Council to lift the blockade."
    st = _statement(text, "the Security Council to lift the blockade", "urged",
                    "The Varanian foreign minister Ines Kahl", "Ines Kahl", venue=TALKS)
    [position] = _positions(nlp, text, [st])
    assert (position.type, position.actor.name, position.content.text) == ("demand", "Ines Kahl", "lift the blockade")
    assert position.target is not None and position.target.name == "Security Council"
    assert (position.statement_index, position.venue, position.said_on) == (0, TALKS, PUBLISHED)


def test_way_too_high_is_a_rejection(nlp):
    text = "The opposition said that this figure is far too high."
    st = _statement(text, "this figure is far too high", "said", "The opposition", "Kestrian opposition")
    assert _summary(_positions(nlp, text, [st])) == [("reject", "Kestrian opposition", "this figure is far too high")]


def test_will_travel_is_an_intention_with_the_verb_phrase_as_content(nlp):
    text = "The mediator Ana Ruiz said she will travel to Vienna on Monday to meet both delegations."
    st = _statement(text, "she will travel to Vienna on Monday to meet both delegations", "said",
                    "The mediator Ana Ruiz", "Ana Ruiz")
    assert _summary(_positions(nlp, text, [st])) == [
        ("intend", "Ana Ruiz", "travel to Vienna on Monday to meet both delegations")]


def test_trying_to_in_a_direct_quote_gives_one_intention_per_sentence(nlp):
    text = '"We are trying to reopen the airport. We are also trying to free the hostages," Ruiz said.'
    st = _statement(text, "We are trying to reopen the airport. We are also trying to free the hostages,",
                    "said", "Ruiz", "Ana Ruiz", kind="direct")
    assert _summary(_positions(nlp, text, [st])) == [
        ("intend", "Ana Ruiz", "reopen the airport"), ("intend", "Ana Ruiz", "free the hostages")]


def test_should_is_a_demand_over_the_whole_clause(nlp):
    text = "The envoy Omar Saleh said that the border talks should resume without preconditions."
    st = _statement(text, "the border talks should resume without preconditions", "said",
                    "The envoy Omar Saleh", "Omar Saleh")
    assert _summary(_positions(nlp, text, [st])) == [
        ("demand", "Omar Saleh", "the border talks should resume without preconditions")]


def test_a_third_party_named_in_the_content_holds_its_own_stance(nlp):
    text = "The rebel commander Yusuf Hadid pointed out that the southern factions asked for safe corridors."
    st = _statement(text, "the southern factions asked for safe corridors", "pointed out",
                    "The rebel commander Yusuf Hadid", "Yusuf Hadid")
    assert _summary(_positions(nlp, text, [st])) == [("demand", "southern factions", "safe corridors")]


def test_warning_with_a_condition_is_a_threat(nlp):
    text = "President Lev Dorn warned that his government would boycott the talks if the envoy sided with the rebels."
    st = _statement(text, "his government would boycott the talks if the envoy sided with the rebels", "warned",
                    "President Lev Dorn", "Lev Dorn")
    assert _summary(_positions(nlp, text, [st])) == [
        ("threaten", "Lev Dorn", "his government would boycott the talks if the envoy sided with the rebels")]


def test_positive_judgement_of_a_proposal_is_support(nlp):
    text = '"I think that these demands are reasonable," the envoy Omar Saleh said.'
    st = _statement(text, "I think that these demands are reasonable,", "said", "the envoy Omar Saleh",
                    "Omar Saleh", kind="direct")
    assert _summary(_positions(nlp, text, [st])) == [("support", "Omar Saleh", "these demands are reasonable")]


def test_predictions_and_self_exhortations_are_not_positions(nlp):
    text = ('"There will be no peace while the shelling goes on," the envoy Omar Saleh said. '
            '"We must be frank," he added.')
    first = _statement(text, "There will be no peace while the shelling goes on,", "said",
                       "the envoy Omar Saleh", "Omar Saleh", kind="direct")
    second = _statement(text, "We must be frank,", "added", "he", "Omar Saleh", kind="direct")
    assert _positions(nlp, text, [first, second]) == []


def test_narrative_insistence_needs_no_statement(nlp):
    text = "However, Moldavia seems to insist that all foreign troops leave the valley."
    [position] = _positions(nlp, text, [])
    assert (position.type, position.actor.name, position.content.text) == (
        "demand", "Moldavia", "all foreign troops leave the valley")
    assert (position.statement_index, position.said_on) == (None, PUBLISHED)


def test_presented_draft_is_a_proposal_and_its_description_stays_with_it(nlp):
    text = ("The UN General Assembly began a debate on Monday on a draft resolution presented by Chile "
            "that demands an end to the shelling.")
    st = _statement(text, "an end to the shelling", "demands", "a draft resolution presented by Chile", "Chile")
    [position] = _positions(nlp, text, [st])
    assert (position.type, position.actor.name, position.content.text) == (
        "propose", "Chile", "a draft resolution presented by Chile that demands an end to the shelling")
    assert position.venue is None and position.statement_index == 0


def test_a_veto_rejects_the_draft_it_refers_to(nlp):
    text = ("The council did not adopt the draft resolution proposed by Norway because "
            "Russia and China vetoed it.")
    assert _summary(_positions(nlp, text, [])) == [
        ("reject", "Russia and China", "the draft resolution proposed by Norway")]


def test_passive_welcome_names_its_agents_as_holders(nlp):
    text = "The announcement was welcomed by the EU and Japan."
    assert _summary(_positions(nlp, text, [])) == [("support", "EU and Japan", "The announcement")]


def test_the_two_leaders_are_the_pair_named_before(nlp):
    text = ("President Anna Berg and Prime Minister Karl Holm met at the border on Friday. "
            "The two leaders agreed to reopen the crossing and exchange prisoners.")
    assert _summary(_positions(nlp, text, [])) == [
        ("agree", "Anna Berg and Karl Holm", "reopen the crossing and exchange prisoners")]


def test_negated_acceptance_is_a_rejection_of_its_object(nlp):
    text = "The minister Ines Kahl said her country will not accept the new border plan."
    st = _statement(text, "her country will not accept the new border plan", "said",
                    "The minister Ines Kahl", "Ines Kahl")
    assert _summary(_positions(nlp, text, [st])) == [("reject", "Ines Kahl", "the new border plan")]


def test_accusation_holds_the_charge_and_targets_the_accused(nlp):
    text = "Prime Minister Elin Varga accused Belgrade of stoking tensions in the north."
    [position] = _positions(nlp, text, [])
    assert (position.type, position.actor.name, position.content.text) == (
        "criticize", "Elin Varga", "stoking tensions in the north")
    # (the capital stands for its government: the target is the state)
    assert position.target is not None and (position.target.name, position.target.kind) == ("Serbia", "state")


def test_failing_to_agree_is_no_agreement(nlp):
    text = "The Security Council failed to agree on a statement about the fighting."
    assert _positions(nlp, text, []) == []


def test_how_the_talks_go_is_an_assessment_not_support(nlp):
    text = "The envoy Omar Saleh said the talks were positive and useful."
    st = _statement(text, "the talks were positive and useful", "said", "The envoy Omar Saleh", "Omar Saleh")
    assert _positions(nlp, text, [st]) == []


def test_warning_of_consequences_with_a_condition_is_a_threat(nlp):
    text = "Iran warned of consequences if its border was changed."
    assert _summary(_positions(nlp, text, [])) == [("threaten", "Iran", "consequences if its border was changed")]


def test_warning_of_a_famine_is_no_threat(nlp):
    assert _positions(nlp, "The agency warned of a famine in the south.", []) == []


def test_he_inside_a_direct_quote_is_not_the_speaker(nlp):
    text = '"He will resign within a week," the opposition leader Mira Hall said.'
    st = _statement(text, "He will resign within a week,", "said", "the opposition leader Mira Hall",
                    "Mira Hall", kind="direct")
    assert _positions(nlp, text, [st]) == []


def test_an_imperative_in_a_quote_is_a_demand(nlp):
    text = '"Stop the shelling of the city now," the mayor Lina Petrak told the council.'
    st = _statement(text, "Stop the shelling of the city now,", "told", "the mayor Lina Petrak", "Lina Petrak",
                    kind="direct")
    assert _summary(_positions(nlp, text, [st])) == [("demand", "Lina Petrak", "Stop the shelling of the city now")]


def test_it_after_a_document_is_the_document_s_drafter(nlp):
    text = "The draft resolution expressed concern at the sieges. It demanded unhindered aid access."
    st = _statement(text, "concern at the sieges", "expressed", "The draft resolution", "Chile")
    summary = _summary(_positions(nlp, text, [st]))
    assert summary == [("criticize", "Chile", "the sieges"), ("demand", "Chile", "unhindered aid access")]


def test_warning_of_a_forceful_response_is_a_threat(nlp):
    text = "The defence minister Omar Kaya warned that any attack on the island would be met with a forceful response."
    st = _statement(text, "any attack on the island would be met with a forceful response", "warned",
                    "The defence minister Omar Kaya", "Omar Kaya")
    assert _summary(_positions(nlp, text, [st])) == [
        ("threaten", "Omar Kaya", "any attack on the island would be met with a forceful response")]


def test_parties_in_the_plural_hold_their_own_agreement(nlp):
    # A mediator reporting that `the warring parties` agreed: they hold the stance, not he.
    text = "The mediator, Aron Lindqvist, said the warring parties had agreed to a prisoner exchange."
    st = _statement(text, "the warring parties had agreed to a prisoner exchange", "said",
                    "The mediator, Aron Lindqvist", "Aron Lindqvist")
    [position] = _positions(nlp, text, [st])
    assert position.type == "agree"
    assert [a.name for a in position.actors] == ["warring parties"]


def test_allies_hold_what_they_agreed(nlp):
    text = "Nordic allies agreed to send two more ferries to Varania, the mediator Aron Lindqvist said."
    st = _statement(text, "Nordic allies agreed to send two more ferries to Varania", "said",
                    "the mediator Aron Lindqvist", "Aron Lindqvist")
    [position] = _positions(nlp, text, [st])
    assert (position.type, [a.name for a in position.actors]) == ("agree", ["Nordic allies"])


def test_delivering_a_response_is_no_threat(nlp):
    text = "A senior official said the group would deliver its response to the offer on Monday."
    st = _statement(text, "the group would deliver its response to the offer on Monday", "said",
                    "A senior official", "senior official")
    assert [p.type for p in _positions(nlp, text, [st])] == []


def test_a_thing_that_threatens_is_no_party_threatening(nlp):
    text = "Analysts said the clashes threatened a fragile trade corridor."
    st = _statement(text, "the clashes threatened a fragile trade corridor", "said", "Analysts", "Analysts")
    assert [p.type for p in _positions(nlp, text, [st])] == []


def test_two_parties_named_together_hold_their_agreement(nlp):
    text = "Negotiators said Varania's government and the coastal rebel group agreed to extend the truce."
    st = _statement(text, "Varania's government and the coastal rebel group agreed to extend the truce", "said",
                    "Negotiators", "Negotiators")
    [position] = _positions(nlp, text, [st])
    assert position.type == "agree"
    assert len(position.actors) == 2 and "Negotiators" not in [a.name for a in position.actors]


def test_will_not_approve_is_a_future_rejection(nlp):
    text = "Turkey will not approve the membership until the demands are met, its president said."
    st = _statement(text, "Turkey will not approve the membership until the demands are met", "said",
                    "its president", "president")
    [position] = _positions(nlp, text, [st])
    assert (position.type, position.future, [a.name for a in position.actors]) == ("reject", True, ["Turkey"])


def test_military_rulers_hold_their_rejection(nlp):
    text = "Varania's military rulers rejected the ultimatum on Monday."
    [position] = _positions(nlp, text, [])
    assert (position.type, [a.name for a in position.actors]) == ("reject", ["Varania's military rulers"])


def test_a_declaration_of_war_is_a_threat(nlp):
    text = "Ostland and Arden said any intervention would be considered a declaration of war against them."
    st = _statement(text, "any intervention would be considered a declaration of war against them", "said",
                    "Ostland and Arden", "Ostland")
    assert [p.type for p in _positions(nlp, text, [st])] == ["threaten"]



def test_a_holder_named_after_the_dateline_leaves_it_out(nlp):
    text = "VARNA (Wire) - Nordic fisheries ministers agreed on Monday to extend the cod quotas for another year."
    [position] = _positions(nlp, text, [])
    assert (position.type, position.actor.name) == ("agree", "Nordic fisheries ministers")


def test_a_holder_named_beside_the_title_is_a_person(nlp):
    text = "Varania's ambassador, Ines Kahl, rejected the accusations."
    [position] = _positions(nlp, text, [])
    assert (position.type, position.actor.name, position.actor.kind) == ("reject", "Ines Kahl", "person")


def test_a_dateline_read_as_the_subject_holds_no_position(nlp):
    text = ("OSTBURG, Varania — Rival Varanian factions meeting in Geneva agreed on Friday on a timetable for "
            "elections, the mission said.")
    st = _statement(text, "Rival Varanian factions meeting in Geneva agreed on Friday on a timetable for elections",
                    "said", "the mission", "mission")
    assert [p.actor.name for p in _positions(nlp, text, [st])] == []


def test_a_date_after_agreed_on_is_not_what_was_agreed(nlp):
    text = "The factions agreed on Friday on a timetable for elections, the mission said."
    st = _statement(text, "The factions agreed on Friday on a timetable for elections", "said", "the mission", "mission")
    assert [p.content.text for p in _positions(nlp, text, [st])] == ["a timetable for elections"]


def test_a_hyphenated_holder_keeps_its_hyphen(nlp):
    text = "The Ostburg-based government's negotiators rejected that demand."
    assert [p.actor.name for p in _positions(nlp, text, [])] == ["Ostburg-based government's negotiators"]


def test_a_dateline_is_not_the_pair_both_sides_points_back_to(nlp):
    text = ("KHARTOUM, Sudan — Sudan's army chief Gen. Abdel Fattah Burhan rejected on Sunday a proposal for a truce.\n\n"
            "The envoy urged both sides to reconsider.")
    st = _statement(text, "both sides to reconsider", "urged", "The envoy", "envoy")
    [position] = [p for p in _positions(nlp, text, [st]) if p.type == "demand"]
    assert "KHARTOUM" not in (position.target.name if position.target else "")


def test_a_stance_verb_in_a_relative_clause_with_a_gap_takes_no_stance(nlp):
    text = '"Our partners in Varna know everything they need to know," the minister said.'
    st = _statement(text, "Our partners in Varna know everything they need to know", "said", "the minister",
                    "minister", kind="direct")
    assert _summary(_positions(nlp, text, [st])) == []


def test_a_passive_clause_read_as_a_relative_still_takes_its_stance(nlp):
    text = "According to her, 'the way this crisis ends and the terms of a truce can only be settled through talks with Varna.'"
    st = _statement(text, "the way this crisis ends and the terms of a truce can only be settled through talks with Varna",
                    "According to", "her", "Ines Kahl")
    assert [p.type for p in _positions(nlp, text, [st])] == ["demand"]


def test_a_dateline_read_as_the_subject_hides_the_real_subject_in_an_appositive(nlp):
    text = "NAIROBI, Kenya (AP) — Kenya and Somalia agreed on Thursday to reopen their shared border."
    assert [(p.type, [a.name for a in p.actors]) for p in _positions(nlp, text, [])] == [
        ("agree", ["Kenya", "Somalia"])]


def test_a_summing_up_appositive_is_not_part_of_the_demand(nlp):
    text = ("Eritrea had demanded that Ethiopia first recognize the 2002 border ruling, a condition Addis Ababa "
            "long rejected.")
    st = _statement(text, "Ethiopia first recognize the 2002 border ruling", "demanded", "Eritrea", "Eritrea")
    assert [p.content.text for p in _positions(nlp, text, [st])] == ["Ethiopia first recognize the 2002 border ruling"]


def test_a_role_with_a_named_appositive_holds_a_narrative_stance(nlp):
    text = "The army's commander, General Ana Ruiz, rejected the initiative."
    assert _summary(_positions(nlp, text, [])) == [("reject", "Ana Ruiz", "the initiative")]


def test_an_attributive_judgement_judges_its_noun(nlp):
    text = 'The council said Ruiz had raised concerns about the support for the militias and their "dangerous" raids.'
    st = _statement(text, 'Ruiz had raised concerns about the support for the militias and their "dangerous" raids',
                    "said", "The council", "council")
    assert [(p.type, p.content.text) for p in _positions(nlp, text, [st])] == [
        ("criticize", 'their "dangerous" raids')]


def test_the_two_leaders_are_the_two_people_a_sentence_names_after_its_verb(nlp):
    text = ("Austria's President Maria Keller told Denmark's President Peter Holm in a phone call on Thursday "
            "that the border must stay open. The two leaders agreed to resume military talks, an official said.")
    st = _statement(text, "The two leaders agreed to resume military talks", "said", "an official", "official")
    [position] = [p for p in _positions(nlp, text, [st]) if p.type == "agree"]
    assert [a.name for a in position.actors] == ["Maria Keller", "Peter Holm"]


def test_a_subject_the_parser_made_a_conjunct_of_the_dateline_holds_its_stance(nlp):
    text = ("ISLAMABAD — Pakistan and Afghanistan's Taliban government agreed on Saturday to extend a ceasefire "
            "along their border after talks in Istanbul, the ministry said.")
    st = _statement(text, "Pakistan and Afghanistan's Taliban government agreed on Saturday to extend a ceasefire "
                    "along their border after talks in Istanbul", "said", "the ministry", "ministry")
    [position] = [p for p in _positions(nlp, text, [st]) if p.type == "agree"]
    assert [a.name for a in position.actors][0] == "Pakistan"


def test_a_truce_agreed_before_stays_in_the_demand(extractor):
    text = "Lourenco urged both governments to respect the ceasefire agreed in August while the talks continue."
    result = extractor.extract(text)
    [statement] = result.statements
    assert statement.content.text.endswith("agreed in August while the talks continue")
    assert [(p.type, p.content.text) for p in result.positions] == [
        ("demand", "respect the ceasefire agreed in August while the talks continue")]


def test_agreeing_in_principle_agrees_to_what_follows(nlp):
    text = "The warring parties agreed in principle to a pause in the fighting."
    assert [(p.type, p.content.text) for p in _positions(nlp, text, [])] == [("agree", "a pause in the fighting")]


def test_a_capital_or_a_state_nickname_holds_as_the_state(nlp):
    text = "Addis Ababa rejected the accusations. Britain proposed a new text on Friday."
    assert [(p.type, p.actor.name, p.actor.kind) for p in _positions(nlp, text, [])] == [
        ("reject", "Ethiopia", "state"), ("propose", "United Kingdom", "state")]


def test_a_veto_and_the_proposal_it_rejects_are_two_stances(nlp):
    text = "Russia on Tuesday vetoed a draft resolution presented by Norway, the first veto cast this year."
    assert sorted((p.type, p.actor.name, p.content.text) for p in _positions(nlp, text, [])) == [
        ("propose", "Norway", "a draft resolution presented by Norway"),
        ("reject", "Russia", "a draft resolution presented by Norway")]


def test_a_state_the_speakers_title_names_is_the_speakers_own_side(extractor):
    text = ("Ethiopian Foreign Ministry spokesman Meles Tadesse said Ethiopia would go ahead with the fifth "
            "filling of the reservoir. Egyptian Foreign Minister Sameh Adel said Ethiopia would regret it.")
    positions = extractor.extract(text).positions
    assert [(p.type, p.actor.name, p.content.text) for p in positions] == [
        ("intend", "Meles Tadesse", "go ahead with the fifth filling of the reservoir")]


def test_a_multiword_judgement_is_read_whole(extractor):
    text = "Kremlin spokesman Dmitry Petrov said the planned restrictions were politically motivated."
    assert [(p.type, p.content.text) for p in extractor.extract(text).positions] == [
        ("criticize", "the planned restrictions")]


def test_both_sides_are_the_two_nations_the_article_paired(extractor):
    text = ("Peruvian and Chilean military delegations met for a third day in Arica on Wednesday.\n\n"
            "The UN envoy Maria Costa said after the meeting that both sides had agreed to keep the talks going.\n\n"
            "In a joint statement, the two sides said they would meet again in September.")
    result = extractor.extract(text)
    assert [s.speaker.name for s in result.statements][1] == "Peru and Chile"
    assert [(p.type, p.actor.name) for p in result.positions] == [("agree", "Peru and Chile"), ("intend", "Peru and Chile")]


def test_what_ones_own_side_will_not_do_is_refused_and_what_it_will_not_allow_threatened(extractor):
    text = ("Philippine Foreign Secretary Ana Reyes said Manila would not withdraw the marines from the shoal. "
            "\u201cWe will not allow anyone to touch our waters,\u201d she said. The three governments said they "
            "would not hesitate to ask the council to restore sanctions.")
    assert [(p.type, p.content.text) for p in extractor.extract(text).positions] == [
        ("reject", "withdraw the marines from the shoal"),
        ("threaten", "We will not allow anyone to touch our waters"),
        ("threaten", "ask the council to restore sanctions")]


def test_a_state_named_with_its_article_is_the_speakers_own_side_and_a_clause_on_a_noun_is_read(extractor):
    text = ("US envoy Daniel Webb told a news conference in Oslo that the United States would send two more "
            "patrol aircraft to the region. Uzbek Foreign Minister Rustam Karimov said in a statement that "
            "Tashkent supported gradual engagement with the authorities.")
    positions = extractor.extract(text).positions
    assert [(p.type, p.actor.name) for p in positions] == [("intend", "Daniel Webb"), ("support", "Rustam Karimov")]
    assert positions[0].content.text == "send two more patrol aircraft to the region"
    assert positions[1].content.text.startswith("gradual engagement")


def test_a_dotted_or_two_word_state_in_the_title_is_the_speakers_side(extractor):
    text = ("U.S. Ambassador Raymond Ellis said Washington would pay for the monitoring mission's first six "
            "months. South Sudan's delegation head Deng Garang said Juba would respect every word of the truce.")
    assert [(p.type, p.actor.name) for p in extractor.extract(text).positions] == [
        ("intend", "Raymond Ellis"), ("intend", "Deng Garang")]


def test_a_long_rejecting_phrase_is_read_whole(extractor):
    text = "\"Enrichment on our soil is not up for discussion,\" the Iranian negotiator Reza Amini told reporters."
    assert [(p.type, p.content.text) for p in extractor.extract(text).positions] == [
        ("reject", "Enrichment on our soil is not up for discussion")]

"""Attribution engine on small invented texts: one test per construction."""

from __future__ import annotations

from tests.extraction.helpers import one as _one, statements as _statements, trimmed as _trimmed


# Direct quotes ---------------------------------------------------------------

def test_straight_quote_with_trailing_attribution(extractor):
    s = _one(extractor, 'Mara Velden arrived in Tallinn on Monday. "The border talks will resume next week," Velden said.')
    assert s.kind == "direct"
    assert _trimmed(s) == "The border talks will resume next week"
    assert s.speaker_mention.text == "Velden"
    assert s.speaker.name == "Mara Velden"
    assert s.speaker.method == "surname"


def test_curly_quote_with_trailing_attribution(extractor):
    s = _one(extractor, "“We have reached no agreement on the fishing quotas,” the Norlandic envoy Piet Haraldsen told reporters.")
    assert s.kind == "direct"
    assert _trimmed(s) == "We have reached no agreement on the fishing quotas"
    assert s.speaker.name == "Piet Haraldsen"
    assert s.speaker.kind == "person"


def test_split_quote_gives_two_quotes_with_one_speaker(extractor):
    statements = _statements(extractor, "“We will sign the accord,” Tomas Berglund said, “but not before the vote in parliament.”")
    assert [_trimmed(s) for s in statements] == ["We will sign the accord", "but not before the vote in parliament"]
    assert {s.speaker.name for s in statements} == {"Tomas Berglund"}
    assert all(s.kind == "direct" for s in statements)


def test_quote_after_colon(extractor):
    statements = _statements(
        extractor,
        "Foreign Minister Lena Okafor met her counterpart on Tuesday. She added: “The corridor must stay open for aid convoys.”",
    )
    direct = [s for s in statements if s.kind == "direct"]
    assert len(direct) == 1
    assert _trimmed(direct[0]) == "The corridor must stay open for aid convoys"
    assert direct[0].speaker_mention.text == "She"
    assert direct[0].speaker.name == "Lena Okafor"
    assert direct[0].speaker.method == "pronoun"


def test_multi_paragraph_quote_shares_attribution(extractor):
    text = (
        "The mediator Karl Osterholm said on Sunday:\n\n"
        "“The two delegations have agreed on a timetable for the withdrawal.\n\n"
        "“They will meet again in the capital next month to settle the remaining questions.”"
    )
    statements = [s for s in _statements(extractor, text) if s.kind == "direct"]
    assert [_trimmed(s) for s in statements] == [
        "The two delegations have agreed on a timetable for the withdrawal",
        "They will meet again in the capital next month to settle the remaining questions",
    ]
    assert [s.speaker.name for s in statements] == ["Karl Osterholm", "Karl Osterholm"]


def test_bare_quote_after_attribution_continues_speaker(extractor):
    text = "“The ceasefire is holding in the north,” said Ines Carvalho. “Nobody has fired a shot since Friday.”"
    statements = _statements(extractor, text)
    assert [_trimmed(s) for s in statements] == ["The ceasefire is holding in the north", "Nobody has fired a shot since Friday"]
    assert [s.speaker.name for s in statements] == ["Ines Carvalho", "Ines Carvalho"]


def test_scare_quotes_are_not_quotes(extractor):
    text = "About 300 fighters from the “Northern Shield” brigade must leave the valley, officials in Vardo claimed."
    statements = _statements(extractor, text)
    assert all(s.kind != "direct" for s in statements)
    assert not any(s.content.text == "Northern Shield" for s in statements)


# Reported speech -------------------------------------------------------------

def test_said_that_clause(extractor):
    s = _one(extractor, "Deputy Minister Arvo Lind said on Friday that his government will reopen the embassy in March.")
    assert s.kind == "indirect"
    assert _trimmed(s) == "his government will reopen the embassy in March"
    assert s.speaker_mention.text == "Deputy Minister Arvo Lind"
    assert s.speaker.name == "Arvo Lind"
    assert s.cue.text == "said"


def test_inverted_attribution(extractor):
    text = "Sofia Marquez is the country's foreign minister. The sanctions will be lifted only after the elections, the minister said."
    s = _one(extractor, text)
    assert s.kind == "indirect"
    assert _trimmed(s) == "The sanctions will be lifted only after the elections"
    assert s.speaker_mention.text == "the minister"
    assert s.speaker.name == "Sofia Marquez"
    assert s.speaker.method == "title"


def test_according_to(extractor):
    s = _one(extractor, "According to Henrik Dalby, the two sides have exchanged lists of prisoners.")
    assert s.kind == "indirect"
    assert _trimmed(s) == "the two sides have exchanged lists of prisoners"
    assert s.speaker.name == "Henrik Dalby"
    assert s.cue.text == "According to"


def test_urged_object_to_infinitive(extractor):
    s = _one(extractor, "Ambassador Chen Wuhan urged the council to lift the blockade of the port.")
    assert s.kind == "indirect"
    assert _trimmed(s) == "the council to lift the blockade of the port"
    assert s.speaker.name == "Chen Wuhan"


def test_called_for_noun_phrase(extractor):
    s = _one(extractor, "Kestrova called for an immediate ceasefire along the southern front.")
    assert s.kind == "indirect"
    assert _trimmed(s) == "an immediate ceasefire along the southern front"
    assert s.cue.text == "called for"
    assert s.speaker.name == "Kestrova"


def test_participle_adding_that_takes_main_subject(extractor):
    text = "Premier Olav Strand said the negotiations were useful, adding that a second round would follow in May."
    statements = _statements(extractor, text)
    assert [_trimmed(s) for s in statements] == [
        "the negotiations were useful",
        "a second round would follow in May",
    ]
    assert [s.speaker.name for s in statements] == ["Olav Strand", "Olav Strand"]
    assert statements[1].cue.text == "adding"


def test_mixed_quote(extractor):
    s = _one(extractor, "Minister Juno Peralta warned that the shelling is “putting the whole truce at risk” in the east.")
    assert s.kind == "mixed"
    assert _trimmed(s) == "the shelling is “putting the whole truce at risk” in the east"
    assert s.speaker.name == "Juno Peralta"


def test_clause_wholly_quoted_is_direct(extractor):
    s = _one(extractor, "Minister Juno Peralta added that “the talks cannot go on while the shelling continues.”")
    assert s.kind == "direct"
    assert _trimmed(s) == "the talks cannot go on while the shelling continues"


def test_stacked_verbs_keep_outermost(extractor):
    s = _one(extractor, "Envoy Rafael Iturbe said he had explained that the convoy was delayed by rain.")
    assert s.cue.text == "said"
    assert s.speaker.name == "Rafael Iturbe"


# Speakers --------------------------------------------------------------------

def test_surname_resolves_to_full_name(extractor):
    text = "Talks opened with a speech by Helga Norrbacka. Later, Norrbacka said the vote would be postponed."
    s = _one(extractor, text)
    assert s.speaker_mention.text == "Norrbacka"
    assert s.speaker.name == "Helga Norrbacka"


def test_pronoun_resolves_to_previous_speaker(extractor):
    text = (
        "Mateo Alvarenga said the convoy had crossed the border. "
        "He added that the next one would leave on Thursday."
    )
    statements = _statements(extractor, text)
    assert statements[1].speaker_mention.text == "He"
    assert statements[1].speaker.name == "Mateo Alvarenga"
    assert statements[1].speaker.method == "pronoun"
    assert statements[1].confidence < statements[0].confidence


def test_title_resolves_to_person_introduced_with_it(extractor):
    text = (
        "The UN envoy for the region, Idris Kamara, arrived on Monday. "
        "The envoy said both parties had accepted the draft agenda."
    )
    s = _one(extractor, text)
    assert s.speaker_mention.text == "The envoy"
    assert s.speaker.name == "Idris Kamara"
    assert s.speaker.method == "title"


def test_state_and_group_speakers(extractor):
    text = (
        "Russia said the proposal was unacceptable. "
        "The opposition said that the corridor would stay closed."
    )
    statements = _statements(extractor, text)
    assert [s.speaker.name for s in statements] == ["Russia", "opposition"]
    assert statements[0].speaker.kind == "state"
    assert statements[1].speaker.kind == "group"


def test_document_speaks_for_its_presenter(extractor):
    text = "Delegates discussed a text tabled by Norway that demands an end to the blockade of the island."
    s = _one(extractor, text)
    assert _trimmed(s) == "an end to the blockade of the island"
    assert s.speaker.name == "Norway"


def test_reporter_question_is_not_a_quote(extractor):
    text = "Asked whether the deal was dead, the spokesman Lars Wibe said it was only delayed."
    statements = _statements(extractor, text)
    assert [_trimmed(s) for s in statements] == ["it was only delayed"]
    assert statements[0].speaker.name == "Lars Wibe"


def test_extract_many_matches_extract(extractor):
    texts = [("Ana Ruiz said the talks would resume.", None), ("No statement here.", None)]
    many = list(extractor.extract_many(texts))
    assert len(many) == 2
    assert many[0].statements == extractor.extract(texts[0][0]).statements
    assert many[1].statements == ()


# More constructions ----------------------------------------------------------

def test_attribution_interrupting_the_clause_is_inside_the_span(extractor):
    text = "Tomas Berglund chairs the committee. The new treaty, Berglund said, will be ratified before the winter."
    s = _one(extractor, text)
    assert s.kind == "indirect"
    assert _trimmed(s) == "The new treaty, Berglund said, will be ratified before the winter"
    assert s.speaker.name == "Tomas Berglund"


def test_final_attribution_after_a_comma(extractor):
    text = "VALLETTA — The ferry talks ended without a deal on Monday, the island's chief negotiator, Clara Debono, told reporters."
    s = _one(extractor, text)
    assert _trimmed(s) == "The ferry talks ended without a deal on Monday"
    assert s.speaker.name == "Clara Debono"


def test_document_after_colon_speaks_for_its_drafter(extractor):
    text = "The draft circulated by the Canadian mission reads in full: 'The parties shall cease all hostilities at midnight.'"
    s = _one(extractor, text)
    assert s.kind == "direct"
    assert _trimmed(s) == "The parties shall cease all hostilities at midnight"
    assert s.speaker.name == "Canada"


def test_relay_is_not_the_speaker(extractor):
    text = "Premier Olav Strand said the border would reopen on Friday, the state news agency reported."
    s = _one(extractor, text)
    assert _trimmed(s) == "the border would reopen on Friday"
    assert s.speaker.name == "Olav Strand"


def test_unnamed_role_stays_a_description_and_takes_pronouns(extractor):
    text = (
        "Mateo Alvarenga opened the session. The Chilean envoy said the vote was premature. "
        "She added that her country would abstain."
    )
    statements = _statements(extractor, text)
    assert [s.speaker.name for s in statements] == ["Chilean envoy", "Chilean envoy"]


def test_family_name_first(extractor):
    text = "Wang Lihua, China's deputy foreign minister, arrived on Monday. Wang said the consultations were frank."
    s = _one(extractor, text)
    assert s.speaker_mention.text == "Wang"
    assert s.speaker.name == "Wang Lihua"


def test_warned_of_noun_phrase_with_condition(extractor):
    s = _one(extractor, 'Ines Carvalho warned of "grave consequences" if the convoy was stopped.')
    assert s.kind == "mixed"
    assert _trimmed(s).lstrip('"') == 'grave consequences" if the convoy was stopped'


def test_accused_object_of(extractor):
    s = _one(extractor, "Premier Olav Strand accused the rebels of breaking the truce.")
    assert _trimmed(s) == "the rebels of breaking the truce"
    assert s.speaker.name == "Olav Strand"


def test_quotation_signed_with_a_dash(extractor):
    text = "“The talks are a farce and everybody knows it.” ― Ana Ruiz"
    s = _one(extractor, text)
    assert s.kind == "direct"
    assert _trimmed(s) == "The talks are a farce and everybody knows it"
    assert s.speaker.name == "Ana Ruiz"


def test_manner_verbs_introduce_a_quotation_beside_it(extractor):
    statements = _statements(
        extractor,
        "“The ferry will sail at dawn,” Ilse Marken continued. “Nobody stays behind.”\n\n"
        "She went on: “The harbour is closed to trucks.”\n\n"
        "“Open the gates!” the dockers shouted.",
    )
    assert [(s.kind, s.speaker_mention.text) for s in statements] == [
        ("direct", "Ilse Marken"), ("direct", "Ilse Marken"), ("direct", "She"), ("direct", "the dockers"),
    ]
    assert statements[2].speaker.name == "Ilse Marken"


def test_manner_verbs_with_an_object_of_their_own_say_nothing(extractor):
    statements = _statements(
        extractor, "The strike continued for a week. The dockers shouted slogans outside the port office."
    )
    assert statements == []


def test_document_that_reads_speaks_its_quotation(extractor):
    s = _one(extractor, "“Our harbour must remain open to every vessel,” the petition reads.")
    assert s.speaker_mention.text == "the petition"


def test_inverted_said_before_the_name(extractor):
    s = _one(extractor, "The vote is close. Said Ilse Marken: “We have the numbers.”")
    assert s.kind == "direct"
    assert s.speaker_mention.text == "Ilse Marken"


def test_quotation_closed_with_the_other_style_of_mark(extractor):
    statements = _statements(
        extractor, "“The port stays shut,” Ilse Marken said. “And, frankly, nobody here expects it to reopen.\"",
    )
    assert [_trimmed(s) for s in statements] == [
        "The port stays shut", "And, frankly, nobody here expects it to reopen",
    ]
    assert {s.speaker_mention.text for s in statements} == {"Ilse Marken"}


def test_guillemets_and_single_curly_quotes(extractor):
    text = "«We have a duty to protect our citizens,» Karin Volk said. ‘Nobody in this room would act differently.’"
    statements = _statements(extractor, text)
    assert [_trimmed(s) for s in statements] == [
        "We have a duty to protect our citizens",
        "Nobody in this room would act differently",
    ]
    assert [s.speaker.name for s in statements] == ["Karin Volk", "Karin Volk"]


def test_possessed_statement_speaks_for_its_owner(extractor):
    s = _one(extractor, "The ministry's statement said the vote had been rigged by foreign agents.")
    assert _trimmed(s) == "the vote had been rigged by foreign agents"
    assert s.speaker.name == "ministry"


def test_closing_which_aside_is_left_out(extractor):
    text = "Western diplomats say serious gaps remain over the stockpile of heavy water, which can be used in reactors."
    s = _one(extractor, text)
    assert _trimmed(s) == "serious gaps remain over the stockpile of heavy water"


def test_clause_continued_with_but_stays_one_statement(extractor):
    text = "Ines Carvalho said the ministers would meet in Lisbon, but the agenda was not yet agreed."
    s = _one(extractor, text)
    assert _trimmed(s) == "the ministers would meet in Lisbon, but the agenda was not yet agreed"


def test_hedged_verb_is_not_a_quote(extractor):
    assert _statements(extractor, "Moldavia seems to insist that all foreign troops leave the valley.") == []


def test_attribution_inside_a_quote_is_not_annotated(extractor):
    text = "“When I told him the convoy had been hit, he said nothing at all,” the ambassador, Louis Marchand, recalled."
    s = _one(extractor, text)
    assert s.kind == "direct"
    assert s.speaker.name == "Louis Marchand"


def test_action_with_a_short_object_is_not_a_quote(extractor):
    text = "Meanwhile, at talks in Varna, the opposition rejected the new map."
    assert _statements(extractor, text) == []


def test_presented_document_speaks_for_its_presenter(extractor):
    text = "At the assembly, Norway presented a draft that demands unhindered access to the island."
    s = _one(extractor, text)
    assert _trimmed(s) == "unhindered access to the island"
    assert s.speaker.name == "Norway"


def test_it_and_they_resolve_to_the_last_state_or_group(extractor):
    text = "Moldavia rejected the offer on Monday. It said the terms were unacceptable."
    s = _one(extractor, text)
    assert s.speaker_mention.text == "It"
    assert (s.speaker.name, s.speaker.kind, s.speaker.method) == ("Moldavia", "organisation", "pronoun") or s.speaker.name == "Moldavia"


def test_name_colon_line_but_not_dateline(extractor):
    text = "VARNA: The talks resumed on Monday after a week of delays.\n\nBERGLUND: We are ready to sign the text today."
    statements = _statements(extractor, text)
    assert [_trimmed(s) for s in statements] == ["We are ready to sign the text today"]
    assert statements[0].speaker_mention.text == "BERGLUND"


def test_indefinite_role_is_someone_new(extractor):
    text = (
        "Talks in Varna made little headway on Tuesday, diplomats said, as the deadline loomed. "
        "“There are still gaps,” a senior Nordic diplomat told reporters. "
        "The chief negotiator, Abel Rask, said the gaps could be closed."
    )
    statements = _statements(extractor, text)
    assert [_trimmed(s) for s in statements] == [
        "Talks in Varna made little headway on Tuesday",
        "There are still gaps",
        "the gaps could be closed",
    ]
    assert [s.speaker.name for s in statements] == ["diplomats", "senior Nordic diplomat", "Abel Rask"]


def test_colon_attribution_across_paragraphs_with_leading_participle(extractor):
    text = (
        "Speaking to reporters in Varna, the mediator, Abel Rask, said:\n\n"
        "\"Both delegations have shown goodwill and the ceasefire holds.\""
    )
    s = _one(extractor, text)
    assert s.kind == "direct"
    assert _trimmed(s) == "Both delegations have shown goodwill and the ceasefire holds"
    assert s.speaker.name == "Abel Rask"


def test_stance_adjective_with_that_clause(extractor):
    statements = _statements(extractor, "Abel Rask was adamant that the vote go ahead. It is clear that nothing works.")
    assert [_trimmed(s) for s in statements] == ["the vote go ahead"]
    assert statements[0].speaker.name == "Abel Rask"


def test_scene_setting_after_a_demand_is_left_out(extractor):
    s = _one(extractor, "Norway tabled a text that demands an end to the blockade amid growing anger in the region.")
    assert _trimmed(s) == "an end to the blockade"


def test_quoted_transcript_turns(extractor):
    text = "Foreign Minister Karin Volk met Abel Rask in Varna.\n\n\"VOLK: We are ready to sign the text today.\n\n\"RASK: Then let us sign it now.\""
    statements = _statements(extractor, text)
    assert [_trimmed(s) for s in statements] == ["We are ready to sign the text today", "Then let us sign it now"]
    assert [s.speaker_mention.text for s in statements] == ["VOLK", "RASK"]
    assert [s.speaker.name for s in statements] == ["Karin Volk", "Abel Rask"]


def test_relative_who_mention_keeps_name_and_pronoun(extractor):
    text = "The talks were chaired by Abel Rask, who said the ceasefire was holding."
    s = _one(extractor, text)
    assert s.speaker_mention.text == "Abel Rask, who"
    assert s.speaker.name == "Abel Rask"


# Speaker resolution details ---------------------------------------------------

def test_name_before_appositive_role_is_the_speaker(extractor):
    # The parser reads `Per` as a preposition and makes the role the subject.
    s = _one(extractor, "Per Halvorsen, the trade minister, said the tariffs would be lifted in May.")
    assert s.speaker_mention.text == "Per Halvorsen, the trade minister"
    assert s.speaker.name == "Per Halvorsen"
    assert s.speaker.method == "name"
    assert s.speaker.matched == "Per Halvorsen"


def test_fronted_place_is_not_taken_for_a_name(extractor):
    s = _one(extractor, "In Oslo, the trade minister said the tariffs would be lifted.")
    assert s.speaker_mention.text == "the trade minister"


def test_quote_before_according_to_keeps_its_own_speaker(extractor):
    text = ('The talks resumed on Monday. Ola Brekke warned that "the ceasefire cannot hold much longer." '
            "According to Kari Lunde, the mediator, both sides will meet again on Friday.")
    direct, indirect = _statements(extractor, text)
    assert direct.kind == "direct" and direct.speaker.name == "Ola Brekke"
    assert indirect.content.text == "both sides will meet again on Friday"
    assert indirect.speaker.name == "Kari Lunde"


def test_trailing_according_to_still_attributes_the_quote(extractor):
    s = _one(extractor, '"The ceasefire cannot hold," according to Kari Lunde.')
    assert s.speaker.name == "Kari Lunde"


def test_unnamed_role_is_a_description(extractor):
    first, second = _statements(
        extractor, "The Russian foreign minister said the talks would resume. He added that a deal was close.")
    assert (first.speaker.name, first.speaker.kind, first.speaker.method) == (
        "Russian foreign minister", "person", "description")
    assert first.speaker.matched == "The Russian foreign minister"
    # A pronoun pointing at someone only described stays a description.
    assert (second.speaker.name, second.speaker.method, second.speaker.matched) == (
        "Russian foreign minister", "description", "He")
    assert 0 < second.speaker.confidence < 1


def test_resolution_records_the_mention_it_came_from(extractor):
    text = ("The UN envoy for the region, Idris Kamara, arrived on Monday. "
            "The envoy said both parties had accepted the agenda. Kamara added that talks would start soon.")
    first, second = _statements(extractor, text)
    assert (first.speaker.name, first.speaker.method, first.speaker.matched) == ("Idris Kamara", "title", "The envoy")
    assert (second.speaker.name, second.speaker.method, second.speaker.matched) == ("Idris Kamara", "surname", "Kamara")
    assert first.speaker.confidence == 0.75


# Further cue forms ------------------------------------------------------------

def test_call_for_with_subject_and_infinitive(extractor):
    # The parser reads `for the rebels to lay ...` as a clause marked by `for`.
    s = _one(extractor, "Ostland called for the rebels to lay down their arms.")
    assert s.cue.text == "called for"
    assert _trimmed(s) == "the rebels to lay down their arms"
    assert s.speaker.name == "Ostland"


def test_speech_noun_voiced_by_the_subject(extractor):
    s = _one(extractor, "Velden made the claim that the border would reopen in May.")
    assert s.cue.text == "claim"
    assert _trimmed(s) == "the border would reopen in May"
    assert s.speaker_mention.text == "Velden"


def test_speech_noun_held_by_a_copula(extractor):
    s = _one(extractor, "Anna Lind spoke first. Her argument was that tariffs protect jobs.")
    assert _trimmed(s) == "tariffs protect jobs"
    assert s.speaker_mention.text == "Her"


def test_ownerless_speech_noun_is_not_a_statement_of_its_own(extractor):
    statements = _statements(extractor, "The dam was built in 1960, and the claim that it was unsafe spread quickly.")
    assert statements == []


def test_clause_ending_in_colon_runs_through_what_it_introduces(extractor):
    s = _one(extractor, "The envoy noted that three things were happening at once: prices were rising, "
                        "wages were flat and rents had doubled.")
    assert _trimmed(s) == ("three things were happening at once: prices were rising, wages were flat "
                           "and rents had doubled")


def test_colon_before_a_quotation_keeps_the_quotation_apart(extractor):
    statements = _statements(extractor, 'The envoy said that the plan had one flaw: "It ignores the refugees."')
    assert [s.kind for s in statements] == ["indirect", "direct"]
    assert _trimmed(statements[0]) == "the plan had one flaw"


def test_unquoted_paragraph_after_a_colon_cue(extractor):
    text = ("The hearing ended late. Senator Ruiz added:\n\n"
            "The committee will not accept these figures until the audit is complete.\n\n"
            "Other members left early.")
    s = _one(extractor, text)
    assert _trimmed(s) == "The committee will not accept these figures until the audit is complete"
    assert s.speaker.name.endswith("Ruiz")


def test_feeling_adjective_with_clause(extractor):
    s = _one(extractor, "Many farmers are afraid that the new tariffs will close their markets.")
    assert s.cue.text == "are afraid"
    assert _trimmed(s) == "the new tariffs will close their markets"
    assert _statements(extractor, "The mayor is afraid of dogs.") == []


def test_plural_role_qualified_by_a_place_is_a_group(extractor):
    s = _one(extractor, "According to officials in Tallberg, the convoy was stopped at the border.")
    assert (s.speaker.name, s.speaker.kind) == ("officials in Tallberg", "group")


def test_that_clause_misparsed_under_a_circumstance_of_the_cue(extractor):
    # The parser hangs `that ...` on `link` as a relative clause, its `that` as an object.
    s = _one(extractor, "Ilse Marken told the council via video link that the committee would meet in Varna next month.")
    assert s.kind == "indirect"
    assert _trimmed(s) == "the committee would meet in Varna next month"
    assert s.speaker.name == "Ilse Marken"


def test_relative_clause_under_a_circumstance_is_not_speech(extractor):
    assert _statements(extractor, "Ilse Marken spoke via the link that the ministry provided.") == []


def test_state_stacking_its_own_cue_is_one_statement(extractor):
    s = _one(extractor, "Nordland said it supported a \"Varanian-led\" process and opposed any outside interference.")
    assert s.speaker.name == "Nordland"
    assert _trimmed(s).startswith("it supported")


def test_according_to_a_role_then_its_name(extractor):
    s = _one(extractor, "According to his spokesman, Aron Lindqvist, Halvorsen will travel to Varna on Monday.")
    assert _trimmed(s) == "Halvorsen will travel to Varna on Monday"
    assert s.speaker_mention.text == "his spokesman, Aron Lindqvist"
    assert s.speaker.name == "Aron Lindqvist"


def test_quoted_as_saying_gives_the_one_quoted(extractor):
    s = _one(extractor, "The state news agency quoted Dara Navabi as saying that the embassy would reopen in May.")
    assert s.speaker_mention.text == "Dara Navabi"
    assert _trimmed(s) == "the embassy would reopen in May"


def test_declining_to_say_more_is_the_speakers_act(extractor):
    s = _one(extractor, "The minister said a deal was within reach but declined to give details.")
    assert _trimmed(s) == "a deal was within reach"


def test_a_role_resolved_once_introduces_its_person(extractor):
    statements = _statements(
        extractor,
        "Varania's foreign minister said on Sunday that the border would stay closed.\n\n"
        "Dara Navabi told reporters that patience was running out.\n\n"
        "Ostland's envoy, Lars Halvorsen, said talks were possible.\n\n"
        "Later the minister said a deal was within reach.",
    )
    assert [s.speaker.name for s in statements] == ["Dara Navabi", "Dara Navabi", "Lars Halvorsen", "Dara Navabi"]


def test_a_further_cue_after_an_infinitive_speaks_again(extractor):
    statements = _statements(extractor, 'Ilse Marken urges the guards to open the gate and then says, "Do it now," twice.')
    assert [(s.kind, _trimmed(s)) for s in statements] == [
        ("indirect", "the guards to open the gate"), ("direct", "Do it now"),
    ]
    assert statements[1].speaker_mention.text == "Ilse Marken"


def test_a_chant_is_a_quotation_even_without_a_verb(extractor):
    s = _one(extractor, 'Dockers outside the port office chanted "No more quotas" until the evening.')
    assert (s.kind, s.content.text, s.speaker_mention.text) == ("direct", "No more quotas", "Dockers outside the port office")


def test_a_role_of_another_nation_is_someone_new(extractor):
    statements = _statements(
        extractor,
        "Allies agreed to send more ferries to Varania, Secretary-General Aron Lindqvist announced on Monday.\n\n"
        "Varania's transport minister, who attended the meeting, said more was needed.\n\n"
        "Ostland's prime minister, Dara Navabi, has opposed the plan for months.",
    )
    minister = next(s for s in statements if _trimmed(s) == "more was needed")
    assert minister.speaker.name != "Aron Lindqvist"
    assert minister.speaker.name != "Dara Navabi"
    assert minister.speaker.method == "description"


def test_a_lede_role_finds_the_person_named_next(extractor):
    statements = _statements(
        extractor,
        "A senior Varanian envoy on Monday urged the council to stay united.\n\n"
        "Dara Navabi, the Varanian permanent representative, said the talks must go on.",
    )
    assert [s.speaker.name for s in statements] == ["Dara Navabi", "Dara Navabi"]


def test_said_in_a_statement_that(extractor):
    statements = _statements(
        extractor, "The Varanian front said in a statement that it was studying the offer, but insisted on a full withdrawal."
    )
    assert [(_trimmed(s), s.cue.text) for s in statements] == [
        ("it was studying the offer", "said"), ("a full withdrawal", "insisted on"),
    ]


def test_asking_not_to_be_named_is_no_statement(extractor):
    s = _one(extractor, "A ministry official, who asked not to be named, said Varna had proposed a meeting.")
    assert _trimmed(s) == "Varna had proposed a meeting"


def test_a_time_is_not_the_particle_of_a_cue(extractor):
    s = _one(extractor, "President Ana Ruiz on Tuesday called on Nordic allies to speed up deliveries of ferries.")
    assert (s.cue.text, _trimmed(s)) == ("called on", "Nordic allies to speed up deliveries of ferries")


def test_accusing_someone_named_by_a_pronoun(extractor):
    s = _one(extractor, "The opposition leader Dara Navabi accused him of dithering.")
    assert _trimmed(s) == "him of dithering"


def test_a_body_named_by_its_anaphor(extractor):
    statements = _statements(
        extractor,
        "The General Assembly met on Monday. The assembly later adopted a resolution demanding the withdrawal of troops.",
    )
    assert [s.speaker.name for s in statements] == ["UN General Assembly"]


def test_that_tagged_as_a_relative_word_still_opens_a_reported_clause(extractor):
    # The tagger reads `that` here as a wh-determiner; it is still the complementiser.
    s = _one(extractor, "The spokesman said on state television that Varania would defend itself against any aggression.")
    assert _trimmed(s) == "Varania would defend itself against any aggression"


def test_another_bodys_council_is_not_the_security_council(extractor):
    statements = _statements(
        extractor, "The bloc's Peace and Security Council met on Thursday. The council said the coup was unacceptable."
    )
    assert [s.speaker.name for s in statements] != ["UN Security Council"]
    assert statements[0].venue is None


def test_the_two_leaders_are_the_pair_named_before(extractor):
    statements = _statements(
        extractor,
        "Downing Street said Prime Minister Ana Ruiz had spoken to Commission President Ilse von der Marken "
        "by phone. The two leaders agreed that their negotiators should keep working, according to a joint statement.",
    )
    agreed = next(s for s in statements if s.cue.text == "agreed")
    assert agreed.speaker.name == "Ana Ruiz and Ilse von der Marken"


def test_a_seat_of_government_speaks_as_an_organisation(extractor):
    s = _one(extractor, "Varna Palace said the state visit was postponed.")
    assert (s.speaker.name, s.speaker.kind) == ("Varna Palace", "organisation")


def test_a_lede_role_skips_a_later_person_with_another_role(extractor):
    statements = _statements(
        extractor,
        "The Secretary-General today called on the parties to agree to an immediate ceasefire.\n\n"
        "Members called for an end to the fighting, the council president, Ambassador Ines Kahl of Varania, "
        "told journalists.",
    )
    first = statements[0]
    assert first.speaker.method == "description"
    assert first.speaker.name == "Secretary-General"


def test_a_person_reporting_another_partys_statement_gives_two_statements(extractor):
    statements = _statements(extractor, "Members called for an end to the fighting, the council president told journalists.")
    assert sorted((s.speaker_mention.text, _trimmed(s)) for s in statements) == [
        ("Members", "an end to the fighting"),
        ("the council president", "Members called for an end to the fighting"),
    ]


def test_a_trailing_relay_passes_the_statement_on(extractor):
    s = _one(extractor, "Ana Ruiz said the border would reopen on Monday, the agency said.")
    assert s.speaker.name == "Ana Ruiz"


def test_a_cue_introducing_a_quotation_outranks_a_trailing_according_to(extractor):
    statements = _statements(
        extractor,
        "Ruiz told Kahl that “the sea is wide enough for both our fleets”, according to a readout released by "
        "the ministry.",
    )
    assert [(s.kind, s.speaker_mention.text) for s in statements] == [("direct", "Ruiz")]


def test_a_time_after_the_cue_is_not_content(extractor):
    s = _one(extractor, "Ilse Marken said last Thursday the port was closed to trucks.")
    assert _trimmed(s) == "the port was closed to trucks"


def test_guillemets_with_inner_spaces(extractor):
    s = _one(extractor, "« Nous devons agir », the minister told the radio station.")
    assert (s.kind, s.content.text) == ("direct", "Nous devons agir")


def test_where_a_demand_was_made_is_no_part_of_it(extractor):
    s = _one(extractor, "The minister called for an end to the blockade in a televised address.")
    assert _trimmed(s) == "an end to the blockade"


def test_welcoming_a_deal_in_a_statement_names_a_topic_only(extractor):
    assert _statements(extractor, "Varania and Ostland welcomed the agreement in a joint statement.") == []


def test_called_on_parties_to_act_keeps_the_parties(extractor):
    statements = _statements(
        extractor, "Mr. Lindqvist said the situation had worsened and called on all parties to respect the truce."
    )
    assert [_trimmed(s) for s in statements] == ["the situation had worsened", "all parties to respect the truce"]


def test_the_representative_of_a_state_and_his_later_words(extractor):
    statements = _statements(
        extractor,
        "The envoy Aron Lindqvist briefed the council. Speaking on behalf of the Nordic Group, the representative "
        "of Varania said the council had failed. He urged members to adopt the draft before them.",
    )
    varania = [s for s in statements if s.speaker_mention.text in ("the representative of Varania", "He")]
    assert [s.speaker.name for s in varania] == ["Varania", "Varania"]


def test_what_a_text_failed_to_condemn_was_never_said(extractor):
    s = _one(extractor, "The representative of Ostland said it would not support any text that failed to condemn the raids.")
    assert s.speaker.name == "Ostland"


def test_quoted_as_saying_after_the_clause_it_reports(extractor):
    s = _one(extractor, "VARNA, Feb 14 (Agency) - Varania is ready to discuss a new framework, but only if Ostland "
                        "lifts its sanctions, Deputy Foreign Minister Aron Lindqvist was quoted as saying on Tuesday.")
    assert _trimmed(s).startswith("Varania is ready to discuss a new framework")
    assert s.speaker.name == "Aron Lindqvist"


def test_a_hyphenated_title_is_no_dateline_and_a_participle_aside_no_mention(extractor):
    s = _one(extractor, "Nordic Secretary-General Ines Kahl, speaking in Varna, said the move was regrettable.")
    assert s.speaker_mention.text == "Nordic Secretary-General Ines Kahl"


def test_a_dateline_glued_to_its_agency_is_no_part_of_the_speaker(extractor):
    s = _one(extractor, "Varna, AGENCY-UN Special Envoy Ines Kahl said on Wednesday that the talks should resume.")
    assert s.speaker.name == "Ines Kahl"
    assert not s.speaker_mention.text.startswith("Varna")


def test_a_ministry_named_again_keeps_its_nation(extractor):
    statements = _statements(
        extractor,
        "Norway's defence ministry said the launches posed a grave threat. The ministry added that it had "
        "lodged a protest.",
    )
    assert [s.speaker.name for s in statements] == ["Norway's defence ministry"] * 2


def test_two_officials_are_new_people_not_the_last_pair(extractor):
    statements = _statements(
        extractor,
        "Ines Kahl spoke to Aron Lindqvist by phone on Monday. Two Varanian officials, speaking on condition "
        "of anonymity, told reporters that the border could reopen.",
    )
    assert statements[-1].speaker.name == "Varanian officials"


def test_one_of_them_speaks_for_the_group(extractor):
    statements = _statements(
        extractor,
        "Two Varanian officials told reporters that the border could reopen. \u201cEverything is linked,\u201d "
        "one of them said.",
    )
    assert [s.speaker.name for s in statements] == ["Varanian officials", "Varanian officials"]


def test_told_reporters_as_he_arrived_that(extractor):
    s = _one(extractor, "The prime minister, Dara Navabi, told reporters as he arrived at the summit that his "
                        "country \"will not pay\" for a war it did not start.")
    assert _trimmed(s) == 'his country "will not pay" for a war it did not start'


def test_trailing_attribution_read_as_a_reduced_relative(extractor):
    # The parser makes `announced` a relative of `secretary`, itself an appositive of `border`.
    s = _one(extractor, "Varania and Ostland have agreed to pull back troops from two points along their disputed "
                        "border, Varania's foreign secretary announced on Monday, days before a summit in Varna.")
    assert _trimmed(s).startswith("Varania and Ostland have agreed to pull back troops")
    assert s.speaker_mention.text == "Varania's foreign secretary"


def test_a_long_dateline_is_no_part_of_the_speaker(extractor):
    s = _one(extractor, "VARNA, Varania (Agency) - Nordic leaders meeting in Varna on Sunday said they had "
                        "activated a standby force.")
    assert s.speaker_mention.text.startswith("Nordic leaders")


def test_a_report_speaks_for_the_body_that_issued_it(extractor):
    statements = _statements(
        extractor,
        "Varania has enlarged its stockpile, the Nordic Energy Agency said in a confidential report on "
        "Wednesday.\n\nThe report said Varania had also failed to explain traces found at two sites.",
    )
    assert [s.speaker.name for s in statements] == ["Nordic Energy Agency", "Nordic Energy Agency"]


def test_a_pronoun_after_a_subject_who_said_nothing_yet(extractor):
    # `Ines Kahl welcomed the deal` is no statement, but it is where a later `she` looks.
    statements = _statements(
        extractor,
        "\u201cThis is the right decision,\u201d Prime Minister Aron Lindqvist told his ministers.\n\n"
        "President Ines Kahl of Ostland welcomed the deal. \u201cIt should bring our people home,\u201d she said in a statement.",
    )
    assert [s.speaker.name for s in statements] == ["Aron Lindqvist", "Ines Kahl"]


def test_a_clause_that_is_a_quotation_with_a_scrap_before_it_is_the_quotation(extractor):
    # Found by the property test: the parse's clause took a stray `000001@.` before the
    # opening mark, and the two statements overlapped without nesting.
    statements = _statements(extractor, "000001@. \u201cWe will go,\u201d Elsa Varg said.\n\n")
    assert [(s.kind, _trimmed(s)) for s in statements] == [("direct", "We will go")]


def test_pressing_someone_to_act_reports_a_demand(extractor):
    result = extractor.extract("Foreign Minister Ana Ruiz pressed the envoys to commit funding for the railway.")
    [statement] = result.statements
    assert statement.content.text == "the envoys to commit funding for the railway"
    assert [(p.type, p.content.text) for p in result.positions] == [("demand", "commit funding for the railway")]

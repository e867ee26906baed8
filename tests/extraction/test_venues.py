"""Venues of hand-built statements over invented articles (independent of the quote stages)."""

from __future__ import annotations

from app.extraction.types import ActorRef, Span, Statement, VenueRef
from app.extraction.venues import assign_venues, venue_near


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part), part)


def _statement(text: str, content: str, cue: str, mention: str, speaker: str, after: int = 0) -> Statement:
    content_span = _span(text, content, after)
    cue_span = _span(text, cue, max(0, min(text.index(mention, after), content_span.start) - 1))
    return Statement(
        kind="indirect", content=content_span, speaker_mention=_span(text, mention, after),
        speaker=ActorRef(speaker, "person"), cue=cue_span, venue=None, said_on=None, confidence=1.0)


def _names(nlp, text: str, statements: list[Statement]) -> list[str | None]:
    return [v.name if v else None for v in assign_venues(nlp(text), statements)]


def test_told_the_council_is_the_security_council(nlp):
    text = ("The Security Council met on Tuesday. The Varanian ambassador Ines Kahl told the council "
            "that the blockade must end.")
    st = _statement(text, "the blockade must end", "told", "The Varanian ambassador Ines Kahl", "Ines Kahl")
    assert assign_venues(nlp(text), [st]) == [VenueRef("UN Security Council", "body")]


def test_a_resolution_named_by_the_council_is_not_a_setting(nlp):
    text = "The minister Arvo Lind said the rebels must respect Security Council resolution 2110."
    st = _statement(text, "the rebels must respect Security Council resolution 2110", "said",
                    "The minister Arvo Lind", "Arvo Lind")
    assert _names(nlp, text, [st]) == [None]


def test_told_reporters_in_a_city_is_a_press_conference_that_covers_later_statements(nlp):
    text = ("Foreign Minister Dana Orsk told reporters in Minsk that the ceasefire was holding. "
            "Orsk added that prisoners would be exchanged next week.")
    first = _statement(text, "the ceasefire was holding", "told", "Foreign Minister Dana Orsk", "Dana Orsk")
    second = _statement(text, "prisoners would be exchanged next week", "added", "Orsk", "Dana Orsk",
                        after=text.index("Orsk added"))
    venues = assign_venues(nlp(text), [first, second])
    expected = VenueRef("press conference in Minsk", "press_conference", "Minsk")
    assert venues == [expected, expected]


def test_press_conference_without_a_place_is_no_venue(nlp):
    text = "At a press conference, the spokesman Ivo Brann said that the offer stood."
    st = _statement(text, "the offer stood", "said", "the spokesman Ivo Brann", "Ivo Brann")
    assert _names(nlp, text, [st]) == [None]


def test_said_from_a_city(nlp):
    text = "The special envoy Lara Quist said on Friday from Rome that she would fly to Cairo."
    st = _statement(text, "she would fly to Cairo", "said", "The special envoy Lara Quist", "Lara Quist")
    assert _names(nlp, text, [st]) == ["press conference in Rome"]


def test_named_negotiation_for_its_participants_only(nlp):
    text = ("There are negotiations taking place in Ankara between the rebel factions and Moldavia. "
            "The rebel commander Yusuf Hadid revealed that the talks had stalled. "
            "In Paris, the economist Claire Morel said that bread prices had doubled.")
    inside = _statement(text, "the talks had stalled", "revealed", "The rebel commander Yusuf Hadid", "Yusuf Hadid")
    outside = _statement(text, "bread prices had doubled", "said", "the economist Claire Morel", "Claire Morel")
    assert _names(nlp, text, [inside, outside]) == ["Ankara talks", None]


def test_gazetteer_variant_gives_the_canonical_name(nlp):
    text = "Speaking at the Munich Security Conference, the chancellor Ola Berg said Europe must rearm."
    st = _statement(text, "Europe must rearm", "said", "the chancellor Ola Berg", "Ola Berg")
    assert _names(nlp, text, [st]) == ["Munich Security Conference"]


def test_a_draft_debated_in_the_general_assembly_gets_the_assembly(nlp):
    text = ("The UN General Assembly began a debate on Monday on a draft resolution presented by Chile "
            "that demands an end to the shelling. The draft resolution also expressed concern at the sieges.")
    first = _statement(text, "an end to the shelling", "demands", "a draft resolution presented by Chile", "Chile")
    second = _statement(text, "concern at the sieges", "expressed", "The draft resolution", "Chile",
                        after=text.index("The draft resolution also"))
    assert _names(nlp, text, [first, second]) == ["UN General Assembly", "UN General Assembly"]


def test_relayed_answer_does_not_inherit_the_press_conference(nlp):
    text = ("The envoy Tomas Reyes said in a press conference in Oslo that he would meet both sides. "
            "A correspondent said that when asked about peace, the envoy said that nobody knew.")
    first = _statement(text, "he would meet both sides", "said", "The envoy Tomas Reyes", "Tomas Reyes")
    relayed = _statement(text, "nobody knew", "said", "the envoy", "Tomas Reyes", after=text.index("when asked"))
    assert _names(nlp, text, [first, relayed]) == ["press conference in Oslo", None]


def test_no_statements_no_venues(nlp):
    assert assign_venues(nlp("Nothing was said."), []) == []


def test_speaking_to_reporters_in_a_city(nlp):
    text = "Speaking to reporters in Ankara, the president Emre Kaya said the corridor must stay open."
    st = _statement(text, "the corridor must stay open", "said", "the president Emre Kaya", "Emre Kaya")
    assert _names(nlp, text, [st]) == ["press conference in Ankara"]


def test_proposed_talks_are_not_a_venue(nlp):
    text = "The envoy Zhang Wei praised the mediation and proposed a regional summit in Addis Ababa."
    st = _statement(text, "a regional summit in Addis Ababa", "proposed", "The envoy Zhang Wei", "Zhang Wei")
    assert _names(nlp, text, [st]) == [None]


def test_venue_near_a_narrative_stance(nlp):
    text = "Russia vetoed the draft in the Security Council on Friday. Elsewhere, farmers protested."
    doc = nlp(text)
    assert venue_near(doc, 0, 20, "Russia") == VenueRef("UN Security Council", "body")
    assert venue_near(doc, text.index("farmers"), len(text), "farmers") is None


def test_a_council_briefing_is_the_council_not_a_press_conference(nlp):
    text = ("Speaking at a Security Council briefing on the situation in Myanmar, the envoy Fu Cong said "
            "the council should respect the role of ASEAN.")
    st = _statement(text, "the council should respect the role of ASEAN", "said", "the envoy Fu Cong", "Fu Cong")
    assert _names(nlp, text, [st]) == ["UN Security Council"]


def test_ambassadors_in_a_council_article_speak_at_the_council(nlp):
    text = ("The UN Security Council met on Monday to discuss the crisis. "
            "Norway's deputy ambassador Siv Lund rejected any interference in the country's affairs.")
    st = _statement(text, "any interference in the country's affairs", "rejected",
                    "Norway's deputy ambassador Siv Lund", "Siv Lund")
    assert _names(nlp, text, [st]) == ["UN Security Council"]


def test_unnamed_talks_a_statement_speaks_of_are_not_its_venue(nlp):
    text = ("Envoys of Varania and Ostland met for the Tallinn talks on Monday. Kahl said the talks in "
            "Tallinn had stalled. The Nordlandic foreign minister, Per Halvorsen, said Nordland was ready "
            "to host further talks.")
    kahl = _statement(text, "the talks in Tallinn had stalled", "said", "Kahl", "Ines Kahl")
    halvorsen = _statement(text, "Nordland was ready to host further talks", "said",
                           "The Nordlandic foreign minister, Per Halvorsen", "Per Halvorsen")
    assert _names(nlp, text, [kahl, halvorsen])[1] is None


def test_a_cabinet_meeting_is_not_a_negotiation(nlp):
    text = "Speaking before a cabinet meeting in Varna, Prime Minister Ines Kahl said the offer was unacceptable."
    st = _statement(text, "the offer was unacceptable", "said", "Prime Minister Ines Kahl", "Ines Kahl")
    assert _names(nlp, text, [st]) == [None]


def test_an_interview_with_an_agency_is_no_press_conference(nlp):
    text = "VARNA - A senior official told The Associated Press that the group would answer on Monday."
    st = _statement(text, "the group would answer on Monday", "told", "A senior official", "senior official")
    assert _names(nlp, text, [st]) == [None]


def test_a_national_security_council_is_not_the_un_body(nlp):
    text = "Varania's Security Council met on Monday. Its secretary Ines Kahl said the border would stay shut."
    st = _statement(text, "the border would stay shut", "said", "Its secretary Ines Kahl", "Ines Kahl")
    assert _names(nlp, text, [st]) == [None]


def test_talks_held_where_a_place_is_named(nlp):
    text = ("The two sides agreed to extend the truce, negotiators announced in Varna, where the latest round "
            "of talks was held.")
    st = _statement(text, "The two sides agreed to extend the truce", "announced", "negotiators", "negotiators")
    assert _names(nlp, text, [st]) == ["Varna talks"]


def test_a_negotiator_takes_part_in_the_main_talks(nlp):
    text = ("Negotiators met in Varna for a new round of talks on Friday. \u201cThis is a historic step,\u201d "
            "said Ines Kahl, the government's chief negotiator. Aron Lindqvist, who heads the rebel "
            "delegation, said the group would free all hostages.")
    kahl = _statement(text, "This is a historic step,", "said", "Ines Kahl, the government's chief negotiator",
                      "Ines Kahl")
    lindqvist = _statement(text, "the group would free all hostages", "said", "Aron Lindqvist", "Aron Lindqvist")
    assert _names(nlp, text, [kahl, lindqvist]) == ["Varna talks", "Varna talks"]


def test_a_body_a_speaker_speaks_of_is_not_where_he_spoke(nlp):
    text = ("In an interview, the refugee commissioner Aron Lindqvist said the camps were full. Lindqvist added "
            "that he had urged the Security Council to visit the region.")
    first = _statement(text, "the camps were full", "said", "the refugee commissioner Aron Lindqvist", "Aron Lindqvist")
    second = _statement(text, "he had urged the Security Council to visit the region", "added", "Lindqvist",
                        "Aron Lindqvist")
    assert _names(nlp, text, [first, second]) == [None, None]


def test_a_wire_dateline_in_capitals_places_a_news_conference(nlp):
    text = "VARNA (AP) — Ines Kahl told a news conference after the talks that the border would reopen."
    st = _statement(text, "the border would reopen", "told", "Ines Kahl", "Ines Kahl")
    assert _names(nlp, text, [st]) == ["press conference in Varna"]


def test_a_briefing_of_the_verb_a_participle_hangs_on(nlp):
    text = ("The spokesman Lin Wen confirmed the deal at a regular briefing in Varna, saying the two sides had "
            "reached a resolution.")
    st = _statement(text, "the two sides had reached a resolution", "saying", "The spokesman Lin Wen", "Lin Wen")
    assert _names(nlp, text, [st]) == ["press conference in Varna"]



def test_talks_a_speaker_was_kept_out_of_are_not_where_it_spoke(nlp):
    text = ("Ostland and Varania agreed on a truce after talks in Varna on Monday. The Ridge Front said in a "
            "statement that it had not been invited to the talks and would ignore the truce.")
    st = _statement(text, "it had not been invited to the talks and would ignore the truce", "said",
                    "The Ridge Front", "Ridge Front")
    assert _names(nlp, text, [st]) == [None]


def test_the_15_member_body_is_the_security_council(nlp):
    text = ("The Security Council met on Monday. The aid chief Aron Lindqvist warned the 15-member body that "
            "the camps were full.")
    st = _statement(text, "the camps were full", "warned", "The aid chief Aron Lindqvist", "Aron Lindqvist")
    assert _names(nlp, text, [st]) == ["UN Security Council"]


def test_reporters_on_the_speakers_plane_are_not_in_the_dateline_city(nlp):
    text = "VARNA (AP) — Ines Kahl told reporters on her plane that the border would reopen."
    st = _statement(text, "the border would reopen", "told", "Ines Kahl", "Ines Kahl")
    assert _names(nlp, text, [st]) == [None]


def test_a_national_parliament_is_a_body(nlp):
    text = "Speaking in the House of Commons on Tuesday, Ines Kahl said: 'We will not look away.'"
    st = _statement(text, "We will not look away.", "said", "Ines Kahl", "Ines Kahl")
    assert _names(nlp, text, [st]) == ["House of Commons"]


def test_a_summit_a_sentence_gives_to_a_known_body_is_that_bodys_summit(nlp):
    text = ("Leaders of the G20 wrapped up their summit in Nairobi on Sunday. Speaking on the sidelines of the "
            "summit, Ines Kahl said Europe would act alone.")
    st = _statement(text, "Europe would act alone", "said", "Ines Kahl", "Ines Kahl")
    assert _names(nlp, text, [st]) == ["G20 summit"]


def test_a_place_in_a_later_clause_is_not_where_the_press_was_told(nlp):
    text = ("WARSAW (AP) — Ines Kahl told reporters that the deal was their business, but she warned "
            "against sending troops to Ukraine.")
    st = _statement(text, "the deal was their business", "told", "Ines Kahl", "Ines Kahl")
    assert _names(nlp, text, [st]) == ["press conference in Warsaw"]


def test_talks_after_which_something_was_agreed_were_held(nlp):
    text = "Ostland and Varania agreed on Saturday to extend the truce after talks in Istanbul, the ministry said."
    st = _statement(text, "Ostland and Varania agreed on Saturday to extend the truce after talks in Istanbul",
                    "said", "the ministry", "ministry")
    assert _names(nlp, text, [st]) == ["Istanbul talks"]


def _venues_of(extractor, text: str) -> list[str | None]:
    return [s.venue.name if s.venue else None for s in extractor.extract(text).statements]


def test_a_joint_press_conference_covers_both_ministers(extractor):
    text = ("Greek Foreign Minister Nikos Pappas and his Turkish counterpart, Mehmet Yilmaz, spoke at a joint "
            "news conference in Athens after two days of talks.\n\n"
            "Pappas said Greece would propose a joint fisheries committee.\n\n"
            "Yilmaz said Ankara would sign the accord next month.")
    assert _venues_of(extractor, text) == ["press conference in Athens"] * 2


def test_a_party_named_in_the_talks_sentence_speaks_in_those_talks(extractor):
    text = ("The foreign ministers of Peru and Ecuador failed on Saturday to agree on a border map, as the "
            "Brasilia talks stalled for a second day.\n\n"
            "Ecuador's foreign minister, Jorge Castro, said his government would not give up the river valley.")
    assert _venues_of(extractor, text) == ["Brasilia talks"]


def test_talks_named_by_a_place_the_tagger_missed_there_but_found_elsewhere(nlp):
    from app.extraction.venues.talks import place_talks

    text = ("Mediators arrived in Luanda on Friday. The foreign ministers of Peru and Ecuador failed to agree, "
            "as the Luanda talks mediated by President Joao Lourenco stalled for a second day.")
    assert "Luanda talks" in {m.venue.name for m in place_talks(nlp(text))}


def test_the_council_is_the_human_rights_council_where_the_article_names_it(extractor):
    text = ("The UN expert on Haiti, Daniel Okafor, warned the UN Human Rights Council on Tuesday that gangs "
            "controlled the capital.\n\n"
            "Addressing the council by video link, Haiti's justice minister, Jean Louis, denied that police "
            "units had carried out executions.")
    assert _venues_of(extractor, text) == ["UN Human Rights Council"] * 2


def test_the_board_is_the_iaea_board_and_the_regional_forum_is_its_own_venue(extractor):
    text = ("The IAEA Board of Governors passed a resolution on Thursday.\n\n"
            "Iran's envoy, Mohsen Karimi, told the board that the resolution was politically motivated.\n\n"
            "At the ASEAN Regional Forum in Vientiane, Malaysia's foreign minister told the forum that a hotline "
            "was needed.")
    assert _venues_of(extractor, text) == ["IAEA Board of Governors", "ASEAN Regional Forum"]


def test_a_press_conference_in_a_city_whose_name_opens_with_the(extractor):
    text = ("Jorge Perez, who heads Peru's delegation, told reporters in The Hague that his government would "
            "accept the ruling.")
    assert _venues_of(extractor, text) == ["press conference in Hague"]


def test_a_pair_of_parties_speaks_in_the_talks_its_members_hold(extractor):
    text = ("Ethiopia's federal government and Tigray's interim administration agreed to complete the disarmament "
            "of fighters, the mediators said on Thursday after three days of talks in Nairobi.\n\n"
            "In a joint statement, the two sides said they would meet again in September.")
    assert _venues_of(extractor, text)[-1] == "Nairobi talks"


def test_no_dateline_is_read_into_a_lede_and_an_interview_is_no_press_conference(extractor):
    text = ("The leaders of Chile, Peru and Bolivia agreed on Monday to resume talks on a water accord.\n\n"
            "\"Our rivers are too intertwined for us to stop talking,\" Ana Soto told a joint news conference.\n\n"
            "\"This accord can save lives,\" Maria Lopez, a spokesperson for the World Food Programme, told "
            "Al Jazeera from Lima.")
    assert _venues_of(extractor, text) == [None, None]


def test_talks_held_before_an_agreement_to_resume_are_where_the_parties_speak(nlp):
    from app.extraction.venues.talks import place_talks

    text = ("Russia and Ukraine have agreed to resume grain shipments after two days of talks in Istanbul "
            "brokered by Turkey, officials say.")
    assert [m.venue.name for m in place_talks(nlp(text)) if not m.generic] == ["Istanbul talks"]


def test_nato_foreign_ministers_acting_are_their_meeting(nlp):
    from app.extraction.venues.mentions import gazetteer_mentions

    text = "NATO foreign ministers agreed on Thursday to step up naval patrols in the Baltic Sea."
    assert [m.venue.name for m in gazetteer_mentions(nlp(text))] == ["NATO foreign ministers' meeting"]

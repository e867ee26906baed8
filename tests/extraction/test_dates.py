"""When a statement was made: time expressions tied to the cue, resolved against publication."""

from __future__ import annotations

from datetime import date

import pytest

from app.extraction.dates import resolve_said_on

# A Monday, so that weekday arithmetic is easy to check by hand.
MONDAY = date(2023, 5, 15)


def _said_on(nlp, text: str, published_on: date | None = MONDAY) -> date | None:
    return resolve_said_on(nlp(text), 0, len(text), published_on)


def test_weekday_on_the_cue_is_the_most_recent_such_day(nlp):
    text = "The Ostrian foreign minister said on Friday that she will fly to Oslo on Sunday."
    assert _said_on(nlp, text) == date(2023, 5, 12)


def test_weekday_with_part_of_day(nlp):
    text = "The envoy said on Thursday evening from Lisbon that the ceasefire was holding."
    assert _said_on(nlp, text) == date(2023, 5, 11)


def test_future_weekday_inside_the_content_is_not_the_date(nlp):
    text = "The envoy said he will travel on Saturday to Geneva for the next round."
    assert _said_on(nlp, text) == MONDAY


def test_weekday_equal_to_publication_day_is_that_day(nlp):
    text = "A senior Varanian diplomat on Monday urged both sides to respect the truce."
    assert _said_on(nlp, text) == MONDAY


def test_yesterday_after_a_direct_quote(nlp):
    text = '"We will not sign this text," the minister told reporters yesterday.'
    assert _said_on(nlp, text) == date(2023, 5, 14)


def test_last_week(nlp):
    text = "The rebel spokesman said last week that the corridor would stay open."
    assert _said_on(nlp, text) == date(2023, 5, 8)


def test_explicit_date_without_year_falls_in_the_previous_year_when_later(nlp):
    text = "Officials announced on 28 December that the border crossing would reopen."
    assert _said_on(nlp, text, date(2024, 1, 5)) == date(2023, 12, 28)


def test_explicit_month_day_year(nlp):
    text = "The Kestrian delegation stated on March 3, 2021 that it had withdrawn."
    assert _said_on(nlp, text) == date(2021, 3, 3)


def test_spelled_out_date_beats_its_weekday(nlp):
    text = "In a press conference in Tallinn on Thursday the 14th of September 2017, Orlov said the zones were agreed."
    assert _said_on(nlp, text) == date(2017, 9, 14)


def test_no_expression_gives_the_publication_date(nlp):
    assert _said_on(nlp, "The mediator said the talks were constructive.") == MONDAY


@pytest.mark.parametrize("text", ["The envoy said on Friday that talks would resume.", "The envoy spoke yesterday."])
def test_relative_expressions_need_a_publication_date(nlp, text):
    assert _said_on(nlp, text, None) is None


def test_only_the_statement_sentences_are_read(nlp):
    text = "Talks began on Tuesday. The minister said the mood was good."
    start = text.index("The minister")
    assert resolve_said_on(nlp(text), start, len(text), MONDAY) == MONDAY


def test_each_statement_takes_the_day_of_its_own_verb(nlp):
    text = "The envoy said on Monday that talks would resume, while the rebels said on Saturday that they would not come."
    doc = nlp(text)
    start = text.index("the rebels said")
    assert resolve_said_on(doc, start, len(text), MONDAY) == date(2023, 5, 13)
    assert resolve_said_on(doc, 0, text.index(", while"), MONDAY) == MONDAY


def test_a_time_right_after_the_cue_dates_it_though_parsed_into_the_clause(nlp):
    # The parser hangs `last Thursday` on `was`; it still says when she spoke.
    text = "The Ostrian foreign minister said last Thursday the port was closed to trucks."
    assert _said_on(nlp, text) == date(2023, 5, 11)


def test_a_date_inside_what_was_said_does_not_date_the_saying(extractor):
    text = "The envoy said Ostland would not support any text that failed to condemn the attacks of 7 October."
    [statement] = extractor.extract(text, MONDAY).statements
    assert statement.said_on == MONDAY


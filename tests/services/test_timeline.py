"""Where an actor's stance on a topic changed, between two of its positions."""

from __future__ import annotations

from app.models import Position
from app.services.topics import stance_change


def position(type_: str, content: str, **flags: bool) -> Position:
    return Position(article_id=1, type=type_, content=content, content_start=0, content_end=len(content),
                    confidence=1.0, **flags)


def test_a_new_type_is_a_change() -> None:
    assert stance_change(position("demand", "an end to the siege"), position("agree", "an end to the siege")) == "demand -> agree"


def test_a_changed_number_is_a_change() -> None:
    before = position("demand", "900 fighters leave the city")
    after = position("demand", "1,500 fighters leave the city")
    assert stance_change(before, after) == "number 900 -> 1,500"


def test_context_counts_and_same_words_do_not() -> None:
    assert stance_change(position("agree", "the truce"), position("agree", "the truce", hypothetical=True)) == \
        "agree -> agree (hypothetical)"
    assert stance_change(position("reject", "the map"), position("reject", "the new map")) is None


def test_polarity_follows_the_quad_class_and_turns_on_negation() -> None:
    from app.services.views import event_codes, polarity

    assert polarity(event_codes("agree"), negated=False) == "positive"
    assert polarity(event_codes("reject"), negated=False) == "negative"
    assert polarity(event_codes("demand"), negated=True) == "positive"
    assert event_codes("criticize").quad_class == "verbal_conflict"

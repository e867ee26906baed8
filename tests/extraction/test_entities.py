"""The NER run on trigger windows only finds what the NER over the whole text finds."""

from __future__ import annotations

import spacy

from app.config import get_settings
from app.extraction.entities import COMPONENT, kept_tokens, use_selective_entities

# Invented news text: names, places, dates in words and digits, an all-capitals
# dateline, abbreviations with stops, and sentences with no entity at all.
TEXTS = [
    "GENEVA (Reuters) - The U.N. envoy for Yemen, Hans Grundberg, said on Tuesday that "
    "both sides had agreed to a 60-day truce. The talks, he said, would resume next week "
    "in Muscat.\n\nIt was not clear whether the fighters would withdraw. Many doubted it.",
    "Foreign Minister Ana Ruiz told reporters late last night that Madrid would not recognise "
    "the vote. \"We will not be bullied,\" she said. Officials in the capital were less "
    "certain and spoke of a long, slow process that might take years.",
    "The committee met for three hours. Nobody spoke after the vote, and the members left "
    "quietly through a side door; the chairman of the Security Council said 12 states "
    "had abstained in 2024.",
]


def _entities(doc: spacy.tokens.Doc) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label_) for e in doc.ents]


def test_same_entities_as_the_whole_text_ner():
    model = get_settings().spacy_model
    stock = spacy.load(model)
    selective = use_selective_entities(spacy.load(model))
    assert COMPONENT in selective.pipe_names and "ner" not in selective.pipe_names
    for text in TEXTS:
        expected, got = stock(text), selective(text)
        assert _entities(got) == _entities(expected), text
        # Tokens outside every entity are marked outside, as the stock NER marks them.
        assert {t.ent_iob_ for t in got if not t.ent_type_} == {"O"}


def test_sentences_without_a_trigger_are_not_read(nlp):
    doc = nlp("Nobody spoke after the vote. It was not clear whether the fighters would withdraw. "
              "Many doubted it would last for long, and said so.")
    # `Nobody`, `It` and `Many` open sentences: capitalised by position, not names.
    assert kept_tokens(doc) == []
    assert doc.ents == ()


def test_a_time_word_or_a_digit_is_a_trigger(nlp):
    doc = nlp("the ceasefire broke down last week, after 40 days of calm and endless talking about peace")
    kept = {doc[i].text for i in kept_tokens(doc)}
    assert {"week", "40", "days"} <= kept
    assert "peace" not in kept  # more than a window past the last trigger
    assert ("last week", "DATE") in [(e.text, e.label_) for e in doc.ents]

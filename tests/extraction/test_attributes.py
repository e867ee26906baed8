"""The table-lookup attribute ruler gives the very Doc spaCy's AttributeRuler gives."""

from __future__ import annotations

import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from app.config import get_settings
from app.extraction.attributes import COMPONENT, compile_ruler, use_fast_attributes

# Invented sentences touching every kind of rule in the model's ruler: tag maps, word
# exceptions (pronouns, modals, `'d`), dependency tests (aux, expletive `there`, `but`
# as adverb), two-token patterns (`ai n't`, `gon na`), regexes (`nothin'`) and spaces.
TEXTS = [
    "There was no deal, but the envoy said she'd return.\n\nThey ain't gonna sign it, he said.",
    "I'd have thought nothin' would change; y' know, the talks were stalled.",
    "Those who had left were   told that this was all.  \n The ministry's aides did not reply.",
    "Is it true? We're sure it is n't, and you've been warned: don't go.",
]
_ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]


def test_fast_attributes_equal_the_stock_ruler():
    model = get_settings().spacy_model
    stock = spacy.load(model)
    fast = use_fast_attributes(spacy.load(model))
    assert COMPONENT in fast.pipe_names and "attribute_ruler" not in fast.pipe_names
    for text in TEXTS:
        expected, got = stock(text), fast(text)
        assert [t.pos_ for t in got] == [t.pos_ for t in expected]
        assert (got.to_array(_ATTRS) == expected.to_array(_ATTRS)).all(), text


def test_a_ruler_with_an_unsupported_pattern_stays_stock():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"FUZZY": "envoy"}}]], {"POS": "NOUN"})
    assert compile_ruler(ruler) is None
    assert "attribute_ruler" in use_fast_attributes(nlp).pipe_names

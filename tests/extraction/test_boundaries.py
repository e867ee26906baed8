"""Where a reported statement's content starts and ends: one test per boundary rule."""

from __future__ import annotations

from spacy.tokens import Doc

from app.extraction import Extractor
from app.extraction.candidates import trim_tokens
from app.extraction.cues import _reported_modal_conjunct, _skip_misparsed_that


def _contents(extractor: Extractor, text: str) -> list[str]:
    return [s.content.text.strip().rstrip(".,") for s in extractor.extract(text).statements]


# Start of the content ---------------------------------------------------------

def test_sentence_opening_and_is_not_content(extractor):
    text = "And the new bridge, the mayor said, will open before the winter."
    assert _contents(extractor, text) == ["the new bridge, the mayor said, will open before the winter"]


def test_linking_adverb_with_comma_is_not_content(extractor):
    text = "However, the dam is safe and needs no repairs, the engineer told reporters."
    assert _contents(extractor, text) == ["the dam is safe and needs no repairs"]


def test_dateline_with_horizontal_bar_is_not_content(extractor):
    text = "OSLO ― The fishing quota will rise next year, the ministry said."
    assert _contents(extractor, text) == ["The fishing quota will rise next year"]


def test_that_right_after_the_cue_is_not_content(extractor):
    # The parser makes this `that` the clause's subject; as after any cue it opens the clause.
    text = "The coach said that would change the way the club trains."
    assert _contents(extractor, text) == ["would change the way the club trains"]


def test_complementiser_labelled_as_adverb_is_skipped(nlp):
    words = ["She", "announced", "that", "he", "had", "resigned", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 5, 5, 5, 1, 1],
              deps=["nsubj", "ROOT", "advmod", "nsubj", "aux", "ccomp", "punct"])
    assert _skip_misparsed_that(doc[5], 2) == 3


# End of the content -----------------------------------------------------------

def test_dangling_conjunction_is_trimmed(nlp):
    doc = nlp("The ferry would sail at noon, and")
    start, end = trim_tokens(doc, 0, len(doc))
    assert doc[start:end].text == "The ferry would sail at noon"


def test_and_clause_with_own_subject_continues_the_report(extractor):
    text = ("The harbour authority said the ferry would resume service in April, "
            "and the old terminal will close for repairs.")
    assert _contents(extractor, text) == [
        "the ferry would resume service in April, and the old terminal will close for repairs"]


def test_subjectless_modal_conjunct_continues_the_report(extractor):
    text = ("A lawyer for the pilot, Maria Lund, stressed that her client was willing to testify in private, "
            "but would not be part of a televised hearing.")
    assert _contents(extractor, text) == [
        "her client was willing to testify in private, but would not be part of a televised hearing"]


def test_modal_conjunct_after_an_adverbial_clause(extractor):
    text = ("The tax office says it would lose money in the first year as firms delayed payments, "
            "but would eventually collect $2 billion more over a decade.")
    assert _contents(extractor, text) == [
        "it would lose money in the first year as firms delayed payments, "
        "but would eventually collect $2 billion more over a decade"]


def test_bare_modal_conjunct_is_not_reported(nlp):
    # `said X, but would not elaborate`: the speaker's own act, not part of what was said.
    words = ["He", "said", "it", "was", "late", ",", "but", "would", "not", "elaborate", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 3, 1, 3, 1, 1, 9, 9, 1, 1],
              deps=["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct", "cc", "aux", "neg", "conj", "punct"],
              pos=["PRON", "VERB", "PRON", "AUX", "ADJ", "PUNCT", "CCONJ", "AUX", "PART", "VERB", "PUNCT"])
    assert not _reported_modal_conjunct(doc[9])


def test_modal_conjunct_with_a_complement_is_reported(nlp):
    words = ["He", "said", "it", "was", "late", ",", "but", "would", "arrive", "today", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 3, 1, 3, 1, 1, 8, 1, 8, 1],
              deps=["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct", "cc", "aux", "conj", "npadvmod", "punct"],
              pos=["PRON", "VERB", "PRON", "AUX", "ADJ", "PUNCT", "CCONJ", "AUX", "VERB", "NOUN", "PUNCT"])
    assert _reported_modal_conjunct(doc[8])


def test_quote_closing_before_its_clause_ends_is_mixed(extractor):
    text = "“Ticket prices will fall” by the end of the season, the club's chairman said."
    statements = list(extractor.extract(text).statements)
    # (An opening mark at the edge may stay: the span is the reported clause either way.)
    assert [(s.kind, s.content.text.lstrip("“")) for s in statements] == [
        ("mixed", "Ticket prices will fall” by the end of the season")]


def test_quote_closing_its_clause_stays_direct(extractor):
    text = "“Ticket prices will fall,” the club's chairman said."
    statements = list(extractor.extract(text).statements)
    assert [(s.kind, s.content.text.rstrip(",")) for s in statements] == [("direct", "Ticket prices will fall")]

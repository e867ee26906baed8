"""Properties that hold for any text: offsets index it, spans nest sanely, nothing crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extraction import Extractor

NAMES = ["Elsa Varg", "Tomas Ekdal", "the envoy", "She", "Ostland", "the opposition"]
VERBS = ["said", "told reporters", "added", "warned", "insisted", "urged the sides"]
CLAUSES = ["the talks would resume", "the border stays shut", "to release the detainees", "aid must flow"]
QUOTES = ["We will go", "Not now", "This is a deliberate attack", "We are ready to sign"]
RESOLUTION_METHODS = {"name", "surname", "pronoun", "title", "group", "description"}
MARKS = [("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb"), ("'", "'")]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    name, verb = draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS))
    opening, closing = draw(st.sampled_from(MARKS))
    quote = draw(st.sampled_from(QUOTES))
    forms = [
        f"{name} {verb} that {draw(st.sampled_from(CLAUSES))}.",
        f"{opening}{quote},{closing} {name} {verb}.",
        f"{name} {verb}: {opening}{quote}.{closing}",
        f"{opening}{quote},{closing} {name} said, {opening}but {quote.lower()}.{closing}",
        f"According to {name}, {draw(st.sampled_from(CLAUSES))}.",
        draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)),
    ]
    return draw(st.sampled_from(forms))


articles = st.lists(sentences(), min_size=1, max_size=6).map(
    lambda parts: "".join(p + ("\n\n" if i % 2 else " ") for i, p in enumerate(parts))
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=articles)
def test_spans_index_the_text(extractor: Extractor, text: str) -> None:
    result = extractor.extract(text)
    spans = []
    for statement in result.statements:
        for span in (statement.content, statement.speaker_mention, statement.cue):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert text[span.start : span.end] == span.text
        assert 0.0 <= statement.confidence <= 1.0
        if statement.speaker is not None:
            # Every resolution says how it was made and from which words.
            assert statement.speaker.method in RESOLUTION_METHODS
            assert statement.speaker.matched
            assert 0.0 < statement.speaker.confidence <= 1.0
        spans.append((statement.content.start, statement.content.end))
    for position in result.positions:
        assert text[position.content.start : position.content.end] == position.content.text
        if position.statement_index is not None:
            assert 0 <= position.statement_index < len(result.statements)
    # Two statements never claim the same stretch of text twice over.
    assert len(spans) == len(set(spans))
    for (a_start, a_end), (b_start, b_end) in zip(sorted(spans), sorted(spans)[1:]):
        overlapping = b_start < a_end
        nested = a_start <= b_start and b_end <= a_end
        assert not overlapping or nested, (text, spans)

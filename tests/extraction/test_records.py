"""Eval record conversion."""

from __future__ import annotations

from app.extraction import EXTRACTOR_VERSION, to_eval_record


def test_record_has_schema_fields(extractor):
    text = "“The port will reopen,” Dana Holm said."
    extraction = extractor.extract(text)
    assert extraction.extractor_version == EXTRACTOR_VERSION
    record = to_eval_record("x-1", text, extraction, title="T", published_at="2024-01-02")
    assert record["id"] == "x-1" and record["title"] == "T" and record["published_at"] == "2024-01-02"
    (quote,) = record["quotes"]
    start, end = quote["content"]
    assert text[start:end].rstrip(",") == "The port will reopen"
    assert quote["kind"] == "direct"
    assert quote["speaker"] == "Dana Holm"
    s_start, s_end = quote["speaker_span"]
    assert text[s_start:s_end] == "Dana Holm"
    assert isinstance(record["positions"], list)

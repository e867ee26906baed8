"""Helpers the extraction tests share: statements of a text and their trimmed contents."""

from __future__ import annotations

from app.extraction import Extractor, Statement


def statements(extractor: Extractor, text: str) -> list[Statement]:
    return list(extractor.extract(text).statements)


def one(extractor: Extractor, text: str) -> Statement:
    """The single statement of `text` (fails, listing them, when there are more or none)."""
    found = statements(extractor, text)
    assert len(found) == 1, [s.content.text for s in found]
    return found[0]


def trimmed(statement: Statement) -> str:
    """The content without surrounding spaces and a final full stop or comma."""
    return statement.content.text.strip().rstrip(".,")


def speaker_names(extractor: Extractor, text: str) -> list[str | None]:
    """The resolved speaker of each statement of `text`, in order."""
    return [s.speaker.name if s.speaker else None for s in statements(extractor, text)]

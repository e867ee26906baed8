"""Turns an Extraction into one eval record (format: shared/eval/SCHEMA.md)."""

from __future__ import annotations

from app.extraction.types import Extraction, Span


def _pair(span: Span | None) -> list[int] | None:
    return [span.start, span.end] if span is not None else None


def to_eval_record(
    record_id: str,
    text: str,
    extraction: Extraction,
    *,
    title: str | None = None,
    published_at: str | None = None,
) -> dict:
    """One JSONL record: `He said: “We go.”` gives quotes=[{"kind": "direct",
    "content": [10, 16], "cue": [3, 7], "speaker_span": [0, 2], ...}]."""
    quotes = [
        {
            "kind": s.kind,
            "content": _pair(s.content),
            "cue": _pair(s.cue),
            "speaker_span": _pair(s.speaker_mention),
            "speaker": s.speaker.name if s.speaker else None,
            "venue": s.venue.name if s.venue else None,
        }
        for s in extraction.statements
    ]
    positions = [
        {
            "actor": p.actor.name if p.actor else None,
            "type": p.type,
            "content": _pair(p.content),
            "target": p.target.name if p.target else None,
            "venue": p.venue.name if p.venue else None,
        }
        # `did not demand X` is kept (flagged) for the API but states no stance.
        for p in extraction.positions
        if not p.negated
    ]
    return {
        "id": record_id,
        "text": text,
        "title": title,
        "published_at": published_at,
        "quotes": quotes,
        "positions": positions,
    }

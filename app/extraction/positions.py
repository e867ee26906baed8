"""Negotiation positions (demand, reject, propose, ...) from statements and narrative."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc

from app.extraction.types import Position, Statement


def extract_positions(doc: Doc, statements: Sequence[Statement], published_on: date | None) -> list[Position]:
    """`Russia rejected the proposal.` yields a reject position by Russia with content `the proposal`."""
    return []

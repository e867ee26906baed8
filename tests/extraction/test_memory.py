"""The engine keeps nothing of an article once its results are returned."""

from __future__ import annotations

import gc

from spacy.tokens import Doc

from app.extraction import Extractor

TEXTS = [
    "Ana Ruiz, the envoy, said on Monday that the talks would resume. \u201cWe are ready,\u201d she added.",
    "At the Lisbon fisheries conference, Norvia proposed new quotas, and Ostland rejected them.",
]


def live_docs() -> int:
    gc.collect()
    return sum(isinstance(o, Doc) for o in gc.get_objects())


def test_no_parsed_article_outlives_its_extraction(extractor: Extractor) -> None:
    before = live_docs()  # other tests' fixtures may hold parses of their own
    results = list(extractor.extract_many((text, None) for text in TEXTS * 3))
    assert all(r.statements or r.positions for r in results)
    # Per-Doc caches live in the Doc's user_data; a module-level cache keyed by Doc
    # would keep every article ever parsed alive (the server's memory would only grow).
    assert live_docs() == before

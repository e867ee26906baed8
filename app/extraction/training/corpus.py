"""The annotated training corpus, read and parsed once (optionally cached as a DocBin)."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.tokens import Doc, DocBin

from app.extraction.pipeline import load_nlp


def parsed_corpus(path: Path, model: str, cache: Path | None) -> tuple[list[dict], list[Doc]]:  # type: ignore[type-arg]
    """The JSONL records of `path` and their parses; a `cache` file is read when it
    exists and written when it does not (parsing PolNeAR train takes minutes)."""
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    nlp = load_nlp(model)
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((r["text"] for r in records), batch_size=16))
        if cache is not None:
            DocBin(docs=docs).to_disk(cache)
    return records, docs

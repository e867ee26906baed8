"""Pure attribution engine: article text (+ published date) in, typed results out.

Never imports fastapi, sqlmodel or app.models. Stages, each a module of its own:
quotes (direct quotes) -> cues (reported speech) -> speakers (mention + resolution)
-> venues -> dates -> positions; `pipeline.Extractor` runs them in order.
"""

from app.extraction.gazetteer import venue_variants
from app.extraction.pipeline import EXTRACTOR_VERSION, Extractor, load_nlp
from app.extraction.records import to_eval_record
from app.extraction.types import (
    ActorRef,
    Extraction,
    Position,
    Span,
    Statement,
    VenueRef,
)

__all__ = [
    "EXTRACTOR_VERSION",
    "ActorRef",
    "Extraction",
    "Extractor",
    "Position",
    "Span",
    "Statement",
    "VenueRef",
    "load_nlp",
    "to_eval_record",
    "venue_variants",
]

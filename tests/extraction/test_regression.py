"""The figures on the in-repo annotated set must not fall below what they are now."""

from __future__ import annotations

from app.evaluation import misses, partial_f1
from app.extraction import Extractor, to_eval_record
from tests.extraction.mini_gold import records

# Raise these when the engine improves; never lower them to make a change pass.
FLOOR = {"f1": 1.0, "speaker": 1.0}


def test_mini_gold_stays_at_or_above_its_floor(extractor: Extractor) -> None:
    gold = records()
    predicted = {r["id"]: to_eval_record(r["id"], r["text"], extractor.extract(r["text"])) for r in gold}
    scores = partial_f1(gold, predicted)
    report = "\n".join(f"{m.kind} [{m.record_id}] {m.text}" for m in misses(gold, predicted))
    for measure, floor in FLOOR.items():
        assert scores[measure] >= floor, f"{measure} {scores[measure]:.3f} < {floor}\n{report}"

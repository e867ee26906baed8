"""What the extractor gets wrong on a gold file: the `--errors` of `parley eval`.

The figures themselves come from the shared scorer; this module matches the same
way (token Jaccard ≥ 0.5, one to one, best overlap first) so a person can read
the misses: gold quotes not found, predictions with no gold, wrong speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

TOKEN = re.compile(r"\w+")
MIN_JACCARD = 0.5


@dataclass(frozen=True)
class Miss:
    kind: str  # missed | spurious | wrong speaker
    record_id: str
    weight: int  # words at stake: bigger misses first
    text: str  # the span, with a little context


def _tokens(text: str, span: list[int] | None) -> frozenset[int]:
    if not span:
        return frozenset()
    start, end = span
    return frozenset(m.start() for m in TOKEN.finditer(text) if start <= m.start() < end)


def match(text: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (gold index, prediction index), one to one, best overlap first."""
    gold_tokens = [_tokens(text, q.get("content")) for q in gold]
    pred_tokens = [_tokens(text, q.get("content")) for q in pred]
    scored = []
    for g, gt in enumerate(gold_tokens):
        for p, pt in enumerate(pred_tokens):
            if gt and pt:
                jaccard = len(gt & pt) / len(gt | pt)
                if jaccard >= MIN_JACCARD:
                    scored.append((-jaccard, g, p))
    pairs, used_g, used_p = [], set(), set()
    for _, g, p in sorted(scored):
        if g not in used_g and p not in used_p:
            pairs.append((g, p))
            used_g.add(g)
            used_p.add(p)
    return pairs


def _context(text: str, span: list[int], width: int = 60) -> str:
    start, end = span
    before = text[max(0, start - width) : start].replace("\n", " ")
    after = text[end : end + width].replace("\n", " ")
    return f"…{before}[{text[start:end]}]{after}…"


def _same_actor(a: object, b: object) -> bool:
    names = a if isinstance(a, list) else [a]
    if not b or not any(names):
        return not b and not any(names)
    last = str(b).split()[-1].casefold()
    return any(n and (str(n).casefold() == str(b).casefold() or last in str(n).casefold().split()) for n in names)


def misses(gold_records: list[dict[str, Any]], predicted: dict[str, dict[str, Any]]) -> list[Miss]:
    """Every miss of every record, biggest first."""
    found: list[Miss] = []
    for record in gold_records:
        text, rid = record["text"], str(record["id"])
        gold = record.get("quotes") or []
        pred = (predicted.get(rid) or {}).get("quotes") or []
        pairs = match(text, gold, pred)
        matched_g = {g for g, _ in pairs}
        matched_p = {p for _, p in pairs}
        for g, quote in enumerate(gold):
            if g not in matched_g and quote.get("content"):
                size = len(_tokens(text, quote["content"]))
                found.append(Miss("missed", rid, size, f"{quote.get('kind')}: {_context(text, quote['content'])}"))
        for p, quote in enumerate(pred):
            if p not in matched_p and quote.get("content"):
                size = len(_tokens(text, quote["content"]))
                found.append(Miss("spurious", rid, size, f"{quote.get('kind')}: {_context(text, quote['content'])}"))
        for g, p in pairs:
            want, got = gold[g].get("speaker"), pred[p].get("speaker")
            if want and not _same_actor(want, got):
                size = len(_tokens(text, gold[g]["content"]))
                found.append(Miss("wrong speaker", rid, size,
                                  f"gold {want!r}, predicted {got!r}: {_context(text, gold[g]['content'], 30)}"))
    return sorted(found, key=lambda m: -m.weight)


def partial_f1(gold_records: list[dict[str, Any]], predicted: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Partial-match P/R/F1 over all quotes and the share of matched quotes whose speaker is right."""
    n_gold = n_pred = n_match = speaker_right = speaker_total = 0
    for record in gold_records:
        gold = record.get("quotes") or []
        pred = (predicted.get(str(record["id"])) or {}).get("quotes") or []
        pairs = match(record["text"], gold, pred)
        n_gold, n_pred, n_match = n_gold + len(gold), n_pred + len(pred), n_match + len(pairs)
        for g, p in pairs:
            if gold[g].get("speaker"):
                speaker_total += 1
                speaker_right += _same_actor(gold[g]["speaker"], pred[p].get("speaker"))
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "speaker": speaker_right / speaker_total if speaker_total else 0.0}

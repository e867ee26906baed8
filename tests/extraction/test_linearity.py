"""Work per article grows linearly with its length, checked by counting what the quote
stage looks at (calls, tokens listed), never by timing."""

from __future__ import annotations

import random

from app.extraction import quotes
from app.extraction.candidates import paragraph_bounds
from app.extraction.pipeline import find_candidates


def test_scan_checks_each_closing_mark_once_in_a_paragraph_of_stray_apostrophes(monkeypatch) -> None:
    # Every `'x` can open a quotation and none can close it: scanning ahead from each one
    # would test every later mark, n*n/2 checks.
    marks = 3000
    text = " ".join(["'x"] * marks)
    calls = 0
    real = quotes._can_close

    def counting(text: str, i: int) -> bool:
        nonlocal calls
        calls += 1
        return real(text, i)

    monkeypatch.setattr(quotes, "_can_close", counting)
    found = quotes.find_quoted(text)
    assert found == []
    assert calls <= 2 * marks


def test_quotations_in_one_long_paragraph_list_a_bounded_number_of_tokens(nlp, monkeypatch) -> None:
    # One paragraph of many quotations: each must look at its own sentence, not at the
    # whole paragraph before it.
    sentence = 'Ana Ruiz said: "We will go there soon." Then the talks ended. '
    text = sentence * 150
    doc = nlp(text)
    listed = 0
    real = quotes._tokens_between

    def counting(*args, **kwargs):
        nonlocal listed
        tokens = real(*args, **kwargs)
        listed += len(tokens)
        return tokens

    monkeypatch.setattr(quotes, "_tokens_between", counting)
    candidates = find_candidates(doc)
    assert sum(c.kind == "direct" for c in candidates) == 150
    assert listed <= 2 * len(doc)


def test_paragraph_bounds_agree_with_scanning_the_text() -> None:
    rng = random.Random(3)
    text = "".join(rng.choice("ab \n") for _ in range(400))
    for at in range(len(text) + 1):
        end = text.find("\n", at)
        assert paragraph_bounds(text, at) == (text.rfind("\n", 0, at) + 1, len(text) if end == -1 else end)

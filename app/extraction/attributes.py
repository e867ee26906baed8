"""The model's attribute ruler (tag -> POS, morphology and lemma exceptions), applied by
table lookup instead of spaCy's Matcher.

The stock `attribute_ruler` runs a Matcher with its ~180 token patterns over every Doc:
about an eighth of the whole pipeline's time, more than the parser's own transitions. The
patterns are almost all one-token tests of TAG, LOWER, DEP and IS_SPACE, so the rules
that fire for a token depend only on those four values: we look the combination up once
(memoised), apply the same attribute sets in the same order through spaCy's own
`set_token_attrs`, and get the very same Doc. Multi-token patterns are checked where
their first token can match. A ruler with a pattern this does not understand is left as
it is (see `compile_ruler`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

COMPONENT = "parley_attributes"
# Token attributes a pattern may test, in the order of a token's row.
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]

Spec = dict[str, Any]
Test = Callable[[tuple[int, ...]], bool]


@dataclass(frozen=True)
class Rule:
    """One pattern of the ruler: its precedence, token tests, and the attributes it sets on
    the token at `index` of the match."""

    order: int
    tests: tuple[Test, ...]
    first_lowers: frozenset[int] | None  # LOWER values the first token must have, if fixed
    index: int
    attrs: dict[Any, Any]


class FastAttributes:
    """Callable pipeline component equivalent to an AttributeRuler (see the module docstring).

    A token's key is (TAG, LOWER, DEP, IS_SPACE, regex bits): LOWER only when some rule
    names that word (others share -1, so the memo stays as small as the rules), and one
    bit per LOWER regex the word matches."""

    def __init__(self, single: list[Rule], multi: list[Rule], tested_lowers: frozenset[int],
                 regexes: list[re.Pattern[str]], strings: Any) -> None:
        self.single = single
        self.multi_by_lower: dict[int, list[Rule]] = {}
        self.multi_anywhere: list[Rule] = []
        for rule in multi:
            if rule.first_lowers is None:
                self.multi_anywhere.append(rule)
            for lower in rule.first_lowers or ():
                self.multi_by_lower.setdefault(lower, []).append(rule)
        self.tested_lowers = tested_lowers
        self.regexes = regexes
        self.strings = strings
        self._regex_bits: dict[int, int] = {}
        self._memo: dict[tuple[int, ...], list[Rule]] = {}

    def _key(self, tag: int, lower: int, dep: int, space: int) -> tuple[int, ...]:
        bits = self._regex_bits.get(lower)
        if bits is None:
            word = self.strings[lower]
            bits = self._regex_bits[lower] = sum(1 << n for n, r in enumerate(self.regexes) if r.search(word))
        return tag, lower if lower in self.tested_lowers else -1, dep, space, bits

    def __call__(self, doc: Doc) -> Doc:
        keys = [self._key(*row) for row in doc.to_array(_ARRAY_ATTRS).tolist()]
        # Every match first (on the Doc as the ruler found it), then the attributes in rule
        # order, later rules last, as AttributeRuler does.
        fired: dict[int, list[Rule]] = {}
        for i, key in enumerate(keys):
            rules = self._memo.get(key)
            if rules is None:
                rules = self._memo[key] = [r for r in self.single if r.tests[0](key)]
            if rules:
                fired.setdefault(i, []).extend(rules)
            for rule in self.multi_by_lower.get(key[1], []) + self.multi_anywhere:
                end = i + len(rule.tests)
                if end <= len(keys) and all(test(keys[i + k]) for k, test in enumerate(rule.tests)):
                    target = (i if rule.index >= 0 else end) + rule.index
                    fired.setdefault(target, []).append(rule)
        for i, rules in fired.items():
            rules.sort(key=lambda r: r.order)
            for rule in rules:
                set_token_attrs(doc[i], rule.attrs)
        return doc


def _hash(name: str, value: Any, strings: Any) -> int:
    if name == "IS_SPACE":
        return int(bool(value))
    return strings.add(value) if isinstance(value, str) else int(value)


class _Compiler:
    """Turns pattern specs into tests over token keys, collecting the words and regexes."""

    def __init__(self, strings: Any) -> None:
        self.strings = strings
        self.tested_lowers: set[int] = set()
        self.regexes: list[re.Pattern[str]] = []

    def condition(self, name: str, value: Any) -> Test | None:
        if name not in _KEYS:
            return None
        position = _KEYS.index(name)
        if not isinstance(value, dict):
            value = {"IN": [value]}
        if len(value) != 1:
            return None
        (op, argument), = value.items()
        if op == "REGEX" and name == "LOWER":
            bit = 1 << len(self.regexes)
            self.regexes.append(re.compile(argument))
            return lambda key: bool(key[4] & bit)
        if op not in ("IN", "NOT_IN"):
            return None
        values = frozenset(_hash(name, v, self.strings) for v in argument)
        if name == "LOWER":
            self.tested_lowers |= values
        if op == "IN":
            return lambda key: key[position] in values
        return lambda key: key[position] not in values

    def token_test(self, spec: Spec) -> Test | None:
        conditions = [self.condition(name, value) for name, value in spec.items()]
        if any(c is None for c in conditions):
            return None
        return lambda key: all(c(key) for c in conditions)  # type: ignore[misc]


def _first_lowers(spec: Spec, strings: Any) -> frozenset[int] | None:
    lower = spec.get("LOWER")
    if isinstance(lower, str):
        return frozenset({strings.add(lower)})
    if isinstance(lower, dict) and set(lower) == {"IN"}:
        return frozenset(strings.add(v) for v in lower["IN"])
    return None


def compile_ruler(ruler: AttributeRuler) -> FastAttributes | None:
    """The table-lookup equivalent of `ruler`, or None when a pattern uses an attribute or
    operator it does not handle (the stock ruler then stays)."""
    strings = ruler.vocab.strings
    compiler = _Compiler(strings)
    single: list[Rule] = []
    multi: list[Rule] = []
    # `ruler.patterns` has one entry per rule, in the order of `attrs` and `indices`.
    for order, (entry, attrs, index) in enumerate(zip(ruler.patterns, ruler.attrs, ruler.indices)):
        for pattern in entry["patterns"]:
            tests = [compiler.token_test(spec) for spec in pattern]
            if not tests or any(t is None for t in tests):
                return None
            rule = Rule(order, tuple(tests), _first_lowers(pattern[0], strings), index, attrs)  # type: ignore[arg-type]
            (single if len(tests) == 1 else multi).append(rule)
    return FastAttributes(single, multi, frozenset(compiler.tested_lowers), compiler.regexes, strings)


class UnsupportedRuler(ValueError):
    """The ruler has a pattern `compile_ruler` does not handle."""


@Language.factory(COMPONENT)
def make_fast_attributes(nlp: Language, name: str) -> FastAttributes:
    """Built beside the pipeline's `attribute_ruler`, which `use_fast_attributes` then removes."""
    fast = compile_ruler(nlp.get_pipe("attribute_ruler"))
    if fast is None:
        raise UnsupportedRuler(name)
    return fast


def use_fast_attributes(nlp: Language) -> Language:
    """Swap the pipeline's `attribute_ruler` for its table-lookup equivalent (once), when
    every one of its patterns is supported."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    try:
        nlp.add_pipe(COMPONENT, after="attribute_ruler")
    except UnsupportedRuler:
        return nlp  # the stock ruler stays
    nlp.remove_pipe("attribute_ruler")
    return nlp

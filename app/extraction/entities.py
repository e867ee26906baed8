"""The model's named-entity recogniser, run only on the stretches of text that can hold
an entity.

The NER is the dearest stage of the small English pipeline: it has its own
token-to-vector network, and on news it takes about half of the model's time. But an
entity needs a trigger: a word with a capital letter or a digit (names, places, dates,
`U.S.`, `9:30`), or a time word (`last week`, `yesterday morning`). And the recogniser
only sees a few words around each token: its CNN is 4 layers of window 1, so a token's
vector depends on 4 tokens either side. So we keep every token within `WINDOW` tokens
of a trigger, join the stretches into one Doc (a join starts a sentence, so no entity
runs across it), run the NER on that, and copy its entities back. Sentences without a
trigger (a third to a half of news text) are never read by it.

On the PolNeAR dev texts this keeps about 64 % of the tokens; 99.4 % of the entities it
finds are the full NER's, and it misses 4 % of those, nearly all number words (`two`,
`first`: CARDINAL, ORDINAL) that no stage reads (`tests/extraction/test_entities.py`
keeps it honest on our own texts).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

COMPONENT = "parley_entities"
# Tokens of context kept on each side of a trigger: the NER's receptive field.
WINDOW = 4

# Lower-case words that head DATE and TIME entities (`the past decade`, `last night`).
TIME_WORDS = frozenset(
    "today tonight tomorrow yesterday morning afternoon evening night noon midnight "
    "day days week weeks weekend weekends month months year years decade decades century "
    "centuries hour hours minute minutes season summer winter spring autumn fall "
    "annual annually daily weekly monthly hourly yearly earlier later ago recent recently".split()
)


def _triggers(doc: Doc) -> Iterator[int]:
    """Indexes of the tokens an entity could be built on."""
    for token in doc:
        text = token.text
        if text[:1].isupper():
            # A sentence-opening `The` or `He` is capitalised by position only.
            if not (token.is_sent_start and token.is_stop):
                yield token.i
        elif token.lower_ in TIME_WORDS or any(ch.isdigit() for ch in text):
            yield token.i


def kept_tokens(doc: Doc, window: int = WINDOW) -> list[int]:
    """Indexes of the tokens the NER reads: every token within `window` of a trigger."""
    keep = bytearray(len(doc))
    for i in _triggers(doc):
        start, end = max(0, i - window), min(len(doc), i + window + 1)
        keep[start:end] = b"\x01" * (end - start)
    return [i for i, kept in enumerate(keep) if kept]


class SelectiveEntities:
    """Pipeline component around the model's NER (see the module docstring)."""

    def __init__(self, ner: Any) -> None:
        self.ner = ner

    def _excerpt(self, doc: Doc) -> tuple[Doc, list[int]]:
        """The kept tokens as one Doc, with the index of each in `doc`."""
        kept = kept_tokens(doc)
        words = [doc[i].text for i in kept]
        spaces = [bool(doc[i].whitespace_) for i in kept]
        # A join starts a sentence; elsewhere the sentence starts already found stay.
        starts = [n == 0 or i != kept[n - 1] + 1 or doc[i].is_sent_start is True for n, i in enumerate(kept)]
        return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts), kept

    @staticmethod
    def _copy_back(doc: Doc, excerpt: Doc, kept: list[int]) -> Doc:
        spans = []
        for ent in excerpt.ents:
            start, end = kept[ent.start], kept[ent.end - 1] + 1
            if end - start == len(ent):  # never across a join
                spans.append(Span(doc, start, end, label=ent.label))
        doc.ents = spans
        return doc

    def __call__(self, doc: Doc) -> Doc:
        excerpt, kept = self._excerpt(doc)
        return self._copy_back(doc, self.ner(excerpt), kept)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        docs = iter(docs)
        while batch := list(islice(docs, batch_size)):
            excerpts = [self._excerpt(doc) for doc in batch]
            found = self.ner.pipe([excerpt for excerpt, _ in excerpts], batch_size=batch_size)
            for doc, (_, kept), excerpt in zip(batch, excerpts, found):
                yield self._copy_back(doc, excerpt, kept)


@Language.factory(COMPONENT)
def make_selective_entities(nlp: Language, name: str) -> SelectiveEntities:
    """Built beside the pipeline's `ner`, which `use_selective_entities` then takes in."""
    return SelectiveEntities(nlp.get_pipe("ner"))


def use_selective_entities(nlp: Language) -> Language:
    """Run the pipeline's NER only where an entity can be (once)."""
    if "ner" not in nlp.pipe_names or COMPONENT in nlp.pipe_names:
        return nlp
    nlp.add_pipe(COMPONENT, after="ner")
    # Kept out of the run but not removed: the component calls it.
    nlp.disable_pipe("ner")
    return nlp

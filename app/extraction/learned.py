"""Reported speech the cue lexicon misses, found by a small statistical model.

Every verb outside the lexicon that has a reported-looking complement (a clause, a `to`
infinitive, an object, or a clause it is set inside) is a proposal; a logistic model
trained on PolNeAR train (`python -m app.extraction.training.cue_model`, artifact
data/cue_model.json) scores it from parse features, and proposals above the threshold
become indirect candidates. `Analysts believe the deal will hold.` yields content
`the deal will hold` with cue `believe` when the model scores `believe` as a cue.

Pure numpy-free arithmetic at run time: a proposal has a few dozen string features,
the score is the sum of their weights.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from app.extraction.candidates import Candidate, char_span, clip_to_paragraph, is_quote_token, sentence_of, text_of, tokens_of, trim_tokens
from app.extraction.cues import content_of, cue_of, is_hedged_or_hypothetical
from app.extraction.lexicons import Cue, data_json, word_set
from app.extraction.mentions import mention_for
from app.extraction.reported import as_clause_content, parenthetical_content

ARTIFACT = "cue_model.json"
# Content of these frames: the same precedence as the lexicon's `content_of`.
_FRAME_OF_CONFIDENCE = {0.85: "clause", 0.8: "inf", 0.75: "clause_rel", 0.7: "np", 0.6: "clause_obj"}
_OPEN_CUE = Cue("_learned", None, frozenset({"np", "inf"}))
_MODALS = {"would", "could", "might", "may", "will", "should", "can", "must"}
_PERSON_ENTS = {"PERSON", "NORP"}
_ORG_ENTS = {"ORG", "GPE"}
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
_PREPOSITIONS = {"for", "about", "on", "against", "of", "from", "to", "into", "with"}


@dataclass(frozen=True)
class Proposal:
    """A verb read as a cue: content token range [start, end) and how it was found."""

    verb: int
    start: int
    end: int
    frame: str


# Frames whose content is a clause: what GUIDELINES.md counts as reported speech. An object
# or infinitive (`expects no breakthrough`, `agreed to halt`, `aim to end`) is a topic or an
# act there, though PolNeAR marks it, so it needs the object threshold (off by default).
CLAUSE_FRAMES = frozenset({"clause", "clause_rel", "clause_obj", "parenthetical", "as"})
_RELATIVES = {"which", "that", "who", "whom", "whose", "what"}


@dataclass(frozen=True)
class CueModel:
    weights: dict[str, float]
    bias: float
    threshold: float  # for clause frames
    object_threshold: float  # for the other frames
    priors: dict[str, tuple[float, int]]  # lemma -> (train cue rate, verb uses)

    def passes(self, frame: str, p: float) -> bool:
        """Objects and infinitives keep to the (higher) object threshold."""
        return p >= (self.threshold if frame in CLAUSE_FRAMES else self.object_threshold)


@lru_cache(maxsize=1)
def cue_model() -> CueModel | None:
    """The trained artifact, loaded once; None when it has not been trained."""
    try:
        raw = data_json(ARTIFACT)
    except FileNotFoundError:
        return None
    return CueModel(raw["weights"], raw["bias"], raw["threshold"], raw["object_threshold"],
                    {k: (v[0], v[1]) for k, v in raw["priors"].items()})


def propose(token: Token) -> Proposal | None:
    """The content a verb would report if it were a cue: `Analysts believe the deal will
    hold` -> the range of `the deal will hold` (frame clause)."""
    if token.pos_ != "VERB":
        return None
    found = parenthetical_content(token)
    if found is not None:
        return Proposal(token.i, *found, "parenthetical")
    found = content_of(token, _OPEN_CUE, None)
    if found is not None:
        return Proposal(token.i, found[0], found[1], _FRAME_OF_CONFIDENCE.get(found[2], "clause"))
    found = as_clause_content(token)
    if found is not None:
        return Proposal(token.i, *found, "as")
    found = _object_content(token)
    if found is not None:
        return Proposal(token.i, *found, "np_short")
    found = _prepositional_object(token)
    if found is not None:
        return Proposal(token.i, found[0], found[1], f"prep_{found[2]}")
    return None


def _object_content(verb: Token) -> tuple[int, int] | None:
    """A short noun object (`backed the plan`), which the lexicon leaves to demands only."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.pos_ == "PRON":
        return None
    start, end = trim_tokens(verb.doc, obj.left_edge.i, obj.right_edge.i + 1)
    return (start, end) if end > start else None


def _prepositional_object(verb: Token) -> tuple[int, int, str] | None:
    """`voted for the plan`, `spoke about the deal`: the object of the first preposition
    right after the verb (or its particle)."""
    doc = verb.doc
    prep = next((c for c in verb.children if c.dep_ == "prep" and verb.i < c.i <= verb.i + 2
                 and c.lower_ in _PREPOSITIONS), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if obj is None or obj.pos_ == "PRON":
        return None
    start, end = trim_tokens(doc, obj.left_edge.i, obj.right_edge.i + 1)
    return (start, end, prep.lower_) if end > start else None


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def _kind_of(head: Token) -> str:
    lower = head.lower_
    if head.pos_ == "PRON":
        return "pron_person" if lower in ("he", "she", "i", "we", "they", "you") else "pron_other"
    if head.ent_type_ in _PERSON_ENTS:
        return "person"
    if head.ent_type_ in _ORG_ENTS:
        return "org"
    if lower in word_set("titles.txt") or lower in word_set("honorifics.txt"):
        return "title"
    if head.lemma_.lower() in word_set("documents.txt"):
        return "document"
    if head.pos_ == "PROPN":
        return "propn"
    return "noun_plural" if head.tag_ in ("NNS", "NNPS") else "noun"


def _bucket(n: int, edges: Sequence[int]) -> int:
    return next((i for i, edge in enumerate(edges) if n <= edge), len(edges))


def features(doc: Doc, proposal: Proposal, mention: tuple[int, int] | None,
             model_priors: dict[str, tuple[float, int]]) -> list[str]:
    """String features of one proposal (the model's input): lemma, its training cue rate,
    the frame, the verb's tag and dependency, who its subject is, the content's shape."""
    verb = doc[proposal.verb]
    lemma = verb.lemma_.lower()
    frame = proposal.frame
    rate, uses = model_priors.get(lemma, (0.0, 0))
    out = [f"lexicon={cue_of(verb) is not None}|{frame}", f"lemma={lemma}", f"frame={frame}", f"lemma_frame={lemma}|{frame}", f"tag={verb.tag_}",
           f"dep={verb.dep_}", f"frame_dep={frame}|{verb.dep_}", f"prior={_bucket(int(rate * 20), range(20))}",
           f"prior_frame={_bucket(int(rate * 10), range(10))}|{frame}", f"uses={_bucket(uses, (0, 2, 5, 20, 100))}"]
    length = proposal.end - proposal.start
    out.append(f"len={_bucket(length, (1, 2, 4, 7, 12, 20, 40))}")
    out.append(f"len_frame={_bucket(length, (2, 4, 7, 12))}|{frame}")
    first = doc[proposal.start]
    if first.tag_ in ("WP", "WRB", "WDT") or first.lower_ in ("if", "whether"):
        out.append("content_wh")
    if first.i > 0 and doc[first.i - 1].lower_ == "that":
        out.append("that_mark")
    if any(t.lower_ in _FIRST_PERSON for t in doc[proposal.start : proposal.end]):
        out.append("content_first_person")
    if any(t.pos_ in ("VERB", "AUX") for t in doc[proposal.start : proposal.end]):
        out.append(f"content_verb|{frame}")
    subject = _subject(verb)
    if subject is None:
        out.append("no_subject")
    else:
        out.append(f"subj={_kind_of(subject)}")
        out.append(f"subj_frame={_kind_of(subject)}|{frame}")
        if subject.i > verb.i:
            out.append("subj_after")
    if mention is None:
        out.append("no_mention")
    else:
        head = doc[mention[0] : mention[1]].root
        out.append(f"mention={_kind_of(head)}")
        out.append(f"mention_lemma={head.lemma_.lower()}")
    for child in verb.children:
        if child.dep_ == "neg":
            out.append("negated")
        elif child.dep_ == "aux" and child.lower_ in _MODALS:
            out.append(f"modal={child.lower_}")
        elif child.dep_ in ("dobj", "dative", "prep", "advmod", "npadvmod") and child.i > verb.i:
            out.append(f"child={child.dep_}")
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ == "VERB":
        out.append(f"head_lemma={verb.head.lemma_.lower()}")
    s_start, s_end = sentence_of(verb)
    if any(is_quote_token(t) for t in doc[s_start:s_end]):
        out.append("sentence_quotes")
    if proposal.start < verb.i:
        out.append(f"content_before|{frame}")
    return out


def probability(feature_names: Sequence[str], model: CueModel) -> float:
    score = model.bias + sum(model.weights.get(name, 0.0) for name in feature_names)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def proposals_for(doc: Doc, quoted_regions: Sequence[tuple[int, int]], taken: Sequence[Candidate]) -> Iterator[
        tuple[Proposal, tuple[int, int] | None, tuple[int, int]]]:
    """Proposals of a Doc outside quotations and outside what the rules already found
    (neither their cues nor their content),
    with their speaker mention and content character range."""
    text = text_of(doc)
    quoted_chars = bytearray(len(text) + 1)
    for q_start, q_end in quoted_regions:
        quoted_chars[q_start:q_end] = b"\x01" * (q_end - q_start)
    for found in taken:
        # A verb inside content already found is the speaker's own wording (`said the league
        # will continue backing the mayor`), not a further attribution.
        quoted_chars[found.start : found.end] = b"\x01" * (found.end - found.start)
    used_verbs = {c.verb for c in taken if c.verb is not None}
    spans = sorted((c.start, c.end) for c in taken)
    for token in tokens_of(doc):
        if token.pos_ != "VERB" or token.i in used_verbs or quoted_chars[token.idx]:
            continue
        if is_hedged_or_hypothetical(token):
            continue
        proposal = propose(token)
        if proposal is None:
            continue
        c_start, c_end = clip_to_paragraph(text, token.idx, *char_span(doc, proposal.start, proposal.end))
        if c_end - c_start < 3 or _covered(spans, c_start, c_end) or proposal.start <= token.i < proposal.end:
            continue  # (content holding its own cue is a misparse: `what he saw to be X`)
        mention = mention_for(doc, token)
        if mention is not None and (doc[mention[0] : mention[1]].root.lower_ in _RELATIVES
                                    or doc[mention[1] - 1].lower_ in _RELATIVES):
            mention = None  # `a resolution which ...`: no speaker to tie the content to
        yield proposal, mention, (c_start, c_end)


def _covered(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a found span already overlaps this one by half (the dedupe would drop it)."""
    for s, e in spans:
        if s >= end:
            break
        inter = min(e, end) - max(s, start)
        if inter > 0 and inter / (max(e, end) - min(s, start)) >= 0.5:
            return True
    return False


def find_learned(doc: Doc, quoted_regions: Sequence[tuple[int, int]], taken: Sequence[Candidate]) -> list[Candidate]:
    """Indirect candidates for verbs the model scores as cues (see the module docstring)."""
    model = cue_model()
    if model is None:
        return []
    out = []
    for proposal, mention, (c_start, c_end) in proposals_for(doc, quoted_regions, taken):
        if mention is None:
            continue
        p = probability(features(doc, proposal, mention, model.priors), model)
        if not model.passes(proposal.frame, p):
            continue
        verb = doc[proposal.verb]
        candidate = Candidate("indirect", c_start, c_end, (verb.idx, verb.idx + len(verb.text)), verb.i,
                              round(0.5 + 0.3 * p, 3), frame="learned")
        candidate.mention = mention
        out.append(candidate)
    return out

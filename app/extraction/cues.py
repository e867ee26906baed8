"""Reported speech: speech and cognition verbs, the clause they govern, `according to X`.

Works on the dependency parse. Each finding is a `Candidate`: the content span, the
cue, and the token the speaker mention hangs on; `speakers` turns that into a
mention and an actor, `pipeline` merges candidates with direct quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.extraction.lexicons import Cue, reporting_cues

# Particles that turn a verb into another cue (`call for`, `point out`).
_PARTICLES = {"for", "on", "out", "to", "of", "against"}
_MODALS_OF_HYPOTHESIS = {"would", "could", "might"}
_HEDGES = {"seem", "appear"}
_QUESTION_MARKS = {"if", "whether"}
# Cues that never take a plain object, so a long object holding a verb is a misparsed clause.
_CLAUSE_ONLY = {"say", "add", "claim", "state", "insist", "declare", "assert", "reply", "respond",
                "explain", "write", "argue", "contend", "announce", "reveal", "stress", "emphasize"}
# Cues whose content may be an indirect question (`questioned whether the vote was fair`).
_QUESTIONING = {"question", "wonder", "explain"}
_DATELINE_RE = re.compile(r"[A-Z][A-Z .,'’]+(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s*")
_QUOTE_CHARS = set("\"'“”‘’«»„")


@dataclass
class Candidate:
    """One statement before speaker resolution. Offsets are characters; `verb` is the
    token index of the cue (None for an unattributed quote); `inherit` is set when a
    bare quote takes the speaker of an earlier candidate."""

    kind: str
    start: int
    end: int
    cue: tuple[int, int] | None
    verb: int | None
    confidence: float
    inherit: Candidate | None = None
    mention: tuple[int, int] | None = None  # token range [a, b) of the speaker mention
    from_quote: bool = False
    frame: str = "clause"  # clause | inf | np | according | quote


def text_of(doc: Doc) -> str:
    """`Doc.text` rebuilds the string from the tokens on every access; keep it once."""
    text = doc.user_data.get("parley_text")
    if text is None:
        text = doc.user_data["parley_text"] = doc.text
    return text


def sentence_of(token: Token) -> tuple[int, int]:
    """Token range of the sentence holding `token`. `Token.sent` walks the whole Doc on
    every call; this indexes the sentences once per Doc."""
    doc = token.doc
    index = doc.user_data.get("parley_sentences")
    if index is None:
        index = [(0, 0)] * len(doc)
        for sentence in doc.sents:
            for i in range(sentence.start, sentence.end):
                index[i] = (sentence.start, sentence.end)
        doc.user_data["parley_sentences"] = index
    return index[token.i]


def cue_of(token: Token) -> tuple[Cue, Token | None] | None:
    """The lexicon cue a verb token starts, with its particle token.

    In `She called for a truce`, `called` yields the cue `call for` and the token `for`.
    """
    if token.pos_ not in ("VERB", "AUX") and token.lower_ != "according":
        return None
    cues = reporting_cues()
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("prt", "prep") and child.lower_ in _PARTICLES:
            cue = cues.get((lemma, child.lower_))
            if cue is not None:
                return cue, child
    cue = cues.get((lemma, None))
    return (cue, None) if cue is not None else None


def _is_quote_token(token: Token) -> bool:
    return all(char in _QUOTE_CHARS for char in token.text)


def trim_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without the complementiser and edge punctuation (quote marks kept
    at the end when the span also holds the opening mark)."""
    while start < end and (doc[start].is_punct and not _is_quote_token(doc[start]) or doc[start].is_space):
        start += 1
    if start < end and doc[start].lower_ in ("that",) and doc[start].dep_ == "mark":
        start += 1
    while start < end and (doc[start].is_punct and not _is_quote_token(doc[start]) or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if _is_quote_token(doc[end - 1]) and any(_is_quote_token(t) for t in doc[start : end - 1]):
            # Keep a closing mark only when the opening one is inside too.
            break
        end -= 1
    return start, end


def _subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _is_hedged_or_hypothetical(verb: Token) -> bool:
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _HEDGES:
        return True
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ in _MODALS_OF_HYPOTHESIS for c in verb.children)


def is_participle_cue(token: Token) -> bool:
    """`..., adding that ...`: a gerund cue hanging off a clause, a quote of its own."""
    return token.tag_ == "VBG" and token.dep_ in ("advcl", "conj", "xcomp") and cue_of(token) is not None


def _cut_participles(clause: Token, start: int, end: int) -> tuple[int, int]:
    """End a reported clause before a participle cue inside it (`X, adding that Y`)."""
    for token in clause.subtree:
        if token.i > clause.i and is_participle_cue(token) and token.left_edge.i > start:
            end = min(end, token.left_edge.i)
    return start, end


_CONTINUATIONS = ("in addition", "as well as", "including", "particularly", "especially", "notably")


def _continues_demand(child: Token) -> bool:
    if child.dep_ == "advcl" and child.tag_ == "VBG" and not is_participle_cue(child):
        return True
    phrase = child.doc[child.left_edge.i : child.left_edge.i + 3].text.lower()
    if child.dep_ == "prep" and child.lower_ in ("as", "for", "of"):
        return True  # `dismissed X as Y`, `criticized X for Y`: the judgement itself
    return child.dep_ in ("prep", "cc", "advmod") and phrase.startswith(_CONTINUATIONS)


def _content_of(verb: Token, cue: Cue, particle: Token | None) -> tuple[int, int, float] | None:
    """Token range of what `verb` reports and a confidence, or None."""
    doc = verb.doc
    children = list(verb.children)
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if clauses:
        clause = min(clauses, key=lambda c: abs(c.i - verb.i))
        wh_clause = clause.left_edge.tag_ in ("WP", "WRB", "WDT") or clause.left_edge.lower_ in _QUESTION_MARKS
        if wh_clause and cue.lemma not in _QUESTIONING:
            return None  # `maintained what he saw`, `know whether`: not a reported statement
        if cue.lemma == "ask" and any(t.lower_ in _QUESTION_MARKS for t in clause.subtree if t.dep_ == "mark"):
            return None  # `asked if ...` is a question put to someone, not their words
        start, end = _cut_participles(clause, *_subtree_range(clause))
        # `added that X, but “Y”`: a verbless conjunct the parser hangs on the cue continues X.
        for child in children:
            if child.dep_ == "conj" and child.i > end and child.pos_ in ("NOUN", "PROPN", "ADJ") \
                    and doc[child.left_edge.i - 1].dep_ == "cc" or child.dep_ == "conj" and child.i > end \
                    and child.pos_ in ("NOUN", "PROPN", "ADJ") and doc[end : child.left_edge.i].text.strip(" ,") in ("but", "and"):
                end = max(end, child.right_edge.i + 1)
        start, end = trim_tokens(doc, start, end)
        return (start, end, 0.85) if end - start >= 2 else None
    if "pred" in cue.flags:
        # `called the plan “a disaster”`, `described it as a mistake`: object plus predicate.
        objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
        predicates = [c for c in children if c.i > verb.i and (c.dep_ in ("oprd", "ccomp", "xcomp")
                      or c.dep_ == "prep" and c.lower_ == "as")]
        if objects and predicates:
            start, end = trim_tokens(doc, objects[0].left_edge.i, max(p.right_edge.i for p in predicates) + 1)
            return (start, end, 0.7) if end - start >= 2 else None
        return None
    if cue.lemma in _CLAUSE_ONLY:
        # `Zarif said none of the parties believed ...`: the sm parser sometimes makes the
        # clause's subject an object of `said`; a long object holding a verb is a clause.
        objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
        if objects and any(t.pos_ == "VERB" for t in objects[0].subtree):
            start, end = trim_tokens(doc, objects[0].left_edge.i, verb.right_edge.i + 1)
            start, end = _cut_participles(verb, start, end)
            if end - start >= 4:
                return start, end, 0.6
    if "inf" in cue.flags:
        infinitives = [c for c in children if c.dep_ in ("xcomp", "advcl") and c.i > verb.i
                       and any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children)]
        if infinitives:
            inf = infinitives[0]
            start = inf.left_edge.i
            objects = [c for c in children if c.dep_ in ("dobj", "dative") and c.i < inf.i]
            if particle is not None and particle.dep_ == "prep":
                objects += [c for c in particle.children if c.dep_ == "pobj"]
            if objects:
                start = min(start, min(o.left_edge.i for o in objects))
            end = inf.right_edge.i + 1
            # `wants to cut X, grow Y and create Z`: the parser may hang the later verbs on the cue.
            for child in children:
                if child.dep_ == "conj" and child.i >= end and child.pos_ == "VERB" \
                        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                    end = child.right_edge.i + 1
            start, end = trim_tokens(doc, start, end)
            return (start, end, 0.8) if end - start >= 2 else None
    if "np" in cue.flags:
        if particle is not None and particle.dep_ == "prep":
            objects = [c for c in particle.children if c.dep_ in ("pobj", "pcomp")]
        else:
            objects = [c for c in children if c.dep_ == "dobj"]
        if objects:
            obj = objects[0]
            if obj.pos_ == "PRON":
                return None
            start, end = obj.left_edge.i, obj.right_edge.i + 1
            # The parser often hangs the rest of the demand on the verb (`called for X,
            # distinguishing Y`, `stressed X in addition to Y`): take those along.
            for child in children:
                if child.i > obj.i and child.left_edge.i >= end - 1 and _continues_demand(child):
                    end = max(end, child.right_edge.i + 1)
            start, end = trim_tokens(doc, start, end)
            # `welcomed the announcement` names a topic; a stated demand has more body.
            content_words = [t for t in doc[start:end] if not (t.is_punct or t.dep_ == "det")]
            if len(content_words) >= 3:
                return start, end, 0.7
    return None


def _according_to(token: Token) -> tuple[int, int, Token] | None:
    """`According to X, clause` -> (start, end) token range of the clause and X's head."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    head = token.head
    doc = token.doc
    h_start, h_end = _subtree_range(head)
    a_start, a_end = _subtree_range(token)
    if head == token or not (h_start <= a_start and a_end <= h_end):
        return None
    if a_start <= h_start + 1:
        start, end = a_end, h_end
    elif a_end >= h_end - 1:
        start, end = h_start, a_start
    else:
        start, end = h_start, h_end  # attribution inside the clause: the span includes it
    start, end = trim_tokens(doc, start, end)
    return (start, end, source) if end - start >= 2 else None


def _parenthetical_content(verb: Token) -> tuple[int, int] | None:
    """`The museum, Ms. Ortiz said, will open in May.`: an attribution set off by commas
    inside its clause; the content is the whole sentence, attribution included."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in ("nsubj",) and c.i < verb.i]
    if not subjects:
        return None
    before = subjects[0].left_edge.i - 1
    after = verb.i + 1
    while after < len(doc) and doc[after].dep_ in ("advmod", "npadvmod") and doc[after].head == verb:
        after += 1
    if before < 0 or doc[before].text != "," or after >= len(doc) or doc[after].text != ",":
        return None
    s_start, s_end = sentence_of(verb)
    if any(_is_quote_token(t) for t in doc[s_start:s_end]):
        return None  # a split direct quotation, handled with the quotes
    rest = [t for t in doc[after + 1 : s_end] if not t.is_punct]
    if len(rest) < 2 or before - s_start < 1:
        return None
    return trim_tokens(doc, s_start, s_end)


def _trailing_content(verb: Token) -> tuple[int, int] | None:
    """`Talks ended without a deal, the EU envoy told reporters.`: the parser may hang a
    final attribution on the main verb as a conjunct; the content is what precedes it."""
    doc = verb.doc
    if verb.dep_ not in ("conj", "parataxis", "ROOT", "advcl") or verb.head.i > verb.i:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects:
        return None
    comma = subjects[0].left_edge.i - 1
    s_start, s_end = sentence_of(verb)
    if comma <= s_start or doc[comma].text != ",":
        return None
    if any(not t.is_punct for t in doc[verb.right_edge.i + 1 : s_end]):
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    start, end = trim_tokens(doc, s_start, comma)
    return (start, end) if end - start >= 3 else None


def _clip_to_paragraph(text: str, verb_at: int, start: int, end: int) -> tuple[int, int]:
    """The parser may run a sentence across a paragraph break; content never does."""
    para_start = text.rfind("\n", 0, verb_at) + 1
    para_end = text.find("\n", verb_at)
    if para_end == -1:
        para_end = len(text)
    start, end = max(start, para_start), min(end, para_end)
    dateline = _DATELINE_RE.match(text, start, end)
    if dateline:
        start = dateline.end()  # `KUWAIT CITY — The delegation ...`: the dateline is not content
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "”’\"'»)":
        end -= 1
    return start, end


def find_reported(doc: Doc, quoted_regions: Sequence[tuple[int, int]]) -> Iterator[Candidate]:
    """Reported-speech candidates, in text order.

    `The minister said on Friday that talks would resume.` yields an indirect
    candidate with content `talks would resume`, cue `said`. Cues inside quoted
    regions (a speaker quoting someone else within a direct quote) are skipped.
    """
    text = text_of(doc)
    quoted_chars = bytearray(len(text) + 1)
    for q_start, q_end in quoted_regions:
        quoted_chars[q_start:q_end] = b"\x01" * (q_end - q_start)

    def in_quote(char: int) -> bool:
        return bool(quoted_chars[char])

    for token in doc:
        if in_quote(token.idx):
            continue
        according = _according_to(token)
        if according is not None:
            start, end, _source = according
            c_start, c_end = _char_span(doc, start, end)
            to = next(c for c in token.children if c.lower_ == "to")
            yield Candidate("indirect", c_start, c_end, (token.idx, to.idx + len(to.text)), token.i, 0.8,
                            frame="according")
            continue
        found = cue_of(token)
        if found is None or _is_hedged_or_hypothetical(token):
            continue
        cue, particle = found
        parenthetical = _parenthetical_content(token)
        content = (*parenthetical, 0.75) if parenthetical else _content_of(token, cue, particle)
        if content is None:
            trailing = _trailing_content(token)
            content = (*trailing, 0.75) if trailing else None
        if content is None:
            continue
        start, end, confidence = content
        c_start, c_end = _clip_to_paragraph(text, token.idx, *_char_span(doc, start, end))
        if c_end - c_start < 3:
            continue
        cue_end = token.idx + len(token.text)
        if particle is not None and particle.i == token.i + 1:
            cue_end = particle.idx + len(particle.text)
        frame = {0.8: "inf", 0.7: "np"}.get(confidence, "clause")
        yield Candidate("indirect", c_start, c_end, (token.idx, cue_end), token.i, confidence, frame=frame)

"""Reported speech over a whole Doc: cue verbs with their content, attributions set inside
or after the clause they report, and `according to X`.

Each finding is a `Candidate`: the content span, the cue, and the token the speaker
mention hangs on; `speakers` turns that into a mention and an actor, `pipeline` merges
candidates with direct quotes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from app.extraction.candidates import (
    Candidate,
    char_span,
    clip_to_paragraph,
    is_quote_token,
    past_dateline,
    sentence_of,
    subtree_range,
    tokens_of,
    text_of,
    trim_tokens,
)
from app.extraction.cues import (
    CLAUSE_ONLY,
    TELLING,
    adverbial_clause,
    content_of,
    cue_of,
    cut_concession,
    is_hedged_or_hypothetical,
    opened_by_that,
)
from app.extraction.mentions import name_after_role

# Words opening an adjunct after a mid-sentence attribution, not the rest of the clause.
_ADJUNCT_OPENERS = {"as", "while", "after", "before", "because", "when", "amid", "despite", "since", "though",
                    "although", "but", "and", "with", "without", "ahead"}
# Dependents of a mid-sentence attribution verb that are part of the attribution.
_ATTRIBUTION_MODIFIERS = {"advmod", "npadvmod", "prep", "dative", "dobj"}


def _according_to(token: Token) -> tuple[int, int, Token] | None:
    """`According to X, clause` -> (start, end) token range of the clause and X's head."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    doc = token.doc
    if token.head == token:
        return _according_to_misparsed(token, source)
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head  # `the fourth person shot, according to X`: the whole clause
    h_start, h_end = subtree_range(head)
    a_start, a_end = subtree_range(token)
    if head == token or not (h_start <= a_start and a_end <= h_end):
        return None
    if a_start <= h_start + 1:
        name = name_after_role(source)
        start, end = (name[1] + 1 if name else a_end), h_end
    elif a_end >= h_end - 1 or head.i < a_start and not _continues_with_clause(
            [t for t in doc[a_end:h_end] if not t.is_punct] or [doc[a_start]]):
        # `X happened, according to Y, as Z`: the clause is complete before the attribution;
        # `X rose, according to Y, and Z fell` carries on (see `_continues_with_clause`).
        start, end = h_start, a_start
    else:
        start, end = h_start, h_end  # attribution inside the clause: the span includes it
    start, end = trim_tokens(doc, start, end)
    return (start, end, source) if end - start >= 2 else None


def _according_to_misparsed(token: Token, source: Token) -> tuple[int, int, Token] | None:
    """`According to host Ana Ruiz, the move reeks of fear.`: the parser made `according`
    the root and hung the clause on the name (`reeks` read as a noun); the clause is what
    follows the comma after the name, to the sentence end."""
    doc = token.doc
    s_start, s_end = sentence_of(token)
    if any(not (t.is_punct or t.is_space) for t in doc[s_start : token.i]):
        return None
    comma = next((t.i for t in doc[source.i : s_end] if t.text == ","), None)
    if comma is None:
        return None
    start, end = trim_tokens(doc, comma + 1, s_end)
    return (start, end, source) if end - start >= 3 else None


def parenthetical_content(verb: Token) -> tuple[int, int] | None:
    """`The museum, Ms. Ortiz said, will open in May.`: an attribution set off by commas
    inside its clause; the content is the whole sentence, attribution included."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in ("nsubj",) and c.i < verb.i]
    if not subjects:
        return None
    before = subjects[0].left_edge.i - 1
    after = verb.i + 1
    # `, the ministry said in its yearly review, ...`: the verb's own modifiers belong to the attribution.
    while after < len(doc) and doc[after].head == verb and doc[after].dep_ in _ATTRIBUTION_MODIFIERS:
        after = doc[after].right_edge.i + 1
    if before < 0 or doc[before].text != "," or after >= len(doc) or doc[after].text != ",":
        return None
    s_start, s_end = sentence_of(verb)
    # (`Russia, he said, “understands only strength”`: an unquoted subject and a quoted
    # predicate, opening on its verb, are one mixed clause)
    quotation_after = after + 2 < len(doc) and is_quote_token(doc[after + 1]) and not (
        doc[after + 2].is_lower and doc[after + 2].pos_ in ("VERB", "AUX"))
    if before > 0 and is_quote_token(doc[before - 1]) or is_quote_token(doc[s_start]) or quotation_after:
        return None  # a split direct quotation (`“X,” she said, “Y”`), handled with the quotes
    rest = [t for t in doc[after + 1 : s_end] if not t.is_punct]
    if len(rest) < 2 or before - s_start < 1 or past_dateline(doc, s_start, verb.i) > before:
        return None  # (`AMMAN, Jordan — X warned ...`: the comma is the dateline's)
    if any(c.dep_ in ("acl", "relcl", "ccomp") and opened_by_that(c) for t in doc[verb.i + 1 : after] for c in t.children):
        return None  # `For his part, Ruiz expressed hope that X, noting Y`: the cue has its own clause
    if (rest[0].lower_ in _ADJUNCT_OPENERS or rest[0].dep_ == "prep") and not _continues_with_clause(rest):
        # `X happened, diplomats said, as the deadline loomed` / `, in the first step since
        # ...`: the clause ended before.
        return trim_tokens(doc, s_start, before)
    return trim_tokens(doc, s_start, cut_concession(doc, after, s_end))


def _noun_read_as_verb(token: Token) -> bool:
    """`X said Y, remarks that alarmed its neighbours`: a plural speech noun summing up the
    sentence, tagged as a finite verb with no subject of its own."""
    return token.tag_ == "VBZ" and token.i > 0 and token.doc[token.i - 1].text == "," \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)


def _continues_with_clause(rest: list[Token]) -> bool:
    """`X rose, the agency said, and Y fell`: `and`/`but` followed by a clause with its own
    subject carries on what was reported; `and then left` or `as talks stalled` do not."""
    if rest[0].lower_ not in ("and", "but"):
        return False
    verb = next((t for t in rest[1:] if t.pos_ in ("VERB", "AUX") and t.dep_ in ("conj", "ROOT", "ccomp")), None)
    return verb is not None and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) \
        and cue_of(verb) is None


def _trailing_content(verb: Token) -> tuple[int, int] | None:
    """`Talks ended without a deal, the EU envoy told reporters.`: the parser may hang a
    final attribution on the main verb as a conjunct; the content is what precedes it."""
    doc = verb.doc
    # `X agreed ..., the foreign secretary announced on Monday, days before Y`: the parser
    # may also read the attribution as a reduced relative (`announced` an acl of `secretary`).
    reduced = verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i
    if verb.dep_ not in ("conj", "parataxis", "ROOT", "advcl") and not reduced or verb.head.i > verb.i:
        return None
    if verb.lemma_.lower() not in CLAUSE_ONLY | TELLING or any(
        c.dep_ == "dobj" for c in verb.children if verb.lemma_.lower() not in TELLING
    ):
        return None  # `the opposition rejected the map`: an object, not a trailing attribution
    subjects = [verb.head] if reduced else [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects:
        return None
    comma = subjects[-1].left_edge.i - 1
    s_start, s_end = sentence_of(verb)
    if comma <= s_start or doc[comma].text != ",":
        return None
    rest = [t for t in doc[verb.right_edge.i + 1 : s_end] if not t.is_punct]
    if rest and not (reduced and doc[verb.right_edge.i + 1].text == ","):
        return None  # (the reduced reading may end on a circumstance: `, days before Y`)
    if any(c.dep_ == "ccomp" and not adverbial_clause(c) for c in verb.children):
        return None
    if any(t.text == ":" for t in doc[verb.i : s_end]):
        return None  # `Speaking in Doha, the mediator said:` introduces what follows
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in doc[s_start:comma]):
        return None  # a participle phrase (`Speaking in Doha, ...`) is not a reported clause
    # (`MOSCOW, March 3 (Reuters) - X, Peskov said`: the parser may hang X on the dateline)
    start, end = trim_tokens(doc, past_dateline(doc, s_start, comma), comma)
    return (start, end) if end - start >= 3 else None


def _quoted_as_saying_after(verb: Token) -> tuple[int, int] | None:
    """`Talks will resume, the minister was quoted as saying.`: the content precedes the
    passive `quoted as saying` (the active `quoted X as saying that ...` has a clause)."""
    doc = verb.doc
    quoted = verb.head.head
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or quoted.lemma_.lower() != "quote" \
            or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    subjects = [c for c in quoted.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < quoted.i]
    s_start, s_end = sentence_of(verb)
    if not subjects or subjects[-1].left_edge.i - 1 <= s_start or doc[subjects[-1].left_edge.i - 1].text != ",":
        return None
    start, end = trim_tokens(doc, s_start, subjects[-1].left_edge.i - 1)
    return (start, end) if end - start >= 3 else None


def as_clause_content(verb: Token) -> tuple[int, int] | None:
    """`The strait, as one pilot pointed out, rarely freezes in March.`: an `as X said`
    attribution reports the clause it hangs on; the span includes it when it sits inside."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "advcl" or head.pos_ not in ("VERB", "AUX") or head.i == verb.i \
            or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
            or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children) \
            or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children) \
            or not any(c.dep_ == "nsubj" for c in verb.children):
        return None  # the speaker must be the as-clause's own subject
    h_start, h_end = subtree_range(head)
    a_start, a_end = subtree_range(verb)
    if a_start <= h_start + 1:
        start, end = a_end, h_end  # `As the envoy said, talks will resume`
    elif a_end >= h_end - 1:
        start, end = h_start, a_start  # `Talks will resume, as the envoy said`
    else:
        start, end = h_start, h_end
    start, end = trim_tokens(doc, start, end)
    return (start, end) if end - start >= 3 else None


def _block_after_colon(verb: Token) -> tuple[int, int] | None:
    """`The senator added:` closing a paragraph, then an unquoted paragraph: the paragraph
    is what was added (a block quotation set without marks). Character offsets."""
    doc = verb.doc
    text = text_of(doc)
    after = verb.i + 1
    while after < len(doc) and doc[after].head == verb and doc[after].dep_ in _ATTRIBUTION_MODIFIERS:
        after = doc[after].right_edge.i + 1  # `added in a statement:`
    if after >= len(doc) or doc[after].text != ":" or after + 1 >= len(doc):
        return None
    gap = text[doc[after].idx + 1 : doc[after + 1].idx]
    if "\n" not in gap and not doc[after + 1].is_space:
        return None
    start = doc[after].idx + 1
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text) or text[start] in "\"'“”‘’«„":
        return None  # a quotation: the quotes stage attributes it
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?"):
        end -= 1
    return (start, end) if len(text[start:end].split()) >= 3 else None


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

    for token in tokens_of(doc):
        if in_quote(token.idx):
            continue
        according = _according_to(token)
        if according is not None:
            start, end, _source = according
            c_start, c_end = char_span(doc, start, end)
            to = next(c for c in token.children if c.lower_ == "to")
            yield Candidate("indirect", c_start, c_end, (token.idx, to.idx + len(to.text)), token.i, 0.8,
                            frame="according")
            continue
        found = cue_of(token)
        if found is None or is_hedged_or_hypothetical(token) or _noun_read_as_verb(token):
            continue
        cue, particle = found
        parenthetical = parenthetical_content(token)
        content = (*parenthetical, 0.75) if parenthetical else content_of(token, cue, particle)
        if content is None:
            trailing = _trailing_content(token) or as_clause_content(token) or _quoted_as_saying_after(token)
            content = (*trailing, 0.75) if trailing else None
        if content is None:
            block = _block_after_colon(token)
            if block is not None:
                yield Candidate("indirect", *block, (token.idx, token.idx + len(token.text)), token.i, 0.7)
            continue
        start, end, confidence = content
        c_start, c_end = clip_to_paragraph(text, token.idx, *char_span(doc, start, end))
        if c_end - c_start < 3:
            continue
        cue_end = token.idx + len(token.text)
        if particle is not None and particle.i == token.i + 1:
            cue_end = particle.idx + len(particle.text)
        frame = {0.8: "inf", 0.7: "np"}.get(confidence, "clause")
        yield Candidate("indirect", c_start, c_end, (token.idx, cue_end), token.i, confidence, frame=frame)

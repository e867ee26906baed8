"""Reported speech: speech and cognition verbs, the clause they govern, `according to X`.

Works on the dependency parse. Each finding is a `Candidate`: the content span, the
cue, and the token the speaker mention hangs on; `speakers` turns that into a
mention and an actor, `pipeline` merges candidates with direct quotes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from app.extraction.candidates import (
    Candidate,
    char_span,
    clip_to_paragraph,
    is_quote_token,
    sentence_of,
    subtree_range,
    text_of,
    trim_tokens,
)
from app.extraction.lexicons import Cue, reporting_cues

# Particles that turn a verb into another cue (`call for`, `point out`).
_PARTICLES = {"for", "on", "out", "to", "of", "against"}
_MODALS_OF_HYPOTHESIS = {"would", "could", "might"}
_HEDGES = {"seem", "appear"}
_QUESTION_MARKS = {"if", "whether"}
# Cues that never take a plain object, so a long object holding a verb is a misparsed clause.
_CLAUSE_ONLY = {"say", "add", "claim", "state", "insist", "declare", "assert", "reply", "respond",
                "explain", "write", "argue", "contend", "announce", "reveal", "stress", "emphasize"}
# Words opening an adjunct after a mid-sentence attribution, not the rest of the clause.
_ADJUNCT_OPENERS = {"as", "while", "after", "before", "because", "when", "amid", "despite", "since", "though",
                    "although", "but", "and", "with", "without", "ahead"}
# Dependents of a mid-sentence attribution verb that are part of the attribution.
_ATTRIBUTION_MODIFIERS = {"advmod", "npadvmod", "prep", "dative", "dobj"}
# Cues whose object is the addressee (`told reporters`), not what was said.
_TELLING = {"tell", "inform", "brief", "assure", "note", "confirm", "report", "warn"}
# Verbs that report a further act of speech when coordinated with a reported clause.
_SPEECH_ACTS = _CLAUSE_ONLY | _TELLING | {"warn", "urge", "call", "ask", "demand", "vow", "pledge", "promise",
                                         "accuse", "deny", "reject", "threaten", "appeal", "condemn"}
# Cues whose object is what the speaker asks for, however short (`called for a ceasefire`).
_DEMANDS = {("call", "for"), ("demand", None), ("ask", "for"), ("press", "for"), ("appeal", "for"),
            ("request", None), ("urge", None)}
# Cues whose content may be an indirect question (`questioned whether the vote was fair`).
_QUESTIONING = {"question", "wonder", "explain"}


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


def _is_hedged_or_hypothetical(verb: Token) -> bool:
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _HEDGES:
        return True
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ in _MODALS_OF_HYPOTHESIS for c in verb.children)


def is_participle_cue(token: Token) -> bool:
    """`..., adding that ...`: a gerund cue hanging off a clause, a quote of its own."""
    if token.tag_ != "VBG" or token.dep_ not in ("advcl", "conj", "xcomp") or cue_of(token) is None:
        return False
    # `would continue calling out bias and defending X` is a verb chain, not an added remark.
    doc, before = token.doc, token.left_edge.i - 1
    if before >= 1 and doc[before].dep_ == "cc":
        before -= 1
    return before >= 0 and doc[before].is_punct


def _cut_participles(clause: Token, start: int, end: int) -> tuple[int, int]:
    """End a reported clause before a participle cue inside it (`X, adding that Y`)."""
    doc = clause.doc
    for token in clause.subtree:
        if token.i > clause.i and is_participle_cue(token) and token.left_edge.i > start:
            end = min(end, token.left_edge.i)
        elif token.i > clause.i and cue_of(token) is not None and token.right_edge.i + 1 >= end - 1:
            # `X would reopen, the agency reported`: a trailing attribution is not content.
            subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
            if subject is not None and doc[subject.left_edge.i - 1].text == ",":
                end = min(end, subject.left_edge.i - 1)
    return start, end


def _cut_speaker_conjunct(clause: Token, start: int, end: int) -> int:
    """`said it was opposed to the test and warned X to stop`: a cue verb coordinated with
    the reported clause and without a subject of its own is the speaker's next act."""
    doc = clause.doc
    for child in clause.children:
        if child.dep_ == "conj" and child.i > clause.i and child.lemma_.lower() in _SPEECH_ACTS and child.tag_ != "VBG" \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
            cut = child.left_edge.i
            while cut - 1 > start and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
                cut -= 1
            return min(end, cut)
    return end


_CONTINUATIONS = ("in addition", "as well as", "including", "particularly", "especially", "notably")


def _cut_circumstance(doc, start: int, end: int) -> int:
    """End a demand before the writer's scene-setting: `demands an end to the fighting
    amid growing frustration` -> `an end to the fighting`."""
    for token in doc[start + 1 : end]:
        if token.lower_ in ("amid", "amidst", "despite") and token.dep_ == "prep":
            return token.i
    return end


def _cut_final_aside(doc, start: int, end: int) -> int:
    """End a reported clause before a closing `, which ...` aside: the writer explaining
    a term (`enriched uranium, which can have military uses`), not the speaker."""
    for token in doc[start:end]:
        if token.dep_ == "relcl" and token.right_edge.i + 1 >= end - 1 and token.left_edge.i - 1 > start \
                and doc[token.left_edge.i - 1].text == "," and token.left_edge.lower_ in ("which", "who", "whose"):
            return token.left_edge.i - 1
    return end


def _np_end(obj: Token) -> int:
    """End of a noun-phrase content before a comma-led relative clause, appositive or dash
    aside (`the plan, which critics call ...`, `the Nordic Council, the body that ...`)."""
    doc = obj.doc
    end = obj.right_edge.i + 1
    for token in obj.subtree:
        if token.i <= obj.i or token.i >= end:
            continue
        comma_led = doc[token.left_edge.i - 1].text == ","
        # An appositive after a name describes it; after a common noun it is usually a list.
        aside = token.dep_ in ("relcl", "acl") or token.dep_ == "appos" and doc[token.left_edge.i - 2].pos_ == "PROPN"
        if token.text in ("—", "--", "–") or aside and comma_led:
            end = min(end, token.left_edge.i - 1 if token.dep_ in ("relcl", "appos", "acl") else token.i)
    return end


def _continues_demand(child: Token) -> bool:
    if child.dep_ == "advcl" and child.tag_ == "VBG" and not is_participle_cue(child):
        return True
    if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in child.children):
        return True  # `warned of consequences if the deal collapsed`
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
        inner = [c for c in clause.children if c.dep_ == "ccomp" and c.i < clause.i]
        if inner and cue_of(clause) is not None and clause.i > verb.i:
            # `said X, the agency reported` parsed as said -> reported -> X: the agency relays.
            clause = inner[0]
        wh_clause = clause.left_edge.tag_ in ("WP", "WRB", "WDT") or clause.left_edge.lower_ in _QUESTION_MARKS
        if wh_clause and cue.lemma not in _QUESTIONING:
            return None  # `maintained what he saw`, `know whether`: not a reported statement
        if cue.lemma == "ask" and any(t.lower_ in _QUESTION_MARKS for t in clause.subtree if t.dep_ == "mark"):
            return None  # `asked if ...` is a question put to someone, not their words
        start, end = _cut_participles(clause, *subtree_range(clause))
        for child in clause.children:
            if child.text == ";" and start < child.i < end:
                end = child.i  # `X was not intended; they only learned ...`: one clause only
        end = _cut_speaker_conjunct(clause, start, end)
        # `added that X, but “Y”` / `said X but he was already working on Y`: a conjunct the
        # parser hangs on the cue, right after the clause, continues what was reported.
        for child in children:
            if child.dep_ != "conj" or child.i < end or cue_of(child) is not None and not _is_hedged_or_hypothetical(child):
                continue
            joined_by = doc[end : child.left_edge.i].text.strip(" ,")
            verbless = child.pos_ in ("NOUN", "PROPN", "ADJ")
            clause_like = child.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children)
            if joined_by in ("but", "and") and verbless or joined_by == "but" and clause_like:
                end = max(end, child.right_edge.i + 1)
        end = _cut_final_aside(doc, start, end)
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
    for obj in (c for c in children if c.dep_ in ("dobj", "dative")):
        for token in obj.subtree:
            # `told a meeting of leaders that few people understood ...`: a complement clause
            # misparsed as a relative clause (a relative `that` is a pronoun, not a mark).
            if token.dep_ in ("relcl", "acl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children) \
                    and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
                start, end = trim_tokens(doc, *subtree_range(token))
                return (start, end, 0.75) if end - start >= 2 else None
    if cue.lemma in _CLAUSE_ONLY:
        # `Ruiz said none of the parties believed ...`: the sm parser sometimes makes the
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
            start, end = trim_tokens(doc, start, _cut_circumstance(doc, start, end))
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
            start, end = obj.left_edge.i, _np_end(obj)
            # The parser often hangs the rest of the demand on the verb (`called for X,
            # distinguishing Y`, `stressed X in addition to Y`): take those along.
            for child in children:
                # Only right after the object: `criticized X as Y during a stop for Z` ends at Y.
                if child.i > obj.i and end - 1 <= child.left_edge.i <= end + 1 and _continues_demand(child):
                    end = max(end, child.right_edge.i + 1)
            start, end = trim_tokens(doc, start, _cut_circumstance(doc, start, end))
            # `welcomed the announcement` names a topic; a stated demand has more body.
            content_words = [t for t in doc[start:end] if not (t.is_punct or t.dep_ == "det")]
            # A demand names what is wanted even in one word (`called for a ceasefire`).
            if len(content_words) >= (1 if (cue.lemma, cue.particle) in _DEMANDS else 3):
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
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head  # `the fourth person shot, according to X`: the whole clause
    doc = token.doc
    h_start, h_end = subtree_range(head)
    a_start, a_end = subtree_range(token)
    if head == token or not (h_start <= a_start and a_end <= h_end):
        return None
    if a_start <= h_start + 1:
        start, end = a_end, h_end
    elif a_end >= h_end - 1 or head.i < a_start:
        # `X happened, according to Y, and Z`: the clause is complete before the attribution.
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
    # `, the agency said in a June report, ...`: the verb's own modifiers belong to the attribution.
    while after < len(doc) and doc[after].head == verb and doc[after].dep_ in _ATTRIBUTION_MODIFIERS:
        after = doc[after].right_edge.i + 1
    if before < 0 or doc[before].text != "," or after >= len(doc) or doc[after].text != ",":
        return None
    s_start, s_end = sentence_of(verb)
    if any(is_quote_token(t) for t in doc[s_start:s_end]):
        return None  # a split direct quotation, handled with the quotes
    rest = [t for t in doc[after + 1 : s_end] if not t.is_punct]
    if len(rest) < 2 or before - s_start < 1:
        return None
    if rest[0].lower_ in _ADJUNCT_OPENERS and not _continues_with_clause(rest):
        # `X happened, diplomats said, as the deadline loomed`: the clause ended before.
        return trim_tokens(doc, s_start, before)
    return trim_tokens(doc, s_start, s_end)


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
    if verb.dep_ not in ("conj", "parataxis", "ROOT", "advcl") or verb.head.i > verb.i:
        return None
    if verb.lemma_.lower() not in _CLAUSE_ONLY | _TELLING or any(
        c.dep_ == "dobj" for c in verb.children if verb.lemma_.lower() not in _TELLING
    ):
        return None  # `the opposition rejected the map`: an object, not a trailing attribution
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects:
        return None
    comma = subjects[-1].left_edge.i - 1
    s_start, s_end = sentence_of(verb)
    if comma <= s_start or doc[comma].text != ",":
        return None
    if any(not t.is_punct for t in doc[verb.right_edge.i + 1 : s_end]):
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    if any(t.text == ":" for t in doc[verb.i : s_end]):
        return None  # `Speaking in Doha, the mediator said:` introduces what follows
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in doc[s_start:comma]):
        return None  # a participle phrase (`Speaking in Doha, ...`) is not a reported clause
    start, end = trim_tokens(doc, s_start, comma)
    return (start, end) if end - start >= 3 else None


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
            c_start, c_end = char_span(doc, start, end)
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
        c_start, c_end = clip_to_paragraph(text, token.idx, *char_span(doc, start, end))
        if c_end - c_start < 3:
            continue
        cue_end = token.idx + len(token.text)
        if particle is not None and particle.i == token.i + 1:
            cue_end = particle.idx + len(particle.text)
        frame = {0.8: "inf", 0.7: "np"}.get(confidence, "clause")
        yield Candidate("indirect", c_start, c_end, (token.idx, cue_end), token.i, confidence, frame=frame)

"""Direct quotes: find the stretches of text inside quotation marks.

Works on characters, before and independently of the parse, because spaCy's
sentence splitter often cuts inside quotes. Which quoted stretches are real
quotes (and who said them) is decided later, in `pipeline`, with the parse.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.extraction.candidates import Candidate, is_quote_token, paragraph_bounds, sentence_of, text_of
from app.extraction.cues import cue_of
from app.extraction.lexicons import word_set
from app.extraction.mentions import adjacent_subject, mention_for, noun_phrase

# Opening mark -> closing marks it accepts. `“` may also be closed by a stray `“`
# typed as a closing mark, which some outlets do.
_PAIRS = {"“": "”", "«": "»", "„": "“”", "‘": "’", '"': '"', "'": "'"}
_SINGLE = {"‘", "'"}
# A double mark closed by the other style (`“...."`, `"...”`) when its own never comes.
_MIXED = {"“": '"', '"': "”"}
_PARAGRAPH_RE = re.compile(r"[^\n]+")
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Quoted:
    """One quoted stretch. `content` excludes the marks; `open_at`/`close_at` are the
    mark offsets (`close_at` None when a paragraph ends the quote, as in multi-paragraph
    quotes). `continues` says the next paragraph reopens the same quote."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    continues: bool = False

    @property
    def outer_end(self) -> int:
        """End offset including the closing mark, when there is one."""
        return self.close_at + 1 if self.close_at is not None else self.end

    def words(self, text: str) -> int:
        return len(_WORD_RE.findall(text[self.start : self.end]))


def _can_open(text: str, i: int) -> bool:
    """An opening mark follows a space, a paragraph start or punctuation, and precedes text
    (French guillemets may hold a space: `« Nous partons »`)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,;/") and (not after.isspace() or text[i] == "«" and after != "\n")


def _can_close(text: str, i: int) -> bool:
    """A closing mark follows text and precedes a space, punctuation or the end."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (not before.isspace() or text[i] == "»" and before != "\n") and not after.isalnum()


def _first_closer(text: str, start: int, end: int, i: int, closers: str, closing: dict[str, list[int]]) -> int | None:
    """The first mark of `closers` that can close a quotation opened at `i`, at least two
    characters on (a quote holds something). `closing` keeps each set's offsets for the
    paragraph, found once."""
    if closers not in closing:
        marks = re.compile("[" + re.escape(closers) + "]").finditer(text, start, end)
        closing[closers] = [m.start() for m in marks if _can_close(text, m.start())]
    offsets = closing[closers]
    index = bisect_left(offsets, i + 2)
    return offsets[index] if index < len(offsets) else None


def _scan_paragraph(text: str, start: int, end: int) -> tuple[list[tuple[int, int | None]], bool]:
    """Mark pairs (open, close) in one paragraph; a last pair may be unclosed (close None)."""
    pairs: list[tuple[int, int | None]] = []
    # Offsets of the marks that can close, per set of closers, found once per paragraph:
    # scanning forward from every opening mark would be quadratic in a long paragraph
    # full of stray apostrophes (`'90s`, `rock 'n' roll`).
    closing: dict[str, list[int]] = {}
    i = start
    while i < end:
        char = text[i]
        if char == "”" and i == start:
            char = "“"  # a paragraph opened with the closing mark by mistake
        if char in _PAIRS and _can_open(text, i) and (char not in _SINGLE or i == start or not text[i - 1].isalnum()):
            closers = _PAIRS[char]
            close = _first_closer(text, start, end, i, closers, closing)
            if close is None and char in _MIXED:
                # `“...."`: a quotation closed with the other style of mark, which sloppy
                # editing leaves; tried only when its own closer never comes.
                close = _first_closer(text, start, end, i, _MIXED[char], closing)
            if close is None:
                if char in _SINGLE:
                    i += 1
                    continue
                pairs.append((i, None))
                break
            pairs.append((i, close))
            i = close + 1
            continue
        i += 1
    return pairs, bool(pairs) and pairs[-1][1] is None


def find_quoted(text: str) -> list[Quoted]:
    """All quoted stretches in reading order.

    `He said: “We will go.”` yields one Quoted with content `We will go.`; a paragraph
    opened by `“` and not closed, followed by a paragraph opened by `“`, yields a Quoted
    ending at the paragraph end with `continues=True`.
    """
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(text)]
    found: list[Quoted] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        pairs, unclosed = _scan_paragraph(text, p_start, p_end)
        next_opens = False
        if index + 1 < len(paragraphs):
            n_start = paragraphs[index + 1][0]
            next_opens = text[n_start] in "“\"«„"
        for open_at, close_at in pairs:
            content_end = close_at if close_at is not None else p_end
            while content_end > open_at + 1 and text[content_end - 1].isspace():
                content_end -= 1
            content_start = open_at + 1
            while content_start < content_end and text[content_start].isspace():
                content_start += 1  # `« Nous partons »`
            found.append(
                Quoted(
                    start=content_start,
                    end=content_end,
                    open_at=open_at,
                    close_at=close_at,
                    continues=close_at is None and next_opens,
                )
            )
        del unclosed
    return [q for q in found if q.end > q.start]


# Words after which a quoted stretch starts a quotation rather than naming a term.
_LEAD_INS = {":", ",", "that", "—", "–", "(", "-", ";"}
_MAX_RIGHT_CUE_DISTANCE = 6
_SPEAKER_LINE_RE = re.compile(r"([A-Z][A-Z.'’ -]{1,30}):\s+")
_DASH_SIGNATURE_RE = re.compile(r"[^\S\n]*[―—–]{1,2}[^\S\n]*(?=[A-Z])")


def quoted_open_mark(text: str, quoted: Quoted) -> str:
    """The opening mark of a quoted stretch, as it would reopen after an attribution."""
    mark = text[quoted.open_at]
    return "“" if mark == "”" else mark


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in doc.char_span(start, end, alignment_mode="expand") or [])


def is_quotation(doc: Doc, quoted: Quoted) -> bool:
    """Whether a quoted stretch is a quotation of its own, not a term or a name.

    `he said: “We will go.”` -> True; `fighters from “Jund”` -> False (a name inside a
    clause); `a “new era”` -> False (no verb, inside a clause).
    """
    text = text_of(doc)
    words = quoted.words(text)
    if words == 0 or quoted.close_at is None and not quoted.continues:
        return False  # an unclosed mark not reopened by the next paragraph is a stray
    long_words = [w for w in _WORD_RE.findall(text[quoted.start : quoted.end]) if len(w) > 3 and w.isalpha()]
    if words <= 10 and len(long_words) >= 2 and all(w[0].isupper() for w in long_words):
        return False  # `“All Bets Are Off”`: a title in title case, not a quotation
    # A window before the mark, not the whole prefix: this runs once per quotation.
    before = text[max(0, quoted.open_at - 300) : quoted.open_at].rstrip()
    lead = before[-1:] if before else ""
    lead_word = before.split()[-1].lower() if before.split() else ""
    starts_block = not before or before.endswith("\n") or text[quoted.open_at - 1 : quoted.open_at] == "\n" \
        or lead in ".!?" or lead_word in _LEAD_INS or lead in _LEAD_INS
    left = doc.char_span(max(0, quoted.open_at - 300), quoted.open_at, alignment_mode="contract") if quoted.open_at else None
    follows_cue = left is not None and len(left) > 0 and cue_of(left[-1]) is not None
    # `chanted “What curfew?”`: what such a verb takes is a quotation, a verbless one too.
    chanted = left is not None and len(left) > 0 and _beside_quotation(left[-1], [(quoted.open_at, quoted.outer_end)])
    if chanted and words >= 2:
        return True
    closed = max(before.rfind("”"), before.rfind('"'))
    if lead == "," and closed >= len(before) - 60 and before[:closed].rstrip().endswith(",") \
            and before[closed + 1 :].count(",") == 1:
        return True  # `“We will go,” he said, “but not now.”`: the second half of a split quotation
    if not (starts_block or follows_cue):
        return False
    if words >= 6:
        return True
    if text[quoted.start : quoted.end].rstrip().endswith(",") and text.find(quoted_open_mark(text, quoted), quoted.outer_end, quoted.outer_end + 60) != -1:
        return True  # `“My hope,” he said, “is that ...”`: the first half of a split quotation
    return words >= 2 and _has_verb(doc, quoted.start, quoted.end)


def _tokens_between(doc: Doc, start: int, end: int, *, first: int | None = None,
                    from_sentence: bool = False) -> list[Token]:
    """Tokens wholly inside [start, end): only the `first` n of them, or with
    `from_sentence` only those in the sentence of the last one. Each quotation looks at a
    few tokens either side; listing the whole paragraph instead would make a long
    paragraph of quotations quadratic."""
    span = doc.char_span(start, min(end, len(text_of(doc))), alignment_mode="contract")
    if span is None or len(span) == 0:
        return []
    if first is not None:
        span = span[:first]
    if from_sentence:
        span = doc[max(span.start, sentence_of(span[-1])[0]) : span.end]
    return list(span)


def _cue_in(
    tokens: list[Token], quoted_regions: list[tuple[int, int]], nearest_last: bool
) -> tuple[Token, tuple[int, int]] | None:
    """The cue verb among tokens whose speaker mention lies outside the quotes, with that
    mention. `“We will win,” Chief Ana Ruiz said.` may parse `said` as a conjunct of `win`
    with the subject `We`; the name right before the verb is then the speaker."""
    ordered = reversed(tokens) if nearest_last else iter(tokens)
    for token in ordered:
        if not nearest_last and _opens_next_clause(token):
            break  # `X warned that “...” According to Y, ...`: Y speaks the next clause
        token = _quoted_as_saying(token) or token
        if token.lower_ == "according" or cue_of(token) is not None \
                or _beside_quotation(token, quoted_regions):
            mention = mention_for(token.doc, token)
            if mention is None:
                continue
            if _in_regions(token.doc[mention[0]].idx, quoted_regions):
                mention = adjacent_subject(token)
                if mention is None or _in_regions(token.doc[mention[0]].idx, quoted_regions):
                    continue
            if mention[0] < token.i < mention[1]:
                # `The draft circulated by X reads in full: ‘...’` parsed as one phrase.
                mention = (mention[0], token.i)
            return token, mention
    return None


def _quoted_as_saying(verb: Token) -> Token | None:
    """`“...,” state media quoted Ana Ruiz as saying`: the `saying` whose speaker is the one
    quoted (the relaying agency is no speaker), or None."""
    if verb.lemma_.lower() != "quote":
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            return next((c for c in prep.children if c.dep_ == "pcomp" and cue_of(c) is not None), None)
    return None


def _beside_quotation(verb: Token, quoted_regions: list[tuple[int, int]]) -> bool:
    """`she continued`, `he shouted`, `the letter reads`: a verb of data/quote_verbs.txt
    with no object or clause of its own (the quotation may hang on it), which beside a
    quotation introduces it."""
    if verb.pos_ != "VERB" or any(c.dep_ in _OWN_CONTENT and not _in_regions(c.idx, quoted_regions)
                                  for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod")]
    verbs = word_set("quote_verbs.txt")
    return lemma in verbs or any(f"{lemma} {p}" in verbs for p in particles)


_OWN_CONTENT = ("dobj", "xcomp", "ccomp", "attr", "acomp", "oprd")


def _continued_after_close(doc: Doc, quoted: Quoted, mention: tuple[int, int]) -> int | None:
    """`“Prices will fall” by the summer, she said.`: the clause runs on past the closing
    mark to the trailing attribution, so the statement is mixed and its content ends
    before `, she said`. The end offset, or None when the mark closes the clause."""
    text = text_of(doc)
    after = quoted.outer_end
    if after >= len(text) or text[after] != " " or mention[0] < 2:
        return None
    comma = doc[mention[0] - 1]
    if comma.text != "," or comma.idx <= after:
        return None
    run_on = _tokens_between(doc, after, comma.idx)
    if not run_on or not run_on[0].is_lower or not run_on[0].is_alpha \
            or any(is_quote_token(t) or t.text in ".!?;:" for t in run_on):
        return None
    return run_on[-1].idx + len(run_on[-1].text)


def _opens_next_clause(token: Token) -> bool:
    """An `According to Y,` after a quotation that hangs on a later verb introduces the
    clause that follows it, not the quotation before it."""
    return token.lower_ == "according" and token.head.i > token.right_edge.i


def _in_regions(char: int, regions: list[tuple[int, int]]) -> bool:
    return any(s <= char < e for s, e in regions)


def attribute_quotations(doc: Doc, quotations: list[Quoted], regions: list[tuple[int, int]]) -> list[Candidate]:
    """Direct candidates for quotations, each tied to the cue next to it.

    `“We will go,” he said, “but not now.”` yields two candidates with cue `said`;
    a paragraph that reopens a multi-paragraph quotation continues its speaker (`inherit`).
    """
    text = text_of(doc)
    out: list[Candidate] = []
    previous: Candidate | None = None
    previous_quote: Quoted | None = None
    opens = [q.open_at for q in quotations]  # in text order
    for quoted in quotations:
        verb = None
        verb_mention: tuple[int, int] | None = None
        # Right side: `“...,” he said.` or `.” He added.` a few tokens after the mark.
        next_open = bisect_right(opens, quoted.outer_end)
        right_end = opens[next_open] if next_open < len(opens) else len(text)
        right_end = min(right_end, paragraph_bounds(text, quoted.outer_end)[1])
        right = _tokens_between(doc, quoted.outer_end, right_end, first=_MAX_RIGHT_CUE_DISTANCE + 4)
        if right:
            sentence_end = sentence_of(right[0])[1]
            right = [t for t in right if t.i < max(sentence_end, right[0].i + 3)][: _MAX_RIGHT_CUE_DISTANCE + 4]
            found = _cue_in(right[: _MAX_RIGHT_CUE_DISTANCE], regions, nearest_last=False)
            # `...’ She stressed: ‘...’` introduces the next quotation, not this one.
            if found is not None and not any(t.text == ":" for t in doc[found[0].i + 1 : found[0].i + 4]):
                verb, verb_mention = found
        # Left side: `He added: “...”`, `said “...”`, `According to her, ‘...’`.
        paragraph_start = paragraph_bounds(text, quoted.open_at)[0]
        # Only the sentence before the mark: the rest of a long paragraph is never read.
        left = _tokens_between(doc, paragraph_start, quoted.open_at, from_sentence=True)
        previous_end = paragraph_start
        while previous_end > 0 and text[previous_end - 1].isspace():
            previous_end -= 1
        if not left and previous_end > 0 and text[previous_end - 1] == ":":
            # `The envoy said:` closing one paragraph introduces the quotation opening the next.
            left = _tokens_between(doc, paragraph_bounds(text, previous_end)[0], previous_end, from_sentence=True)
        if left:
            sentence_start = sentence_of(left[-1])[0]
            left_in_sentence = [t for t in left if t.i >= sentence_start]
            attached = bool(left_in_sentence) and (
                left_in_sentence[-1].text in (":", ",", "that") or cue_of(left_in_sentence[-1]) is not None
                or _beside_quotation(left_in_sentence[-1], regions)  # `chanted “...”`
            )
            if attached:
                if left_in_sentence and left_in_sentence[-1].text in ("“", '"', "‘", "'") :
                    left_in_sentence = left_in_sentence[:-1]
                found = _cue_in(left_in_sentence, regions, nearest_last=True)
                # `He added: “...”`, `Xi told Biden that “...”, according to a readout`: a cue that
                # introduces the quotation outranks one after it.
                if found is not None and (verb is None or (left_in_sentence and left_in_sentence[-1].text in (":", "that"))):
                    verb, verb_mention = found
        speaker_line = _SPEAKER_LINE_RE.match(text, quoted.start)
        if speaker_line and speaker_line.group(1).strip().upper() not in ("Q", "A"):
            # A transcript turn quoted whole: `“RUIZ: We are ready.”`.
            name = _tokens_between(doc, speaker_line.start(1), speaker_line.end(1))
            if name:
                made = Candidate("direct", speaker_line.end(), quoted.end, (speaker_line.end(1), speaker_line.end(1) + 1),
                                 None, 0.7, from_quote=True)
                made.mention = (name[0].i, name[-1].i + 1)
                out.append(made)
                previous, previous_quote = made, quoted
                continue
        dash = _DASH_SIGNATURE_RE.match(text, quoted.outer_end)
        if verb is None and dash:
            # `“...” ― Ana Ruiz`: a quotation signed with a dash (tweets, epigraphs).
            signature = _tokens_between(doc, dash.end(), min(len(text), dash.end() + 80))
            name = []
            for token in signature:
                if token.pos_ != "PROPN" and not (name and token.text in (".", "-")) or "\n" in token.text:
                    break
                name.append(token)
            if name:
                made = Candidate("direct", quoted.start, quoted.end, (dash.start(), dash.end()), None, 0.7,
                                 from_quote=True)
                made.mention = (name[0].i, name[-1].i + 1)
                out.append(made)
                previous, previous_quote = made, quoted
                continue
        colon_subject = None
        if verb is None and left and left[-1].text == ":":
            # `The text consists of one sentence: ‘...’`: the document speaks.
            colon = left[-1]
            s_start = sentence_of(colon)[0]
            # The clause before the colon: its highest verb, whose head lies outside it.
            before = [t for t in doc[s_start : colon.i] if t.head == t or t.head.i >= colon.i]
            verbs = [t for t in before if t.pos_ in ("VERB", "AUX")] or before
            if verbs:
                colon_subject = next((c for c in verbs[0].children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if colon_subject is not None:
            made = Candidate("direct", quoted.start, quoted.end, None, None, 0.7, from_quote=True)
            m_start, m_end = noun_phrase(colon_subject, left[-1])
            verb_at = colon_subject.head.i
            made.mention = (m_start, min(m_end, verb_at) if verb_at > m_start else m_end)  # ends at its verb
        elif verb is not None:
            cue_tok = verb
            cue = (cue_tok.idx, cue_tok.idx + len(cue_tok.text))
            made = Candidate("direct", quoted.start, quoted.end, cue, verb.i, 0.9, from_quote=True)
            made.mention = verb_mention
            continued = _continued_after_close(doc, quoted, verb_mention)
            if continued is not None:
                made.kind, made.end = "mixed", continued
        else:
            made = Candidate("direct", quoted.start, quoted.end, None, None, 0.5, from_quote=True)
            if previous is not None and previous_quote is not None and previous_quote.continues:
                made.inherit = previous  # a paragraph reopening the same quotation
                made.confidence = 0.8
        out.append(made)
        previous, previous_quote = made, quoted
    _attribute_chains_from_their_end(quotations, out)
    return out


def _attribute_chains_from_their_end(quotations: list[Quoted], made: list[Candidate]) -> None:
    """A quotation running over several paragraphs (each reopened, none closed) whose
    attribution comes only at its end (`“... / “... / “...,” he told delegates.`): every
    paragraph before shares it."""
    start = 0
    while start < len(quotations):
        end = start
        while end + 1 < len(quotations) and quotations[end].continues:
            end += 1
        chain = made[start : end + 1]
        last = next((c for c in reversed(chain) if c.verb is not None), None)
        if last is not None and chain[0].verb is None and chain[0].mention is None:
            for candidate in chain:
                if candidate.verb is None and candidate.mention is None:
                    candidate.verb, candidate.cue, candidate.mention = last.verb, last.cue, last.mention
                    candidate.inherit, candidate.confidence = None, 0.8
        start = end + 1

"""The setting a sentence gives for a statement itself: a press conference and its place
(`told reporters in Oslo`, `said from Oslo`) or a body the speaker addressed (`told the council`)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from app.extraction.candidates import cue_token, sentences_of, text_of
from app.extraction.types import Statement, VenueRef
from app.extraction.venues.mentions import PLACE_ENTS, Mention, entity_text, name_token, venue_lexicon

PRESS_VERBS = ("tell", "brief", "speak", "talk", "say")
# `OSLO, May 3 -`, `Oslo (Agency) —`: the place an article was filed from.
_DATELINE = re.compile(r"\s*([A-Z][A-Za-z .'-]{1,30}?)\s*(?:\([^)\n]{1,25}\)\s*)?(?:,|—|–| -)")


def explicit_venue(doc: Doc, st: Statement, mentions: Sequence[Mention]) -> VenueRef | None:
    """The setting the sentence gives for this very statement: a press conference with its place,
    or a body the speaker addressed. `She told the council that ...` yields the council's venue;
    a sentence that gives no setting yields None."""
    cue = cue_token(doc, st, root_fallback=True)
    if cue is None:
        return None
    sent = cue.sent
    press = _press_conference(doc, st, cue, sent)
    if press is not None:
        return press
    for mention in mentions:
        if mention.sent_start != sent.start_char or mention.venue.kind != "body" or not mention.setting:
            continue
        if st.content.start <= mention.start < st.content.end:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and _attached_to(span.root, cue):
            return mention.venue
    return None


def _attached_to(token: Token, cue: Token) -> bool:
    """The mention hangs on the cue verb within a short path (`told the council`,
    `said at the Security Council`, `in a speech to the General Assembly, she said`)."""
    node, steps = token, 0
    while node.head.i != node.i and steps < 6:
        node = node.head
        steps += 1
        if node.i == cue.i:
            return True
        # `X, speaking at a news conference in Oslo, urged ...`: a speech participle passes through
        if node.pos_ == "VERB" and not (node.lemma_ in PRESS_VERBS + ("address",) and node.dep_ in ("advcl", "acl", "xcomp")):
            return False
    return False


def _anchors(cue: Token) -> list[Token]:
    """The cue, and for a participle (`confirmed the deal at a briefing, saying ...`) the
    verb it hangs on, where the setting is told."""
    if cue.tag_ == "VBG" and cue.dep_ in ("advcl", "conj", "xcomp") and cue.head.i != cue.i:
        return [cue, cue.head]
    return [cue]


def _press_conference(doc: Doc, st: Statement, cue: Token, sent: SpacySpan) -> VenueRef | None:
    hit: int | None = None
    for span in _press_nouns(doc, sent):
        if st.content.start <= span.start_char < st.content.end:
            continue
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in span.root.children):
            continue  # `a Security Council briefing` is a meeting of the council
        if any(_attached_to(span.root, anchor) for anchor in _anchors(cue)):
            hit = span.end_char
            break
    if hit is None:
        hit = _press_audience(cue, st)
    said_from = None if _interview(cue) else _said_from(cue, st)
    if hit is None and said_from is None:
        return None
    place = said_from or _place_after(sent, hit, st, cue) or (None if _on_the_move(sent, hit, st) else _dateline(doc))
    if place is None:
        return None  # GUIDELINES: no press-conference venue without a place
    return VenueRef(name=f"press conference in {place}", kind="press_conference", place=place)


# `told reporters on his plane`, `reporters travelling with him`: the speaker is on the move,
# not in the city of the dateline.
_ON_THE_MOVE = {"aboard", "plane", "flight", "aircraft", "jet", "travelling", "traveling"}


def _press_nouns(doc: Doc, sent: SpacySpan) -> Iterator[SpacySpan]:
    """The press-conference nouns of a sentence (`news conference`, `briefing`), as spans."""
    lowered = sent.text.lower()
    for noun, pattern in venue_lexicon()["press_noun_patterns"]:
        for match in pattern.finditer(lowered):
            char = sent.start_char + match.start()
            span = doc.char_span(char, char + len(noun), alignment_mode="expand")
            if span is not None:
                yield span


def _opens_place(token: Token) -> bool:
    """A place entity starts at `token`, or at the `The` before it (`in The Hague`)."""
    return token.ent_type_ in PLACE_ENTS and (token.ent_iob_ == "B" or token.i > 0 and token.doc[token.i - 1].ent_iob_ == "B"
                                               and token.doc[token.i - 1].lower_ == "the")


def _on_the_move(sent: SpacySpan, char: int | None, st: Statement) -> bool:
    if char is None:
        return False
    after = [t for t in sent if t.idx >= char][:6]
    return any(t.lower_ in _ON_THE_MOVE and not st.content.start <= t.idx < st.content.end for t in after)


def _press_audience(cue: Token, st: Statement) -> int | None:
    """`told reporters`, `briefing journalists`, `Speaking to reporters in Oslo, X said`: the end
    offset of the audience word, after which its place is looked for."""
    audiences = {a.split()[-1] for a in venue_lexicon()["press_audiences"]}
    verbs = [cue] + [c for c in cue.children if c.dep_ in ("advcl", "prep", "conj") and c.lemma_ in PRESS_VERBS]
    for verb in verbs:
        if verb.lemma_ not in PRESS_VERBS:
            continue
        for child in verb.children:
            objects = [child] if child.dep_ in ("dobj", "dative") else [
                c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ == "to" else []
            for obj in objects:
                # (`told The Associated Press` is an interview with an agency, not the press)
                if obj.lower_ in audiences and obj.pos_ != "PROPN" and not obj.ent_type_ \
                        and not (st.content.start <= obj.idx < st.content.end):
                    return obj.idx + len(obj)
    return None


def _interview(cue: Token) -> bool:
    """`told Al Jazeera from Cairo`: an interview with an outlet, no press conference."""
    return any(c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN" for c in cue.children)


def _said_from(cue: Token, st: Statement) -> str | None:
    """`said from Oslo`: the speaker spoke to the press from that city."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            for obj in child.children:
                if obj.ent_type_ in PLACE_ENTS and not (st.content.start <= obj.idx < st.content.end):
                    return entity_text(obj)
    # `on Tuesday night from Oslo`: the parser hangs `from` on the time noun
    for token in cue.subtree:
        if token.lower_ == "from" and token.head.ent_type_ in ("DATE", "TIME") and token.head.head.head.i == cue.i:
            for obj in token.children:
                if obj.ent_type_ in PLACE_ENTS:
                    return entity_text(obj)
    return None


def _place_after(sent: SpacySpan, char: int | None, st: Statement, cue: Token) -> str | None:
    """The first place named after the press-conference noun in the same sentence, outside the
    statement's content and in the attribution's own clause (`in a press conference ahead of
    talks in Oslo` -> Oslo; not `..., but he warned against sending troops to Ukraine`)."""
    if char is None:
        return None
    for token in sent:
        if token.idx < char or st.content.start <= token.idx < st.content.end:
            continue
        if _opens_place(token) and token.dep_ in ("pobj", "appos", "compound") \
                and not _topic(token) and _in_clause_of(token, cue):
            return entity_text(token)
    return None


def _in_clause_of(token: Token, cue: Token) -> bool:
    """The nearest verb above `token` is the cue (or the verb its participle hangs on), or a
    press verb (`speaking to reporters in X`)."""
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is None or any(verb.i == anchor.i for anchor in _anchors(cue)) or verb.lemma_ in PRESS_VERBS


def _topic(token: Token) -> bool:
    """`a briefing on the situation in Varania`: a place inside the subject matter is no location."""
    return any(a.dep_ == "prep" and a.lower_ in ("on", "about", "over", "regarding", "concerning")
               for a in list(token.ancestors)[:5])


def _dateline(doc: Doc) -> str | None:
    """`OSLO, May 3 -` / `Oslo, Agency -`: the place an article was filed from."""
    match = _DATELINE.match(text_of(doc))
    if not match or not all(word[:1].isupper() for word in match.group(1).split()):
        return None  # (`The leaders of South Korea, Japan and China met`: no dateline)
    span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    # A wire dateline in capitals (`BRUSSELS (AP) —`) is a place whatever the tagger says
    # (it often reads capitals as an organisation); otherwise the tagger must call it one.
    wire = match.group(1).isupper() and len(match.group(1)) > 3
    if span is None or not (wire or any(t.ent_type_ in PLACE_ENTS for t in span)):
        return None
    return match.group(1).title() if match.group(1).isupper() else match.group(1)


def relayed(doc: Doc, st: Statement) -> bool:
    """True when another source introduces the statement (`a correspondent said that, when asked,
    the envoy said ...`): the speaker's press conference elsewhere does not date it."""
    cue = cue_token(doc, st, root_fallback=True)
    if cue is None:
        return False
    mention = st.speaker_mention
    surname = name_token(st.speaker.name) if st.speaker else None
    node = cue
    # participles (`..., noting that`) hang on the speaker's own verb as advcl: only a
    # reported clause (ccomp) can sit inside someone else's report
    while node.head.i != node.i and node.dep_ == "ccomp":
        node = node.head
        if node.i > cue.i or node.pos_ != "VERB":
            continue
        for subject in (c for c in node.children if c.dep_ == "nsubj"):
            overlaps = mention is not None and subject.idx < mention.end and subject.idx + len(subject) > mention.start
            same_name = surname is not None and surname.casefold() in (t.lower_ for t in subject.subtree)
            if not overlaps and not same_name:
                return True
    return False


def press_conferences_given(doc: Doc) -> dict[str, VenueRef]:
    """`A and his counterpart, B, spoke at a joint news conference in Oslo`: every person the
    article names as giving a press conference with its place (its verb's subjects, and
    those `alongside` or `with` them), by casefolded last name, and that conference's venue,
    for their statements that do not say where they were made."""
    found: dict[str, VenueRef] = {}
    for sent in sentences_of(doc):
        for span in _press_nouns(doc, sent):
            place = next((entity_text(t) for t in sent if t.idx >= span.end_char and _opens_place(t)
                          and t.dep_ == "pobj" and t.head.lower_ == "in" and not _topic(t)), None)
            verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if place is None or verb is None:
                continue
            givers = [c for c in verb.children if c.dep_ == "nsubj"]
            beside = [c for c in (*verb.children, *span.root.subtree) if c.dep_ == "prep" and c.lower_ in ("alongside", "with")]
            givers += [c for prep in beside for c in prep.children if c.dep_ == "pobj"]
            venue = VenueRef(name=f"press conference in {place}", kind="press_conference", place=place)
            for giver in givers:
                for conjunct in (giver, *giver.conjuncts):
                    # (`his counterpart, B`: the name is the conjunct's appositive)
                    for person in (conjunct, *(c for c in conjunct.children if c.dep_ == "appos")):
                        if person.ent_type_ == "PERSON":
                            found.setdefault(person.lower_, venue)
    return found

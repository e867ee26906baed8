"""Where a statement was made: a body, a named negotiation or a press conference.

Priority (GUIDELINES `venue`): the setting the article gives for the statement itself
(`told the council`, `at a press conference in Rome`, `said from Rome`); then a press
conference the same speaker gave elsewhere in the article; then a body or negotiation
the speaker is tied to (named in the statement's sentence, or the speaker named in a
sentence about it); otherwise None.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span as SpacySpan, Token

from app.extraction.types import Statement, VenueRef

_DATA = Path(__file__).parent / "data" / "venues.json"
PLACE_ENTS = ("GPE", "LOC", "FAC")
# roles in which a body mention is the place of the action, not a modifier
# (`the council voted`, `told the council`, `in the General Assembly`; not `Security Council resolution`)
SETTING_DEPS = ("nsubj", "nsubjpass", "dobj", "dative", "pobj", "attr", "appos", "conj", "ROOT")
SETTING_PREPS = ("at", "in", "to", "before", "by", "during", "from", "of", "for")
MEETING_LEMMAS = ("meeting", "session", "debate", "sitting", "vote")
PRESS_VERBS = ("tell", "brief", "speak", "talk", "say")
# `proposed a summit in Addis Ababa`: talks someone asks for have not happened yet
PROPOSING_LEMMAS = ("propose", "suggest", "offer", "plan", "call", "urge", "seek", "want", "invite")
TITLE_TO_UN = re.compile(
    r"\b(?:ambassador|envoy|representative|permanent representative|delegate|mission)\s+(?:to|at)\s+the\s+"
    r"(?:UN|U\.N\.|United Nations)\b",
    re.I,
)


@dataclass(frozen=True)
class _Mention:
    venue: VenueRef
    start: int  # char offsets in the doc
    end: int
    sent_start: int  # char offset of its sentence, the key sentences are grouped by
    setting: bool  # True when the mention is the place of an action, not a modifier
    generic: bool = False  # `the talks`, `peace talks`: stands for the article's main negotiation


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, Any]:
    with _DATA.open(encoding="utf-8") as handle:
        data = json.load(handle)
    entries = []
    for entry in data["venues"]:
        ref = VenueRef(name=entry["name"], kind=entry["kind"])
        for variant in entry["variants"]:
            # acronyms are case-sensitive (`MSC`, `UNSC`); names are not
            flags = 0 if variant.isupper() else re.I
            entries.append((re.compile(r"(?<![\w-])" + re.escape(variant) + r"(?![\w-])", flags), ref, False))
        for anaphor in entry["anaphors"]:
            entries.append((re.compile(r"(?<![\w-])" + re.escape(anaphor) + r"(?![\w-])", re.I), ref, True))
    by_name = {entry["name"].casefold(): VenueRef(name=entry["name"], kind=entry["kind"]) for entry in data["venues"]}
    for entry in data["venues"]:
        for variant in entry["variants"]:
            by_name.setdefault(variant.casefold(), by_name[entry["name"].casefold()])
    return {
        "patterns": entries,
        "by_name": by_name,
        "talk_nouns": frozenset(data["talk_nouns"]),
        "generic_talk_nouns": frozenset(data["generic_talk_nouns"]),
        "press_nouns": tuple(sorted(data["press_nouns"], key=len, reverse=True)),
        "press_audiences": tuple(data["press_audiences"]),
    }


def assign_venues(doc: Doc, statements: Sequence[Statement]) -> list[VenueRef | None]:
    """`Smith told the Security Council on Monday that the siege must end.` yields
    [VenueRef("UN Security Council", "body")]; `Smith told reporters in Oslo that ...` yields
    [VenueRef("press conference in Oslo", "press_conference", "Oslo")]."""
    mentions = article_mentions(doc)
    explicit = [_explicit_venue(doc, st, mentions) for st in statements]
    keys = [_speaker_key(st) for st in statements]
    press_by_speaker: dict[str, VenueRef] = {}
    for key, venue in zip(keys, explicit):
        if key and venue is not None and venue.kind == "press_conference":
            press_by_speaker.setdefault(key, venue)
    links = _speaker_links(doc, statements, keys, mentions, explicit)
    venues: list[VenueRef | None] = []
    for st, key, venue in zip(statements, keys, explicit):
        if venue is None and key in press_by_speaker and not _relayed(doc, st):
            venue = press_by_speaker[key]
        if venue is None:
            venue = _own_sentence_venue(doc, st, mentions)
        if venue is None and key:
            venue = links.get(key)
        venues.append(venue)
    return venues


def venue_near(doc: Doc, start: int, end: int, actor_name: str | None) -> VenueRef | None:
    """The venue of a narrative stance at chars [start, end) by `actor_name`: a body or negotiation
    named in its sentence, else the article's one main negotiation or body when the actor is named
    next to it. `Russia vetoed the draft in the Security Council.` yields UN Security Council."""
    mentions = article_mentions(doc)
    sent = _sentence_at(doc, start)
    own = [m for m in mentions if m.sent_start == sent.start_char and m.setting]
    if own:
        return _resolve_generic(own[0], mentions)
    if actor_name:
        last = _name_token(actor_name)
        for mention in mentions:
            if mention.setting and last and re.search(r"\b" + re.escape(last) + r"\b", _sent_text(doc, mention), re.I):
                return _resolve_generic(mention, mentions)
    return None


# --- mentions of venues in the article -------------------------------------------------------


def article_mentions(doc: Doc) -> list[_Mention]:
    """Every mention of a body or a negotiation, in text order."""
    cached = doc.user_data.get("parley_venue_mentions")
    if cached is not None:
        return cached
    found: list[_Mention] = []
    gaz = _gazetteer()
    named_bodies = set()
    for pattern, ref, is_anaphor in gaz["patterns"]:
        if is_anaphor:
            continue
        for match in pattern.finditer(doc.text):
            named_bodies.add(ref.name)
            found.append(_gazetteer_mention(doc, match, ref))
    for pattern, ref, is_anaphor in gaz["patterns"]:
        # `the council` stands for the Security Council only where the article names it
        if is_anaphor and ref.name in named_bodies:
            found.extend(_gazetteer_mention(doc, match, ref) for match in pattern.finditer(doc.text))
    found.extend(_place_talks(doc))
    found = _dedupe(found)
    doc.user_data["parley_venue_mentions"] = found
    return found


def _gazetteer_mention(doc: Doc, match: re.Match[str], ref: VenueRef) -> _Mention:
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    setting = span is not None and _is_setting(span.root)
    sent = _sentence_at(doc, match.start())
    return _Mention(ref, match.start(), match.end(), sent.start_char, setting)


def _is_setting(root: Token) -> bool:
    if root.dep_ in ("compound", "amod", "nmod", "poss"):
        # `Security Council meeting` is a setting, `Security Council resolution` is not
        return root.head.lemma_.lower() in MEETING_LEMMAS
    if root.dep_ == "pobj":
        return root.head.lower_ in SETTING_PREPS
    return root.dep_ in SETTING_DEPS or root.dep_ in ("nsubj", "npadvmod")


def _place_talks(doc: Doc) -> list[_Mention]:
    """`talks in Ankara`, `Ankara talks`, `negotiations taking place in Ankara`,
    `rounds of talks were held in the capital of Astana` -> `Ankara talks` / `Astana talks`."""
    talk_nouns = _gazetteer()["talk_nouns"]
    found = []
    for token in doc:
        if token.lower_ not in talk_nouns or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(c.lower_ in ("press", "news") for c in token.children if c.dep_ in ("compound", "amod")):
            continue  # a press conference is a setting of its own, read per statement
        head = _talk_head(token)
        place = _place_of_talks(token) or (_place_of_talks(head) if head.i != token.i else None)
        sent = token.sent
        if token.dep_ == "compound" and token.head.lemma_.lower() not in MEETING_LEMMAS:
            continue  # `summit declaration`, `talks process`: a modifier, not the event
        if place is None:
            if token.lower_ in _gazetteer()["generic_talk_nouns"]:
                found.append(_Mention(VenueRef("talks", "talks"), token.idx, token.idx + len(token), sent.start_char,
                                      True, generic=True))
            continue
        named = any(c.dep_ == "compound" and c.ent_type_ in PLACE_ENTS for c in token.children)
        if not named and token.dep_ not in ("nsubj", "nsubjpass") and _planned(token):
            continue  # `offered to host the next round in Belgrade`: not where anything was said
        noun = "summit" if token.lower_ == "summit" else "conference" if token.lower_ == "conference" else "talks"
        name = f"{place} {noun}"
        ref = _gazetteer()["by_name"].get(name.casefold()) or VenueRef(
            name=name, kind="conference" if noun != "talks" else "talks", place=place)
        found.append(_Mention(ref, token.idx, token.idx + len(token), sent.start_char, True))
    return found


def _planned(token: Token) -> bool:
    """True when the talks are only planned: governed by an infinitive or a future modal."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.lemma_.lower() in PROPOSING_LEMMAS or any(
                c.dep_ == "aux" and c.lower_ in ("to", "will", "would", "shall", "'ll") for c in node.children)
    return False


def _talk_head(token: Token) -> Token:
    # `rounds of talks` / `a round of talks`: the place attaches to `rounds` or its verb
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in ("round", "rounds", "days"):
        return token.head.head
    return token


def _place_of_talks(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "compound" and child.ent_type_ in PLACE_ENTS:
            return _entity_text(child)
    candidates = [child for child in token.children if child.dep_ == "prep" and child.lower_ in ("in", "at")]
    # `negotiations taking place in Ankara`, `talks held in Astana`, `talks were held in Astana`
    for child in token.children:
        if child.dep_ == "acl" and child.lemma_ in ("take", "hold", "begin", "resume", "open", "continue", "start"):
            candidates.extend(c for c in child.children if c.dep_ == "prep" and c.lower_ in ("in", "at"))
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in (
            "hold", "take", "begin", "resume", "open", "continue", "start", "convene", "meet", "be"):
        candidates.extend(c for c in token.head.children if c.dep_ == "prep" and c.lower_ in ("in", "at"))
    for prep in candidates:
        for obj in prep.children:
            if obj.dep_ == "pobj":
                place = _place_in(obj)
                if place:
                    return place
    return None


def _place_in(obj: Token) -> str | None:
    """`Ankara` -> Ankara; `the Kazakh capital Astana` / `the capital of Astana` -> Astana."""
    if obj.ent_type_ in PLACE_ENTS:
        return _entity_text(obj)
    for child in obj.subtree:
        if child.ent_type_ in PLACE_ENTS and child.dep_ in ("appos", "pobj", "compound") and child.i != obj.i:
            if child.dep_ == "compound" and child.head.i == obj.i:
                continue  # `the Kazakh capital`: an adjective-like place, not the city
            return _entity_text(child)
    return None


def _entity_text(token: Token) -> str:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return re.sub(r"^(?:the|The)\s+", "", ent.text)
    return token.text


def _dedupe(mentions: list[_Mention]) -> list[_Mention]:
    """Drop a mention contained in a longer one (`Security Council` in `UN Security Council`)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[_Mention] = []
    for mention in ordered:
        if any(k.start <= mention.start and mention.end <= k.end for k in kept):
            continue
        kept.append(mention)
    return kept


def _main_venue(mentions: Sequence[_Mention], kind: str) -> VenueRef | None:
    """The most-mentioned named venue of a kind group: `talks` or `body`."""
    kinds = ("talks", "conference") if kind == "talks" else ("body",)
    named = [m for m in mentions if m.venue.kind in kinds and not m.generic and m.setting]
    if not named:
        return None
    counts = Counter(m.venue for m in named)
    # the venue the article opens with is its setting more often than not
    counts[named[0].venue] += 2
    first: dict[VenueRef, int] = {}
    for m in named:
        first.setdefault(m.venue, m.start)
    return max(counts, key=lambda v: (counts[v], -first[v]))


def _resolve_generic(mention: _Mention, mentions: Sequence[_Mention]) -> VenueRef | None:
    return _main_venue(mentions, "talks") if mention.generic else mention.venue


# --- per statement ------------------------------------------------------------------------------


def _speaker_key(st: Statement) -> str | None:
    if st.speaker is not None:
        return st.speaker.name.casefold()
    if st.speaker_mention is not None:
        return st.speaker_mention.text.casefold()
    return None


def _anchor(st: Statement) -> int:
    """A char offset in the sentence that holds the attribution."""
    if st.cue is not None:
        return st.cue.start
    if st.speaker_mention is not None:
        return st.speaker_mention.start
    return st.content.start


def _sentence_at(doc: Doc, char: int) -> SpacySpan:
    token = doc.char_span(char, min(char + 1, len(doc.text)), alignment_mode="expand")
    if token is None or len(token) == 0:
        for sent in doc.sents:
            if sent.start_char <= char < sent.end_char:
                return sent
        return doc[:]
    return token[0].sent


def _sent_text(doc: Doc, mention: _Mention) -> str:
    return _sentence_at(doc, mention.start).text


def _cue_token(doc: Doc, st: Statement) -> Token | None:
    if st.cue is None:
        return None
    span = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    return verbs[0] if verbs else span.root


def _explicit_venue(doc: Doc, st: Statement, mentions: Sequence[_Mention]) -> VenueRef | None:
    """The setting the sentence gives for this very statement: a press conference with its place,
    or a body the speaker addressed (`told the council`)."""
    cue = _cue_token(doc, st)
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
    while node.head.i != node.i and steps < 4:
        node = node.head
        steps += 1
        if node.i == cue.i:
            return True
        if node.pos_ == "VERB" and node.i != cue.i:
            return False
    return False


def _press_conference(doc: Doc, st: Statement, cue: Token, sent: SpacySpan) -> VenueRef | None:
    gaz = _gazetteer()
    lowered = sent.text.lower()
    hit: int | None = None
    for noun in gaz["press_nouns"]:
        for match in re.finditer(r"\b" + re.escape(noun) + r"\b", lowered):
            char = sent.start_char + match.start()
            if st.content.start <= char < st.content.end:
                continue
            span = doc.char_span(char, char + len(noun), alignment_mode="expand")
            if span is not None and _attached_to(span.root, cue):
                hit = char + len(noun)
                break
        if hit is not None:
            break
    if hit is None:
        hit = _press_audience(cue, st)
    said_from = _said_from(cue, st)
    if hit is None and said_from is None:
        return None
    place = said_from or _place_after(doc, sent, hit, st) or _dateline(doc)
    if place is None:
        return None  # GUIDELINES: no press-conference venue without a place
    return VenueRef(name=f"press conference in {place}", kind="press_conference", place=place)


def _press_audience(cue: Token, st: Statement) -> int | None:
    """`told reporters`, `briefing journalists`, `Speaking to reporters in Ankara, X said`: the end
    offset of the audience word, after which its place is looked for."""
    audiences = {a.split()[-1] for a in _gazetteer()["press_audiences"]}
    verbs = [cue] + [c for c in cue.children if c.dep_ in ("advcl", "prep", "conj") and c.lemma_ in PRESS_VERBS]
    for verb in verbs:
        if verb.lemma_ not in PRESS_VERBS:
            continue
        for child in verb.children:
            objects = [child] if child.dep_ in ("dobj", "dative") else [
                c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ == "to" else []
            for obj in objects:
                if obj.lower_ in audiences and not (st.content.start <= obj.idx < st.content.end):
                    return obj.idx + len(obj)
    return None


def _said_from(cue: Token, st: Statement) -> str | None:
    """`said from Rome`: the speaker spoke to the press from that city."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            for obj in child.children:
                if obj.ent_type_ in PLACE_ENTS and not (st.content.start <= obj.idx < st.content.end):
                    return _entity_text(obj)
    # `on Friday evening from Rome`: the parser hangs `from` on the time noun
    for token in cue.subtree:
        if token.lower_ == "from" and token.head.ent_type_ in ("DATE", "TIME") and token.head.head.head.i == cue.i:
            for obj in token.children:
                if obj.ent_type_ in PLACE_ENTS:
                    return _entity_text(obj)
    return None


def _place_after(doc: Doc, sent: SpacySpan, char: int | None, st: Statement) -> str | None:
    """The first place named after the press-conference noun in the same sentence, outside the
    statement's content (`in a press conference ahead of talks in Geneva` -> Geneva)."""
    if char is None:
        return None
    for token in sent:
        if token.idx < char or st.content.start <= token.idx < st.content.end:
            continue
        if token.ent_type_ in PLACE_ENTS and token.dep_ in ("pobj", "appos", "compound") and token.ent_iob_ == "B":
            return _entity_text(token)
    return None


def _dateline(doc: Doc) -> str | None:
    """`GENEVA, March 3 -` / `Geneva, SANA -`: the place an article was filed from."""
    match = re.match(r"\s*([A-Z][A-Za-z .'-]{1,30}?)\s*(?:,|—|–| -)", doc.text)
    if not match:
        return None
    span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if span is None or not any(t.ent_type_ in PLACE_ENTS for t in span):
        return None
    return match.group(1).title() if match.group(1).isupper() else match.group(1)


def _relayed(doc: Doc, st: Statement) -> bool:
    """True when another source introduces the statement (`a correspondent said that, when asked,
    the envoy said ...`): the speaker's press conference elsewhere does not date it."""
    cue = _cue_token(doc, st)
    if cue is None:
        return False
    mention = st.speaker_mention
    surname = _name_token(st.speaker.name) if st.speaker else None
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


def _own_sentence_venue(doc: Doc, st: Statement, mentions: Sequence[_Mention]) -> VenueRef | None:
    """A body acting in the statement's sentence (`the council voted on a draft calling for ...`)
    or a negotiation named there (`said that the talks in Vienna made progress`)."""
    sent = _sentence_at(doc, _anchor(st))
    own = [m for m in mentions if m.sent_start == sent.start_char and m.setting]
    bodies = [m for m in own if m.venue.kind == "body" and not (st.content.start <= m.start < st.content.end)]
    if bodies:
        subjects = [m for m in bodies if _is_subject(doc, m)]
        return (subjects or bodies)[0].venue
    talks = [m for m in own if m.venue.kind in ("talks", "conference")]
    named = [m for m in talks if not m.generic]
    if named:
        return named[0].venue
    if talks:
        return _main_venue(mentions, "talks")
    return None


def _is_subject(doc: Doc, mention: _Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def _speaker_links(doc: Doc, statements: Sequence[Statement], keys: Sequence[str | None],
                   mentions: Sequence[_Mention], explicit: Sequence[VenueRef | None]) -> dict[str, VenueRef]:
    """The body or negotiation each speaker takes part in, as far as the article says."""
    links: dict[str, VenueRef] = {}
    main_body = _main_venue(mentions, "body")
    main_talks = _main_venue(mentions, "talks")
    for st, key, venue in zip(statements, keys, explicit):
        if not key or key in links:
            continue
        if venue is not None and venue.kind == "body":
            links[key] = venue
            continue
        own = _own_sentence_venue(doc, st, mentions)
        if own is not None:
            links[key] = own
    for st, key in zip(statements, keys):
        if not key or key in links:
            continue
        mention_text = st.speaker_mention.text if st.speaker_mention else ""
        name = st.speaker.name if st.speaker else mention_text
        if main_body is not None and (TITLE_TO_UN.search(mention_text) or TITLE_TO_UN.search(name)
                                      or _is_document(mention_text)):
            links[key] = main_body
            continue
        linked = _named_beside(doc, name, mentions)
        if linked is not None:
            links[key] = linked
        elif main_talks is not None and _named_beside(doc, name, mentions, generic=True):
            links[key] = main_talks
    return links


def _named_beside(doc: Doc, name: str, mentions: Sequence[_Mention], generic: bool = False) -> VenueRef | None:
    """A venue mentioned in a sentence that also names the speaker (`Zarif spoke after talks in Vienna`)."""
    last = _name_token(name)
    if not last:
        return None
    pattern = re.compile(r"\b" + re.escape(last) + r"\b", re.I)
    for mention in mentions:
        if not mention.setting or mention.generic != generic:
            continue
        if pattern.search(_sent_text(doc, mention)):
            return mention.venue if not generic else _main_venue(mentions, "talks")
    return None


def _name_token(name: str) -> str | None:
    words = [w for w in re.findall(r"[\w’'-]+", name) if w.lower() not in ("the", "of", "and")]
    return words[-1] if words else None


def _is_document(mention_text: str) -> bool:
    return bool(re.search(r"\b(?:resolution|draft|text|amendments?|motion)\b", mention_text, re.I))

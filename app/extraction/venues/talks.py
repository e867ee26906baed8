"""Negotiations named by their place: `talks in Oslo`, `the Oslo talks`, `a round of talks
held in the Maltese capital Valletta` all give a `talks` venue with its place."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.extraction.candidates import per_doc, tokens_of
from app.extraction.types import VenueRef
from app.extraction.venues.mentions import MEETING_LEMMAS, PLACE_ENTS, Mention, entity_text, venue_lexicon

GATHERING_LEMMAS = ("meet", "gather", "convene", "arrive", "assemble", "return")
# `proposed a summit in Lisbon`: talks someone asks for have not happened yet
PROPOSING_LEMMAS = ("propose", "suggest", "offer", "plan", "call", "urge", "seek", "want", "invite")


def place_talks(doc: Doc) -> list[Mention]:
    """`talks in Oslo`, `Oslo talks`, `negotiations under way in Oslo`,
    `rounds of talks were held in the capital of Malta` -> `Oslo talks` / `Malta talks`; a bare
    `the talks` yields a generic mention that stands for the article's main negotiation."""
    talk_nouns = venue_lexicon()["talk_nouns"]
    found = []
    for token in tokens_of(doc):
        if token.lower_ not in talk_nouns or token.pos_ not in ("NOUN", "PROPN"):
            continue
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod")}
        if modifiers & {"press", "news"}:
            continue  # a press conference is a setting of its own, read per statement
        if modifiers & venue_lexicon()["internal_meeting_modifiers"]:
            continue  # `a cabinet meeting in Jerusalem`: one side's own meeting, no negotiation
        head = _talk_head(token)
        place = _place_of_talks(token) or (_place_of_talks(head) if head.i != token.i else None)
        sent = token.sent
        if token.dep_ == "compound" and token.head.lemma_.lower() not in MEETING_LEMMAS:
            continue  # `summit declaration`, `talks process`: a modifier, not the event
        if place is None:
            if token.lower_ in venue_lexicon()["generic_talk_nouns"]:
                found.append(Mention(VenueRef("talks", "talks"), token.idx, token.idx + len(token), sent.start_char,
                                      True, generic=True))
            continue
        named = any(c.dep_ == "compound" and c.ent_type_ in PLACE_ENTS for c in token.children)
        if not named and token.dep_ not in ("nsubj", "nsubjpass") and _planned(token):
            continue  # `offered to host the next round in Lisbon`: not where anything was said
        noun = "summit" if token.lower_ == "summit" else "conference" if token.lower_ == "conference" else "talks"
        name = f"{place} {noun}"
        ref = venue_lexicon()["by_name"].get(name.casefold()) or _body_summit(token) or VenueRef(
            name=name, kind="conference" if noun != "talks" else "talks", place=place)
        found.append(Mention(ref, token.idx, token.idx + len(token), sent.start_char, True))
    return found


def _body_summit(token: Token) -> VenueRef | None:
    """`Leaders of the G20 wrapped up their summit in Johannesburg`: a summit the sentence
    gives to a body the gazetteer holds a summit of (`G20 summit`) is that summit."""
    if token.lower_ != "summit":
        return None
    by_name = venue_lexicon()["by_name"]
    words = [t.text for t in token.sent if t.i < token.i]
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            ref = by_name.get(f"{' '.join(words[i:i + n])} summit".casefold())
            if ref is not None:
                return ref
    return None


def _planned(token: Token) -> bool:
    """True when the talks are only planned: governed by an infinitive or a future modal
    (but `agreed to extend the truce after talks in Istanbul`: talks already held)."""
    held = token
    while held.dep_ == "pobj" and held.head.lower_ == "of" and held.head.head.i != held.head.i:
        held = held.head.head  # (`after two days of talks in Istanbul`)
    if held.dep_ == "pobj" and held.head.lower_ in ("after", "following", "during"):
        return False
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
    """Where talks are held: `Oslo` for `talks` in `Oslo talks` or `talks held in Oslo`."""
    for child in token.children:
        if child.dep_ == "compound" and (child.ent_type_ in PLACE_ENTS or child.pos_ == "PROPN"
                                         and child.lower_ in _places_named(token.doc)):
            return entity_text(child) if child.ent_type_ in PLACE_ENTS else child.text
    candidates = [child for child in token.children if child.dep_ == "prep" and child.lower_ in ("in", "at")]
    # `negotiations under way in Oslo`, `talks held in Oslo`, `talks were held in Oslo`
    for child in token.children:
        if child.dep_ == "acl" and child.lemma_ in ("take", "hold", "begin", "resume", "open", "continue", "start"):
            candidates.extend(c for c in child.children if c.dep_ == "prep" and c.lower_ in ("in", "at"))
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in (
            "hold", "take", "begin", "resume", "open", "continue", "start", "convene", "meet", "be"):
        candidates.extend(c for c in token.head.children if c.dep_ == "prep" and c.lower_ in ("in", "at"))
        verb = token.head
        if verb.dep_ == "relcl" and verb.head.ent_type_ in PLACE_ENTS \
                and any(c.lower_ == "where" for c in verb.children):
            return entity_text(verb.head)  # `in Caracas, where the talks were held`
    # `negotiators met in Oslo for a new round of talks`
    if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lemma_ in GATHERING_LEMMAS:
        candidates.extend(c for c in token.head.head.children if c.dep_ == "prep" and c.lower_ in ("in", "at"))
    for prep in candidates:
        for obj in prep.children:
            if obj.dep_ == "pobj":
                place = _place_in(obj)
                if place:
                    return place
    return None


def _places_named(doc: Doc) -> frozenset[str]:
    """Single-word places the article names somewhere (the NER may miss one in `the Luanda
    talks` that it finds in `told reporters in Luanda`), lower-cased."""
    def build(d: Doc) -> frozenset[str]:
        return frozenset(t.lower_ for t in tokens_of(d) if t.ent_type_ in PLACE_ENTS and t.ent_iob_ == "B"
                         and (t.i + 1 == len(d) or d[t.i + 1].ent_iob_ != "I"))
    return per_doc(doc, "parley_places_named", build)


def _place_in(obj: Token) -> str | None:
    """`Oslo` -> Oslo; `the Maltese capital Valletta` / `the capital of Malta` -> Valletta / Malta."""
    if obj.ent_type_ in PLACE_ENTS:
        return entity_text(obj)
    for child in obj.subtree:
        if child.ent_type_ in PLACE_ENTS and child.dep_ in ("appos", "pobj", "compound") and child.i != obj.i:
            if child.dep_ == "compound" and child.head.i == obj.i:
                continue  # `the Maltese capital`: an adjective-like place, not the city
            return entity_text(child)
    return None

"""A venue for each statement, and for a stance the article reports in its own voice.

Priority (GUIDELINES `venue`): the setting the article gives for the statement itself
(settings); then a press conference the same speaker gave elsewhere in the article; then a
body or negotiation the speaker is tied to (linking); otherwise None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from app.extraction.candidates import per_doc
from app.extraction.types import Statement, VenueRef
from app.extraction.venues.linking import mention_key, own_sentence_venue, speaker_key, speaker_links
from app.extraction.venues.mentions import (
    Mention,
    dedupe_mentions,
    gazetteer_mentions,
    name_token,
    resolve_generic,
    sentence_at,
    sentence_text,
)
from app.extraction.venues.settings import explicit_venue, press_conferences_given, relayed
from app.extraction.venues.talks import place_talks


def assign_venues(doc: Doc, statements: Sequence[Statement]) -> list[VenueRef | None]:
    """`Kahl told the Security Council on Monday that the siege must end.` yields
    [VenueRef("UN Security Council", "body")]; `Kahl told reporters in Oslo that ...` yields
    [VenueRef("press conference in Oslo", "press_conference", "Oslo")]."""
    mentions = _article_mentions(doc)
    explicit = [explicit_venue(doc, st, mentions) for st in statements]
    keys = [speaker_key(st) for st in statements]
    aliases = [mention_key(st) for st in statements]
    press_by_speaker: dict[str, VenueRef] = {}
    for key, alias, venue in zip(keys, aliases, explicit):
        if venue is not None and venue.kind == "press_conference":
            for name in (key, alias):
                if name:
                    press_by_speaker.setdefault(name, venue)
    for name, venue in press_conferences_given(doc).items():
        press_by_speaker.setdefault(name, venue)
    links = speaker_links(doc, statements, keys, mentions, explicit)
    venues: list[VenueRef | None] = []
    for st, key, alias, venue in zip(statements, keys, aliases, explicit):
        press = press_by_speaker.get(key or "") or press_by_speaker.get(alias or "")
        if venue is None and press is not None and not relayed(doc, st):
            venue = press
        if venue is None:
            venue = own_sentence_venue(doc, st, mentions)
        if venue is None and key:
            venue = links.get(key)
        venues.append(venue)
    return venues


def venue_near(doc: Doc, start: int, end: int, actor_name: str | None) -> VenueRef | None:
    """The venue of a narrative stance at chars [start, end) by `actor_name`: a body or negotiation
    named in its sentence, else the article's one main negotiation or body when the actor is named
    next to it. `Ostland vetoed the draft in the Security Council.` yields UN Security Council."""
    mentions = _article_mentions(doc)
    sent = sentence_at(doc, start)
    own = [m for m in mentions if m.sent_start == sent.start_char and m.setting]
    if own:
        return resolve_generic(own[0], mentions)
    if actor_name:
        last = name_token(actor_name)
        for mention in mentions:
            if mention.setting and last and re.search(r"\b" + re.escape(last) + r"\b", sentence_text(doc, mention), re.I):
                return resolve_generic(mention, mentions)
    return None


def _article_mentions(doc: Doc) -> list[Mention]:
    """Every mention of a body or a negotiation, in text order (once per Doc: positions
    asks again for every narrative stance)."""
    return per_doc(doc, "parley_venue_mentions", lambda d: dedupe_mentions(gazetteer_mentions(d) + place_talks(d)))

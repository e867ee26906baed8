"""Tying a speaker to a venue: a body or negotiation in the statement's own sentence, or
one the article places the speaker at (a UN ambassador in a council debate, a negotiator
named beside the talks)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from app.extraction.candidates import Covered, text_of
from app.extraction.mentions import state_name
from app.extraction.types import Statement, VenueRef
from app.extraction.venues.mentions import Mention, main_venue, name_token, sentence_at, sentence_text

PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their"}
# in an article set in a UN body, an ambassador not posted elsewhere speaks there
DIPLOMAT_TITLE = re.compile(r"\b(?:ambassador|representative|delegate)\b(?!\s+(?:to|in)\s+(?!the\s+(?:UN|U\.N\.|United Nations)))", re.I)
# `ambassador to the UN`, `permanent representative to the United Nations`, `UN ambassador`:
# a state's voice in the UN bodies (not `UN envoy`, who is a UN official working elsewhere)
TITLE_TO_UN = re.compile(
    r"\b(?:(?:ambassador|envoy|representative|permanent representative|delegate|mission)\s+(?:to|at)\s+the\s+"
    r"(?:UN|U\.N\.|United Nations)\b|(?:UN|U\.N\.)\s+(?:ambassador|representative))",
    re.I,
)


# A speaker whose role is the negotiation itself takes part in the article's main talks.
NEGOTIATOR_TITLE = re.compile(r"\b(?:(?:chief\s+)?negotiators?|mediators?|delegation|delegates?)\b", re.I)


def _negotiator_words(doc: Doc) -> frozenset[str]:
    """Lower-cased words within a few tokens of `negotiator`, `mediator` or `delegation`:
    `Ana Ruiz, the government's chief negotiator` or `Ruiz, who heads the delegation` puts
    `ruiz` in, so the article calls that speaker a negotiator (one pass over the article)."""
    words: set[str] = set()
    wanted = {doc.vocab.strings.add(word) for word in ("negotiator", "mediator", "delegation")}
    # Lemma ids as one array: no Token object is made for the other words of the article.
    for i, lemma in enumerate(doc.to_array("LEMMA").tolist()):
        if lemma in wanted:
            # (`the delegation, led by Syria's ambassador Bashar al-Jaafari,`: its leader too)
            led = any(t.lower_ in ("led", "headed") for t in doc[i + 1 : i + 4])
            words.update(t.lower_ for t in doc[max(0, i - 6) : i + (14 if led else 3)] if t.is_alpha)
    return frozenset(words)


def mention_key(st: Statement) -> str | None:
    """The last capitalised word of the mention, casefolded (`lindqvist` for `UN Special Envoy
    ... Aron Lindqvist`), a second handle on the speaker when resolution went astray; None for
    a mention that ends in a pronoun."""
    if st.speaker_mention is None:
        return None
    words = [w for w in re.findall(r"[\w’'-]+", st.speaker_mention.text) if w[:1].isupper()]
    if not words or words[-1].casefold() in PRONOUNS:
        return None  # `He` at a sentence start names nobody in particular
    return words[-1].casefold()


def speaker_key(st: Statement) -> str | None:
    """The speaker's last name word, casefolded: `Varga` and `Elin Varga` both yield `varga`,
    one speaker even when resolution left one of them short."""
    name = st.speaker.name if st.speaker is not None else st.speaker_mention.text if st.speaker_mention else None
    last = name_token(name) if name else None
    return last.casefold() if last else None


def _anchor(st: Statement) -> int:
    """A char offset in the sentence that holds the attribution."""
    if st.cue is not None:
        return st.cue.start
    if st.speaker_mention is not None:
        return st.speaker_mention.start
    return st.content.start


def own_sentence_venue(doc: Doc, st: Statement, mentions: Sequence[Mention]) -> VenueRef | None:
    """A body acting in the statement's sentence (`the council debated a draft calling for ...`)
    or a negotiation named there (`said that the talks in Oslo made progress`); None when the
    sentence names neither."""
    sent = sentence_at(doc, _anchor(st))
    own = [m for m in mentions if m.sent_start == sent.start_char and m.setting]
    bodies = [m for m in own if m.venue.kind == "body" and not (st.content.start <= m.start < st.content.end)]
    if bodies:
        subjects = [m for m in bodies if _is_subject(doc, m)]
        return (subjects or bodies)[0].venue
    talks = [m for m in own if m.venue.kind in ("talks", "conference") and not _kept_out(doc, st, m)]
    named = [m for m in talks if not m.generic]
    if named:
        return named[0].venue
    if any(not _talks_to_come(doc, st, m) for m in talks):
        return main_venue(mentions, "talks")
    return None


_TO_COME = {"further", "new", "more", "fresh", "future", "another", "next", "possible", "renewed"}


def _talks_to_come(doc: Doc, st: Statement, mention: Mention) -> bool:
    """`said Moscow was ready to host further talks`: unnamed talks yet to come that the
    statement speaks of are its subject, not where it was said (while `said the talks had
    stalled` speaks from inside the article's negotiation)."""
    if not mention.generic or not st.content.start <= mention.start < st.content.end:
        return False
    words = re.findall(r"[\w-]+", text_of(doc)[max(0, mention.start - 30):mention.end].lower())
    return bool(_TO_COME.intersection(words[-3:-1]))


# `had not been invited to the talks`, `was excluded from the Geneva talks`
_KEPT_OUT = re.compile(
    r"(?:\b(?:not|never)\s+(?:\w+\s+){0,2}(?:invited|included|allowed|asked)\s+(?:to|into|in)"
    r"|\b(?:excluded|barred|shut\s+out|left\s+out|kept\s+out)\s+(?:of|from))\s+(?:the\s+)?$",
    re.I,
)


def _kept_out(doc: Doc, st: Statement, mention: Mention) -> bool:
    """Talks the statement says its speaker was kept out of are not where it speaks from."""
    if not st.content.start <= mention.start < st.content.end:
        return False
    return _KEPT_OUT.search(text_of(doc)[max(0, mention.start - 50):mention.start]) is not None


def _is_subject(doc: Doc, mention: Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def speaker_links(doc: Doc, statements: Sequence[Statement], keys: Sequence[str | None],
                   mentions: Sequence[Mention], explicit: Sequence[VenueRef | None]) -> dict[str, VenueRef]:
    """The body or negotiation each speaker takes part in, as far as the article says, by
    speaker key: a speaker who `told the council` once is linked to the council for every
    statement of theirs."""
    links: dict[str, VenueRef] = {}
    main_body = main_venue(mentions, "body")
    main_talks = main_venue(mentions, "talks")
    # A body some statement names (`he had urged the Security Council to visit`) is what it
    # speaks of, no place its speaker spoke in (found once, by bisection over the contents).
    inside_content = Covered([(s.content.start, s.content.end) for s in statements])
    spoken_of = {id(m) for m in mentions if m.venue.kind == "body" and inside_content(m.start)}
    negotiators = _negotiator_words(doc) if main_talks is not None else frozenset()
    for st, key, venue in zip(statements, keys, explicit):
        if not key or key in links:
            continue
        if venue is not None and venue.kind == "body":
            links[key] = venue
            continue
        own = own_sentence_venue(doc, st, mentions)
        if own is not None:
            links[key] = own
    for st, key in zip(statements, keys):
        if not key or key in links:
            continue
        mention_text = st.speaker_mention.text if st.speaker_mention else ""
        name = st.speaker.name if st.speaker else mention_text
        if main_body is not None and (TITLE_TO_UN.search(mention_text) or TITLE_TO_UN.search(name)
                                      or DIPLOMAT_TITLE.search(mention_text) or _is_document(mention_text)):
            links[key] = main_body
            continue
        beside = [m for m in mentions
                  if id(m) not in spoken_of and not _talks_to_come(doc, st, m) and not _kept_out(doc, st, m)]
        last = name_token(name)
        if main_talks is not None and (NEGOTIATOR_TITLE.search(mention_text) or last and last.lower().rsplit("-", 1)[-1] in negotiators):
            links[key] = main_talks  # `the government's chief negotiator` takes part in the talks
            continue
        linked = _named_beside(doc, name, beside) or _party_beside(doc, st, beside)
        if linked is not None:
            links[key] = linked
        elif main_talks is not None and _named_beside(doc, name, beside, generic=True):
            links[key] = main_talks
    return links


def _states_in(doc: Doc, start: int, end: int) -> set[str]:
    """States the chars [start, end) name, by name or nationality (`Rwanda's`, `Rwandan`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return set()
    return {state for t in span if t.ent_type_ in ("GPE", "NORP") and (state := state_name(t.text))}


def _party_beside(doc: Doc, st: Statement, mentions: Sequence[Mention]) -> VenueRef | None:
    """`The ministers of Congo and Rwanda failed to agree as the Luanda talks stalled ... Rwanda's
    foreign minister said`: a speaker whose mention names a state the talks' sentence names as
    taking part speaks as a party to those talks."""
    if st.speaker_mention is None:
        return None
    states = _states_in(doc, st.speaker_mention.start, st.speaker_mention.end)
    # `the two sides`, resolved to `Ethiopia and Tigray interim administration`: each party
    parties = re.split(r",\s*|\s+and\s+", st.speaker.name) if st.speaker is not None and st.speaker.kind == "group" else []
    states |= {state for part in parties if (state := state_name(part))}
    if not states and not parties:
        return None
    for mention in mentions:
        if mention.setting and mention.venue.kind == "talks":
            sentence = sentence_at(doc, mention.start)
            named = any(re.search(r"\b" + re.escape(part) + r"\b", sentence.text) for part in parties if len(part) > 3)
            if named or states & _states_in(doc, sentence.start_char, sentence.end_char):
                return main_venue(mentions, "talks") if mention.generic else mention.venue
    return None


def _named_beside(doc: Doc, name: str, mentions: Sequence[Mention], generic: bool = False) -> VenueRef | None:
    """A venue mentioned in a sentence that also names the speaker (`Varga spoke after talks in Oslo`)."""
    last = name_token(name)
    if not last:
        return None
    pattern = re.compile(r"\b" + re.escape(last) + r"\b", re.I)
    for mention in mentions:
        if not mention.setting or mention.generic != generic:
            continue
        if pattern.search(sentence_text(doc, mention)):
            return mention.venue if not generic else main_venue(mentions, "talks")
    return None


def _is_document(mention_text: str) -> bool:
    return bool(re.search(r"\b(?:resolution|draft|text|amendments?|motion)\b", mention_text, re.I))

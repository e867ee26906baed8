"""Who holds a stance and whom it targets: the statement's speaker, the speaker's own side,
or a party the clause names (`the opposition`, `Varania and Ostland`, `the two ministers`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from app.extraction.candidates import past_dateline
from app.extraction.lexicons import capital_states, word_set
from app.extraction.mentions import coordinated_subject_before, named_pair_before, state_name, subtree_text
from app.extraction.positions.index import doc_index
from app.extraction.positions.spans import charge_of
from app.extraction.positions.stances import (
    ENTITY_KINDS,
    FIRST_PERSON,
    THIRD_PERSON,
    lexicon,
    speaks_for_document,
)
from app.extraction.positions.syntax import SUBJECT_DEPS
from app.extraction.types import ActorRef, Statement

_WORD = re.compile(r"\w+")
PAIR_PERSON_NOUNS = {"leader", "president", "minister", "head", "premier", "chancellor", "envoy", "diplomat"}


def speaker_actor(st: Statement) -> ActorRef | None:
    """The statement's resolved speaker, else its mention as a person: `the envoy said` with no
    resolved speaker yields ActorRef("envoy", "person", "mention"); a bare `he` yields None."""
    if st.speaker is not None:
        return st.speaker
    if st.speaker_mention is not None and st.speaker_mention.text.lower() not in FIRST_PERSON | THIRD_PERSON | {"it", "they"}:
        return ActorRef(name=_strip_det(st.speaker_mention.text), kind="person", method="mention")
    return None  # an unresolved `he` names nobody


def speaker_actors(doc: Doc, st: Statement) -> tuple[ActorRef, ...]:
    """The statement's speakers, one per party its mention coordinates: `The US and France
    accused Russia` yields (US, France), the resolved speaker standing for the member it
    names; a single speaker yields itself, an unresolved `he` nothing."""
    speaker = speaker_actor(st)
    if speaker is None or st.speaker_mention is None:
        return () if speaker is None else (speaker,)
    mention = doc.char_span(st.speaker_mention.start, st.speaker_mention.end, alignment_mode="expand")
    members = actors_of(mention.root) if mention is not None and len(mention) > 1 else ()
    if len(members) < 2:
        return (speaker,)
    if " and " in speaker.name:
        return members  # the speaker is already the joint party; its members say who
    # the speaker's canonical name (`United States` for `the US`) stands for the member it
    # names, else for the coordination's head, the member speaker resolution looked at
    named = next((i for i, member in enumerate(members) if _same_party(member.name, speaker.name)), 0)
    return tuple(speaker if i == named else member for i, member in enumerate(members))


def _same_party(mention_name: str, name: str) -> bool:
    """`Lavrov` and `Sergei Lavrov`, `France` and `France`: the mention's last word is in the name."""
    words = mention_name.lower().split()
    return bool(words) and words[-1] in name.lower().split()


def own_side(subject: Token, st: Statement) -> bool:
    """`we`, `he` (the speaker in reported speech), `our delegation`, `his government`,
    `the northern side`, or an organisation named in the speaker's title: True for `we` in
    `"We will reopen the crossing," she said.`"""
    lex = lexicon()
    lower = subject.lower_
    if _both(subject) or any(c.dep_ == "conj" for c in subject.children):
        return False  # `the two sides`, `the government and the rebels`: both parties, not the speaker's own
    if lower in FIRST_PERSON:
        return True
    if lower in THIRD_PERSON:
        # reported speech turns `I` into `he`; inside quotation marks `he` is someone else
        return st.kind != "direct"
    if lower in ("it", "they") and st.kind != "direct" and st.speaker is not None:
        return st.speaker.kind in ("state", "organisation", "group")  # `the alliance said it was ready`
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my", "his", "her") for c in subject.children):
        return True
    if subject.lemma_.lower() in lex["own_side_nouns"] and subject.pos_ == "NOUN" and not _all_parties(subject):
        return True
    if subject.ent_type_ == "GPE" and st.speaker_mention is not None and re.search(
            r"\b" + re.escape(subject.text) + r"(?:'s|’s)", st.speaker_mention.text):
        return True  # `Varania's ambassador` speaking of Varania
    # (`the United States`: the subject's head alone is `States`)
    phrase = " ".join(t.text for t in subject.subtree if t.dep_ != "det")
    named_state = state_name(phrase) or state_name(subject.text) or capital_states().get(subject.lower_)
    if named_state is not None and subject.pos_ == "PROPN" and named_state in _speaker_states(subject.doc, st):
        return True  # `Azerbaijani minister Ana Ruiz said Baku would sign`
    if subject.pos_ == "PROPN" and subject.ent_type_ == "ORG" and st.speaker_mention is not None:
        name = " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN")
        initials = "".join(w[0] for w in name.split() if w[0].isupper())
        title = _speaker_titles(subject.doc, st)
        return bool(name) and (name in title or (len(initials) >= 2 and re.search(r"\b" + initials + r"\b", title) is not None))
    return False


# Where a title before a name stops being that person's: `between the Serbian president and X`.
_OTHER_PHRASE = re.compile(r".*(?:\band\b|\bbetween\b|\bwith\b|\bof\b|[.;:])", re.S)


def _speaker_states(doc: Doc, st: Statement) -> set[str]:
    """States the speaker stands for, as the article titles them: the speaker itself when a
    state, and any nation named in the speaker's mention or just before the speaker's name
    (`Azerbaijani Foreign Minister Ana Ruiz`, `Rwanda's foreign minister, Ana Ruiz`)."""
    if st.speaker is not None and st.speaker.kind == "state":
        return {st.speaker.name}
    texts = [st.speaker_mention.text if st.speaker_mention else ""]
    if st.speaker is not None and st.speaker.kind == "person":
        text = doc_index(doc).text
        texts += [_OTHER_PHRASE.sub("", text[max(0, start - 50):start]) for start in _surname_starts(doc, st)]
    states = set()
    for text in texts:
        # Runs of up to three capitalised words, possessive dropped: `U.S.`, `South Sudan's`.
        words = [re.sub(r"(?:'s|’s)$", "", w) for w in re.findall(r"[A-Z][\w.’'-]*", text)]
        for n in (1, 2, 3):
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i : i + n]).rstrip(",")
                state = state_name(phrase) or state_name(phrase.rstrip("."))  # (`U.S.` keeps its dots)
                if state is not None:
                    states.add(state)
    return states


def _speaker_titles(doc: Doc, st: Statement) -> str:
    """Every stretch of text that names the speaker with its title (`the UN Secretary-General X`)."""
    names = [st.speaker_mention.text if st.speaker_mention else ""]
    if st.speaker is not None:
        surname = st.speaker.name.split()[-1]
        text = doc_index(doc).text
        names.extend(text[max(0, start - 60):start + len(surname)] for start in _surname_starts(doc, st))
    return " ".join(names)


def _surname_starts(doc: Doc, st: Statement) -> list[int]:
    """Char offsets where the speaker's last name word occurs in the article."""
    if st.speaker is None:
        return []
    surname = st.speaker.name.split()[-1]
    index = doc_index(doc)
    if _WORD.fullmatch(surname):
        # a plain word: look it up instead of scanning the article once per statement
        return list(index.word_starts(surname))
    return [m.start() for m in re.finditer(r"\b" + re.escape(surname) + r"\b", index.text)]


def actors_of(token: Token, statements: Sequence[Statement] = ()) -> tuple[ActorRef, ...]:
    """Named holders, one per party: a proper noun, a state, `the opposition`, each member of
    `Varania and Ostland`, `the two ministers` (the pair named last). In `Varania and Ostland
    rejected the map.`, `Varania` yields (Varania, Ostland); a bare pronoun with no earlier
    speaker yields ()."""
    lex = lexicon()
    if token.pos_ in ("PRON", "DET") and token.lower_ in THIRD_PERSON | FIRST_PERSON | {"it", "they", "which", "who", "that", "this"}:
        before = [(s, s.speaker) for s in statements if s.content.start < token.idx and s.speaker is not None]
        if not before:
            return ()
        last, speaker = before[-1]
        if token.lower_ in THIRD_PERSON:
            return (speaker,)
        if token.lower_ == "it" and speaks_for_document(last) and token.idx - last.content.end < 400:
            return (speaker,)  # `The draft deplores the raids ... It calls for a truce`
        return ()
    if _both(token) or _all_parties(token) and _definite(token):
        pair = _pair_before(token)
        if pair:
            return pair
    index = doc_index(token.doc)
    whole = index.entity_of(token.i)
    if whole is not None and whole.label_ in ENTITY_KINDS and any(
            c.dep_ == "conj" and index.entity_of(c.i) == whole for c in token.children):
        # `Bosnia and Herzegovina`: one named party whose name holds an `and`
        return (ActorRef(name=_strip_det(whole.text), kind=ENTITY_KINDS[whole.label_], method="name"),)
    members = [token]
    for member in members:  # `Varania and Ostland`, `Arden, Belmar and Corvin`: follow the conj chain only
        members.extend(c for c in member.children if c.dep_ == "conj" and not _after_dash(c))
    # `The army's commander, General Ana Ruiz, rejected`: the role's appositive names the holder
    members = [next((c for c in m.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), m)
               if m.lemma_.lower() in word_set("titles.txt") else m for m in members]
    named = [m for m in members if m.pos_ == "PROPN" or m.ent_type_ in ENTITY_KINDS
             or m.lemma_.lower() in lex["actor_group_nouns"] or m.lower_ in lex["actor_group_nouns"]
             or (m.text[:1].isupper() and m.i != m.sent.start and m.pos_ == "NOUN")
             or (m.text.isupper() and len(m.text) >= 2)]
    return tuple(_named_actor(m) for m in named)


def _named_actor(token: Token) -> ActorRef:
    name, person = _noun_phrase(token)
    state = None if person else state_name(name) or capital_states().get(name.lower())
    if state is not None:
        # `Britain proposed`: United Kingdom; `Moscow could not accept`: Russia
        return ActorRef(name=state, kind="state", method="name")
    kind = "person" if person else ENTITY_KINDS.get(token.ent_type_, "organisation")
    return ActorRef(name=name, kind=kind, method="name")


def targets_of(verb: Token) -> tuple[ActorRef, ...]:
    """Whom a charge is laid against: `accused Ostland and Arden of stalling` yields (Ostland,
    Arden); a verb with no charge yields ()."""
    if charge_of(verb) is None:
        return ()
    accused = next(c for c in verb.children if c.dep_ == "dobj")
    return actors_of(accused)


def addressees_of(verb: Token, holders: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """Whom a demand is made of, when its clause names a party as the one to act:
    `demanded that Turkey and Iran withdraw` yields (Turkey, Iran); `insisted that the talks
    resume` names no party and yields ()."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.idx > verb.idx:
            subject = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None or subject.pos_ == "PRON":
                return ()  # `that they leave`: a pronoun could be anyone, the holder included
            parties = actors_of(subject)
            if {p.name for p in parties} & {h.name for h in holders}:
                return ()
            return parties
    return ()


def _all_parties(subject: Token) -> bool:
    """`the warring parties`, `the delegations`, `the sides`: in the plural these nouns name
    every party to the talks, not the speaker's own."""
    return subject.tag_ == "NNS" and subject.lemma_.lower() in ("side", "party", "delegation", "country", "government", "team")


def _definite(token: Token) -> bool:
    """`the warring parties`, `their countries`: the parties already named; not `European
    countries` (a group of its own, no determiner, a nation for modifier)."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "their", "these", "those") for c in token.children) \
        and not any(c.ent_type_ in ("NORP", "GPE") for c in token.children)


def _both(token: Token) -> bool:
    return any((c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
               for c in token.children)


def _after_dash(token: Token) -> bool:
    """`Varania and the guarantors – Arden, Belmar ...`: a list after a dash spells out the
    guarantors, it adds no members."""
    left = token.left_edge.i
    return any(t.text in ("–", "—", "(", "-") for t in token.doc[max(0, left - 2):left])


def _noun_phrase(token: Token) -> tuple[str, bool]:
    """The head with its compounds and adjectives, article dropped: `the coastal militia units`;
    a named person without the title: `Elin Varga` for `Prime Minister Elin Varga`. The flag
    tells a person's name."""
    index = doc_index(token.doc)
    ent = index.entity_of(token.i)
    if ent is not None and ent.label_ == "PERSON":
        return ent.text, True
    # `the Varanian deputy ambassador Ines Kahl`: the person named beside the title
    for child in token.children:
        if child.dep_ in ("appos", "compound") and child.i > token.i:
            ent = index.entity_of(child.i)
            if ent is not None and ent.label_ == "PERSON":
                return ent.text, True
    left = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "poss") or c.ent_type_]
    # (`BRUSSELS (Reuters) - European Union ministers`: the parser hangs the dateline on the head.)
    start = past_dateline(token.doc, min([token.i] + [t.i for c in left for t in c.subtree]), token.i + 1)
    kept = [t for t in token.doc[start:token.i + 1] if t.dep_ != "det" and (t.pos_ != "PUNCT" or t.tag_ == "HYPH")]
    # With each token's own spacing: `Ukraine's defence minister`, not `Ukraine 's ...`;
    # a space where a dropped token stood.
    joined = "".join(t.text + (" " if t.whitespace_ or kept[n + 1].i > t.i + 1 else "")
                     for n, t in enumerate(kept[:-1])) + kept[-1].text
    return _strip_det(" ".join(joined.split())), False


def _pair_before(token: Token) -> tuple[ActorRef, ...]:
    """`the two ministers` / `the two sides`: the last coordinated pair named before, as its two
    people, or as one party when a shared head joins them (`North and South Varania`)."""
    doc = token.doc
    if token.lemma_.lower() in PAIR_PERSON_NOUNS:
        # `the two ministers`: the two people the nearest earlier sentence names before its
        # verb (`Ruiz and Kahl met`), else anywhere in it (`Xi told Biden in a call`)
        sents = doc_index(doc).sentences_before(token.sent.start)[-5:]
        for before_verb in (True, False):
            for sent in reversed(sents):
                people = [e for e in sent.ents if e.label_ == "PERSON" and (e.start < sent.root.i or not before_verb)]
                if len(people) == 2:
                    return tuple(ActorRef(p.text, "person", "name") for p in people)
    candidate = coordinated_subject_before(doc, token.sent.start)
    if candidate is not None:
        people = _people_within(doc, candidate.left_edge.i, candidate.right_edge.i + 1)
        if len(people) == 2:
            return tuple(ActorRef(p.text, "person", "name") for p in people)
        return (ActorRef(_strip_det(subtree_text(candidate)), "group", "group"),)
    named = named_pair_before(doc, token.sent.start)
    if named is not None:
        return tuple(ActorRef(name, "state" if state_name(name) else "organisation", "name") for name in named)
    return ()


def _people_within(doc: Doc, start: int, end: int) -> list[SpacySpan]:
    """The PERSON entities lying wholly inside tokens [start, end), in order."""
    index = doc_index(doc)
    people: list[SpacySpan] = []
    for i in range(start, end):
        ent = index.entity_of(i)
        if ent is not None and ent.start == i and ent.end <= end and ent.label_ == "PERSON":
            people.append(ent)
    return people


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|The|a|A|an|An)\s+", "", text.strip())

"""Speaker mentions: the noun phrase a cue is tied to, and the name inside it.

`The UN envoy, Ana Ruiz, said ...` -> the mention `The UN envoy, Ana Ruiz` and the
name tokens `Ana Ruiz`; `speakers.Resolver` decides who the mention is.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from app.extraction.candidates import past_dateline, sentence_of, subject_past_dateline, text_of
from app.extraction.lexicons import state_aliases, word_set

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("advcl", "conj", "xcomp", "ccomp", "pcomp", "parataxis", "prep")
_RELATIVE = {"that", "which", "who", "whom"}
_DETERMINERS = {"the", "a", "an", "all", "some", "many", "several", "both", "these", "those", "this",
                "that", "its", "his", "her", "their", "other", "another", "most", "few", "two", "three"}


def mention_for(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """Token range of the speaker mention a cue verb is tied to.

    In `The UN envoy, Ana Ruiz, said that ...` the cue `said` yields the range of
    `The UN envoy, Ana Ruiz`; `..., adding that ...` climbs to the main verb's subject;
    `According to her, ...` yields `her`.
    """
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None:
            return None
        start, end = noun_phrase(source, verb)
        name = name_after_role(source)
        if name:
            return start, name[1]
        if verb.head == verb:
            # `According to Ana Ruiz, the move reeks of fear` misparsed with the clause as an
            # appositive of the name: the mention ends at the comma.
            end = next((t.i for t in doc[source.i : end] if t.text == ","), end)
        return start, end
    current = verb
    head = verb.head
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return _with_set_off_name(verb.doc, *noun_phrase(quoted, verb))
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and _reports(head.head) \
            and not any(c.dep_ in SUBJECTS for c in verb.children):
        # `China said it was opposed and warned X`: the parser joins `warned` to the reported
        # clause; its speaker is the subject of `said`, not of `was`.
        current = head.head
    elif verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp"):
        # `X said Y, adding that Z`: the parser may hang `adding` on Y's verb; the speaker
        # is the subject of the nearest reporting verb above.
        above = verb.head
        while above.head != above and above.dep_ in _CLIMB and not _reports(above):
            above = above.head
        if _reports(above.head) and above.dep_ in ("ccomp",):
            current = above.head
        elif _reports(above):
            current = above
        else:
            current = verb.head
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECTS]
        if subjects:
            # `The statement issued by X after the vote said`: a subject after a subordinator
            # the parser hung on the verb belongs to that circumstance.
            marks = [c.i for c in current.children if c.dep_ == "mark" and c.i < current.i and c.lower_ != "that"]
            if marks and len(subjects) > 1:
                subjects = [c for c in subjects if c.i < marks[0]] or subjects
            # `(Agency) - Iran's minister said`: the subject nearest the verb.
            subject = min(subjects, key=lambda c: abs(c.i - current.i))
            named = _name_before_role(subject, subjects) or _titled_appositive(subject, current)
            if named is not None:
                return named
            if subject.lower_ in _RELATIVE and current.dep_ == "relcl":
                start, end = noun_phrase(current.head, verb)
                if subject.lower_ in ("who", "which") and subject.i >= end:
                    end = subject.i + 1  # `Ana Ruiz, who said ...`: the name and the pronoun tied to the verb
                return start, end
            return _with_fronted_name(*noun_phrase(subject, verb), verb)
        agents = [c for c in current.children if c.dep_ == "agent"]
        if agents:
            pobj = next((c for c in agents[0].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return noun_phrase(pobj, verb)
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return noun_phrase(current.head, verb)  # `a draft calling for X`: the draft speaks
        if current.dep_ not in _CLIMB or current.head == current:
            return adjacent_subject(verb) or inverted_subject(verb)
        current = current.head
    return adjacent_subject(verb) or inverted_subject(verb)


def _name_before_role(role: Token, subjects: list[Token]) -> tuple[int, int] | None:
    """`Ana Ruiz, the spokesman for the ministry, told reporters` (or `COGAT, the military
    body that ..., said`): the parser may make both the name and its appositive role
    subjects of the verb; the mention is then the name with its role, not the role alone.
    None unless a named subject ends just before the comma that opens `role`'s phrase."""
    doc = role.doc
    comma = role.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    name = next((s for s in subjects if s.i < role.i and s.right_edge.i == comma - 1
                 and s.pos_ == "PROPN" and s.ent_type_ in ("PERSON", "ORG", "")), None)
    if name is None:
        return None
    return name.left_edge.i, noun_phrase(role, role.head)[1]


def _titled_appositive(subject: Token, verb: Token) -> tuple[int, int] | None:
    """`Speaking alongside the envoy, Ana Ruiz, Foreign Minister Ben Kahl said`: the parser may
    make the name that ends the opening phrase the subject and the titled name before the verb
    its appositive; the speaker is the titled name. None unless it is so."""
    doc = subject.doc
    left = subject.left_edge.i
    if subject.ent_type_ != "PERSON" or left < 1 or doc[left - 1].text != ",":
        return None
    for child in subject.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON" and child.right_edge.i + 1 == verb.i \
                and any(is_title_word(t) for t in doc[child.left_edge.i : child.i]):
            return child.left_edge.i, child.i + 1
    return None


def _with_set_off_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """`quoted the head of the delegation, General Ana Ruiz, as saying`: the parser may hang
    the name set off by commas elsewhere; the mention runs on over it."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return start, end
    stop = end + 1
    while stop < len(doc) and (doc[stop].ent_type_ == "PERSON" or is_title_word(doc[stop])) and stop - end <= 6:
        stop += 1
    named = any(doc[i].ent_type_ == "PERSON" for i in range(end + 1, stop))
    return (start, stop) if named and stop < len(doc) and doc[stop].text == "," else (start, end)


def _quoted_as_saying(verb: Token) -> Token | None:
    """`The agency quoted Ana Ruiz as saying ...`: the one quoted speaks, not the agency
    (its subject); the head of the quoted object, or None."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() != "quote":
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj"), None)


def name_after_role(role: Token) -> tuple[int, int] | None:
    """`According to his spokesman, Ana Ruiz, the talks ...`: the parser may read the name
    set off by commas after a role as the clause's subject; the token range of that name,
    which belongs to the role, or None."""
    doc = role.doc
    # The first comma after the role (`the envoy for Syria, ...`); the parser may have hung
    # the name, and even the clause's subject, on the role as appositives.
    comma = next((t.i for t in doc[role.i + 1 : role.right_edge.i + 2] if t.text == ","), len(doc))
    if not is_title_word(role) or comma >= len(doc):
        return None
    end = comma + 1
    while end < len(doc) and end - comma <= 4 and doc[end].pos_ == "PROPN":
        end += 1
    if end == comma + 1 or end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].is_punct \
            or doc[end + 2].lower_ in ("and", "or", ","):
        return None  # (`According to the envoy, Ruiz, Kahl and Berg ...` lists three)
    return comma + 1, end


def _with_fronted_name(start: int, end: int, verb: Token) -> tuple[int, int]:
    """`Per Halvorsen, the trade minister, said`: the parser may lose a name that opens the
    sentence before an appositive role (here it reads `Per` as a preposition) and make the
    role the subject; the mention then starts at the name."""
    doc = verb.doc
    if start < 2 or doc[start - 1].text != "," or end + 1 != verb.i or doc[end].text != "," \
            or not is_title_word(doc[end - 1]):
        return start, end
    sentence_start = sentence_of(verb)[0]
    name = doc[sentence_start : start - 1]
    if not 1 <= len(name) <= 4 or name[-1].pos_ != "PROPN" or not all(t.is_title for t in name) \
            or any(is_title_word(t) for t in name):
        return start, end
    return sentence_start, end


def adjacent_subject(verb: Token) -> tuple[int, int] | None:
    """`Speaking in Varna, the mediator, Abel Rask, said:` when the parser loses the
    subject: the name or role phrase right before a finite cue verb."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and doc[j].is_punct:
        j -= 1
    aside = next((a for a in (doc[j], *doc[j].ancestors) if a.tag_ == "VBG" and a.i > 1
                  and doc[a.i - 1].text == "," and a.i < verb.i), None) if j >= 0 else None
    if aside is not None:
        j = aside.i - 2  # `Ruiz, speaking to reporters after the meeting, said`: not the meeting
    if j < 0 or doc[j].pos_ not in ("PROPN", "NOUN") or doc[j].head.i > verb.i and aside is None:
        return None
    head = doc[j]
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        noun = head.head.head
        if is_title_word(noun):
            head = noun  # `the representative of Algeria said`: the role, not the state
        elif noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON":
            head = noun.head  # `Kim Ana, the sister of leader Kim Ode, said`: the sister
    if head.dep_ == "appos" and is_title_word(head.head):
        head = head.head  # `the mediator, Abel Rask`: the whole appositive phrase
    start = head.left_edge.i
    while start < j and doc[start].is_punct:
        start += 1
    return start, j + 1


def inverted_subject(verb: Token) -> tuple[int, int] | None:
    """`Said Ana Ruiz: “...”`: a cue opening its sentence before the speaker's name, which
    the parser reads as one noun phrase (`Said` a compound of `Ruiz`); the name up to the
    colon or comma is the speaker."""
    doc = verb.doc
    if verb.i != sentence_of(verb)[0] or not verb.text[:1].isupper():
        return None
    end = verb.i + 1
    while end < len(doc) and end - verb.i <= 6 and (doc[end].pos_ == "PROPN" or is_title_word(doc[end])
                                                  or doc[end].lower_ in ("the", ".")):
        end += 1
    if end == verb.i + 1 or end >= len(doc) or doc[end].text not in (":", ",") \
            or not any(t.pos_ == "PROPN" for t in doc[verb.i + 1 : end]):
        return None
    return verb.i + 1, end


def _reports(token: Token) -> bool:
    from app.extraction.cues import cue_of  # cues imports nothing from here; avoid a cycle at import

    return cue_of(token) is not None


def noun_phrase(head: Token, verb: Token) -> tuple[int, int]:
    """The noun phrase of `head` (title and appositive included), cut before the
    clause that holds the cue and without edge punctuation."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    for child in head.children:
        c_start, c_end = child.left_edge.i, child.right_edge.i + 1
        # (`X, speaking in Oslo, said`: a participle set off by commas is no part of who X is)
        aside = child.dep_ in ("acl", "advcl") and child.tag_ == "VBG" and c_start > head.i \
            and doc_text_before(child) == ","
        # (`Leaders of the bloc on Thursday urged`: the day the parser hung on the noun is no part of who)
        dated = c_start > head.i and is_time_phrase(child)
        if c_start <= verb.i < c_end or child.dep_ == "relcl" and c_start > head.i or aside or dated:
            if c_start > head.i:
                end = min(end, c_start)
            else:
                start = max(start, c_end)
    doc = head.doc
    # `Geneva, AGENCY-UN envoy X`: a dateline glued to the first sentence is not the speaker.
    for i in range(start, min(start + 10, end - 1)):  # (`ABUJA, Nigeria (Agency) - ...`)
        # (`Geneva, AGENCY-UN envoy` or `OSLO - `; not the hyphen of `Secretary-General`)
        spaced = doc[i - 1].whitespace_ or any(t.text == "," for t in doc[start:i])
        if doc[i].text in ("-", "—", "–") and spaced and all(
            t.pos_ in ("PROPN", "PUNCT") or t.is_upper for t in doc[start:i]
        ) and (start == 0 or "\n" in doc[start - 1].text_with_ws):
            start = i + 1
            break
    dateline_end = past_dateline(doc, 0, min(len(doc), 14))
    if start < dateline_end < end:
        start = dateline_end  # `ABUJA, Nigeria (Agency) - West African leaders said`
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def is_time_phrase(token: Token) -> bool:
    """`on Wednesday`, `in May`: a prepositional phrase that says when."""
    return token.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in token.children)


def doc_text_before(token: Token) -> str:
    """The token just before `token`'s phrase (`,` for `X, speaking in Oslo`)."""
    left = token.left_edge.i
    return token.doc[left - 1].text if left > 0 else ""


def is_title_word(token: Token) -> bool:
    return token.lower_ in word_set("titles.txt") or token.lower_ in word_set("honorifics.txt")


def name_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """The run of proper-noun tokens a phrase names, titles left out:
    `Foreign Minister Ana Ruiz` -> [Ana, Ruiz]."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in doc[start:end]:
        particle = token.lower_ in ("de", "al", "el", "van", "von", "bin", "la", "du", "da")
        if token.i == start and token.is_title and token.pos_ in ("ADP", "ADV", "X", "INTJ") \
                and token.i + 1 < end and doc[token.i + 1].pos_ == "PROPN" and not is_title_word(token):
            current.append(token)  # `Per Halvorsen`: a mention never opens with a preposition
            continue
        hyphen_name = token.text[:3].lower() in ("al-", "el-") and token.text[3:4].isupper()
        if (token.pos_ == "PROPN" or hyphen_name or (particle and current)) and not is_title_word(token):
            current.append(token)
        elif current and token.text == "-" and token.i + 1 < end:
            current.append(token)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    runs = [r for r in runs if r[-1].lower_ not in ("de", "al", "el", "-")]
    # `Envoy for Syria Ana Ruiz`: a place glued to the front of a name is not part of it.
    runs = [r[1:] if len(r) > 2 and state_name(r[0].text) else r for r in runs]
    if not runs:
        return []
    # The name the phrase is about: the run holding its head, else its appositive's head
    # (`Ana Ruiz, an expert at the Lund Institute` is Ana Ruiz, not the institute).
    root = doc[start:end].root
    anchors = [root] + [c for c in root.children if c.dep_ == "appos" and start <= c.i < end]
    for anchor in anchors:
        for run in runs:
            if any(t.i == anchor.i for t in run):
                return run
    # A possessor (`Iran's foreign minister`) names whose the role is, not who holds it.
    runs = [r for r in runs if not (r[-1].dep_ == "poss" or r[-1].i + 1 < end and doc[r[-1].i + 1].tag_ == "POS"
                                    or r[-1].text.endswith(("’s", "‘s", "'s"))
                                    or r[-1].i + 1 < end and doc[r[-1].i + 1].text.endswith(("’s", "‘s", "'s")))]
    if not runs:
        return []
    people = [r for r in runs if any(t.ent_type_ == "PERSON" for t in r)]
    before_parenthesis = [r for r in runs if not any(t.text == "(" for t in doc[start : r[0].i])]
    return (people or before_parenthesis or runs)[-1]


def join_tokens(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def state_name(text: str) -> str | None:
    key = text.lower().strip()
    if key.startswith("the "):
        key = key[4:]
    return state_aliases().get(key)


def strip_determiners(span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


def clean_name(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)?", "", name)  # `News Agency (ANA)`: drop the aside
    name = re.sub(r"^(?:[Tt]he )?[\w.-]+(?: \w+)?[’‘']s (?=[A-Z])", "", name)  # `the North's Korean News Agency`
    for suffix in ("’s", "'s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if name.lower().startswith("the "):
        name = name[4:]
    return name.strip()


def coordinated_subject_before(doc: Doc, before: int, reach: int = 200) -> Token | None:
    """`Iran and the European powers ended the talks, but both sides said ...`: the nearest
    subject before token `before` (within `reach` tokens) that coordinates names, `A and B`
    itself or `East and West Varania` inside its modifier; None when there is none."""
    dateline_end = past_dateline(doc, 0, min(len(doc), 40))  # (`KHARTOUM, Sudan —` is no pair)
    for i in range(before - 1, max(-1, before - reach), -1):
        candidate = doc[i]
        if candidate.dep_ not in ("nsubj", "nsubjpass"):
            continue
        candidate = subject_past_dateline(candidate) or candidate
        heads = {candidate.i} | {c.i for c in candidate.children if c.dep_ in ("compound", "nmod")
                                 and c.i >= dateline_end}
        if any(c.dep_ == "conj" and c.head.i in heads and any(t.pos_ == "PROPN" or t.ent_type_ for t in (c, c.head))
               for c in candidate.subtree):
            return candidate
    return None


def subtree_text(token: Token) -> str:
    """The article's text from the first to the last word of `token`'s phrase."""
    words = list(token.subtree)
    return text_of(token.doc)[words[0].idx:words[-1].idx + len(words[-1])]


def named_pair_before(doc: Doc, before: int, reach: int = 300) -> tuple[str, str] | None:
    """`Lebanese and Israeli delegations met ... both sides agreed`, `the ministers of Armenia
    and Azerbaijan`: the nearest two states or named groups coordinated before token `before`
    (within `reach` tokens), by name (`Lebanon`, `Israel`); None when there is none."""
    dateline_end = past_dateline(doc, 0, min(len(doc), 40))
    for i in range(before - 1, max(dateline_end - 1, before - reach), -1):
        second = doc[i]
        first = second.head
        if second.dep_ != "conj" or first.i >= second.i or first.i < dateline_end or not _in_subject(first):
            continue
        names = [_party_name(first), _party_name(second)]
        if names[0] and names[1] and names[0] != names[1]:
            return names[0], names[1]
    return None


def _in_subject(token: Token) -> bool:
    """The token sits in its clause's subject (`the ministers of A and B met`), not in an
    object or a circumstance (`demanded the withdrawal of A and B`)."""
    node = token
    for _ in range(6):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _party_name(token: Token) -> str | None:
    """A state (by name or nationality) or a named organisation a token stands for."""
    state = state_name(token.text)
    if state is not None:
        return state
    if token.ent_type_ == "ORG" and token.pos_ == "PROPN":
        # The entity around the token, read off its IOB tags (`Doc.ents` rebuilds every span).
        doc, start, end = token.doc, token.i, token.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return clean_name(doc[start:end].text)
    nations = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")
               and (c.ent_type_ in ("NORP", "GPE") or c.pos_ == "PROPN")]
    if token.pos_ == "NOUN" and nations:
        # `the Ethiopian government` is Ethiopia; `the Tigray interim administration` a group so named
        if token.lemma_.lower() in ("government", "state", "country") and state_name(nations[0].text):
            return state_name(nations[0].text)
        return clean_name(strip_determiners(token.doc[nations[0].left_edge.i : token.i + 1]))
    return None

"""Speakers: the mention a cue is tied to, and who that mention is in the article.

Resolution is rule-based and article-local: a surname goes to the full name
introduced earlier, a pronoun to the most recent fitting subject, a role noun
(`the envoy`) to the person that role introduced, a document to its presenter.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from app.extraction.candidates import past_dateline, sentence_of, text_of, tokens_of
from app.extraction.cues import cue_of, is_hedged_or_hypothetical
from app.extraction.gazetteer import body_for_anaphor
from app.extraction.lexicons import capital_states, pronoun_genders, word_set
from app.extraction.mentions import (
    SUBJECTS,
    clean_name,
    coordinated_subject_before,
    is_time_phrase,
    is_title_word,
    join_tokens,
    name_tokens,
    named_pair_before,
    state_name,
    strip_determiners,
)
from app.extraction.types import ActorRef

_AGENT_VERBS = {"present", "propose", "prepare", "draft", "submit", "sponsor", "table", "introduce",
                "put", "write", "author", "issue", "circulate", "send", "adopt", "pass", "approve"}
_ADOPT_VERBS = {"adopt", "pass", "approve", "endorse", "issue"}
_ORG_LABELS = {"ORG", "FAC"}
_PERSONLESS_WORDS = {"council", "nations", "union", "assembly", "agency", "ministry", "committee",
                     "organization", "organisation", "party", "government", "army", "forces", "front",
                     "office", "department", "house", "court", "bank", "fund", "league", "alliance",
                     "times", "post", "news", "press", "commission", "parliament", "congress", "senate",
                     "street", "palace", "quay", "hall"}  # `Downing Street said`: a seat of government


@dataclass
class _Person:
    name: str
    last: str
    roles: set[str] = field(default_factory=set)
    gender: str | None = None
    first: int = 0  # token index of the first mention
    actor: ActorRef | None = None  # whom a voice speaks for (`the representative of Algeria`)


# Prepositions inside a role phrase: `envoy for Syria`, `ambassador to the UN`, `head of X`.
_ROLE_PREPOSITIONS = {"of", "for", "to"}


_DEFINED_ACRONYM = re.compile(r"\b([A-Z][\w’'-]*(?:\s+(?:of|for|the|and|[A-Z][\w’'-]*))+)\s+\(([A-Z]{2,6})\)")
_MINOR_WORDS = {"of", "for", "the", "and"}


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w not in _MINOR_WORDS).upper()


def acronyms(text: str, entities: list) -> dict[str, str]:
    """Acronyms the article spells out: `the Rapid Support Forces (RSF)`, or an
    organisation it names in full whose initials they are (`European Union` for `EU`)."""
    found: dict[str, str] = {}
    for entity in entities:
        if entity.label_ in ("ORG", "NORP", "GPE") and len(entity) >= 2:
            name = clean_name(entity.text)
            found.setdefault(_initials(name), name)
    for match in _DEFINED_ACRONYM.finditer(text):
        words = match.group(1).split()
        acronym = match.group(2)
        # The definition is the run of words whose initials spell the acronym.
        for start in range(len(words)):
            candidate = " ".join(words[start:])
            if _initials(candidate) == acronym and words[start] not in _MINOR_WORDS:
                found[acronym] = candidate
                break
    return {acronym: name for acronym, name in found.items() if len(acronym) >= 2 and name.upper() != acronym}


class Resolver:
    """Resolves speaker mentions of one article, in reading order.

    With `Ana Ruiz, the foreign minister, spoke. Ruiz said ... The minister added ...
    She said ...`, every mention resolves to ActorRef("Ana Ruiz", "person").
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.people: list[_Person] = []
        # (token index, person) of subject mentions, kept in text order: resolving an earlier
        # mention adds it among people the index found further on.
        self.person_at: list[tuple[int, _Person]] = []
        self.last_group: ActorRef | None = None
        self.last_document: ActorRef | None = None
        self._outlet: object = None  # the article's news outlet, found on first need
        # Token indices by lower-cased word, so a bare group noun finds its earlier mentions
        # without rescanning the article each time.
        self._positions: dict[str, list[int]] = {}
        # Role keys that are nations (`ukraine`, `russian`), to tell `Ukraine's minister` apart.
        self._nations: set[str] = set()
        for token in tokens_of(doc):
            self._positions.setdefault(token.lower_, []).append(token.i)
            if token.ent_type_ in ("NORP", "GPE"):
                self._nations.add(_role_key(token))
        # `Span.ents` walks all the Doc's entities on each call; index them once.
        self._ents = list(doc.ents)
        self._ent_starts = [e.start for e in self._ents]
        self._bodies: dict[str, str | None] = {}
        self._acronyms = acronyms(text_of(doc), self._ents)
        self._index_people()

    def _entities_in(self, start: int, end: int) -> list:
        """Entities wholly inside the token range [start, end)."""
        first = bisect_left(self._ent_starts, start)
        return [e for e in self._ents[first : bisect_left(self._ent_starts, end)] if e.end <= end]

    def _register(self, tokens: list[Token], roles: set[str], subject: bool) -> _Person:
        if len(tokens) > 2 and state_name(tokens[0].text):
            tokens = tokens[1:]  # `Syria Ana Ruiz` from `Envoy for Syria Ana Ruiz`
        name = join_tokens(tokens)
        if name.endswith("’s") or name.endswith("'s"):
            name = name[:-2]
        last = tokens[-1].lower_
        first = tokens[0].lower_
        for person in self.people:
            if len(tokens) > 1 and " " not in person.name and person.last == first:
                person.last = last  # `Wang` seen first, then `Wang Lihua`: family name first
            if person.last == last or len(tokens) == 1 and person.name.lower().split()[0] == last:
                if len(name) > len(person.name):
                    person.name = name
                person.roles |= roles
                break
        else:
            person = _Person(name, last, set(roles), _role_gender(roles), tokens[0].i)
            self.people.append(person)
        if subject:
            self._mark(tokens[0].i, person)
        return person

    def _index_people(self) -> None:
        """Collect people: PERSON entities, and multi-token proper names that a role noun
        introduces (sm tags many of those ORG)."""
        doc = self.doc
        for ent in doc.ents:
            tokens = [t for t in ent if not is_title_word(t) and t.pos_ != "PUNCT" and t.lower_ not in ("’s", "'s")]
            if not tokens:
                continue
            roles = self._roles_near(ent.start) | self._roles_in_phrase(ent)
            persony = ent.label_ == "PERSON"
            if not persony and ent.label_ in ("ORG", "GPE", "NORP", "FAC", "WORK_OF_ART") and len(tokens) >= 2:
                # The sm model tags many people ORG: a name a role introduces, or one that
                # speaks (`Ana Ruiz said`), is a person unless it holds an organisation word.
                speaks = ent.root.dep_ == "nsubj" and cue_of(ent.root.head) is not None
                persony = (bool(roles) or speaks) and not any(t.lower_ in _PERSONLESS_WORDS for t in tokens) \
                    and state_name(ent.text) is None and not any(t.is_upper and len(t) > 1 for t in tokens)
            if not persony or len(tokens) == 0 or state_name(join_tokens(tokens)) is not None \
                    or join_tokens(tokens).lower() in capital_states():
                continue  # (`Pristina` tagged a person is still the capital)
            root = ent.root
            subject = root.dep_ in SUBJECTS or (root.dep_ in ("appos", "compound") and root.head.dep_ in SUBJECTS)
            self._register(tokens, roles | self._counterpart_roles(ent.start), subject)
        # Titled subjects the NER missed: `President Ana Ruiz said` (tokens, not entities),
        # and a bare surname it missed as the subject: `Ruiz, who ..., was blunter`.
        for token in tokens_of(doc):
            if token.dep_ == "nsubj" and token.pos_ == "PROPN" and not token.ent_type_:
                run = name_tokens(doc, token.left_edge.i, token.i + 1)
                titled = any(is_title_word(t) for t in doc[token.left_edge.i : token.i])
                if len(run) >= 2 and titled and not any(t.lower_ in _PERSONLESS_WORDS for t in run):
                    self._register(run, self._roles_near(run[0].i), True)
                elif len(run) == 1 and run[0].i == token.i:
                    known = next((p for p in self.people if p.last == token.lower_ and p.first < token.i), None)
                    if known is not None:
                        self._mark(token.i, known)

    def _counterpart_roles(self, start: int) -> set[str]:
        """`Minister A and his Azerbaijani counterpart, B`: B holds A's office (not A's nation)."""
        doc = self.doc
        sentence_start = sentence_of(doc[start])[0]
        if not any(t.lemma_.lower() == "counterpart" for t in doc[max(sentence_start, start - 6) : start]):
            return set()
        before = [p for p in self.people if sentence_start <= p.first < start]
        return {r for r in before[-1].roles if r not in self._nations} if before else set()

    def _roles_in_phrase(self, ent) -> set[str]:
        """Role words of the noun phrase a name sits in, appositive included:
        `Li Wen, Chinese permanent representative` -> {representative, chinese}."""
        node = ent.root
        while node.dep_ in ("appos", "compound", "pobj", "prep", "npadvmod") and node.head != node \
                and node.head.pos_ in ("NOUN", "PROPN", "ADP") \
                and not (node.dep_ == "appos" and node.head.ent_type_ in ("GPE", "LOC", "FAC", "PERSON")) \
                and not (node.dep_ == "pobj" and node.head.lower_ not in _ROLE_PREPOSITIONS):
            # (`... to Ukraine, Secretary-General X announced`: a misparse makes the name an
            # appositive of the place, or of the person named before; a person is never one,
            # so neither is a role of X. `a news conference alongside the envoy, X`: the
            # conference is no part of X's role.)
            node = node.head
        roles = set()
        # (`German minister A and her French counterpart B`: each conjunct's roles are its own)
        # (`the envoy, X, Minister Y said` misparsed with Y an appositive of X: Y's roles are Y's)
        others = [c for c in node.subtree if (c.dep_ == "conj" or c.dep_ == "appos" and c.ent_type_ == "PERSON")
                  and not c.left_edge.i <= ent.start <= c.right_edge.i]
        tokens = [t for t in node.subtree if not any(c.left_edge.i <= t.i <= c.right_edge.i for c in others)]
        if node.dep_ == "nsubj" and node.head.lemma_ == "be":
            # `Ana Ruiz is the foreign minister`: the predicate names her role.
            tokens += [t for c in node.head.children if c.dep_ == "attr" for t in c.subtree]
        for token in tokens:
            if ent.start <= token.i < ent.end or abs(token.i - ent.start) > 20:
                continue
            if token.lower_ in word_set("titles.txt") or token.ent_type_ in ("NORP", "GPE"):
                roles.add(_role_key(token))
        return roles

    def _roles_near(self, start: int) -> set[str]:
        """Role words in the few tokens before a name (`the UN envoy, Ana Ruiz`)."""
        roles = set()
        sentence_start = sentence_of(self.doc[start])[0]
        titles = word_set("titles.txt")
        window = self.doc[max(0, start - 8, sentence_start) : start]
        # (`Minister A and her French counterpart B`: B's roles start after the `and`)
        # (`the envoy for Sudan, Ana Ruiz, Minister B`: B's roles start after Ruiz)
        after_and = max((t.i + 1 for t in window if t.dep_ == "cc" and t.lower_ == "and"
                         or t.ent_type_ == "PERSON"), default=window.start)
        for token in self.doc[after_and:start]:
            if token.ent_type_ in ("NORP", "GPE") and token.dep_ == "pobj" and token.head.head.lower_ not in titles:
                continue  # `... to Ukraine, Secretary-General X`: a place in the clause before, no role
            if token.lower_ in titles or token.ent_type_ in ("NORP", "GPE"):
                roles.add(_role_key(token))
        return roles

    def _mark(self, index: int, person: _Person) -> None:
        insort(self.person_at, (index, person), key=_position)

    def _count_before(self, before: int) -> int:
        """How many marks lie before token `before`."""
        return bisect_left(self.person_at, before, key=_position)

    def _recent_person(self, before: int, gender: str | None) -> _Person | None:
        """The nearest fitting person marked before `before`; within that sentence, the subject
        of its main clause over one inside a reported clause (`Vucic said Kurti was provoking
        Serbs. He added ...`: he is Vucic)."""
        nearest: _Person | None = None
        sentence_start = 0
        for i in range(self._count_before(before) - 1, -1, -1):  # nearest first
            index, person = self.person_at[i]
            if gender is not None and person.gender not in (None, gender):
                continue
            if nearest is not None and index < sentence_start:
                break
            if not self._reported_subject(index):
                return person
            if nearest is None:
                nearest, sentence_start = person, sentence_of(self.doc[index])[0]
        return nearest

    def _reported_subject(self, index: int) -> bool:
        """The mention at token `index` is the subject of a clause another verb reports."""
        token = self.doc[index]
        for _ in range(4):
            if token.dep_ in SUBJECTS or token.head.i == token.i:
                break
            token = token.head
        clause = token.head
        # (`told reporters after the meeting that X would ...`: a that-clause misread as a relative one)
        return token.dep_ in SUBJECTS and (clause.dep_ == "ccomp" or clause.dep_ in ("relcl", "acl") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in clause.children))

    def resolve(self, start: int, end: int) -> tuple[ActorRef | None, float]:
        """Actor and confidence for the mention at token range [start, end); the actor
        carries the mention text it came from and the same confidence: `He said` after
        `Ana Ruiz spoke` gives ActorRef("Ana Ruiz", "person", "pronoun", "He", 0.75)."""
        actor, confidence = self._resolve(start, end)
        if actor is None:
            return None, confidence
        if actor.kind in ("organisation", "group") and actor.name in self._acronyms:
            actor = dataclasses.replace(actor, name=self._acronyms[actor.name])  # `RSF` -> `Rapid Support Forces`
        return dataclasses.replace(actor, matched=self._matched(start, end, actor), confidence=confidence), confidence

    def _matched(self, start: int, end: int, actor: ActorRef) -> str:
        """The words the actor was found from: the name inside `Foreign Minister Ana Ruiz`
        for a name or surname (the service keeps surnames as aliases), else the mention."""
        if actor.method in ("name", "surname"):
            named = name_tokens(self.doc, start, end)
            if named:
                return join_tokens(named)
        span = self.doc[start:end]
        return span.text.strip(" ,;:—–-\n\"'“”‘’")  or span.text

    def _resolve(self, start: int, end: int) -> tuple[ActorRef | None, float]:
        doc = self.doc
        head = doc[start:end].root
        led = next((c for c in head.children if c.dep_ == "acl" and c.i > head.i and head.pos_ == "NOUN"
                    and (head.lemma_.lower() in _GROUP_HEADS or head.lower_ in word_set("documents.txt"))), None)
        if led is not None:
            # `The government delegation, led by Ambassador X, said`: the group speaks, not X;
            # `The resolution, drafted by X, calls for`: the document (see `_document_issuer`).
            end = led.left_edge.i
            while end > start + 1 and doc[end - 1].is_punct:
                end -= 1
        span = doc[start:end]
        text = span.text
        genders = pronoun_genders()
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None) if head.lower_ == "one" else None
        member_of = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if member_of is not None and start <= member_of.left_edge.i and member_of.i < end:
            # `one of them said`, `one of the officials said`: a member speaks for the group.
            group, confidence = self._resolve(member_of.left_edge.i, member_of.i + 1)
            return group, min(confidence, 0.6)
        # A pronoun: the most recent fitting subject.
        if head.pos_ == "PRON" or head.lower_ in genders:
            gender = genders.get(head.lower_)
            if gender in ("m", "f"):
                person = self._recent_person(start, gender)
                if person is not None:
                    person.gender = person.gender or gender
                    self._mark(start, person)
                    return _person_ref(person, "pronoun"), 0.75
                return None, 0.3
            if gender in ("n", "p"):
                actor = self.last_document or self.last_group if gender == "n" else self.last_group
                actor = actor or self._recent_collective(start, plural=gender == "p")
                if actor is not None:
                    return ActorRef(actor.name, actor.kind, "pronoun"), 0.6
            return None, 0.3
        # `a joint statement released after the talks`: the pair the article coordinated before.
        if head.lemma_.lower() in ("statement", "communique", "communiqué", "declaration") \
                and any(c.lower_ == "joint" for c in head.children) and not name_tokens(doc, start, end):
            pair = self._coordinated_pair(start)
            if pair is not None:
                self.last_group = pair
                return pair, 0.6
        # A document speaks for whoever presented or adopted it.
        if head.lower_ in word_set("documents.txt") and not name_tokens(doc, start, end):
            actor = self._document_issuer(head) or self.last_document
            if actor is not None:
                self.last_document = actor
                return ActorRef(actor.name, actor.kind, "group"), 0.7
        # `both sides`, `the two parties`: the pair the article coordinated before.
        count = _party_count(head)
        if head.lemma_.lower() in _PAIR_NOUNS and count:
            pair = self._coordinated_pair(start, size=count)
            if pair is not None:
                self.last_group = pair
                return pair, 0.6
        # `Egypt and Qatar said`, `Lavrov and Kerry said`: both speak, as one joint actor.
        if head.pos_ == "PROPN" and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in head.children):
            actor = self._joint(head)
            self.last_group = actor
            return actor, 0.8
        # A name, possibly after a title or in an appositive.
        named = name_tokens(doc, start, end)
        if named and is_title_word(head) and head.lower_ not in _VOICE_ROLES and head.tag_ in ("NN", "NNP") \
                and all(state_name(t.text) or capital_states().get(t.lower_) for t in named):
            # `the U.S. envoy`, `the Omani minister`: a nation qualifying a role is no name; the
            # role points back to the person it introduced (a delegate is the state's voice, below).
            named = []
        if named and _plural_role_head(span, named):
            # `officials in Tallberg` are officials, not Tallberg: a group described by place.
            actor = ActorRef(strip_determiners(span), "group", "group")
            self.last_group = actor
            return actor, 0.7
        if named:
            joined = join_tokens(named)
            state = state_name(joined)
            if state is not None and len(named) == len([t for t in span if t.pos_ == "PROPN"]):
                actor = ActorRef(state, "state", "name")
                self.last_group = actor
                if is_title_word(head):
                    self._add_voice(actor, head, start)
                return actor, 0.9
            labels = {t.ent_type_ for t in named}
            capital = capital_states().get(joined.lower())
            if capital is not None and "PERSON" not in labels and strip_determiners(span) == joined:
                # `Moscow said`: the capital speaks for its state's government.
                actor = ActorRef(capital, "state", "name")
                self.last_group = actor
                return actor, 0.85
            last = named[-1].lower_
            known = next((p for p in self.people if p.last == last), None)
            if known is None and len(named) == 1:
                # Family name first (`Wang Lihua` ... `Wang said`).
                known = next((p for p in self.people if p.name.lower().split()[0] == last and " " in p.name), None)
            person_like = known is not None or "PERSON" in labels or any(is_title_word(t) for t in span) \
                or (len(named) >= 2 and not labels & {"ORG", "GPE", "NORP", "FAC"})
            if person_like and not any(t.lower_ in _PERSONLESS_WORDS for t in named):
                person = known or self._register(named, set(), True)
                self._mark(start, person)
                method = "name" if person.name == clean_name(joined) else "surname"
                return ActorRef(person.name, "person", method), 0.95 if method == "name" else 0.9
            kind = "state" if labels & {"GPE"} else "organisation"
            # (A possessor before another name is not the speaker: `Yemen's Houthi movement`.)
            entities = [e for e in self._entities_in(start, end) if e.label_ in ("ORG", "GPE", "NORP", "FAC")
                        and not (e.end < len(doc) and doc[e.end].tag_ == "POS" and named[-1].i >= e.end)]
            main = max(entities, key=len, default=None)
            if main is not None and main.label_ == "NORP" and not main.start <= named[0].i < main.end:
                main = None  # `COGAT, the Israeli military body`: the name, not the nationality of its role
            # (`COGAT, the military body ...`: with an appositive the name is the named run)
            name = main.text if main is not None else join_tokens(named) if "," in span.text else strip_determiners(span)
            if main is not None and (any(t.ent_type_ in ("GPE", "NORP") and t.i < main.start for t in span)
                                     or main.end <= named[0].i) and len(span) <= 6:
                # `Japan's defence ministry`, not `defence ministry`; `The French foreign ministry`
                # (its noun tagged as a name), not `French`
                name = strip_determiners(span)
            actor = ActorRef(clean_name(name), kind, "name")
            self.last_group = actor
            if head.lower_ in _VOICE_ROLES:
                self._add_voice(actor, head, start)  # `the delegate of the European Union ... He added`
            return actor, 0.85
        # `state media`, `the outlet`: the news organisation the article names.
        if head.lemma_.lower() in _MEDIA_NOUNS or head.lower_ in _MEDIA_NOUNS:
            if self._outlet is None:
                self._outlet = next((e for e in doc.ents if e.label_ in ("ORG", "LOC", "GPE", "FAC")
                                     and len(e) > 1 and _names_media(e)), False)
            outlet = self._outlet or None
            if outlet is not None:
                # `The North's Korean Central News Agency`: the name after the possessor.
                owner = max((t.i for t in outlet if t.tag_ == "POS"), default=outlet.start - 1)
                actor = ActorRef(clean_name(doc[owner + 1 : outlet.end].text), "organisation", "title")
                self.last_group = actor
                return actor, 0.6
        # A role noun: the person that role introduced.
        role_words = {_role_key(t) for t in span if t.lower_ in word_set("titles.txt")}
        if head.lower_ in word_set("titles.txt") or head.lemma_.lower() in word_set("titles.txt"):
            if head.tag_ in ("NNS", "NNPS"):
                pair = self._pair_before(start) if count == 2 else None
                if pair is None and count:
                    # `Egypt and Qatar proposed a plan ... the two mediators said`
                    coordinated = self._coordinated_pair(start, names_only=True, size=count)
                    pair = coordinated.name if coordinated is not None else None
                actor = ActorRef(pair, "group", "group") if pair else ActorRef(strip_determiners(span), "group", "group")
                self.last_group = actor
                return actor, 0.7 if pair is None else 0.6
            state = next(filter(None, (state_name(t.text) for t in span if t.i < head.i)), None) \
                if head.lower_ in _VOICE_ROLES else None
            if state is not None:
                # `China's delegate said`, like `the representative of China`: the state's voice
                actor = ActorRef(state, "state", "name")
                self.last_group = actor
                self._add_voice(actor, head, start)
                return actor, 0.8
            person = None
            if span[0].lower_ not in ("another", "other"):  # `another negotiator` is someone new
                # `a senior diplomat` introduces someone: only a shared role or nationality links it.
                definite = span[0].lower_ not in ("a", "an", "one")
                person = self._person_with_role(start, role_words, self._adjectives(span), head.lemma_.lower(), definite)
            if person is not None:
                # `Iran's foreign minister said ... Dara Navabi ...`: the role now introduces
                # that person, for a later `the minister`.
                person.roles |= role_words
                self._mark(start, person)
                return _person_ref(person, "title"), 0.75
            principal = self._spoken_for(head)
            if principal is not None:
                return principal, 0.7
            # Someone the article describes but does not name: later pronouns may refer to them.
            description = strip_determiners(span)
            described = _Person(description, "#" + description.lower(), role_words | self._adjectives(span),
                                _role_gender(role_words), start)
            self.people.append(described)
            self._mark(start, described)
            # `description`: the service may still find the office's holder on the day.
            return ActorRef(description, "person", "description"), 0.5
        # A surname the tagger missed (tagged as a common noun): the person known by it.
        for token in span:
            if token.text[:1].isupper():
                known = next((p for p in self.people if p.last == token.lower_ and not p.name.startswith("#")), None)
                if known is not None:
                    self._mark(start, known)
                    return ActorRef(known.name, "person", "surname"), 0.85
        # `The RSF said ... the group wrote`: a bare collective noun stands for the group named before.
        if len(span) == 2 and span[0].lower_ == "the" and head.lower_ in _ANAPHORIC_GROUPS:
            named_group = self._recent_organisation(start)
            if named_group is not None:
                self.last_group = named_group
                return named_group, 0.7
        # A state or a group as the article names it.
        state = state_name(text)
        body = self._body(text)
        if state is not None:
            actor = ActorRef(state, "state", "name")
        elif body is not None:
            actor = ActorRef(body, "organisation", "group")  # `the council said ...`
        else:
            actor = ActorRef(self._group_name(span), "group", "group")
        self.last_group = actor
        return actor, 0.8

    def _spoken_for(self, head: Token) -> ActorRef | None:
        """`The DPRK Foreign Ministry denounced ... A spokesman for the ministry said`: a
        spokesperson speaks for the body; the nearest earlier mention of its noun names it."""
        if head.lemma_.lower() not in _SPOKES_ROLES:
            return None
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        body = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if body is None or body.pos_ != "NOUN":
            return None  # (a name after `for` is read as a name)
        for earlier in reversed(self.doc[: body.i]):
            if earlier.lower_ == body.lower_:
                phrase = strip_determiners(self.doc[earlier.left_edge.i : earlier.i + 1])
                if len(phrase.split()) > 1 and any(w[:1].isupper() for w in phrase.split()):
                    return ActorRef(phrase, "organisation", "group")
                return None
        return None

    def _body(self, phrase: str) -> str | None:
        """The body an anaphor stands for in this article (`the assembly`), looked up once
        per phrase: the lookup reads the whole article."""
        if phrase not in self._bodies:
            self._bodies[phrase] = body_for_anaphor(phrase, text_of(self.doc))
        return self._bodies[phrase]

    def _same_nation(self, person: _Person, nations: set[str]) -> bool:
        """False when the mention names a nation and the person is tied to others only."""
        theirs = person.roles & self._nations
        return not nations or not theirs or bool(theirs & nations)

    def _adjectives(self, span) -> set[str]:
        return {_role_key(t) for t in span if t.ent_type_ in ("NORP", "GPE")}

    def _person_with_role(self, before: int, roles: set[str], nations: set[str], head: str,
                          definite: bool = True) -> _Person | None:
        """The person a role mention refers to: one introduced earlier with a shared role word
        or nationality, and no other nationality (`Ukraine's defence minister` is not the
        Hungarian minister), else (for generic roles, or in a lede naming nobody yet) the nearest."""
        if not definite and head in _GENERIC_ROLES:
            return None  # `a senior Israeli official`: an unnamed source, not the Israeli named before
        wanted = roles | nations
        best, best_score = None, 0
        for i in range(self._count_before(before) - 1, -1, -1):  # nearest first
            person = self.person_at[i][1]
            if not self._same_nation(person, nations):
                continue
            score = len(person.roles & wanted)
            if score > best_score:
                best, best_score = person, score
        if best is not None:
            return best
        # Someone introduced later only in a lede that has named nobody yet (`A senior Chinese
        # envoy urged ... Li Wen, the Chinese representative, said`).
        lede = self._count_before(before) == 0
        for person in self.people:
            if (person.first < before or lede) and person.roles & wanted and not person.name.startswith("#") \
                    and self._same_nation(person, nations):
                return person
        if not definite:
            return None
        if head in _GENERIC_ROLES:
            recent = self._recent_person(before, None)
            if recent is not None and self._same_nation(recent, nations):
                return recent
            # (`Iran's supreme leader said ... after President Trump sent`: one named next links
            # only when the mention names no nation or the person shares it)
            following = self._next_person(before)
            return following if following is not None and (not nations or following.roles & nations) else None
        if not lede:
            return None
        # `The UN envoy said ... Ana Ruiz ...`: the one named next, unless the article gives
        # that person another role (`the council president, Ambassador X`).
        following = self._next_person(before)
        return following if following is not None and not following.roles - self._nations else None

    def _pair_before(self, before: int) -> str | None:
        """`Ruiz spoke to Kahl by phone. The two leaders agreed ...`: the last two people named
        before, joined (`Ana Ruiz and Ines Kahl`), or None when there are not two."""
        names: list[str] = []
        for ent in reversed(self._ents[: bisect_left(self._ent_starts, before)]):
            if ent.label_ != "PERSON":
                continue
            end = ent.end
            while end < len(self.doc) and (self.doc[end].pos_ == "PROPN" or self.doc[end].lower_ in _NAME_PARTICLES
                                           and end + 1 < len(self.doc) and self.doc[end + 1].pos_ == "PROPN"):
                end += 1  # `Ursula von` tagged, `der Leyen` left out
            last = self.doc[end - 1].lower_
            person = next((p for p in self.people if p.last == last), None)
            name = person.name if person is not None else join_tokens(list(self.doc[ent.start : end]))
            if name not in names:
                names.append(name)
            if len(names) == 2:
                return f"{names[1]} and {names[0]}"
        return None

    def _recent_collective(self, before: int, plural: bool) -> ActorRef | None:
        """`Iran rejected the offer. It said ...`: the nearest earlier subject that is a
        state, an organisation or (for `they`) a plural group."""
        for token in reversed(self.doc[:before]):
            if token.dep_ not in SUBJECTS:
                continue
            if token.ent_type_ in ("GPE", "ORG", "NORP") and not plural or plural and token.tag_ in ("NNS", "NNPS"):
                span = self.doc[token.left_edge.i : token.i + 1]
                state = state_name(span.text)
                if state:
                    return ActorRef(state, "state", "name")
                kind = "organisation" if token.ent_type_ == "ORG" else "group"
                return ActorRef(clean_name(strip_determiners(span)), kind, "group")
        return None

    def _recent_organisation(self, before: int) -> ActorRef | None:
        """The nearest earlier subject tagged as an organisation (`the group` after `Hamas said`)."""
        for token in reversed(tokens_of(self.doc)[:before]):
            if token.dep_ in SUBJECTS and token.ent_type_ == "ORG" and state_name(token.text) is None:
                span = self.doc[token.left_edge.i : token.i + 1]
                return ActorRef(clean_name(strip_determiners(span)), "organisation", "group")
        return None

    def _next_person(self, after: int) -> _Person | None:
        """`Iran's foreign minister said ... Dara Navabi spoke later`: a role may come first."""
        i = bisect_right(self.person_at, after, key=_position)
        return self.person_at[i][1] if i < len(self.person_at) else None

    def _group_name(self, span) -> str:
        """`the opposition` -> `Syrian opposition` when the article said so before."""
        bare = strip_determiners(span)
        head = span.root
        if len(bare.split()) == 1:
            for index in self._positions.get(head.lower_, ()):
                if index >= span.start:
                    break
                modifiers = []
                left = index - 1
                # `the Syrian opposition`, `Japan's defence ministry`: the nation and any
                # words between it and the noun
                while left >= 0 and (self.doc[left].ent_type_ in ("NORP", "GPE") or self.doc[left].tag_ == "POS"
                                     or self.doc[left].dep_ in ("compound", "amod") and self.doc[left].head.i == index
                                     and self.doc[left].is_lower):
                    modifiers.insert(0, self.doc[left])
                    left -= 1
                while modifiers and modifiers[0].ent_type_ not in ("NORP", "GPE"):
                    modifiers.pop(0)  # (`the new defence ministry` names no nation)
                if modifiers:
                    return self.doc[modifiers[0].i : index + 1].text
        return bare

    def _document_issuer(self, head: Token) -> ActorRef | None:
        """`a draft presented by Canada` -> Canada; `the council adopted a resolution` ->
        the council; else the same document noun with a presenter elsewhere."""
        doc = self.doc
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        if owner is not None:
            return self._actor_of_np(owner)  # `the ministry's statement` speaks for the ministry
        source = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "from"
                       for p in c.children if p.dep_ == "pobj"), None)
        if source is not None:
            return self._actor_of_np(source)  # `a statement from the Varanian ministry`
        candidates = [head] + [doc[i] for i in self._positions.get(head.lower_, ()) if i != head.i]
        # `failed to adopt a resolution ... the text, which had been drafted by X`: another
        # document noun of the same sentence may name the drafters.
        # Then the next sentence: `failed to agree on a statement condemning X. The draft,
        # circulated by France, ...`; and for `the text` the previous one too: `The council
        # adopted a resolution ... The text, drafted by X, calls on ...` is the council's.
        s_start, s_end = sentence_of(head)
        s_end = sentence_of(doc[s_end])[1] if s_end < len(doc) else s_end
        if s_start > 0 and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            s_start = sentence_of(doc[s_start - 1])[0]
        candidates += [t for t in doc[s_start:s_end] if t.i != head.i and t.lower_ in word_set("documents.txt")
                       and t.pos_ == "NOUN" and t.lower_ != head.lower_]
        # `The council adopted a resolution ... The resolution, drafted by X, calls for`: an
        # adopted text is the body's (GUIDELINES), whoever drafted it.
        for noun in candidates:
            verb = noun.head
            # (`failed to adopt`, `did not adopt`: adopted nothing)
            if noun.dep_ == "dobj" and verb.lemma_.lower() in _ADOPT_VERBS and not is_hedged_or_hypothetical(verb) \
                    and not any(c.dep_ == "neg" for c in verb.children):
                body = _nearest_subject(verb)
                if body is not None:
                    return self._actor_of_np(body)
        for noun in candidates:
            verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "with") else None
            if noun.i < head.i and verb is not None and cue_of(verb) is not None:
                # `the agency said in a confidential report ... The report said`: its author
                subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
                if subject is not None:
                    return self._actor_of_np(subject)
            for child in noun.children:
                if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in _AGENT_VERBS:
                    agent = next((c for c in child.children if c.dep_ == "agent"), None)
                    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                    if pobj is not None:
                        return self._actor_of_np(pobj)
            if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _AGENT_VERBS \
                    and not is_hedged_or_hypothetical(noun.head):  # `Canada presented a draft`
                subject = _nearest_subject(noun.head)
                if subject is not None:
                    return self._actor_of_np(subject)
        return None

    def _add_voice(self, actor: ActorRef, role: Token, start: int) -> None:
        """`the representative of Algeria said ... He urged ...`: someone speaks for the
        state or body, and a later `he` is that voice."""
        voice = _Person(actor.name, "#voice:" + actor.name.lower(), set(), _role_gender({_role_key(role)}), start,
                        actor=actor)
        self.people.append(voice)
        self._mark(start, voice)

    def _coordinated_pair(self, before: int, names_only: bool = False, size: int | None = None) -> ActorRef | None:
        """`Egypt and Qatar proposed ... both sides said`: the pair (or, with `size` 3, the
        three) the article coordinated as a subject before token `before`, as one group;
        `names_only` wants a name at its head."""
        subject = coordinated_subject_before(self.doc, before)
        if subject is not None and size is not None and 1 + sum(t.dep_ == "conj" for t in subject.subtree) != size:
            subject = None  # (`Russia and China voted against ... the three European countries`)
        if subject is None or names_only and subject.pos_ != "PROPN":
            named = named_pair_before(self.doc, before) if size in (None, 2) else None
            return ActorRef(" and ".join(named), "group", "group") if named else None
        end = subject.right_edge.i + 1
        # (`Egypt and Qatar on Wednesday proposed`: the day the parser hung on the last name is no part of it)
        dates = [t.left_edge.i for t in subject.subtree if t.i > subject.i and is_time_phrase(t)]
        return ActorRef(strip_determiners(self.doc[subject.left_edge.i : min([end, *dates])]), "group", "group")

    def _joint(self, head: Token) -> ActorRef:
        """`Egypt and Qatar` -> `Egypt and Qatar`; `Lavrov and Kerry`, both named before ->
        `Sergei Lavrov and John Kerry`: each conjunct under its fullest name, joined."""
        names = []
        for conjunct in sorted([head, *head.conjuncts], key=lambda c: c.i):
            words = [t for t in self.doc[conjunct.left_edge.i : conjunct.i + 1]
                     if t.dep_ == "compound" and t.pos_ == "PROPN" or t == conjunct]
            text = join_tokens(words)
            known = next((p for p in self.people if p.last == conjunct.lower_ and not p.name.startswith("#")), None)
            names.append(state_name(text) or (known.name if known is not None else text))
        return ActorRef(", ".join(names[:-1]) + " and " + names[-1], "group", "group")

    def _actor_of_np(self, token: Token) -> ActorRef:
        """A short actor for a noun phrase: states by short name, delegations by state."""
        doc = self.doc
        end = token.right_edge.i + 1
        start = past_dateline(doc, token.left_edge.i, end)  # (`UNITED NATIONS — The council`)
        if start >= end:
            start = token.left_edge.i
        span = doc[start:end]
        conjuncts = [token] + list(token.conjuncts)
        if len(conjuncts) > 1:
            names = []
            for conjunct in sorted(conjuncts, key=lambda c: c.i):
                words = [t for t in doc[conjunct.left_edge.i : conjunct.i + 1] if t.dep_ in ("compound", "amod") or t == conjunct]
                text = " ".join(t.text for t in words)
                names.append(state_name(text) or text)
            return ActorRef(", ".join(names[:-1]) + " and " + names[-1], "group", "group")
        state = state_name(span.text)
        if state is not None:
            return ActorRef(state, "state", "name")
        if token.ent_type_ == "PERSON":
            # `President Ana Ruiz sent a letter proposing ...`, `presented by U.S. envoy Ana
            # Ruiz`: the person, without the title or the nation
            person = next((e for e in self._entities_in(start, end) if e.label_ == "PERSON"), None)
            if person is not None:
                return ActorRef(person.text, "person", "name")
        for t in span:
            state = state_name(t.text)
            if state is not None and t.ent_type_ in ("NORP", "GPE"):
                return ActorRef(state, "state", "name")
        body = self._body(span.text)
        if body is not None:
            return ActorRef(body, "organisation", "group")  # `the assembly adopted ...`
        label = token.ent_type_
        kind = "organisation" if label in _ORG_LABELS else "group"
        return ActorRef(clean_name(strip_determiners(span)), kind, "group")


_MEDIA_NOUNS = {"media", "outlet", "agency", "television", "broadcaster", "newspaper", "channel", "radio"}
_MEDIA_NAME_ENDS = {"agency", "television", "tv", "news", "broadcaster", "radio", "times", "post"}
_NAME_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "al", "el", "bin", "ibn", "dos", "del"}
# Collective heads a `led by X` phrase describes without making X the speaker.
_GROUP_HEADS = {"delegation", "team", "government", "coalition", "committee", "mission", "group", "movement",
                "opposition", "alliance", "bloc", "party"}
# Roles that speak for a state or body rather than as themselves (UN usage).
_VOICE_ROLES = {"representative", "delegate", "delegation"}
_GENERIC_ROLES = {"diplomat", "official", "politician", "leader", "negotiator", "representative", "delegate"}
# Roles that speak for a body (`a spokesman for the ministry`).
# Nouns that, as `the group`, refer back to an organisation already named.
_ANAPHORIC_GROUPS = {"group", "movement", "organisation", "organization", "militia", "faction"}
_SPOKES_ROLES = {"spokesman", "spokeswoman", "spokesperson"}
_FEMININE_ROLES = {"spokeswoman", "chairwoman", "congresswoman", "queen", "mrs", "ms", "lady", "princess"}
_MASCULINE_ROLES = {"spokesman", "chairman", "congressman", "king", "mr", "sir", "lord", "prince"}


def _position(mark: tuple[int, _Person]) -> int:
    return mark[0]


# Words for the two parties of a negotiation (`both sides`, `the two parties`).
_PAIR_NOUNS = {"side", "party", "camp", "delegation", "government", "country"}


def _party_count(head: Token) -> int | None:
    """2 for `the two leaders` or `both ministers`, 3 for `the three mediators`: parties the
    article has named together before; None for others (`two officials` are new people)."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    for child in head.children:
        if child.dep_ in ("det", "predet") and child.lower_ == "both":
            return 2
        if child.dep_ == "nummod" and definite and child.lower_ in ("two", "three"):
            return 2 if child.lower_ == "two" else 3
    return None


def _plural_role_head(span, named: list[Token]) -> bool:
    """`officials in Tallberg`, `diplomats from Ostland`: the phrase is headed by a plural
    role noun that a place or body only qualifies (`Ostland officials` is still Ostland's)."""
    head = span.root
    return head.tag_ == "NNS" and head.lemma_.lower() in word_set("titles.txt") and named[0].i > head.i


def _person_ref(person: _Person, method: str) -> ActorRef:
    """A person found by pronoun or role: one the article only describes (`the Russian
    foreign minister`, never named) stays a description, whatever points at it."""
    if person.actor is not None:
        return dataclasses.replace(person.actor, method=method)
    return ActorRef(person.name, "person", "description" if person.last.startswith("#") else method)


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject nearest to it (a misparsed dateline may be a second one)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def _names_media(name) -> bool:
    """`Islamic Republic News Agency`, `Anadolu Agency`, `Asahi TV`: an outlet's name. An
    agency is one only beside `News`/`Press` or alone with its name: the International
    Atomic Energy Agency reports no news."""
    last = name[-1].lower_
    if last != "agency":
        return last in _MEDIA_NAME_ENDS
    return len(name) == 2 or any(t.lower_ in ("news", "press") for t in name)


def _role_key(token: Token) -> str:
    """A role or nationality word for matching: `Iranian` and `Iran` both give `iran`."""
    state = state_name(token.text)
    return state.lower() if state else token.lemma_.lower()


def _role_gender(roles: set[str]) -> str | None:
    if roles & _FEMININE_ROLES:
        return "f"
    if roles & _MASCULINE_ROLES:
        return "m"
    return None



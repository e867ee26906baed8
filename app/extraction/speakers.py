"""Speakers: the mention a cue is tied to, and who that mention is in the article.

Resolution is rule-based and article-local: a surname goes to the full name
introduced earlier, a pronoun to the most recent fitting subject, a role noun
(`the envoy`) to the person that role introduced, a document to its presenter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from app.extraction.lexicons import pronoun_genders, state_aliases, word_set
from app.extraction.types import ActorRef

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("advcl", "conj", "xcomp", "ccomp", "pcomp", "parataxis")
_RELATIVE = {"that", "which", "who", "whom"}
_AGENT_VERBS = {"present", "propose", "prepare", "draft", "submit", "sponsor", "table", "introduce",
                "put", "write", "author", "issue", "circulate", "send", "adopt", "pass", "approve"}
_ADOPT_VERBS = {"adopt", "pass", "approve", "endorse", "issue"}
_DETERMINERS = {"the", "a", "an", "all", "some", "many", "several", "both", "these", "those", "this",
                "that", "its", "his", "her", "their", "other", "another", "most", "few", "two", "three"}
_GROUP_KINDS = {"NORP"}
_ORG_LABELS = {"ORG", "FAC"}
_PERSONLESS_WORDS = {"council", "nations", "union", "assembly", "agency", "ministry", "committee",
                     "organization", "organisation", "party", "government", "army", "forces", "front",
                     "office", "department", "house", "court", "bank", "fund", "league", "alliance",
                     "times", "post", "news", "press", "commission", "parliament", "congress", "senate"}


def mention_for(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """Token range of the speaker mention a cue verb is tied to.

    In `The UN envoy, Ana Ruiz, said that ...` the cue `said` yields the range of
    `The UN envoy, Ana Ruiz`; `..., adding that ...` climbs to the main verb's subject;
    `According to her, ...` yields `her`.
    """
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        return noun_phrase(source, verb) if source is not None else None
    current = verb
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp"):
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
        subjects = [c for c in current.children if c.dep_ in _SUBJECTS]
        if subjects:
            # `(Reuters) - Iran's minister said`: the subject nearest the verb.
            subject = min(subjects, key=lambda c: abs(c.i - current.i))
            if subject.lower_ in _RELATIVE and current.dep_ == "relcl":
                return noun_phrase(current.head, verb)
            return noun_phrase(subject, verb)
        agents = [c for c in current.children if c.dep_ == "agent"]
        if agents:
            pobj = next((c for c in agents[0].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return noun_phrase(pobj, verb)
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return noun_phrase(current.head, verb)  # `a draft calling for X`: the draft speaks
        if current.dep_ not in _CLIMB or current.head == current:
            return None
        current = current.head
    return None


def _reports(token: Token) -> bool:
    from app.extraction.cues import cue_of  # cues imports nothing from here; avoid a cycle at import

    return cue_of(token) is not None


def noun_phrase(head: Token, verb: Token) -> tuple[int, int]:
    """The noun phrase of `head` (title and appositive included), cut before the
    clause that holds the cue and without edge punctuation."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    for child in head.children:
        c_start, c_end = child.left_edge.i, child.right_edge.i + 1
        if c_start <= verb.i < c_end or child.dep_ == "relcl" and c_start > head.i:
            if c_start > head.i:
                end = min(end, c_start)
            else:
                start = max(start, c_end)
    doc = head.doc
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


@dataclass
class _Person:
    name: str
    last: str
    roles: set[str] = field(default_factory=set)
    gender: str | None = None


def _is_title_word(token: Token) -> bool:
    return token.lower_ in word_set("titles.txt") or token.lower_ in word_set("honorifics.txt")


def _name_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """The last run of proper-noun tokens in a range that is not a title or a state:
    `Foreign Minister Ana Ruiz` -> [Ana, Ruiz]."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in doc[start:end]:
        particle = token.lower_ in ("de", "al", "el", "van", "von", "bin", "ould", "la", "du", "da")
        hyphen_name = token.text[:3].lower() in ("al-", "el-") and token.text[3:4].isupper()
        if (token.pos_ == "PROPN" or hyphen_name or (particle and current)) and not _is_title_word(token):
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
    return runs[-1] if runs else []


def _join(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _state_name(text: str) -> str | None:
    key = text.lower().strip()
    if key.startswith("the "):
        key = key[4:]
    return state_aliases().get(key)


class Resolver:
    """Resolves speaker mentions of one article, in reading order.

    With `Ana Ruiz, the foreign minister, spoke. Ruiz said ... The minister added ...
    She said ...`, every mention resolves to ActorRef("Ana Ruiz", "person").
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.people: list[_Person] = []
        self.person_at: list[tuple[int, _Person]] = []  # (token index, person) of subject mentions
        self.last_group: ActorRef | None = None
        self.last_document: ActorRef | None = None
        self._index_people()

    def _register(self, tokens: list[Token], roles: set[str], subject: bool) -> _Person:
        name = _join(tokens)
        if name.endswith("’s") or name.endswith("'s"):
            name = name[:-2]
        last = tokens[-1].lower_
        for person in self.people:
            if person.last == last:
                if len(name) > len(person.name):
                    person.name = name
                person.roles |= roles
                break
        else:
            person = _Person(name, last, set(roles), _role_gender(roles))
            self.people.append(person)
        if subject:
            self.person_at.append((tokens[0].i, person))
        return person

    def _index_people(self) -> None:
        """Collect people: PERSON entities, and multi-token proper names that a role noun
        introduces (sm tags many of those ORG)."""
        doc = self.doc
        for ent in doc.ents:
            tokens = [t for t in ent if not _is_title_word(t) and t.pos_ != "PUNCT" and t.lower_ not in ("’s", "'s")]
            if not tokens:
                continue
            roles = self._roles_near(ent.start) | self._roles_in_phrase(ent)
            persony = ent.label_ == "PERSON"
            if not persony and ent.label_ in ("ORG", "GPE", "NORP", "FAC", "WORK_OF_ART") and len(tokens) >= 2:
                persony = bool(roles) and not any(t.lower_ in _PERSONLESS_WORDS for t in tokens) \
                    and _state_name(ent.text) is None
            if not persony or len(tokens) == 0 or _state_name(_join(tokens)) is not None:
                continue
            root = ent.root
            subject = root.dep_ in _SUBJECTS or (root.dep_ in ("appos", "compound") and root.head.dep_ in _SUBJECTS)
            self._register(tokens, roles, subject)

    def _roles_in_phrase(self, ent) -> set[str]:
        """Role words of the noun phrase a name sits in, appositive included:
        `Li Wen, Chinese permanent representative` -> {representative, chinese}."""
        node = ent.root
        while node.dep_ in ("appos", "compound", "pobj", "prep", "conj", "npadvmod") and node.head != node \
                and node.head.pos_ in ("NOUN", "PROPN", "ADP"):
            node = node.head
        roles = set()
        for token in node.subtree:
            if ent.start <= token.i < ent.end or abs(token.i - ent.start) > 20:
                continue
            if token.lower_ in word_set("titles.txt") or token.ent_type_ in ("NORP", "GPE"):
                roles.add(_role_key(token))
        return roles

    def _roles_near(self, start: int) -> set[str]:
        """Role words in the few tokens before a name (`the UN envoy, Ana Ruiz`)."""
        roles = set()
        for token in self.doc[max(0, start - 8) : start]:
            if token.lower_ in word_set("titles.txt") or token.ent_type_ in ("NORP", "GPE"):
                roles.add(_role_key(token))
        return roles

    def _recent_person(self, before: int, gender: str | None) -> _Person | None:
        for index, person in reversed(self.person_at):
            if index < before and (gender is None or person.gender in (None, gender)):
                return person
        return None

    def resolve(self, start: int, end: int) -> tuple[ActorRef | None, float]:
        """Actor and confidence for the mention at token range [start, end)."""
        doc = self.doc
        span = doc[start:end]
        head = span.root
        text = span.text
        genders = pronoun_genders()
        # A pronoun: the most recent fitting subject.
        if head.pos_ == "PRON" or head.lower_ in genders:
            gender = genders.get(head.lower_)
            if gender in ("m", "f"):
                person = self._recent_person(start, gender)
                if person is not None:
                    person.gender = person.gender or gender
                    self.person_at.append((start, person))
                    return ActorRef(person.name, "person", "pronoun"), 0.75
                return None, 0.3
            if gender in ("n", "p"):
                actor = self.last_document or self.last_group if gender == "n" else self.last_group
                if actor is not None:
                    return ActorRef(actor.name, actor.kind, "pronoun"), 0.6
            return None, 0.3
        # A document speaks for whoever presented or adopted it.
        if head.lower_ in word_set("documents.txt") and not _name_tokens(doc, start, end):
            actor = self._document_issuer(head) or self.last_document
            if actor is not None:
                self.last_document = actor
                return ActorRef(actor.name, actor.kind, "group"), 0.7
        # A name, possibly after a title or in an appositive.
        name_tokens = _name_tokens(doc, start, end)
        if name_tokens:
            joined = _join(name_tokens)
            state = _state_name(joined)
            if state is not None and len(name_tokens) == len([t for t in span if t.pos_ == "PROPN"]):
                actor = ActorRef(state, "state", "name")
                self.last_group = actor
                return actor, 0.9
            labels = {t.ent_type_ for t in name_tokens}
            last = name_tokens[-1].lower_
            known = next((p for p in self.people if p.last == last), None)
            person_like = known is not None or "PERSON" in labels or any(_is_title_word(t) for t in span) \
                or (len(name_tokens) >= 2 and not labels & {"ORG", "GPE", "NORP", "FAC"})
            if person_like and not any(t.lower_ in _PERSONLESS_WORDS for t in name_tokens):
                person = known or self._register(name_tokens, set(), True)
                self.person_at.append((start, person))
                method = "name" if person.name == _clean_name(joined) else "surname"
                return ActorRef(person.name, "person", method), 0.95 if method == "name" else 0.9
            kind = "state" if labels & {"GPE"} else "organisation"
            actor = ActorRef(_clean_name(_strip_determiners(span)), kind, "name")
            self.last_group = actor
            return actor, 0.85
        # A role noun: the person that role introduced.
        role_words = {_role_key(t) for t in span if t.lower_ in word_set("titles.txt")}
        if head.lower_ in word_set("titles.txt") or head.lemma_.lower() in word_set("titles.txt"):
            if head.tag_ in ("NNS", "NNPS"):
                actor = ActorRef(_strip_determiners(span), "group", "group")
                self.last_group = actor
                return actor, 0.7
            person = None
            if span[0].lower_ not in ("another", "other"):  # `another negotiator` is someone new
                person = self._person_with_role(start, role_words | self._adjectives(span), head.lemma_.lower())
            if person is not None:
                self.person_at.append((start, person))
                return ActorRef(person.name, "person", "title"), 0.75
            # Someone the article describes but does not name: later pronouns may refer to them.
            description = _strip_determiners(span)
            described = _Person(description, "#" + description.lower(), role_words, _role_gender(role_words))
            self.people.append(described)
            self.person_at.append((start, described))
            return ActorRef(description, "person", "title"), 0.5
        # A state or a group as the article names it.
        state = _state_name(text)
        if state is not None:
            actor = ActorRef(state, "state", "name")
        else:
            actor = ActorRef(self._group_name(span), "group", "group")
        self.last_group = actor
        return actor, 0.8

    def _adjectives(self, span) -> set[str]:
        return {_role_key(t) for t in span if t.ent_type_ in ("NORP", "GPE")}

    def _person_with_role(self, before: int, roles: set[str], head: str) -> _Person | None:
        """The person a role mention refers to: one introduced with a shared role word or
        nationality, else (for generic roles, or in a lede naming nobody yet) the nearest."""
        best, best_score = None, 0
        for index, person in reversed(self.person_at):
            if index >= before:
                continue
            score = len(person.roles & roles)
            if score > best_score:
                best, best_score = person, score
        if best is not None:
            return best
        for person in self.people:
            if person.roles & roles and not person.name.startswith("#"):
                return person
        if head in _GENERIC_ROLES:
            return self._recent_person(before, None) or self._next_person(before)
        if not any(index < before for index, _ in self.person_at):
            return self._next_person(before)
        return None

    def _next_person(self, after: int) -> _Person | None:
        """`Iran's foreign minister said ... Ali Rostami spoke later`: a role may come first."""
        for index, person in self.person_at:
            if index > after:
                return person
        return None

    def _group_name(self, span) -> str:
        """`the opposition` -> `Syrian opposition` when the article said so before."""
        bare = _strip_determiners(span)
        head = span.root
        if len(bare.split()) == 1:
            for token in self.doc[: span.start]:
                if token.lower_ == head.lower_:
                    modifiers = []
                    left = token.i - 1
                    while left >= 0 and (self.doc[left].ent_type_ in ("NORP", "GPE") or self.doc[left].tag_ == "POS"):
                        modifiers.insert(0, self.doc[left])
                        left -= 1
                    if modifiers and modifiers[0].tag_ != "POS":
                        return self.doc[modifiers[0].i : token.i + 1].text
        return bare

    def _document_issuer(self, head: Token) -> ActorRef | None:
        """`a draft presented by Canada` -> Canada; `the council adopted a resolution` ->
        the council; else the same document noun with a presenter elsewhere."""
        doc = self.doc
        candidates = [head] + [t for t in doc if t.lower_ == head.lower_ and t.i != head.i]
        for noun in candidates:
            for child in noun.children:
                if child.dep_ == "acl" and child.lemma_.lower() in _AGENT_VERBS:
                    agent = next((c for c in child.children if c.dep_ == "agent"), None)
                    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                    if pobj is not None:
                        return self._actor_of_np(pobj)
            if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _ADOPT_VERBS:
                subject = next((c for c in noun.head.children if c.dep_ in _SUBJECTS), None)
                if subject is not None:
                    return self._actor_of_np(subject)
        return None

    def _actor_of_np(self, token: Token) -> ActorRef:
        """A short actor for a noun phrase: states by short name, delegations by state."""
        doc = self.doc
        start, end = token.left_edge.i, token.right_edge.i + 1
        span = doc[start:end]
        conjuncts = [token] + list(token.conjuncts)
        if len(conjuncts) > 1:
            names = [_state_name(c.text) or c.text for c in sorted(conjuncts, key=lambda c: c.i)]
            return ActorRef(", ".join(names[:-1]) + " and " + names[-1], "group", "group")
        state = _state_name(span.text)
        if state is not None:
            return ActorRef(state, "state", "name")
        for t in span:
            state = _state_name(t.text)
            if state is not None and t.ent_type_ in ("NORP", "GPE"):
                return ActorRef(state, "state", "name")
        label = token.ent_type_
        kind = "organisation" if label in _ORG_LABELS else "group"
        return ActorRef(_strip_determiners(span), kind, "group")


_GENERIC_ROLES = {"diplomat", "official", "politician", "leader", "negotiator", "representative", "delegate"}
_FEMININE_ROLES = {"spokeswoman", "chairwoman", "congresswoman", "queen", "mrs", "ms", "lady", "princess"}
_MASCULINE_ROLES = {"spokesman", "chairman", "congressman", "king", "mr", "sir", "lord", "prince"}


def _role_key(token: Token) -> str:
    """A role or nationality word for matching: `Iranian` and `Iran` both give `iran`."""
    state = _state_name(token.text)
    return state.lower() if state else token.lemma_.lower()


def _role_gender(roles: set[str]) -> str | None:
    if roles & _FEMININE_ROLES:
        return "f"
    if roles & _MASCULINE_ROLES:
        return "m"
    return None


def _strip_determiners(span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


def _clean_name(name: str) -> str:
    for suffix in ("’s", "'s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if name.lower().startswith("the "):
        name = name[4:]
    return name.strip()

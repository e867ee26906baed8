"""Reported speech: which verbs are cues, and what a cue verb reports (its clause,
infinitive or object). `reported` walks the Doc with these and yields candidates.

In `She called for a truce`, `cue_of(called)` is the cue `call for`, and its content
is the token range of `a truce`.
"""

from __future__ import annotations

from spacy.tokens import Token

from app.extraction.candidates import is_quote_token, sentence_of, subtree_range, trim_tokens
from app.extraction.lexicons import Cue, reporting_cues, word_set

# Particles that turn a verb into another cue (`call for`, `point out`).
_PARTICLES = {"for", "on", "out", "to", "of", "against"}
_MODALS_OF_HYPOTHESIS = {"would", "could", "might"}
_HEDGES = {"seem", "appear"}
_UNDONE = {"fail", "refuse", "decline", "neglect"}
_QUESTION_MARKS = {"if", "whether"}
# Cues that never take a plain object, so a long object holding a verb is a misparsed clause.
CLAUSE_ONLY = {"say", "add", "claim", "state", "insist", "declare", "assert", "reply", "respond",
                "explain", "write", "tweet", "argue", "contend", "announce", "reveal", "stress", "emphasize"}
# Cues whose object is the addressee (`told reporters`), not what was said.
TELLING = {"tell", "inform", "brief", "assure", "note", "confirm", "report", "warn"}
# Verbs that report a further act of speech when coordinated with a reported clause.
_SPEECH_ACTS = CLAUSE_ONLY | TELLING | {"warn", "urge", "call", "ask", "demand", "vow", "pledge", "promise",
                                         "accuse", "deny", "reject", "threaten", "appeal", "condemn",
                                         "decline", "refuse"}  # `... but declined to give details`
# Cues whose object is what the speaker asks for, however short (`called for a ceasefire`).
_DEMANDS = {("call", "for"), ("demand", None), ("ask", "for"), ("press", "for"), ("appeal", "for"),
            ("request", None), ("urge", None), ("insist", "on")}
# Cues whose content may be an indirect question (`questioned whether the vote was fair`).
_QUESTIONING = {"question", "wonder", "explain"}
# Modals that carry a reported clause's tense over to a conjunct (`would`, `will`).
_REPORTED_MODALS = {"would", "will", "could", "can", "should", "might", "may", "must"}
# Labels the parser gives a clause-opening complementiser `that` besides `mark`.
_THAT_MISLABELS = {"advmod", "nsubj", "dobj"}


def cue_of(token: Token) -> tuple[Cue, Token | None] | None:
    """The lexicon cue a verb token starts, with its particle token.

    In `She called for a truce`, `called` yields the cue `call for` and the token `for`.
    """
    if token.pos_ not in ("VERB", "AUX") and token.lower_ != "according":
        return None
    cues = reporting_cues()
    lemma = token.lemma_.lower()
    # Particles after the verb first: `X on Tuesday called on Y to Z` has two `on`s.
    for child in sorted(token.children, key=lambda c: (c.i < token.i, c.i)):
        if child.dep_ in ("prt", "prep") and child.lower_ in _PARTICLES and not _names_a_time(child):
            cue = cues.get((lemma, child.lower_))
            if cue is not None:
                return cue, child
        marker = _for_to_marker(token, child)
        if marker is not None and (lemma, "for") in cues:
            return cues[(lemma, "for")], marker
    cue = cues.get((lemma, None))
    return (cue, None) if cue is not None else None


def _names_a_time(prep: Token) -> bool:
    """`on Tuesday`, `on 3 May`: a time, not the particle of a cue."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _for_to_marker(verb: Token, child: Token) -> Token | None:
    """`called for the rebels to disarm`: the parser reads `for X to Y` as a clause that
    `for` marks, hung on the verb; that `for` is the cue's particle."""
    if child.dep_ != "advcl" or child.i < verb.i:
        return None
    mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "for"), None)
    return mark if mark is not None and mark.i == verb.i + 1 else None


def is_hedged_or_hypothetical(verb: Token) -> bool:
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _HEDGES | _UNDONE:
        return True  # `seems to insist`; `failed to condemn`, `refused to say`: nothing was said
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ in _MODALS_OF_HYPOTHESIS for c in verb.children)


def is_participle_cue(token: Token) -> bool:
    """`..., adding that ...`: a gerund cue hanging off a clause, a quote of its own."""
    if token.tag_ != "VBG" or token.dep_ not in ("advcl", "conj", "xcomp") or cue_of(token) is None:
        return False
    # `will continue backing the mayor and defending X` is a verb chain, not an added remark.
    doc, before = token.doc, token.left_edge.i - 1
    if before >= 1 and doc[before].dep_ == "cc":
        before -= 1
    return before >= 0 and doc[before].is_punct


def _cut_participles(clause: Token, start: int, end: int) -> tuple[int, int]:
    """End a reported clause before a participle cue inside it (`X, adding that Y`)."""
    doc = clause.doc
    for token in clause.subtree:
        if token.i > clause.i and is_participle_cue(token) and token.left_edge.i > start:
            end = min(end, token.left_edge.i)
        elif token.i > clause.i and cue_of(token) is not None and token.right_edge.i + 1 >= end - 1:
            # `X would reopen, the agency reported`: a trailing attribution is not content.
            subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
            if subject is not None and doc[subject.left_edge.i - 1].text == ",":
                end = min(end, subject.left_edge.i - 1)
    return start, end


def _reporter_inside(clause: Token) -> Token | None:
    """A cue verb set as an adverbial before the clause's subject, right against it
    (`[While he acknowledged] funding was the reason`): the clause is what that cue reports."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None:
        return None
    return next((c for c in clause.children if c.dep_ == "advcl" and c.i < subject.i
                 and c.right_edge.i + 1 == subject.left_edge.i and cue_of(c) is not None), None)


def _past_said_when(verb: Token, clause: Token, start: int) -> int:
    """`said last Thursday the UK was concerned`: the parser hangs the time of saying on the
    reported clause; a date right after the cue (or its listener), before the clause's
    subject, is the cue's."""
    doc = verb.doc
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    after = verb.i + 1
    listener = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.left_edge.i == after), None)
    if listener is not None:
        after = listener.right_edge.i + 1  # `told voters this weekend he would ...`
    if start != after or subject is None or start >= len(doc):
        return start
    occasion = doc[start]
    if occasion.lower_ in _TIME_MARKS and occasion.dep_ == "prep" and occasion.head == clause \
            and occasion.right_edge.i + 1 == subject.left_edge.i:
        return subject.left_edge.i  # `said after the convention he would not accept`
    end = start
    if doc[end].lower_ in ("on", "at") and end + 1 < subject.i:
        end += 1  # `said on Monday the talks would resume`
    if doc[end].ent_type_ not in ("DATE", "TIME"):
        return start
    while end < subject.i and doc[end].ent_type_ in ("DATE", "TIME"):
        end += 1
    return end if end == subject.left_edge.i else start


def _skip_misparsed_that(clause: Token, start: int) -> int:
    """`announced in May that/advmod he had settled`: the sm parser sometimes labels the
    complementiser opening a reported clause as an adverb or as the clause's subject
    (`said that/nsubj would help`); right after the cue it is still not content."""
    doc = clause.doc
    that = doc[start]
    if that.lower_ == "that" and that.head == clause and that.dep_ in _THAT_MISLABELS and start + 1 < len(doc) \
            and not doc[start + 1].is_punct:
        return start + 1
    return start


def _reported_modal_conjunct(verb: Token) -> bool:
    """`said the plan was ready but would cost more`: a subjectless conjunct with a modal (or
    a past perfect) shares the reported clause's subject, so it is reported too. A bare `but would not
    elaborate` (nothing after the verb) and a cue verb (`and would urge ...`) are the
    speaker's own acts."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return False
    # `said X was stalling and had refused to talk`: the past perfect is the reported clause's
    # tense moved back, not the speaker's next act (which would be `and refused`), cue or not.
    backshifted = any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
    if cue_of(verb) is not None and not backshifted:
        return False
    has_modal = backshifted or any(c.dep_ == "aux" and c.lower_ in _REPORTED_MODALS for c in verb.children)
    return has_modal and any(c.i > verb.i and c.dep_ not in ("punct", "advmod", "neg", "cc") for c in verb.children)


def _cut_speaker_conjunct(clause: Token, start: int, end: int) -> int:
    """`said it rejected the tariff and urged X to drop it`: a cue verb coordinated with
    the reported clause and without a subject of its own is the speaker's next act."""
    doc = clause.doc
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and speaker is not None and not _may_be_speaker(subject, speaker):
        return end  # `Police say he posed a threat and refused to drop the gun`: his acts
    for child in clause.children:
        # (`but cautioned that "much work remains"`: any cue with a clause of its own)
        speaks = child.lemma_.lower() in _SPEECH_ACTS or cue_of(child) is not None and any(
            c.dep_ == "ccomp" for c in child.children)
        if child.dep_ == "conj" and child.i > clause.i and speaks and child.tag_ != "VBG" \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
            cut = child.left_edge.i
            while cut - 1 > start and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
                cut -= 1
            return min(end, cut)
    return end


def _may_be_speaker(subject: Token, speaker: Token) -> bool:
    """Whether a reported clause's subject can be the speaker itself (`Ruiz said she ...`,
    `the ministry said it ...`). Another named person, or a pronoun of another number or
    kind (`Police say he ...`), is someone else; a thing (`said a deal was near but
    declined to ...`) cannot act, so the act stays the speaker's."""
    if subject.pos_ != "PRON":
        return subject.ent_type_ != "PERSON" or subject.lemma_.lower() == speaker.lemma_.lower()
    pronoun = subject.lower_
    plural = speaker.tag_ in ("NNS", "NNPS") or speaker.lower_ in ("they", "we")
    person = speaker.ent_type_ == "PERSON" or speaker.lower_ in ("he", "she", "i")
    if pronoun in ("he", "she", "i"):
        return not plural and speaker.lower_ != "it"
    if pronoun == "it":
        return not plural and not person
    return pronoun not in ("they", "we") or not person


_CONTINUATIONS = ("in addition", "as well as", "including", "particularly", "especially", "notably")


def _told_that(verb: Token) -> tuple[int, int, float] | None:
    """`told the board that pressure would only "complicate" efforts ...` read by the parser as
    one long noun phrase, `that` a determiner: what follows `that` right after the audience,
    up to the speaker's next coordinated act or the sentence end."""
    doc = verb.doc
    audience = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
    if audience is None:
        return None
    that = audience.right_edge.i + 1
    if that + 2 >= len(doc) or doc[that].lower_ != "that" or doc[that].dep_ == "mark":
        return None
    end = sentence_of(verb)[1]
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > that):
        end = min(end, conj.left_edge.i)  # `..., and urged all parties to X`: the speaker's next act
    start, end = trim_tokens(doc, that + 1, end)
    return (start, end, 0.6) if end - start >= 3 else None


def _second_infinitive(doc, end: int) -> int:
    """`urged them to « seize this moment » and drop X`: a bare infinitive right after `and`
    continues the demand, wherever the parser hung it (a speaker's own next act would be in
    the past tense)."""
    k = end
    while k < len(doc) and (is_quote_token(doc[k]) or doc[k].text in ("»", "«")):
        k += 1
    if k + 1 < len(doc) and doc[k].lower_ in ("and", "or") and doc[k + 1].tag_ == "VB" and doc[k + 1].dep_ == "conj" \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[k + 1].children):
        return max(end, doc[k + 1].right_edge.i + 1)
    return end


def reduced_relative(child: Token, end: int) -> bool:
    """`urged them to respect the truce agreed in May`: a past participle right after the
    content's last noun, with no comma or subject of its own, describes that noun (the parser
    may hang it on the cue, and tag it as a past tense)."""
    doc = child.doc
    return child.dep_ in ("advcl", "conj") and child.tag_ in ("VBN", "VBD") and child.left_edge.i == end == child.i \
        and doc[end - 1].pos_ in ("NOUN", "PROPN") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in child.children)


def _cut_circumstance(doc, start: int, end: int) -> int:
    """End a demand before the writer's scene-setting: `demands an end to the fighting
    amid growing frustration` -> `an end to the fighting`; `welcomed the deal in a joint
    statement` -> `the deal` (where it was said is no part of what)."""
    for token in doc[start + 1 : end]:
        if token.lower_ in ("amid", "amidst", "despite") and token.dep_ == "prep":
            return token.i
        if token.lower_ in ("in", "on", "via", "through") and token.dep_ == "prep" and _names_a_channel(token):
            return token.i
    return end


def _names_a_channel(prep: Token) -> bool:
    """`in a joint statement`, `on social media`, `via video link`: the medium of the speech."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and objects[0].lemma_.lower() in _CHANNELS


# Nouns of the medium a statement was made in (`in a statement`, `on television`).
_CHANNELS = {"statement", "communique", "communiqué", "interview", "letter", "tweet", "post", "television",
             "radio", "media", "medium", "briefing", "speech", "address", "broadcast", "link", "call", "conference"}


def _cut_final_aside(doc, start: int, end: int) -> int:
    """End a reported clause before a closing `, which ...` aside: the writer explaining
    a term (`enriched uranium, which can have military uses`), not the speaker; or
    summing the claim up (`..., a position the other side has long rejected`)."""
    for token in doc[start + 1 : end - 2]:
        head = doc[token.i + 1].head
        # (what follows the aside up to the end may be a phrase, `ahead of talks`, not a clause)
        if token.text == "," and doc[token.i + 1].lower_ in ("a", "an") and head.pos_ == "NOUN" \
                and head.left_edge.i == token.i + 1 and any(t.dep_ in ("relcl", "acl") for t in head.subtree) \
                and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[head.right_edge.i + 1 : end]):
            return token.i
    for token in doc[start:end]:
        if token.dep_ == "relcl" and token.right_edge.i + 1 >= end - 1 and token.left_edge.i - 1 > start \
                and doc[token.left_edge.i - 1].text == "," and token.left_edge.lower_ in ("which", "who", "whose"):
            return token.left_edge.i - 1
    return end


_CONCESSIONS = {"although", "though", "whereas", "while"}


def cut_concession(doc, start: int, end: int) -> int:
    """End a reported clause before a comma-led concession (`said the test was its biggest
    yet, although it may take days to tell`), reading of it (`, appearing to rule out
    talks`), another voice set beside it (`, as agencies said X`) or the events around it
    (`, as the talks ended`): the writer's counterpoint, gloss, link or frame, not the claim."""
    for token in doc[start + 2 : end - 1]:
        if token.text != ",":
            continue
        k = token.i + 1
        if is_quote_token(doc[k]) and k + 1 < end:
            k += 1  # (`... honourable,” appearing to ...`)
        following = doc[k]
        if following.lower_ in _CONCESSIONS or following.lower_ == "even" and k + 1 < len(doc) \
                and doc[k + 1].lower_ == "though" or following.tag_ == "VBG" and following.lemma_.lower() in _HEDGES:
            return token.i
        if following.lower_ in ("as", "while") and following.dep_ == "mark" and cue_of(following.head) is not None:
            return token.i  # `, as aid agencies said famine had spread`: another voice, the writer's link
        if following.lower_ == "as" and following.dep_ == "mark" and following.head.i > k \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in following.head.children):
            return token.i  # `, as a new round of talks ended`: the writer's time frame
    return end


def _through_colon(doc, end: int) -> int:
    """`noted that three things were happening: prices rose, wages fell and ...`: a reported
    clause ending in a colon goes on with what the colon introduces, to its sentence end
    (the paragraph bounds it later)."""
    colon = next((i for i in (end - 1, end) if 0 <= i < len(doc) - 1 and doc[i].text == ":"), None)
    if colon is None or "\n" in doc[colon].whitespace_ or doc[colon + 1].is_space or is_quote_token(doc[colon + 1]):
        return end  # a quotation or a new paragraph after the colon is a statement of its own
    return max(end, sentence_of(doc[colon + 1])[1])


def _np_end(obj: Token) -> int:
    """End of a noun-phrase content before a comma-led relative clause, appositive or dash
    aside (`the plan, which critics call ...`, `the Nordic Council, the body that ...`)."""
    doc = obj.doc
    end = obj.right_edge.i + 1
    for token in obj.subtree:
        if token.i <= obj.i or token.i >= end:
            continue
        comma_led = doc[token.left_edge.i - 1].text == ","
        # An appositive after a name describes it; after a common noun it is usually a list.
        aside = token.dep_ in ("relcl", "acl") or token.dep_ == "appos" and doc[token.left_edge.i - 2].pos_ == "PROPN"
        if token.text in ("—", "--", "–") or aside and comma_led:
            end = min(end, token.left_edge.i - 1 if token.dep_ in ("relcl", "appos", "acl") else token.i)
    return end


def _continues_demand(child: Token) -> bool:
    if child.dep_ == "advcl" and child.tag_ == "VBG" and not is_participle_cue(child):
        return True
    if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in child.children):
        return True  # `warned of consequences if the deal collapsed`
    phrase = child.doc[child.left_edge.i : child.left_edge.i + 3].text.lower()
    if child.dep_ == "prep" and child.lower_ in ("as", "for", "of"):
        return True  # `dismissed X as Y`, `criticized X for Y`: the judgement itself
    return child.dep_ in ("prep", "cc", "advmod") and phrase.startswith(_CONTINUATIONS)


def _clause_of_time_clause(verb: Token, cue: Cue) -> list[Token]:
    """`told reporters as he arrived at the summit that X`: the parser hangs the reported
    clause on the time clause's verb, which takes none; it is the cue's."""
    if cue.lemma not in CLAUSE_ONLY | TELLING:
        return []
    for adv in (c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and cue_of(c) is None):
        if any(m.dep_ == "mark" and m.lower_ in _TIME_MARKS for m in adv.children):
            return [c for c in adv.children if c.dep_ == "ccomp" and c.i > adv.i]
        first = verb.doc[verb.i + 1]
        if first.dep_ == "prep" and first.lower_ in _TIME_MARKS and first.head == adv \
                and not any(m.dep_ == "mark" for m in adv.children) \
                and any(s.dep_ == "nsubj" and s.i > first.right_edge.i for s in adv.children):
            # `said after the convention he would not accept`: the time of saying read as the
            # opening of an adverbial clause, which is the reported one
            return [adv]
    return []


_TIME_MARKS = {"as", "when", "while", "after", "before", "upon"}


def _anonymity(inf: Token) -> bool:
    """`(asked) not to be named / identified / quoted`."""
    return inf.lemma_.lower() in ("name", "identify", "quote") and any(c.dep_ == "auxpass" for c in inf.children)


def opened_by_that(clause: Token) -> bool:
    """A clause opened by the complementiser `that`: labelled a mark, or (a misparse the sm
    parser makes) an object or subject right after the noun the clause hangs on."""
    that = clause.doc[clause.left_edge.i]
    if that.lower_ != "that" or that.head != clause:
        return False
    return that.dep_ == "mark" or that.dep_ in _THAT_MISLABELS and that.i == clause.head.i + 1


# Subordinators that open a circumstance, not what was said.
_ADVERBIAL_MARKS = {"after", "before", "as", "when", "while", "since", "until", "because", "although", "though",
                    "once", "unless"}


def adverbial_clause(clause: Token) -> bool:
    """`X, Peskov said on Monday, a day after officials met in Jeddah`: the parser may hang a
    time clause on the cue as its complement; its subordinator shows it is none."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    # (`pointed out that X asked for Y, not as it happened before`: a clause with both marks
    # is the reported one, misparsed)
    return bool(marks & _ADVERBIAL_MARKS) and "that" not in marks


def _stranded_subject(verb: Token, clause: Token, cue: Cue, start: int) -> int:
    """`He said hunger, not war, was the greatest threat`: the parser may take the clause's
    subject for the object of a cue that takes none, leaving the clause without one; the
    content then starts at that object."""
    if cue.lemma not in CLAUSE_ONLY or clause.i < verb.i or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return start
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    return obj.left_edge.i if obj is not None else start


def content_of(verb: Token, cue: Cue, particle: Token | None) -> tuple[int, int, float] | None:
    """Token range of what `verb` reports and a confidence, or None."""
    doc = verb.doc
    if particle is not None and particle.dep_ == "mark":
        # `called for the rebels to disarm`: the `for ... to` clause after the mark.
        start, end = trim_tokens(doc, particle.i + 1, particle.head.right_edge.i + 1)
        return (start, end, 0.8) if end - start >= 2 else None
    children = list(verb.children)
    clauses = [c for c in children if c.dep_ == "ccomp"] or _clause_of_time_clause(verb, cue)
    clauses = [c for c in clauses if _reporter_inside(c) is None and not adverbial_clause(c)]
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is not None and "np" in cue.flags:
        # `condemned the strikes that it said killed four`: a `that` clause right after a
        # noun object is the noun's relative clause, however the parser hung it
        clauses = [c for c in clauses if not (c.left_edge.i == obj.right_edge.i + 1 and c.left_edge.lower_ == "that"
                                              and c.left_edge.dep_ in _THAT_MISLABELS)]
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in children):
        # `..., that he really wants to go`: a verb inside a that-clause is no inverted
        # attribution of what precedes it
        clauses = [c for c in clauses if c.i > verb.i]
    host = verb.head
    if not clauses and verb.dep_ == "advcl" and host.dep_ == "ccomp" and _reporter_inside(host) == verb:
        # `While he acknowledged funding was the reason, he blamed the board`: the parser
        # hung the clause on the main verb and the cue inside it.
        start, end = trim_tokens(doc, verb.right_edge.i + 1, host.right_edge.i + 1)
        return (start, end, 0.75) if end - start >= 2 else None
    if clauses:
        # `Writing for a panel that agreed X won, Berg noted that Y`: a that-clause after the
        # cue is what it reports, whatever the parser hung on it before
        after = [c for c in clauses if c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        clause = after[0] if after else min(clauses, key=lambda c: abs(c.i - verb.i))
        inner = [c for c in clause.children if c.dep_ == "ccomp" and c.i < clause.i]
        if inner and cue_of(clause) is not None and clause.i > verb.i:
            # `said X, the agency reported` parsed as said -> reported -> X: the agency relays.
            clause = inner[0]
        opener = clause.left_edge
        start, end = subtree_range(clause)
        start = _stranded_subject(verb, clause, cue, start)
        # `the truce, which Moscow said would hold` / `the mine, which Clarke says he will
        # keep open`: the relative pronoun of the clause, fronted past the speaker; what was
        # said starts after the cue.
        fronted = start < verb.i and verb.dep_ == "relcl" and opener.tag_ in ("WDT", "WP")
        # (`that` tagged WDT is still the complementiser: `said on state television that X`)
        wh_clause = opener.tag_ in ("WP", "WRB", "WDT") and opener.lower_ != "that" or opener.lower_ in _QUESTION_MARKS
        if wh_clause and not fronted and cue.lemma not in _QUESTIONING:
            return None  # `maintained what he saw`, `know whether`: not a reported statement
        if cue.lemma == "ask" and any(t.lower_ in _QUESTION_MARKS for t in clause.subtree if t.dep_ == "mark"):
            return None  # `asked if ...` is a question put to someone, not their words
        if fronted:
            # The relative clause ends at a comma before the main verb (`, collapsed within
            # hours`), which the parser may have put inside it when it made the noun the root.
            main_verb = ("VBD", "VBZ", "VBP", "MD", "VBN") if verb.head.dep_ == "ROOT" else ("VBD", "VBZ", "VBP", "MD")
            start = verb.i + 1
            end = next((t.i for t in doc[start:end] if t.text == "," and t.i + 1 < end
                        and doc[t.i + 1].tag_ in main_verb), end)
        if start <= verb.i < end:
            start = verb.i + 1  # (a misparse may span the cue itself: content starts after it)
        start, end = _cut_participles(clause, start, end)
        for child in clause.children:
            if child.text == ";" and start < child.i < end:
                end = child.i  # `X was not intended; they only learned ...`: one clause only
        end = _cut_speaker_conjunct(clause, start, end)
        # `added that X, but “Y”` / `said X but he was already working on Y` / `said X, and Y
        # will follow` / `said X but would need Y`: a conjunct the parser hangs on the cue,
        # right after the clause, continues what was reported.
        # (`quoted X as saying Y and would Z`: the parser may hang Z on `quoted`)
        relay = [c for c in verb.head.head.children if c.i > verb.i] \
            if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ == "quote" else []
        for child in children + relay:
            if child.dep_ != "conj" or child.i < end or cue_of(child) is not None and not is_hedged_or_hypothetical(child):
                continue
            joined_by = doc[end : child.left_edge.i].text.strip(" ,")
            if opened_by_that(child) or _reported_modal_conjunct(child):
                # (`was "open to talks" but that X`, `had "nothing to hide" and would Y`: past a closing mark)
                joined_by = joined_by.strip(" ,\"“”«»")
            verbless = child.pos_ in ("NOUN", "PROPN", "ADJ")
            clause_like = child.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children)
            if joined_by in ("but", "and") and (verbless or clause_like or _reported_modal_conjunct(child)):
                end = max(end, child.right_edge.i + 1)
        end = cut_concession(doc, start, _cut_final_aside(doc, start, end))
        end = _through_colon(doc, end)
        start, end = trim_tokens(doc, _skip_misparsed_that(clause, _past_said_when(verb, clause, start)), end)
        return (start, end, 0.85) if end - start >= 2 else None
    if "pred" in cue.flags:
        # `called the plan “a disaster”`, `described it as a mistake`: object plus predicate.
        objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
        predicates = [c for c in children if c.i > verb.i and (c.dep_ in ("oprd", "ccomp", "xcomp")
                      or c.dep_ == "prep" and c.lower_ == "as")]
        if objects and not predicates:
            # `called the plan "a dead end"`: the parser makes the quoted label an appositive;
            # `described the talks as "serious"`: it may hang the `as` on the object.
            predicates = [c for c in objects[0].children if c.i > objects[0].i and (
                c.dep_ == "appos" and is_quote_token(doc[c.left_edge.i - 1])
                or c.dep_ == "prep" and c.lower_ == "as" and c.right_edge.i > c.i)]
        if objects and predicates:
            start, end = trim_tokens(doc, objects[0].left_edge.i, max(p.right_edge.i for p in predicates) + 1)
            return (start, end, 0.7) if end - start >= 2 else None
        return None
    # `told a meeting of leaders that few people understood ...`, `told the council via
    # video link that the committee would meet`: a complement clause misparsed as a relative
    # clause of the object, or of a circumstance of a speech verb that has no clause.
    hosts = ("dobj", "dative", "prep") if cue.lemma in CLAUSE_ONLY | TELLING else ("dobj", "dative")
    for obj in (c for c in children if c.dep_ in hosts and c.i > verb.i):
        for token in obj.subtree:
            # (`told reporters after meeting the envoy that X`: the parser may hang the clause
            # on the circumstance's own verb)
            hung = token.dep_ == "ccomp" and obj.dep_ == "prep" and cue_of(token.head) is None
            if (token.dep_ in ("relcl", "acl") or hung) and opened_by_that(token) \
                    and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ != "that" for c in token.children) \
                    and (obj.dep_ == "prep" or token.head.lemma_.lower() not in word_set("speech_nouns.txt")):
                # (`rejected the claim by Ruiz that X`: X is Ruiz's claim, see cue_forms; but
                # `said in a statement that X` says X.)
                start, end = subtree_range(token)
                start, end = trim_tokens(doc, start + (doc[start].dep_ != "mark"), end)  # past a mislabelled `that`
                return (start, end, 0.75) if end - start >= 2 else None
    if cue.lemma in TELLING:
        told = _told_that(verb)
        if told is not None:
            return told
    if cue.lemma in CLAUSE_ONLY:
        # `Ruiz said none of the parties believed ...`: the sm parser sometimes makes the
        # clause's subject an object of `said`; a long object holding a verb is a clause.
        objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
        if objects and any(t.pos_ == "VERB" for t in objects[0].subtree):
            start, end = trim_tokens(doc, objects[0].left_edge.i, verb.right_edge.i + 1)
            start, end = _cut_participles(verb, start, end)
            if end - start >= 4:
                return start, end, 0.6
    if "inf" in cue.flags:
        infinitives = [c for c in children if c.dep_ in ("xcomp", "advcl") and c.i > verb.i
                       and any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children)]
        if infinitives and _anonymity(infinitives[0]):
            return None  # `who asked not to be named`: a condition of speaking, not a statement
        if infinitives:
            inf = infinitives[0]
            start = inf.left_edge.i
            objects = [c for c in children if c.dep_ in ("dobj", "dative") and c.i < inf.i]
            if particle is not None and particle.dep_ in ("prep", "prt"):
                objects += [c for c in particle.children if c.dep_ == "pobj"]  # `called on all parties to`
            if objects:
                start = min(start, min(o.left_edge.i for o in objects))
            end = inf.right_edge.i + 1
            # `wants to cut X, grow Y and create Z`: the parser may hang the later verbs on the cue
            # (not a further cue: `urges him to stop and says, “...”` speaks again).
            for child in children:
                if child.dep_ == "conj" and child.i >= end and child.pos_ == "VERB" and cue_of(child) is None \
                        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                    end = child.right_edge.i + 1
                elif reduced_relative(child, end):
                    end = child.right_edge.i + 1
            end = _second_infinitive(doc, end)
            start, end = trim_tokens(doc, start, _cut_circumstance(doc, start, cut_concession(doc, start, end)))
            return (start, end, 0.8) if end - start >= 2 else None
    if "np" in cue.flags:
        if particle is not None and particle.dep_ == "prep":
            objects = [c for c in particle.children if c.dep_ in ("pobj", "pcomp")]
        else:
            # `proposed scrapping the levy`: a gerund complement names what was proposed.
            objects = [c for c in children if c.dep_ == "dobj" or c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i]
        if objects:
            obj = objects[0]
            judged = any(c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i > obj.i for c in children)
            if obj.pos_ == "PRON" and not judged:
                return None  # `welcomed it` refers back; `accused him of dithering` judges
            start, end = obj.left_edge.i, _np_end(obj)
            # The parser often hangs the rest of the demand on the verb (`called for X,
            # distinguishing Y`, `stressed X in addition to Y`): take those along.
            for child in children:
                # Only right after the object: `praised X as Y at a rally in Z` ends at Y.
                if child.i > obj.i and end - 1 <= child.left_edge.i <= max(end, obj.right_edge.i + 1) + 1 \
                        and _continues_demand(child):
                    end = max(end, child.right_edge.i + 1)
            start, end = trim_tokens(doc, start, _cut_circumstance(doc, start, end))
            # `welcomed the announcement` names a topic; a stated demand has more body.
            content_words = [t for t in doc[start:end] if not (t.is_punct or t.dep_ == "det")]
            # A demand names what is wanted even in one word (`called for a ceasefire`).
            if len(content_words) >= (1 if (cue.lemma, cue.particle) in _DEMANDS else 3):
                return start, end, 0.7
    return None

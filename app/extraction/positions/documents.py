"""Drafts and resolutions: a text a party presents is that party's proposal (GUIDELINES:
presenting a draft is `propose`), and `vetoed it` may point back at such a text."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.extraction.positions.holders import actors_of
from app.extraction.positions.index import doc_index
from app.extraction.positions.spans import clause_end
from app.extraction.positions.stances import Found, lexicon, verb_phrases
from app.extraction.positions.syntax import agents_of
from app.extraction.types import Statement


def presented_documents(doc: Doc) -> list[tuple[Found, tuple[int, int]]]:
    """`a draft resolution presented by Ostland that calls for a truce` -> propose by Ostland,
    content the draft's description; with the extent of the whole noun phrase."""
    lex = lexicon()
    found = []
    for i in doc_index(doc).with_dep("acl"):
        token = doc[i]
        if not (set(verb_phrases(token)) & set(lex["document_presenting_verbs"])):
            continue
        noun = token.head
        if noun.lemma_.lower() not in lex["document_nouns"] or noun.lemma_.lower() in ("agreement", "deal"):
            continue
        if any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            continue  # `the draft proposed by X` refers back to a proposal already counted
        agents = agents_of(token)
        actors = actors_of(agents[0]) if agents else ()
        if not actors:
            continue
        start = noun.left_edge.idx
        end = clause_end(noun, noun.sent.end_char)
        found.append((Found("propose", start, end, actors, "narrative", anchor=token), (start, end)))
    return found


def document_proposal(doc: Doc, st: Statement) -> Found | None:
    """A statement whose speaker is a draft: `a draft resolution presented by Ostland that calls
    for a truce in the valley` yields propose by Ostland, content the whole description; an
    adopted or concluded text yields None."""
    if st.speaker_mention is None or st.speaker is None:
        return None
    mention = doc.char_span(st.speaker_mention.start, st.speaker_mention.end, alignment_mode="expand")
    if mention is None or mention.root.lemma_.lower() not in lexicon()["document_nouns"]:
        return None
    if mention.root.lemma_.lower() in ("agreement", "deal", "declaration", "statement"):
        return None  # a concluded text speaks for its parties, it is not a proposal
    presenting = lexicon()["document_presenting_verbs"]
    by_presenter = any(t.lemma_.lower() in presenting and t.dep_ == "acl" for t in mention)
    adopted = any(t.lemma_.lower() in ("adopt", "pass", "approve") for t in mention.root.head.subtree
                  if t.i < mention.root.i) or mention.root.head.lemma_.lower() in ("adopt", "pass", "approve")
    if adopted:
        return None
    starts_description = mention.root.lower_ in ("draft", "resolution", "amendments", "amendment", "proposal") and (
        by_presenter or mention[0].lower_ in ("a", "an"))
    if not starts_description:
        return None
    end = st.content.end if st.cue is not None and st.cue.start - st.speaker_mention.end < 60 else st.speaker_mention.end
    return Found("propose", st.speaker_mention.start, end, (st.speaker,), "cue")


def document_before(pronoun: Token) -> tuple[int, int] | None:
    """`did not adopt the draft resolution proposed by X because Ostland blocked it` yields the
    offsets of the draft's phrase for `it`; None when no document noun comes before."""
    for token in reversed(list(pronoun.sent)[: pronoun.i - pronoun.sent.start]):
        if token.lemma_.lower() in ("resolution", "draft", "proposal", "text", "plan", "amendment") and token.pos_ == "NOUN":
            sub = [t for t in token.subtree if t.i < pronoun.i]
            # stop before the clause that contains the pronoun
            cut = [t for t in sub if t.dep_ in ("advcl", "mark") and t.head.i != token.i]
            if cut:
                sub = [t for t in sub if t.i < cut[0].i]
            return sub[0].idx, sub[-1].idx + len(sub[-1])
    return None

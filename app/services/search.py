"""`q`: full-text search over statement and position content, the same on SQLite and PostgreSQL.

Syntax: words (all must occur), "a phrase" in double quotes, and `negotiat*` for a
prefix. Matching ignores case; there is no stemming on either database.
SQLite answers from the FTS5 tables `statement_fts` and `position_fts` (migrations 0002
and 0007), PostgreSQL from a stored `content_tsv = to_tsvector('simple', content)` with a
GIN index (migration 0010).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import column, func, literal_column, text
from sqlmodel import Session

from app.errors import InvalidParameter
from app.models import Position, Statement

_TERM = re.compile(r'"([^"]*)"|(\w+)(\*)?')


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # more than one: a phrase
    prefix: bool = False


def parse_query(q: str) -> list[Term]:
    """`'"safe corridors" negotiat*'` -> [Term(("safe", "corridors")), Term(("negotiat",), prefix=True)]."""
    terms = []
    for match in _TERM.finditer(q):
        phrase, word, star = match.groups()
        words = tuple(w.casefold() for w in re.findall(r"\w+", phrase if phrase is not None else word))
        if words:
            terms.append(Term(words, prefix=bool(star)))
    if not terms:
        raise InvalidParameter(f"q: {q!r} has no word to search for")
    return terms


def _fts5(terms: list[Term]) -> str:
    return " ".join('"' + " ".join(t.words) + '"' + ("*" if t.prefix else "") for t in terms)


def _tsquery(terms: list[Term]) -> str:
    parts = []
    for t in terms:
        if len(t.words) > 1:
            parts.append("(" + " <-> ".join(t.words) + ")")
        else:
            parts.append(t.words[0] + (":*" if t.prefix else ""))
    return " & ".join(parts)


def matching(session: Session, q: str, table: type[Statement] | type[Position] = Statement) -> Any:
    """A condition on `table` (statements or positions) that holds where its content matches `q`."""
    terms = parse_query(q)
    if session.get_bind().dialect.name == "sqlite":
        index = f"{table.__tablename__}_fts"  # made by migrations 0002 and 0007
        ids = (
            text(f"SELECT rowid FROM {index} WHERE {index} MATCH :q")
            .bindparams(q=_fts5(terms))
            .columns(column("rowid"))
        )
        return table.id.in_(ids)  # type: ignore[union-attr]
    # The stored column `content_tsv` (migration 0010) holds to_tsvector('simple', content).
    simple = literal_column("'simple'::regconfig")
    document = literal_column(f'"{table.__tablename__}".content_tsv')
    return document.op("@@")(func.to_tsquery(simple, _tsquery(terms)))


def first_ids(session: Session, q: str, table: type[Statement] | type[Position], after: int | None, n: int) -> list[int] | None:
    """The first `n` ids past `after` whose content matches `q`, read in id order straight
    from SQLite's FTS index (rowid order), when `q` is all a page is narrowed by: the
    general condition would collect every match first. None on PostgreSQL, whose planner
    pages the GIN index itself."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    index = f"{table.__tablename__}_fts"
    query = text(
        f"SELECT rowid FROM {index} WHERE {index} MATCH :q AND rowid > :after ORDER BY rowid LIMIT :n"
    ).bindparams(q=_fts5(parse_query(q)), after=after if after is not None else -1, n=n)
    return list(session.exec(query).scalars())  # type: ignore[call-overload]

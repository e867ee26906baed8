"""The same statement reported by several outlets: one group, many sources.

Two statements are the same when the same actor said them within a few days and
their words nearly coincide (token Jaccard). The group's id is that of its first
stored statement; `GET /statements?group=true` answers one item per group.
"""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from app.models import Statement

SAME_WORDS = 0.6  # Jaccard overlap of word sets from which two reports are one statement
WINDOW = timedelta(days=3)  # outlets report a statement within days of each other
CANDIDATES = 200  # most recent statements of the actor compared, at most

_WORD = re.compile(r"\w+")


def words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def assign_groups(session: Session, statements: list[Statement]) -> None:
    """Give an article's just-flushed statements the group of an earlier report of each,
    or their own. Statements of one actor on one day share their candidates: one query."""
    by_key: dict[tuple[int, object], list[Statement]] = {}
    for statement in statements:
        statement.group_id = statement.id
        if statement.actor_id is not None:
            by_key.setdefault((statement.actor_id, statement.said_on), []).append(statement)
    for (actor_id, said_on), same in by_key.items():
        query = select(Statement.group_id, Statement.content).where(
            Statement.actor_id == actor_id, Statement.article_id != same[0].article_id
        )
        if said_on is not None:
            query = query.where(Statement.said_on.between(said_on - WINDOW, said_on + WINDOW))  # type: ignore[union-attr,operator]
        rows = session.exec(query.order_by(Statement.id.desc()).limit(CANDIDATES)).all()  # type: ignore[union-attr]
        candidates = [(group_id, words(content)) for group_id, content in rows]
        for statement in same:
            mine = words(statement.content)
            best, best_overlap = None, SAME_WORDS
            for group_id, theirs in candidates:
                score = overlap(mine, theirs)
                if score >= best_overlap:
                    best, best_overlap = group_id, score
            if best is not None:
                statement.group_id = best


def regroup_after_delete(session: Session, group_ids: set[int]) -> None:
    """Groups whose first statement was deleted are led by their next oldest one."""
    for group_id in group_ids:
        survivor = session.exec(select(func.min(Statement.id)).where(Statement.group_id == group_id)).one()
        if survivor is not None and survivor != group_id:
            for row in session.exec(select(Statement).where(Statement.group_id == group_id)).all():
                row.group_id = survivor
                session.add(row)

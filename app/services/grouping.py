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


def assign_group(session: Session, statement: Statement) -> None:
    """Give a just-flushed statement the group of an earlier report of it, or its own."""
    statement.group_id = statement.id
    if statement.actor_id is None:
        return
    query = select(Statement.group_id, Statement.content).where(
        Statement.actor_id == statement.actor_id,
        Statement.article_id != statement.article_id,
        Statement.id != statement.id,
    )
    if statement.said_on is not None:
        query = query.where(Statement.said_on.between(statement.said_on - WINDOW, statement.said_on + WINDOW))  # type: ignore[union-attr]
    mine = words(statement.content)
    best, best_overlap = None, SAME_WORDS
    for group_id, content in session.exec(query.order_by(Statement.id.desc()).limit(CANDIDATES)).all():  # type: ignore[union-attr]
        score = overlap(mine, words(content))
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

"""Pre-aggregated counts: statements per actor and month (table `actor_month`).

Every change to statements that moves a count goes through here: ingest adds, deleting
an article subtracts, merging actors moves. `GET /stats/actors` over whole months reads
these instead of counting a year's statements one by one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from sqlalchemy import delete, func
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from app.models import ActorMonth, Statement


def add_statements(session: Session, rows: Iterable[tuple[int | None, date | None]], sign: int = 1) -> None:
    """Count (actor_id, said_on) pairs in (sign=1) or out (sign=-1); undated or
    unattributed statements are not counted."""
    counts = Counter((actor_id, day.replace(day=1)) for actor_id, day in rows if actor_id and day)
    for (actor_id, month), n in sorted(counts.items()):
        _bump(session, actor_id, month, sign * n)


def _bump(session: Session, actor_id: int, month: date, n: int) -> None:
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    insert = dialect.insert(ActorMonth).values(actor_id=actor_id, month=month, statements=n)
    session.exec(insert.on_conflict_do_update(  # type: ignore[call-overload]
        index_elements=["actor_id", "month"],
        set_={"statements": ActorMonth.statements + insert.excluded.statements},
    ))


def remove_article(session: Session, article_id: int) -> None:
    """Before an article is deleted: its statements leave the counts."""
    rows = session.exec(select(Statement.actor_id, Statement.said_on).where(Statement.article_id == article_id))
    add_statements(session, rows.all(), sign=-1)


def move_actor(session: Session, source_id: int, into_id: int) -> None:
    """A merge: the source actor's counts are added to the survivor's."""
    moved = session.exec(select(ActorMonth.month, ActorMonth.statements).where(ActorMonth.actor_id == source_id)).all()
    session.exec(delete(ActorMonth).where(col(ActorMonth.actor_id) == source_id))  # type: ignore[call-overload]
    for month, n in moved:
        _bump(session, into_id, month, n)


def top_actor_counts(session: Session, first: date | None, last: date | None, limit: int) -> list[tuple[int, int]]:
    """(actor_id, statements) of the `limit` actors with most statements in the months
    from `first` through `last` (either open)."""
    total = func.sum(ActorMonth.statements).label("n")
    query = select(ActorMonth.actor_id, total).where(ActorMonth.statements > 0)
    if first is not None:
        query = query.where(ActorMonth.month >= first.replace(day=1))
    if last is not None:
        query = query.where(ActorMonth.month <= last)
    query = query.group_by(ActorMonth.actor_id).order_by(total.desc(), ActorMonth.actor_id).limit(limit)
    return [(actor_id, int(n)) for actor_id, n in session.exec(query).all()]


_MONTH = {"postgresql": "date_trunc('month', said_on)::date", "sqlite": "strftime('%Y-%m-01', said_on)"}


def rebuild_sql(dialect: str) -> str:
    """SQL that recounts `actor_month` from the statements (after a bulk load)."""
    month = _MONTH[dialect]
    return (
        "INSERT INTO actor_month (actor_id, month, statements) "
        f"SELECT actor_id, {month}, count(*) FROM statement "
        f"WHERE actor_id IS NOT NULL AND said_on IS NOT NULL GROUP BY actor_id, {month}"
    )

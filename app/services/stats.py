"""Aggregates for dashboards: counts over time, top actors and venues, who targets whom."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from app.models import Actor, Position, PositionParty, Statement, Venue
from app.services import aggregates
from app.services.statements import Filters, apply_filters

Interval = Literal["day", "week", "month"]
GroupBy = Literal["actor", "venue", "kind", "type"]


def bucket_of(day: date, interval: Interval) -> date:
    """The first day of the bucket `day` falls in (weeks start on Monday, as in ISO 8601)."""
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def _next_bucket(day: date, interval: Interval) -> date:
    if interval == "day":
        return day + timedelta(days=1)
    if interval == "week":
        return day + timedelta(days=7)
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _buckets(first: date, last: date, interval: Interval) -> list[date]:
    buckets, day = [], bucket_of(first, interval)
    while day <= last:
        buckets.append(day)
        day = _next_bucket(day, interval)
    return buckets


def timeline(
    session: Session, filters: Filters, *, interval: Interval, by: GroupBy | None, top: int
) -> dict[str, Any]:
    """Counts per bucket, zero-filled from `from` (or the first date) to `to` (or the last).

    Statements are counted, or positions when grouping `by=type`. With `by`, the `top`
    groups by total get a series each; the rest are summed under `other`.
    """
    table: Any = Position if by == "type" else Statement
    group: Any = {
        "actor": table.actor_id, "venue": table.venue_id, "kind": Statement.kind, "type": Position.type,
        None: None,
    }[by]
    columns = [table.said_on] + ([group] if group is not None else [])
    # Counted per day in SQL (the same on both databases); days fold into buckets here.
    query = select(*columns, func.count()).where(table.said_on.is_not(None))
    query = apply_filters(session, query, table, filters).group_by(*columns)
    per_day = session.exec(query).all()

    days = [row[0] for row in per_day]
    first = filters.date_from or (min(days) if days else None)
    last = filters.date_to or (max(days) if days else None)
    buckets = _buckets(first, last, interval) if first and last and first <= last else []
    index = {b: i for i, b in enumerate(buckets)}

    counts: dict[Any, list[int]] = defaultdict(lambda: [0] * len(buckets))
    for row in per_day:
        key = row[1] if group is not None else "all"
        counts[key][index[bucket_of(row[0], interval)]] += row[-1]

    ranked = sorted(counts, key=lambda k: (-sum(counts[k]), str(k)))
    kept, rest = ranked[:top], ranked[top:]
    names = _names(session, by, kept)
    series = [{"key": names.get(k, k), "counts": counts[k], "total": sum(counts[k])} for k in kept]
    if rest:
        other = [sum(counts[k][i] for k in rest) for i in range(len(buckets))]
        series.append({"key": "other", "counts": other, "total": sum(other)})
    return {
        "interval": interval,
        "by": by,
        "counted": "positions" if table is Position else "statements",
        "buckets": [b.isoformat() for b in buckets],
        "series": series,
    }


def _names(session: Session, by: GroupBy | None, keys: list[Any]) -> dict[Any, Any]:
    """Actor and venue ids as `{id, name}`; a null id (unresolved) stays null."""
    table: Any = {"actor": Actor, "venue": Venue}.get(by or "")
    ids = [k for k in keys if k is not None]
    if table is None or not ids:
        return {}
    rows = session.exec(select(table.id, table.name).where(table.id.in_(ids))).all()
    return {i: {"id": i, "name": name} for i, name in rows}


def top_actors(session: Session, filters: Filters, *, limit: int) -> list[dict[str, Any]]:
    """Speakers with the most statements, with the first and last date they spoke.

    Over whole months and no other filter (what dashboards ask), the counts come from
    the per-month table; anything finer is counted from the statements themselves.
    """
    if not _whole_months_only(filters):
        return _top(session, filters, Actor, Statement.actor_id, limit)
    counts = aggregates.top_actor_counts(session, filters.date_from, filters.date_to, limit)
    ids = [actor_id for actor_id, _ in counts]

    def bound(edge: Any) -> Any:
        # One index seek per actor on (actor_id, said_on).
        query = select(edge(Statement.said_on)).where(Statement.actor_id == Actor.id)
        if filters.date_from:
            query = query.where(Statement.said_on >= filters.date_from)  # type: ignore[operator]
        if filters.date_to:
            query = query.where(Statement.said_on <= filters.date_to)  # type: ignore[operator]
        return query.scalar_subquery()

    rows = session.exec(
        select(Actor.id, Actor.name, Actor.kind, bound(func.min), bound(func.max)).where(Actor.id.in_(ids))  # type: ignore[union-attr]
    ).all() if ids else []
    facts = {i: (name, kind, first, last) for i, name, kind, first, last in rows}
    return [
        {"id": i, "name": facts[i][0], "kind": facts[i][1], "statement_count": n,
         "first_date": facts[i][2], "last_date": facts[i][3]}
        for i, n in counts if i in facts
    ]


def _whole_months_only(filters: Filters) -> bool:
    """True when only `from`/`to` narrow, each on a month's edge."""
    if replace(filters, date_from=None, date_to=None, actor_ids=None) != Filters():
        return False
    starts = filters.date_from is None or filters.date_from.day == 1
    ends = filters.date_to is None or (filters.date_to + timedelta(days=1)).day == 1
    return starts and ends


def top_venues(session: Session, filters: Filters, *, limit: int) -> list[dict[str, Any]]:
    return _top(session, filters, Venue, Statement.venue_id, limit)


def _top(session: Session, filters: Filters, table: Any, column: Any, limit: int) -> list[dict[str, Any]]:
    count = func.count(Statement.id)
    query = (
        select(table.id, table.name, table.kind, count, func.min(Statement.said_on), func.max(Statement.said_on))
        .join(table, table.id == column)
    )
    query = apply_filters(session, query, Statement, filters)
    query = query.group_by(table.id, table.name, table.kind).order_by(count.desc(), table.id).limit(limit)
    return [
        {"id": i, "name": name, "kind": kind, "statement_count": n, "first_date": first, "last_date": last}
        for i, name, kind, n, first, last in session.exec(query).all()
    ]


def network(session: Session, filters: Filters, *, limit: int) -> list[dict[str, Any]]:
    """Edges actor -> target from positions, with counts by position type: every holder
    to every addressee (`the US and France accused Russia` gives two edges)."""
    source, target = aliased(Actor, name="source"), aliased(Actor, name="target_actor")
    holder = aliased(PositionParty, name="holder")
    addressee = aliased(PositionParty, name="addressee")
    query = (
        select(source.id, source.name, target.id, target.name, Position.type, func.count())
        .join(holder, (holder.position_id == Position.id) & (holder.role == "actor"))
        .join(addressee, (addressee.position_id == Position.id) & (addressee.role == "target"))
        .join(source, source.id == holder.actor_id)
        .join(target, target.id == addressee.actor_id)
    )
    query = apply_filters(session, query, Position, filters)
    query = query.group_by(source.id, source.name, target.id, target.name, Position.type)
    edges: dict[tuple[int, int], dict[str, Any]] = {}
    for source_id, source_name, target_id, target_name, kind, n in session.exec(query).all():
        edge = edges.setdefault(
            (source_id, target_id),
            {"source": {"id": source_id, "name": source_name},
             "target": {"id": target_id, "name": target_name}, "count": 0, "by_type": {}},
        )
        edge["count"] += n
        edge["by_type"][kind] = n
    return sorted(edges.values(), key=lambda e: (-e["count"], e["source"]["id"], e["target"]["id"]))[:limit]

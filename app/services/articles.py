"""Reading and deleting articles."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, func
from sqlmodel import Session, select

from app.errors import NotFound
from app.models import Article, ArticleDetail, ArticlePublic, Deletion, Position, Statement
from app.services.aggregates import remove_article
from app.services.grouping import regroup_after_delete
from app.services.pagination import decode_cursor, split_page
from app.services.topics import leave_topics
from app.services.views import positions_of_article, statements_of_article


def _counts(session: Session, table: type[Statement] | type[Position], ids: list[int]) -> dict[int, int]:
    query = select(table.article_id, func.count()).where(table.article_id.in_(ids)).group_by(table.article_id)  # type: ignore[attr-defined]
    return dict(session.exec(query).all())  # type: ignore[arg-type]


def _public(article: Article, statements: int, positions: int) -> ArticlePublic:
    # model_validate reads attributes, so a row expired by a commit is reloaded.
    return ArticlePublic.model_validate(
        article, update={"statement_count": statements, "position_count": positions}
    )


def article_publics(session: Session, articles: list[Article]) -> list[ArticlePublic]:
    """Articles with their statement and position counts, two queries for the lot."""
    ids = [a.id for a in articles]
    statements = _counts(session, Statement, ids)  # type: ignore[arg-type]
    positions = _counts(session, Position, ids)  # type: ignore[arg-type]
    return [_public(a, statements.get(a.id, 0), positions.get(a.id, 0)) for a in articles]  # type: ignore[arg-type]


def article_public(session: Session, article: Article) -> ArticlePublic:
    return article_publics(session, [article])[0]


def get_article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"No article with id {article_id}.")
    return article


def read_article(session: Session, article_id: int) -> ArticleDetail:
    article = get_article(session, article_id)
    statements = statements_of_article(session, article_id)
    positions = positions_of_article(session, article_id)
    return ArticleDetail(
        **_public(article, len(statements), len(positions)).model_dump(),
        text=article.text,
        statements=statements,
        positions=positions,
    )


def delete_article(session: Session, article_id: int) -> None:
    """Remove the article; its statements and positions go with it, each leaving a
    tombstone for clients that sync with `GET /deletions`."""
    article = get_article(session, article_id)
    forget_findings(session, article_id)
    session.add(Deletion(resource="article", resource_id=article_id))
    session.delete(article)
    session.flush()
    session.commit()


def forget_findings(session: Session, article_id: int) -> None:
    """Delete what was extracted from the article (statements, positions) with their
    tombstones, taking them out of the monthly counts, topics and statement groups."""
    tombstones = []
    for resource, table in (("statement", Statement), ("position", Position)):
        ids = session.exec(select(table.id).where(table.article_id == article_id)).all()
        tombstones += [Deletion(resource=resource, resource_id=i) for i in ids]
    led = set(session.exec(
        select(Statement.id).where(Statement.article_id == article_id, Statement.id == Statement.group_id)
    ).all())
    leave_topics(session, article_id)
    remove_article(session, article_id)
    session.add_all(tombstones)
    # Positions first: they point at statements.
    session.exec(delete(Position).where(Position.article_id == article_id))  # type: ignore[call-overload]
    session.exec(delete(Statement).where(Statement.article_id == article_id))  # type: ignore[call-overload]
    session.flush()
    regroup_after_delete(session, led)


def list_deletions(
    session: Session, *, since: datetime | None, resource: str | None, limit: int, cursor: str | None
) -> tuple[list[Deletion], str | None]:
    query = select(Deletion)
    if since is not None:
        query = query.where(Deletion.deleted_at >= since)
    if resource:
        query = query.where(Deletion.resource == resource)
    after = decode_cursor(cursor)
    if after is not None:
        query = query.where(Deletion.id > after)
    rows = session.exec(query.order_by(Deletion.id).limit(limit + 1)).all()
    return split_page(rows, limit, rows[limit - 1].id if len(rows) > limit else None)


def list_articles(
    session: Session,
    *,
    source: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    updated_since: datetime | None = None,
    limit: int,
    cursor: str | None = None,
) -> tuple[list[ArticlePublic], str | None]:
    query = select(Article)
    if source:
        query = query.where(Article.source == source)
    if date_from:
        query = query.where(Article.published_at >= date_from)
    if date_to:
        query = query.where(Article.published_at <= date_to)
    if updated_since:
        query = query.where(Article.updated_at >= updated_since)
    after = decode_cursor(cursor)
    if after is not None:
        query = query.where(Article.id > after)
    rows = session.exec(query.order_by(Article.id).limit(limit + 1)).all()
    page, next_cursor = split_page(rows, limit, rows[limit - 1].id if len(rows) > limit else None)
    return article_publics(session, list(page)), next_cursor

"""Article -> extraction -> rows, in one transaction per article."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import numpy as np
from pydantic import ValidationError
from sqlalchemy import or_
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, select

from app import extraction
from app.db import write_transaction
from app.errors import error_list
from app.models import (
    Article,
    ArticleCreate,
    BatchItemResult,
    Position,
    PositionParty,
    Statement,
)
from app.services.aggregates import add_statements
from app.services.articles import article_public, forget_findings, get_article
from app.services.grouping import assign_groups
from app.services.registry import get_or_create_venue
from app.services.resolution import ArticleLookups, Resolution, resolve_actor
from app.services.topics import assign_topics, embed_contents

log = logging.getLogger(__name__)

# A write can lose a race (same article posted twice, same new actor created by
# two articles at once, SQLite busy): roll back and try again this many times.
WRITE_ATTEMPTS = 4

T = TypeVar("T")


def content_hash(text: str) -> str:
    """Same text up to white space -> same hash, so a re-post is recognised."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def find_existing(session: Session, url: str | None, digest: str) -> Article | None:
    condition = Article.content_hash == digest
    if url:
        condition = or_(condition, Article.url == url)
    return session.exec(select(Article).where(condition)).first()


def ingest_article(
    session: Session, data: ArticleCreate, extractor: extraction.Extractor
) -> tuple[Article, bool]:
    """Store the article and what it says; `(article, created)`.

    A duplicate (same URL or same text) returns the stored article untouched.
    Extraction runs before the transaction opens so no lock is held while spaCy works.
    """
    digest = content_hash(data.text)
    existing = find_existing(session, data.url, digest)
    if existing is not None:
        return existing, False
    result, vectors = _analyse(extractor, data.text, data.published_at)

    def write() -> tuple[Article, bool]:
        # Checked again inside the write: another request may have stored it while
        # this one was extracting.
        existing = find_existing(session, data.url, digest)
        if existing is not None:
            return existing, False
        return _write(session, data, digest, result, vectors), True

    return _in_write_transaction(session, write)


def _analyse(
    extractor: extraction.Extractor, text: str, published_on: date | None
) -> tuple[extraction.Extraction, np.ndarray | None]:
    """Extraction and the position contents' embeddings (for topics): the CPU work,
    done before the write transaction opens so no lock is held meanwhile."""
    result = extractor.extract(text, published_on)
    return result, embed_contents([p.content.text for p in result.positions])


def _in_write_transaction(session: Session, write: Callable[[], T]) -> T:
    """`write()` in one write transaction, committed; retried when it loses a race
    (PostgreSQL: a concurrent insert of the same article or actor; SQLite: busy)."""
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with write_transaction(session):
                done = write()
                session.commit()
            return done
        except (IntegrityError, OperationalError) as error:
            session.rollback()
            if attempt == WRITE_ATTEMPTS:
                raise
            log.info("write retry %d after %s", attempt, type(error).__name__)
    raise AssertionError("unreachable")


def ingest_batch(
    session: Session, items: list[Any], extractor: extraction.Extractor
) -> list[BatchItemResult]:
    """Each item is validated and stored on its own: a bad item loses no good one."""
    results = []
    for index, raw in enumerate(items):
        try:
            data = ArticleCreate.model_validate(raw)
        except ValidationError as error:
            problem = {"title": "Invalid article", "status": 422, "errors": error_list(error.errors())}
            results.append(BatchItemResult(index=index, status=422, error=problem))
            continue
        article, created = ingest_article(session, data, extractor)
        results.append(
            BatchItemResult(
                index=index, status=201 if created else 200, article=article_public(session, article)
            )
        )
    return results


def _clip(text: str, limit: int) -> str:
    # Columns have limits PostgreSQL enforces; the offsets stay exact either way.
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _write(
    session: Session,
    data: ArticleCreate,
    digest: str,
    result: extraction.Extraction,
    vectors: np.ndarray | None,
) -> Article:
    article = Article(
        **data.model_dump(exclude={"text"}),
        text=data.text,
        content_hash=digest,
        extractor_version=result.extractor_version,
    )
    session.add(article)
    session.flush()
    _write_findings(session, article, result, vectors)
    return article


def reextract_article(session: Session, article_id: int, extractor: extraction.Extractor) -> Article:
    """Run the extractor again over a stored article and replace what was found: the old
    statements and positions leave tombstones, the new ones are resolved against the
    registry as it is now (so curated aliases and merges apply)."""
    article = get_article(session, article_id)
    result, vectors = _analyse(extractor, article.text, article.published_at)

    def write() -> Article:
        stored = get_article(session, article_id)
        forget_findings(session, article_id)
        stored.extractor_version = result.extractor_version
        session.add(stored)
        _write_findings(session, stored, result, vectors)
        return stored

    return _in_write_transaction(session, write)


def _write_findings(
    session: Session, article: Article, result: extraction.Extraction, vectors: np.ndarray | None
) -> None:
    """The article's statements and positions, with their actors, venues and topics."""
    # An article names the same few actors many times: look each up once.
    lookups = ArticleLookups(article.text)
    venues: dict[str, int] = {}
    published = article.published_at

    def resolve(ref: extraction.ActorRef | None, mention: str | None, on: date | None) -> Resolution | None:
        return resolve_actor(session, ref, mention, on, lookups) if ref is not None else None

    def actor_ids(refs: tuple[extraction.ActorRef, ...], on: date | None) -> list[int]:
        ids = [found.actor.id for found in (resolve(ref, None, on) for ref in refs) if found]
        return list(dict.fromkeys(ids))  # two names of one actor are one party

    def venue_id(ref: extraction.VenueRef | None) -> int | None:
        if ref is None:
            return None
        if ref.name not in venues:
            venues[ref.name] = get_or_create_venue(session, ref).id  # type: ignore[assignment]
        return venues[ref.name]

    statement_rows: list[Statement] = []
    for found in result.statements:
        mention = found.speaker_mention
        speaker = resolve(found.speaker, mention.text if mention else None, found.said_on or published)
        row = Statement(
            article_id=article.id,  # type: ignore[arg-type]
            actor_id=speaker.actor.id if speaker else None,
            venue_id=venue_id(found.venue),
            kind=found.kind,
            content=found.content.text,
            content_start=found.content.start,
            content_end=found.content.end,
            speaker_mention=_clip(mention.text, 1000) if mention else None,
            speaker_start=mention.start if mention else None,
            speaker_end=mention.end if mention else None,
            resolution_method=speaker.method if speaker else None,
            resolution_matched=_clip(speaker.matched, 300) if speaker and speaker.matched else None,
            resolution_confidence=speaker.confidence if speaker else None,
            cue=_clip(found.cue.text, 200) if found.cue else None,
            said_on=found.said_on,
            confidence=found.confidence,
        )
        statement_rows.append(row)
    session.add_all(statement_rows)
    session.flush()
    assign_groups(session, statement_rows)
    add_statements(session, [(row.actor_id, row.said_on) for row in statement_rows])
    position_rows: list[Position] = []
    parties: list[list[tuple[str, int]]] = []  # (role, actor id) of each position, in order
    for found in result.positions:
        index = found.statement_index
        on = found.said_on or published
        holders, addressees = actor_ids(found.actors, on), actor_ids(found.targets, on)
        position = Position(
            article_id=article.id,  # type: ignore[arg-type]
            statement_id=statement_rows[index].id if index is not None else None,
            actor_id=holders[0] if holders else None,
            target_id=addressees[0] if addressees else None,
            venue_id=venue_id(found.venue),
            type=found.type,
            content=found.content.text,
            content_start=found.content.start,
            content_end=found.content.end,
            said_on=found.said_on,
            confidence=found.confidence,
            certainty=found.certainty,
            negated=found.negated,
            hypothetical=found.hypothetical,
            future=found.future,
            historical=found.historical,
        )
        position_rows.append(position)
        parties.append([("actor", i) for i in holders] + [("target", i) for i in addressees if i not in holders])
    session.add_all(position_rows)
    session.flush()
    for position, its_parties in zip(position_rows, parties):
        for ordinal, (role, party) in enumerate(its_parties):
            session.add(PositionParty(position_id=position.id, role=role, actor_id=party, ordinal=ordinal))  # type: ignore[arg-type]
    if vectors is not None:
        assign_topics(session, position_rows, vectors)
    session.flush()

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request, Response, status

from app.api.deps import (
    CursorQuery,
    PeriodDep,
    UpdatedSinceDep,
    ExtractorDep,
    LimitDep,
    SessionDep,
    SettingsDep,
    WriteKey,
    paged,
)
from app.errors import Problem, TextTooLong, TooManyItems
from app.models import ArticleCreate, ArticleDetail, ArticlePublic, BatchResult, Page
from app.services import articles, ingest

router = APIRouter(prefix="/articles", tags=["articles"])

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Missing or wrong API key"},
    413: {"model": Problem, "description": "Body larger than the limit"},
    422: {"model": Problem, "description": "Invalid article"},
}


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ArticleDetail,
    summary="Ingest an article",
    description="Extracts statements and positions and stores them in one transaction. "
    "201 with the new article; 200 with the stored one when the URL or the text is known.",
    responses={200: {"model": ArticleDetail, "description": "Already stored"}, **ERRORS},
    dependencies=[WriteKey],
)
def create_article(
    data: ArticleCreate,
    response: Response,
    session: SessionDep,
    extractor: ExtractorDep,
    settings: SettingsDep,
) -> ArticleDetail:
    if len(data.text) > settings.max_text_chars:
        raise TextTooLong(f"text has {len(data.text)} characters; the limit is {settings.max_text_chars}.")
    article, created = ingest.ingest_article(session, data, extractor)
    if not created:
        response.status_code = status.HTTP_200_OK
    return articles.read_article(session, article.id)  # type: ignore[arg-type]


@router.post(
    "/batch",
    response_model=BatchResult,
    summary="Ingest several articles",
    description="Each item is validated and stored on its own and answered with its own status "
    "(201, 200 duplicate, 422 invalid); a bad item does not lose the good ones.",
    responses=ERRORS,
    dependencies=[WriteKey],
)
def create_articles(
    session: SessionDep,
    extractor: ExtractorDep,
    settings: SettingsDep,
    items: Annotated[list[Any], Body(min_length=1)],
) -> BatchResult:
    if len(items) > settings.max_batch_items:
        raise TooManyItems(f"{len(items)} items; the limit is {settings.max_batch_items} per batch.")
    too_long = [
        i for i, item in enumerate(items)
        if isinstance(item, dict) and isinstance(item.get("text"), str)
        and len(item["text"]) > settings.max_text_chars
    ]
    if too_long:
        raise TextTooLong(f"items {too_long} exceed {settings.max_text_chars} characters of text.")
    return BatchResult(items=ingest.ingest_batch(session, items, extractor))


@router.get("", response_model=Page[ArticlePublic], summary="List articles")
def list_articles(
    request: Request,
    session: SessionDep,
    limit: LimitDep,
    period: PeriodDep,
    since: UpdatedSinceDep,
    cursor: CursorQuery = None,
    source: str | None = None,
) -> Response:
    items, next_cursor = articles.list_articles(
        session,
        source=source,
        date_from=period.start,
        date_to=period.end,
        updated_since=since,
        limit=limit,
        cursor=cursor,
    )
    return paged(request, items, next_cursor)


@router.get(
    "/{article_id}",
    response_model=ArticleDetail,
    summary="An article with its statements and positions",
    responses={404: {"model": Problem}},
)
def read_article(article_id: int, session: SessionDep) -> ArticleDetail:
    return articles.read_article(session, article_id)


@router.delete(
    "/{article_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an article with its statements and positions",
    responses={404: {"model": Problem}, 401: ERRORS[401]},
    dependencies=[WriteKey],
)
def delete_article(article_id: int, session: SessionDep) -> None:
    articles.delete_article(session, article_id)


@router.post(
    "/{article_id}/reextract",
    response_model=ArticleDetail,
    summary="Extract a stored article again with the running engine",
    description="The old statements and positions are replaced (and leave tombstones in "
    "`/deletions`); speakers are resolved against the registry as curated now.",
    responses={404: {"model": Problem}, 401: ERRORS[401]},
    dependencies=[WriteKey],
)
def reextract_article(article_id: int, session: SessionDep, extractor: ExtractorDep) -> ArticleDetail:
    ingest.reextract_article(session, article_id, extractor)
    return articles.read_article(session, article_id)

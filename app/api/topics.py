from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import CursorQuery, LimitDep, SessionDep, paged
from app.errors import Problem
from app.models import Page, TopicDetail, TopicPublic, TopicTimeline
from app.services import topics
from app.services.registry import actor_ids_matching

router = APIRouter(prefix="/topics", tags=["topics"])


@router.get("", response_model=Page[TopicPublic],
            summary="Topics: the matters positions are about, grouped across articles")
def list_topics(
    request: Request,
    session: SessionDep,
    limit: LimitDep,
    cursor: CursorQuery = None,
    q: Annotated[str | None, Query(description="Words of the label or terms", examples=["evacuation"])] = None,
    actor: Annotated[list[str], Query(description="An actor who took a position on it; repeatable",
                                      examples=["Russia"])] = [],  # noqa: B006
    min_positions: Annotated[int, Query(ge=1, description="At least this many positions", examples=[2])] = 1,
) -> Response:
    actor_ids = frozenset(i for name in actor for i in actor_ids_matching(session, name)) if actor else None
    items, next_cursor = topics.list_topics(session, q=q, actor_ids=actor_ids, min_positions=min_positions,
                                            limit=limit, cursor=cursor)
    return paged(request, items, next_cursor)


@router.get("/{topic_id}", response_model=TopicDetail,
            summary="One topic: label, terms, and each actor involved with its positions' types",
            responses={404: {"model": Problem}})
def read_topic(topic_id: int, session: SessionDep) -> TopicDetail:
    return topics.read_topic(session, topic_id)


@router.get("/{topic_id}/timeline", response_model=TopicTimeline,
            summary="The stance timeline: each actor's positions on the topic in date order, "
                    "marking where one changed (`demand -> agree`, a changed number)",
            responses={404: {"model": Problem}})
def topic_timeline(topic_id: int, session: SessionDep) -> TopicTimeline:
    return topics.topic_timeline(session, topic_id)

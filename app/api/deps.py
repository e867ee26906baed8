"""Dependencies shared by the routers: session, extractor, write key, paging."""

from __future__ import annotations

import calendar
import secrets
from datetime import date, datetime, timezone
from typing import Annotated, Any, Literal, NamedTuple

from fastapi import Depends, Query, Request, Response
from fastapi.responses import RedirectResponse
from sqlmodel import Session

from app import extraction
from app.config import Settings
from app.db import get_session
from app.errors import Forbidden, InvalidParameter, Unauthorized
from app.models import FilteredPage, Page
from app.services import curation

SessionDep = Annotated[Session, Depends(get_session)]


# Dependencies that do no I/O are `async def`: FastAPI runs each sync one in the thread
# pool, a hop per dependency per request.
async def app_settings(request: Request) -> Settings:
    """The settings the app was made with (`create_app(settings)`)."""
    return request.app.state.settings  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(app_settings)]


async def get_extractor(request: Request) -> extraction.Extractor:
    return request.app.state.extractor


ExtractorDep = Annotated[extraction.Extractor, Depends(get_extractor)]


def _given_key(request: Request) -> str | None:
    given = request.headers.get("x-api-key")
    auth = request.headers.get("authorization", "")
    if given is None and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    return given


def _scopes(request: Request, settings: Settings) -> frozenset[str]:
    given = _given_key(request)
    if given is None:
        return frozenset()
    for key, scopes in settings.api_keys.items():
        if secrets.compare_digest(given, key):
            return scopes
    return frozenset()


async def require_write_key(request: Request, settings: SettingsDep) -> None:
    """Writes need a key from PARLEY_API_KEYS (Bearer or X-API-Key) once any is set."""
    if settings.api_keys and "write" not in _scopes(request, settings):
        raise Unauthorized("A valid API key is required: 'Authorization: Bearer KEY' or 'X-API-Key: KEY'.")


async def require_admin_key(request: Request, settings: SettingsDep) -> None:
    """Curation needs a key with the admin scope (`KEY:admin` in PARLEY_API_KEYS)."""
    scopes = _scopes(request, settings)
    if not scopes:
        raise Unauthorized("An API key with the admin scope is required.")
    if "admin" not in scopes:
        raise Forbidden("This API key has no admin scope.")


AdminKey = Depends(require_admin_key)
WriteKey = Depends(require_write_key)


async def page_limit(
    settings: SettingsDep,
    limit: Annotated[int | None, Query(ge=1, description="Items per page (capped).")] = None,
) -> int:
    if limit is None:
        return settings.page_limit_default
    return min(limit, settings.page_limit_max)


LimitDep = Annotated[int, Depends(page_limit)]
CursorQuery = Annotated[
    str | None, Query(description="`next_cursor` of the previous page.")
]


def paged(
    request: Request,
    items: list,  # type: ignore[type-arg]
    next_cursor: str | None,
    **extra: object,
) -> Response:
    """The page envelope as JSON, plus an RFC 8288 `Link: <...>; rel="next"` header.

    Serialised here, once, from models the services already validated: a route returns
    this Response and FastAPI sends it as it is, where a returned model would be
    validated again against `response_model` (which still documents the page).
    """
    page = FilteredPage(items=items, next_cursor=next_cursor, **extra) if extra else Page(
        items=items, next_cursor=next_cursor
    )
    response = Response(page.model_dump_json(), media_type="application/json")
    if next_cursor:
        url = request.url.include_query_params(cursor=next_cursor)
        response.headers["Link"] = f'<{url}>; rel="next"'
    return response


class Period(NamedTuple):
    start: date | None
    end: date | None


_PERIOD = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _bounds(value: str, name: str) -> tuple[date, date]:
    """`2016` -> the year, `2016-12` -> the month, `2016-12-10` -> that day."""
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        day = date(*parts)
        return day, day
    except (ValueError, calendar.IllegalMonthError) as error:
        raise InvalidParameter(f"{name}: {value!r} is not a valid date, month or year") from error


async def period(
    date_from: Annotated[str | None, Query(
        alias="from", pattern=_PERIOD, examples=["2016-12-01"],
        description="On or after: a date (2016-12-01), a month (2016-12, from its first day) or a year",
    )] = None,
    date_to: Annotated[str | None, Query(
        alias="to", pattern=_PERIOD, examples=["2016-12"],
        description="On or before: a date, a month (2016-12, to its last day) or a year",
    )] = None,
) -> Period:
    start = _bounds(date_from, "from")[0] if date_from else None
    end = _bounds(date_to, "to")[1] if date_to else None
    return Period(start, end)


PeriodDep = Annotated[Period, Depends(period)]


async def updated_since(
    value: Annotated[datetime | None, Query(
        alias="updated_since",
        description="Only rows created or changed at or after this time (ISO 8601; UTC when "
        "no offset is given). With `GET /deletions?since=` a client stays current without "
        "downloading everything again.",
        examples=["2026-11-25T12:00:00Z"],
    )] = None,
) -> datetime | None:
    return as_utc(value)


def as_utc(value: datetime | None) -> datetime | None:
    """A time given without an offset is taken as UTC, the zone every row is stored in."""
    return value.replace(tzinfo=timezone.utc) if value is not None and value.tzinfo is None else value


UpdatedSinceDep = Annotated[datetime | None, Depends(updated_since)]


SortQuery = Annotated[
    Literal["id", "date", "-date"],
    Query(description="`id` (ingest order, the default), `date` or `-date` (when said; "
          "undated last)", examples=["-date"]),
]


def merged_redirect(request: Request, session: Session, registry: Any, row_id: int, route: str, param: str) -> RedirectResponse | None:
    """A 308 to the survivor when a curator merged this actor or venue away."""
    current = curation.current_id(session, registry, row_id)
    if current == row_id:
        return None
    return RedirectResponse(str(request.url_for(route, **{param: current})), status_code=308)

"""JSON pages, or every match streamed as NDJSON or CSV (`format=` or `Accept`)."""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from collections.abc import Iterable, Iterator
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

Format = Literal["json", "ndjson", "csv"]
NDJSON = "application/x-ndjson"

FormatQuery = Annotated[
    Format | None,
    Query(
        description="json (a page, the default), or ndjson / csv: every match streamed, "
        "without pages (`limit` and `cursor` do not apply). Also chosen by `Accept: "
        "application/x-ndjson` or `Accept: text/csv`.",
        examples=["csv"],
    ),
]


def negotiate(request: Request, requested: Format | None) -> Format:
    if requested:
        return requested
    accept = request.headers.get("accept", "")
    if "ndjson" in accept:
        return "ndjson"
    if "text/csv" in accept:
        return "csv"
    return "json"


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """`ActorRef | None` -> ActorRef: the nested model a field holds, if any."""
    candidates = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else (annotation,)
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Flat CSV columns of a model: `speaker: ActorRef` gives speaker_id, speaker_name, ..."""
    names: list[str] = []
    for name, field in model.model_fields.items():
        nested = _model_in(field.annotation)
        names += columns(nested, f"{prefix}{name}_") if nested else [f"{prefix}{name}"]
    return names


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}_"))
        elif isinstance(value, list):
            flat[f"{prefix}{key}"] = json.dumps(value, ensure_ascii=False)
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _ndjson_lines(items: Iterable[BaseModel]) -> Iterator[str]:
    for item in items:
        yield item.model_dump_json() + "\n"


def _csv_lines(items: Iterable[BaseModel], model: type[BaseModel]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns(model), extrasaction="ignore")
    writer.writeheader()
    for item in items:
        writer.writerow(_flatten(json.loads(item.model_dump_json())))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def stream(items: Iterable[BaseModel], model: type[BaseModel], fmt: Format, name: str) -> StreamingResponse:
    """Rows are produced while the client reads them: memory stays flat for any size."""
    if fmt == "csv":
        return StreamingResponse(
            _csv_lines(items, model),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    return StreamingResponse(_ndjson_lines(items), media_type=NDJSON)


def export_responses(model: type[BaseModel]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI: the 200 answer also comes as NDJSON and CSV."""
    return {
        200: {
            "content": {
                NDJSON: {"schema": {"type": "string", "description": f"one {model.__name__} per line"}},
                "text/csv": {"schema": {"type": "string", "description": ", ".join(columns(model))}},
            }
        }
    }

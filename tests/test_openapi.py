"""openapi/openapi.json is generated from the app; it must not drift (`parley openapi`)."""

from __future__ import annotations

import json
from pathlib import Path

from app.main import create_app

COMMITTED = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"


def test_committed_openapi_matches_the_app() -> None:
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert committed == create_app().openapi(), "run `parley openapi` and commit the result"


def test_every_operation_has_a_summary() -> None:
    for path, operations in create_app().openapi()["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method.upper()} {path} has no summary"

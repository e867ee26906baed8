"""Keyset pagination: an opaque cursor holding the last id a page returned.

Offsets drift when articles arrive while someone pages; a keyset does not.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import TypeVar

from app.errors import BadCursor

T = TypeVar("T")


def encode_cursor(last_id: int, **more: object) -> str:
    raw = json.dumps({"after": last_id, **more}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_keyset(cursor: str) -> dict[str, object]:
    """Everything the cursor holds: `after` (the last id) and any further sort key."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        after = values["after"]
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise BadCursor("The cursor is not one this API returned.") from error
    if not isinstance(values, dict) or not isinstance(after, int) or after < 0:
        raise BadCursor("The cursor is not one this API returned.")
    return values


def decode_cursor(cursor: str | None) -> int | None:
    return int(decode_keyset(cursor)["after"]) if cursor else None  # type: ignore[arg-type]


def split_page(rows: Sequence[T], limit: int, last_id: int | None) -> tuple[list[T], str | None]:
    """Rows were fetched with limit + 1: the extra one only says a next page exists."""
    if len(rows) <= limit:
        return list(rows), None
    return list(rows[:limit]), encode_cursor(last_id) if last_id is not None else None

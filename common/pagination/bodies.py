"""Reading a decoded page body: its items, counts and links, or a DecodeError showing it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import DecodeError
from ..models.decode_errors import _excerpt_repr


def _count(value: Any) -> int | None:
    """*value* when it is a non-negative JSON integer, else ``None`` (totals are advisory)."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def _dig(body: Any, path: Sequence[str]) -> Any:
    for key in path:
        if not isinstance(body, Mapping):
            return None
        body = body.get(key)
    return body


def _excerpt(body: Any) -> str:
    # Bounded in depth and breadth: a plain repr() of a body nested a few thousand levels
    # deep raises RecursionError instead of the DecodeError being built.
    try:
        text = _excerpt_repr.repr(body)
    except Exception:  # pragma: no cover - reprlib bounds depth; this is belt and braces
        text = f"<{_type_name(body)}>"
    return text if len(text) <= 300 else text[:297] + "..."


def _type_name(body: Any) -> str:
    if body is None:
        return "null"
    if isinstance(body, Mapping):
        return "an object"
    if isinstance(body, list):
        return "an array"
    return type(body).__name__


def _items(body: Any, key: str | None) -> list[Any]:
    """The raw items: *body* itself when *key* is ``None``, else ``body[key]``; both arrays."""
    if key is None:
        if isinstance(body, list):
            return body
        raise DecodeError(
            f"expected a JSON array of items, got {_type_name(body)}", excerpt=_excerpt(body)
        )
    if not isinstance(body, Mapping):
        raise DecodeError(
            f"expected a JSON object with {key!r}, got {_type_name(body)}", excerpt=_excerpt(body)
        )
    if key not in body:
        raise DecodeError(f"the page has no {key!r} member", excerpt=_excerpt(body))
    items = body[key]
    if not isinstance(items, list):
        raise DecodeError(
            f"{key!r} should be an array, got {_type_name(items)}", excerpt=_excerpt(body)
        )
    return items


def _link(body: Any, path: Sequence[str]) -> str | None:
    value = _dig(body, path)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise DecodeError(
            f"next-page link at {'.'.join(path)} should be a string, got {_type_name(value)}",
            excerpt=_excerpt(body),
        )
    return value

"""Query parameters as frozen ``(name, value)`` pairs: checked, updated, read; the page size."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from ..errors import InvalidRequestError
from .pages import PageRequest, QueryPairs


def _query_pairs(params: object) -> QueryPairs:
    """Validate and freeze query parameters given as pairs or as a mapping of strings."""
    if isinstance(params, (str, bytes)) or not isinstance(params, (Mapping, Sequence)):
        raise InvalidRequestError("params must be a mapping or a sequence of (name, value) pairs")
    given: Sequence[Any] = tuple(params.items()) if isinstance(params, Mapping) else params
    pairs: list[tuple[str, str]] = []
    for pair in given:
        if (
            not isinstance(pair, (tuple, list))
            or len(pair) != 2
            or not isinstance(pair[0], str)
            or not isinstance(pair[1], str)
        ):
            raise InvalidRequestError(f"query parameter {pair!r} is not a (str, str) pair")
        pairs.append((pair[0], pair[1]))
    return tuple(pairs)


def _with_params(params: QueryPairs, updates: Mapping[str, str]) -> QueryPairs:
    """*params* with each name in *updates* set to its value: in place if present, else appended."""
    result: list[tuple[str, str]] = []
    done: set[str] = set()
    for key, value in params:
        if key not in updates:
            result.append((key, value))
        elif key not in done:  # later duplicates of an updated name are dropped
            result.append((key, updates[key]))
            done.add(key)
    result += [(key, value) for key, value in updates.items() if key not in done]
    return tuple(result)


def _param(request: PageRequest, name: str) -> str | None:
    """The first value of query parameter *name*, from ``params`` or the URL's own query."""
    for key, value in request.params:
        if key == name:
            return value
    if "?" in request.url:
        for key, value in parse_qsl(urlsplit(request.url).query, keep_blank_values=True):
            if key == name:
                return value
    return None


def _int_param(request: PageRequest, name: str | None) -> int | None:
    if name is None:
        return None
    value = _param(request, name)
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _check_size(name: str, value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or value < 1):
        raise InvalidRequestError(f"{name} must be a positive integer, got {value!r}")


def _size_params(size_param: str | None, page_size: int | None) -> dict[str, str]:
    if page_size is None:
        return {}
    if size_param is None:
        raise InvalidRequestError("this endpoint does not take a page size")
    return {size_param: str(page_size)}

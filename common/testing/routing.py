"""Routing on the raw path, the way ASP.NET routes: case-insensitive, literal segments first.

aiohttp's router decodes the path before matching and is case-sensitive; an emulator of an
ASP.NET API routes itself instead, from one catch-all route::

    table = RouteTable([("GET", "/intakes/summary", summaries), ("GET", "/intakes/{id}", one)])
    segments = raw_segments(request)                 # ["api", "v1", "Intakes", "summary"]
    found = table.match(request.method, segments[2:])
    if found.handler is None:
        raise Refusal(405 if found.allowed else 404, ..., headers=found.allow_header)
    return await found.handler(Ctx(request, emulator, params=found.params))

A segment matches a literal case-insensitively; a ``{name}`` parameter takes any non-empty
segment (percent-decoded, so an encoded ``/`` stays inside it). Among the routes of the
request's method that match, the one with the most literal segments wins
(``/intakes/summary`` over ``/intakes/{id}``), then the first listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Generic, TypeVar
from urllib.parse import unquote

import attrs
from aiohttp import web

__all__ = ["RouteMatch", "RouteTable", "raw_segments"]

_H = TypeVar("_H")


def raw_segments(request: web.BaseRequest) -> list[str]:
    """The request's path split on ``/`` *before* decoding, each segment then decoded (a
    trailing slash dropped): ``/a%2Fb/c/`` is ``["a/b", "c"]``."""
    raw = request.rel_url.raw_path.split("/")[1:]
    if raw and raw[-1] == "":
        raw.pop()
    return [unquote(part) for part in raw]


def _parts(template: str) -> tuple[str, ...]:
    return tuple(template.strip("/").split("/"))


def _params(parts: tuple[str, ...], segments: list[str]) -> dict[str, str] | None:
    if len(parts) != len(segments):
        return None
    params: dict[str, str] = {}
    for part, segment in zip(parts, segments, strict=True):
        if part.startswith("{"):
            if not segment:
                return None
            params[part.strip("{}")] = segment
        elif part.lower() != segment.lower():
            return None
    return params


@attrs.frozen
class RouteMatch(Generic[_H]):
    """What :meth:`RouteTable.match` found: the handler and its path parameters, or the
    methods the path takes (none: 404; some: 405 with ``Allow``)."""

    handler: _H | None
    params: Mapping[str, str] = attrs.field(factory=dict)
    allowed: frozenset[str] = frozenset()

    @property
    def allow_header(self) -> dict[str, str]:
        """``{"Allow": "GET, POST"}`` for a 405."""
        return {"Allow": ", ".join(sorted(self.allowed))}


class RouteTable(Generic[_H]):
    """``(method, path template, handler)`` rows matched on decoded segments."""

    #: The rows, as given.
    routes: tuple[tuple[str, str, _H], ...]

    def __init__(self, routes: Iterable[tuple[str, str, _H]]) -> None:
        self.routes = tuple(routes)
        self._parsed = [(method, _parts(path), handler) for method, path, handler in self.routes]

    def match(self, method: str, segments: list[str]) -> RouteMatch[_H]:
        """The route of *method* for the path *segments* (relative to the table's root)."""
        best: tuple[int, _H, dict[str, str]] | None = None
        allowed: set[str] = set()
        for route_method, parts, handler in self._parsed:
            params = _params(parts, segments)
            if params is None:
                continue
            allowed.add(route_method)
            literals = sum(not part.startswith("{") for part in parts)
            if route_method == method and (best is None or literals > best[0]):
                best = (literals, handler, params)
        if best is None:
            return RouteMatch(handler=None, allowed=frozenset(allowed))
        return RouteMatch(handler=best[1], params=best[2], allowed=frozenset(allowed))

"""Fault injection: make an emulator misbehave the way real APIs and proxies do.

A :class:`Fault` decides what happens to one request instead of (or before) the real handler.
Build one with a constructor on :class:`Fault` and schedule it on a server's
:class:`FaultPlan`::

    server.faults.add(Fault.status(503), times=2)                  # 503, 503, then the handler
    server.faults.add(Fault.rate_limited("0.5"), method="POST")    # the next POST gets 429
    server.faults.add(Fault.latency(0.05), path=re.compile(r"/v1/clients/\\d+"), times=None)

The constructors::

    Fault.status(status, *, json=..., headers=None)         canned JSON error (or any status)
    Fault.rate_limited(retry_after=None, *, reset=None, ...) 429, optional Retry-After
    Fault.latency(seconds)                                   wait, then the real handler
    Fault.drop_mid_body(*, status=200, body=..., sent=None)  Content-Length promised, half sent
    Fault.close()                                            connection closed, no response
    Fault.reset()                                            TCP reset (RST), no response
    Fault.malformed_json(*, status=200, body=...)            truncated JSON, application/json
    Fault.html(status=502, *, body=None)                     a proxy's HTML page (or a 200 one)
    Fault.empty(status=200, *, content_type=None, ...)       no body at all
    Fault.wrong_content_type(content_type="text/plain", ...) a JSON body with the wrong label
    Fault.slow_drip(*, seconds=0.5, chunks=5, ...)           body trickled out over ``seconds``
    Fault.respond(status, *, body=b"", content_type=None, headers=None)   anything else

Write your own by subclassing :class:`Fault` and implementing :meth:`Fault.apply`.

Matching (see :meth:`FaultPlan.add`): ``method`` is case-insensitive; ``path`` is the exact
decoded request path, or a compiled ``re.Pattern`` that must match the whole path (``fullmatch``);
``None`` matches anything. Rules are tried in the order they were added; the first one that
matches and has uses left answers the request and loses one use (``times=None``: forever).
"""

from __future__ import annotations

import abc
import asyncio
import json as _json
import socket
import struct
from collections.abc import Awaitable, Callable, Iterator, Mapping
from http import HTTPStatus
from typing import Any

import attrs
from aiohttp import web

from common._sentinel import NOT_GIVEN, NotGiven
from common.testing._match import PathPattern, matches, normalize_method
from common.testing.errors import Problem, Refusal, render_kit_error

__all__ = [
    "CannedResponse",
    "Disconnect",
    "DropMidBody",
    "Fault",
    "FaultPlan",
    "FaultRule",
    "Handler",
    "Latency",
    "SlowDrip",
]

#: What a fault gets to call for a pass-through: the rest of the middleware chain and the route.
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_JSON = "application/json"
_HeaderPairs = tuple[tuple[str, str], ...]


def _header_pairs(headers: Mapping[str, str] | _HeaderPairs | None) -> _HeaderPairs:
    if headers is None:
        return ()
    if isinstance(headers, Mapping):
        return tuple((str(k), str(v)) for k, v in headers.items())
    return tuple((str(k), str(v)) for k, v in headers)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _json_bytes(data: Any) -> bytes:
    return _json.dumps(data, separators=(",", ":")).encode()


def _default_error_json(status: int) -> bytes:
    return _json_bytes({"message": _reason(status)})


_SAMPLE_ITEMS = _json_bytes(
    {"data": [{"id": n, "name": f"item {n}", "active": True} for n in range(1, 9)], "next": None}
)


def _retry_text(value: str | float | None) -> str | None:
    return None if value is None else str(value)


def _nginx_page(status: int) -> bytes:
    title = f"{status} {_reason(status)}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    ).encode()


_LOGIN_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head>\n"
    b'<body><form method="post" action="/login"><input name="username">'
    b'<input name="password" type="password"><button>Sign in</button></form></body></html>\n'
)


def _apply_headers(response: web.StreamResponse, headers: _HeaderPairs) -> None:
    for name, value in headers:
        response.headers[name] = value


class Fault(abc.ABC):
    """Something that happens to a request instead of (or before) its real handler.

    Subclasses are small frozen attrs classes; build them with the static constructors below.
    A custom fault implements :meth:`apply`.
    """

    __slots__ = ()

    @abc.abstractmethod
    async def apply(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Answer *request* (or call ``handler(request)`` to pass it through)."""

    # -- constructors -------------------------------------------------------------------

    @staticmethod
    def respond(
        status: int,
        *,
        body: bytes | str = b"",
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> CannedResponse:
        """Answer with exactly this status, body, Content-Type and headers."""
        data = body.encode() if isinstance(body, str) else body
        return CannedResponse(
            status_code=status, body=data, content_type=content_type, headers=_header_pairs(headers)
        )

    @staticmethod
    def status(
        status: int,
        *,
        json: Any = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
    ) -> CannedResponse:
        """Answer *status* with a JSON body: *json* if given, else ``{"message": <reason>}``.

        Without *json*, an error status (400 and up) is answered in the vendor's own error
        shape when the server has a vendor renderer (``EmulatorServer(render_error=...)``).
        """
        if not isinstance(json, NotGiven):
            body = _json_bytes(json)
            return Fault.respond(status, body=body, content_type=_JSON, headers=headers)
        return CannedResponse(
            status_code=status,
            body=_default_error_json(status),
            content_type=_JSON,
            headers=_header_pairs(headers),
            message=_reason(status),
        )

    @staticmethod
    def rate_limited(
        retry_after: str | float | None = None,
        *,
        reset: str | float | None = None,
        json: Any = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
    ) -> CannedResponse:
        """Answer 429; ``Retry-After`` is sent verbatim when given ("2", "0.5", an HTTP date).

        *reset* becomes ``X-RateLimit-Reset`` (e.g. an epoch second); extra *headers* win.
        """
        merged: dict[str, str] = {}
        if (text := _retry_text(retry_after)) is not None:
            merged["Retry-After"] = text
        if (text := _retry_text(reset)) is not None:
            merged["X-RateLimit-Reset"] = text
        merged.update(headers or {})
        return Fault.status(429, json=json, headers=merged)

    @staticmethod
    def latency(seconds: float) -> Latency:
        """Wait *seconds*, then let the real handler answer."""
        return Latency(seconds=seconds)

    @staticmethod
    def drop_mid_body(
        *,
        status: int = 200,
        body: bytes = _SAMPLE_ITEMS,
        sent: int | None = None,
        content_type: str = _JSON,
        headers: Mapping[str, str] | None = None,
    ) -> DropMidBody:
        """Promise ``len(body)`` bytes in Content-Length, send *sent* (default half), hang up."""
        return DropMidBody(
            status_code=status,
            body=body,
            sent=len(body) // 2 if sent is None else sent,
            content_type=content_type,
            headers=_header_pairs(headers),
        )

    @staticmethod
    def close() -> Disconnect:
        """Close the connection without sending a byte of response (the client sees EOF)."""
        return Disconnect(send_rst=False)

    @staticmethod
    def reset() -> Disconnect:
        """Reset the connection (TCP RST) without sending a byte of response."""
        return Disconnect(send_rst=True)

    @staticmethod
    def malformed_json(
        *, status: int = 200, body: bytes = b'{"data": [{"id": 1, "name": "tru'
    ) -> CannedResponse:
        """Answer *status* with a truncated JSON document labelled ``application/json``."""
        return Fault.respond(status, body=body, content_type=_JSON)

    @staticmethod
    def html(status: int = 502, *, body: str | bytes | None = None) -> CannedResponse:
        """Answer with ``text/html``: by default a proxy's error page, or a login page for 2xx."""
        if body is None:
            body = _LOGIN_PAGE if status < 300 else _nginx_page(status)
        return Fault.respond(status, body=body, content_type="text/html")

    @staticmethod
    def empty(
        status: int = 200,
        *,
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> CannedResponse:
        """Answer *status* with no body (``Content-Length: 0``), optionally claiming a type."""
        return Fault.respond(status, content_type=content_type, headers=headers)

    @staticmethod
    def wrong_content_type(
        content_type: str = "text/plain",
        *,
        status: int = 200,
        body: bytes = b'{"ok": true}',
    ) -> CannedResponse:
        """Answer a JSON body labelled with another media type."""
        return Fault.respond(status, body=body, content_type=content_type)

    @staticmethod
    def slow_drip(
        *,
        seconds: float = 0.5,
        chunks: int = 5,
        status: int = 200,
        body: bytes = _SAMPLE_ITEMS,
        content_type: str = _JSON,
    ) -> SlowDrip:
        """Send headers at once, then *body* in *chunks* pieces spread over *seconds*."""
        return SlowDrip(
            seconds=seconds,
            chunks=chunks,
            status_code=status,
            body=body,
            content_type=content_type,
        )


@attrs.frozen(kw_only=True)
class CannedResponse(Fault):
    """Answer with a fixed status, body and headers; the handler is not called."""

    status_code: int
    body: bytes = b""
    content_type: str | None = None
    headers: _HeaderPairs = ()
    #: The kit's default error message (``Fault.status`` without a body): a server with a
    #: vendor renderer answers an error status with it, in the vendor's shape, instead.
    message: str | None = None

    async def apply(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Answer the canned response (or the vendor's rendering of its default error)."""
        if self.message is not None and 400 <= self.status_code < 600:
            error = Refusal(
                self.status_code, self.message, headers=dict(self.headers), problem=Problem.FAULT
            )
            rendered = render_kit_error(request, error)
            if rendered is not None:
                return rendered
        response = web.Response(status=self.status_code, body=self.body)
        _apply_headers(response, self.headers)
        if self.content_type is not None:
            response.headers["Content-Type"] = self.content_type
        return response


@attrs.frozen(kw_only=True)
class Latency(Fault):
    """Sleep, then pass the request on to the real handler."""

    seconds: float = attrs.field(validator=attrs.validators.ge(0))

    async def apply(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Delay, then call the handler."""
        await asyncio.sleep(self.seconds)
        return await handler(request)


@attrs.frozen(kw_only=True)
class DropMidBody(Fault):
    """Send headers promising ``len(body)`` bytes, write the first ``sent``, then close."""

    status_code: int = 200
    body: bytes = _SAMPLE_ITEMS
    sent: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    content_type: str = _JSON
    headers: _HeaderPairs = ()

    def __attrs_post_init__(self) -> None:
        if self.sent >= len(self.body):
            raise ValueError("sent must be smaller than len(body), or nothing is dropped")

    async def apply(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Write part of the body, then close the connection."""
        response = web.StreamResponse(status=self.status_code)
        _apply_headers(response, self.headers)
        response.content_type = self.content_type
        response.content_length = len(self.body)
        try:
            await response.prepare(request)
            await response.write(self.body[: self.sent])
        except ConnectionError:
            return response
        transport = request.transport
        if transport is not None:
            transport.close()  # flushes what was written, then FIN
        return response


@attrs.frozen(kw_only=True)
class Disconnect(Fault):
    """Hang up without a response: a close (EOF), or a reset (RST) when ``send_rst``."""

    send_rst: bool = False

    async def apply(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Close or reset the connection; the returned response is never sent."""
        transport = request.transport
        if transport is not None:
            if self.send_rst:
                sock = transport.get_extra_info("socket")
                if sock is not None:
                    # Linger on, timeout 0: close() sends RST instead of FIN.
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                transport.abort()
            else:
                transport.close()
        return web.Response(status=499)


@attrs.frozen(kw_only=True)
class SlowDrip(Fault):
    """Send headers at once, then the body in ``chunks`` pieces over ``seconds``."""

    seconds: float = attrs.field(validator=attrs.validators.ge(0))
    chunks: int = attrs.field(default=5, validator=attrs.validators.ge(1))
    status_code: int = 200
    body: bytes = _SAMPLE_ITEMS
    content_type: str = _JSON

    def pieces(self) -> list[bytes]:
        """The body cut into at most ``chunks`` nearly equal pieces."""
        count = max(1, min(self.chunks, len(self.body)))
        size, extra = divmod(len(self.body), count)
        out: list[bytes] = []
        start = 0
        for index in range(count):
            end = start + size + (1 if index < extra else 0)
            out.append(self.body[start:end])
            start = end
        return out

    async def apply(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Trickle the body out; stop quietly if the client goes away."""
        response = web.StreamResponse(status=self.status_code)
        response.content_type = self.content_type
        response.content_length = len(self.body)
        pieces = self.pieces()
        delay = self.seconds / len(pieces)
        try:
            await response.prepare(request)
            for piece in pieces:
                await asyncio.sleep(delay)
                await response.write(piece)
        except ConnectionError:
            pass
        return response


@attrs.define(eq=False)
class FaultRule:
    """A fault scheduled on a :class:`FaultPlan`, with its filters and remaining uses."""

    fault: Fault
    method: str | None = None
    path: PathPattern | None = None
    #: Uses left; ``None`` means forever.
    remaining: int | None = 1
    #: How many requests this rule has answered so far.
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        """Tell whether this rule applies to a request with *method* and decoded *path*."""
        return matches(method=self.method, path=self.path, request_method=method, request_path=path)

    @property
    def exhausted(self) -> bool:
        """``True`` once every use has been consumed."""
        return self.remaining is not None and self.remaining <= 0


class FaultPlan:
    """The faults an emulator will inject, in the order they were added."""

    def __init__(self) -> None:
        self._rules: list[FaultRule] = []

    def add(
        self,
        fault: Fault,
        *,
        method: str | None = None,
        path: PathPattern | None = None,
        times: int | None = 1,
    ) -> FaultRule:
        """Schedule *fault* for the next *times* matching requests (``None``: every one).

        *method* is case-insensitive. *path* is the exact decoded request path, or a compiled
        ``re.Pattern`` that must match the whole path. The returned rule tells how often it
        fired (``rule.hits``) and how many uses are left.
        """
        if not isinstance(fault, Fault):
            raise TypeError(f"expected a Fault, got {fault!r}")
        if times is not None and (isinstance(times, bool) or times < 1):
            raise ValueError(f"times must be >= 1 or None, got {times!r}")
        rule = FaultRule(fault=fault, method=normalize_method(method), path=path, remaining=times)
        self._rules.append(rule)
        return rule

    def clear(self) -> None:
        """Drop every scheduled fault."""
        self._rules.clear()

    @property
    def pending(self) -> list[FaultRule]:
        """The rules that still have uses left, in order."""
        return [rule for rule in self._rules if not rule.exhausted]

    def __len__(self) -> int:
        return len(self.pending)

    def __iter__(self) -> Iterator[FaultRule]:
        return iter(self.pending)

    def __repr__(self) -> str:
        return f"<FaultPlan {len(self)} pending rule(s)>"

    def take(self, method: str, path: str) -> Fault | None:
        """Consume one use of the first rule matching this request and return its fault."""
        for rule in self._rules:
            if not rule.exhausted and rule.matches(method, path):
                rule.hits += 1
                if rule.remaining is not None:
                    rule.remaining -= 1
                self._rules = [r for r in self._rules if not r.exhausted]
                return rule.fault
        return None

"""Keeping every API exchange whole (``record_responses=True``), for spec validation in tests.

An :class:`Exchange` is taken when the response is prepared, whatever produced it (a handler,
an error, the rate limit or a kit fault), for requests under the API prefix.
"""

from __future__ import annotations

import attrs
from aiohttp import web
from multidict import CIMultiDict, CIMultiDictProxy

from common.testing import DEFAULT_RECORD_LIMIT

__all__ = ["Exchange", "capture"]


@attrs.frozen(kw_only=True, eq=False)
class Exchange:
    """One request and its response, as they crossed the wire.

    ``path`` is the raw path under the API prefix (``/clients/12``), ``query_string`` the raw
    query. Content types are the full header values (``multipart/form-data; boundary=...``),
    ``""`` when absent. Bodies above 1 MiB are not kept (``b""``).
    """

    method: str
    path: str
    query_string: str
    request_headers: CIMultiDictProxy[str]
    request_body: bytes
    request_content_type: str
    status: int
    response_headers: CIMultiDictProxy[str]
    response_body: bytes
    response_content_type: str


async def capture(
    request: web.Request, response: web.StreamResponse, prefix: str
) -> Exchange | None:
    """The exchange for *request*/*response*, or ``None`` outside *prefix*."""
    raw_path = request.rel_url.raw_path
    if not (raw_path == prefix or raw_path.startswith(prefix + "/")):
        return None
    body = b""
    size = request.content_length
    if request.body_exists and size is not None and size <= DEFAULT_RECORD_LIMIT:
        try:
            body = await request.read()  # cached by the kit's recorder: no second read
        except Exception:  # the client hung up; keep what we know
            body = b""
    payload = response.body if isinstance(response, web.Response) else None
    response_body = bytes(payload) if isinstance(payload, (bytes, bytearray)) else b""
    return Exchange(
        method=request.method,
        path=raw_path[len(prefix) :],
        query_string=request.rel_url.raw_query_string,
        request_headers=CIMultiDictProxy(CIMultiDict(request.headers)),
        request_body=body,
        request_content_type=request.headers.get("Content-Type", ""),
        status=response.status,
        response_headers=CIMultiDictProxy(CIMultiDict(response.headers)),
        response_body=response_body,
        response_content_type=response.headers.get("Content-Type", ""),
    )

"""From an error response to a typed exception (pure): status → class, body → message.

Each vendor words its errors differently, so the reading is a pluggable :class:`ErrorParser`;
:class:`JsonErrorParser` covers the shapes our vendors use by naming their keys
(Amiqus ``error``/``message`` + ``errors``; Amilia ``Message`` + ``TransactionId``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Protocol

import attrs

from .errors import DecodeError, HTTPStatusError, RateLimitError, error_class_for_status
from .messages import Response
from .redact import redact_headers
from .retry import parse_retry_after

__all__ = ["REQUEST_ID_HEADERS", "ErrorDetails", "ErrorParser", "JsonErrorParser", "status_error"]

_REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    409: "Conflict",
    410: "Gone",
    413: "Payload Too Large",
    422: "Unprocessable Entity",
    423: "Locked",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


#: Headers vendors put an exchange's id in, the first present wins.
REQUEST_ID_HEADERS: Final = ("X-Request-Id", "Request-Id", "X-Correlation-Id", "X-Amzn-RequestId")


@attrs.frozen
class ErrorDetails:
    """What a vendor said about an error."""

    message: str | None = None
    field_errors: Mapping[str, list[str]] = attrs.field(factory=dict)
    request_id: str | None = None


class ErrorParser(Protocol):
    """Reads a decoded error body (``None`` when it was not JSON) and the response headers."""

    def __call__(self, body: Any, headers: Mapping[str, str]) -> ErrorDetails: ...


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, Mapping):
        for key in ("message", "Message", "description"):
            if isinstance(value.get(key), str):
                return str(value[key])
    return None


def _field_errors(value: Any) -> dict[str, list[str]]:
    if isinstance(value, Mapping):
        out: dict[str, list[str]] = {}
        for field, messages in value.items():
            if isinstance(messages, str):
                out[str(field)] = [messages]
            elif isinstance(messages, list):
                out[str(field)] = [str(m) for m in messages]
            elif messages is not None:
                out[str(field)] = [str(messages)]
        return out
    if isinstance(value, list):
        out = {}
        for item in value:
            if isinstance(item, Mapping):
                field = item.get("field") or item.get("Field") or item.get("property") or ""
                text = _text(item) or str(item.get("error", ""))
                out.setdefault(str(field), []).append(text)
        return out
    return {}


def _all_message_lists(body: Mapping[Any, Any]) -> bool:
    return bool(body) and all(
        isinstance(v, list) and all(isinstance(m, str) for m in v) for v in body.values()
    )


@attrs.frozen
class JsonErrorParser:
    """Reads message, field errors and request id from the first keys that are present."""

    message_keys: tuple[str, ...] = ("message", "error", "Message", "error_description", "detail")
    field_errors_keys: tuple[str, ...] = ("errors", "Errors")
    request_id_keys: tuple[str, ...] = ("request_id", "RequestId", "TransactionId")
    request_id_headers: tuple[str, ...] = REQUEST_ID_HEADERS
    #: Also read a body that *is* the field errors (Amiqus 422: ``{"fields.type": ["..."]}``)
    #: when no ``field_errors_keys`` key is present.
    field_errors_at_top: bool = False

    def __call__(self, body: Any, headers: Mapping[str, str]) -> ErrorDetails:
        message = field_errors = request_id = None
        if isinstance(body, Mapping):
            message = next(
                (t for k in self.message_keys if (t := _text(body.get(k))) is not None), None
            )
            field_errors = next(
                (f for k in self.field_errors_keys if (f := _field_errors(body.get(k)))), None
            )
            request_id = next(
                (str(body[k]) for k in self.request_id_keys if body.get(k) not in (None, "")),
                None,
            )
            if field_errors is None and self.field_errors_at_top and _all_message_lists(body):
                field_errors = _field_errors(body)
        if request_id is None:
            request_id = next((headers[h] for h in self.request_id_headers if headers.get(h)), None)
        return ErrorDetails(message=message, field_errors=field_errors or {}, request_id=request_id)


def status_error(response: Response, parser: ErrorParser, *, attempts: int) -> HTTPStatusError:
    """The exception for an error *response*; the body is read by *parser*.

    Every secret the library holds is scrubbed from the message, body, field errors and
    request id (:class:`~common.errors.ApiError` does it as they are set); the headers kept
    are redacted (:func:`~common.redact.redact_headers`).
    """
    try:
        body: Any = response.json()
    except DecodeError:  # an HTML page from a proxy, say: keep an excerpt instead
        body = None
    details = parser(body, response.headers)
    message = details.message
    if message is None:
        reason = _REASONS.get(response.status, "Error")
        message = (
            reason
            if body is not None or not response.content
            else (f"{reason}: {response.excerpt(120)}")
        )
    if details.field_errors and details.message is None:
        first_field, messages = next(iter(details.field_errors.items()))
        message = f"{first_field}: {messages[0]}" if messages else message
    cls = error_class_for_status(response.status)
    common: dict[str, Any] = {
        "status": response.status,
        "body": body if body is not None else response.excerpt(),
        "request_id": details.request_id,
        "field_errors": details.field_errors,
        # No cookie, no signed URL in a Location: an error may be logged or reported whole.
        "headers": redact_headers(response.headers),
        "method": response.method,
        "url": response.url,
        "attempts": attempts,
    }
    if cls is RateLimitError:
        return RateLimitError(message, retry_after=parse_retry_after(response.headers), **common)
    return cls(message, **common)

"""Capability 5: error statuses become typed exceptions carrying the vendor's words."""

from __future__ import annotations

import pytest
from aioresponses import aioresponses

from common import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DecodeError,
    GoneError,
    HTTPStatusError,
    JsonErrorParser,
    LockedError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    ValidationError,
)
from common.error_bodies import ErrorDetails
from common.errors import error_class_for_status

from .support import BASE, DemoClient


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (405, HTTPStatusError),
        (409, ConflictError),
        (410, GoneError),
        (413, PayloadTooLargeError),
        (422, ValidationError),
        (423, LockedError),
        (429, RateLimitError),
        (500, ServerError),
        (503, ServerError),
        (599, ServerError),
    ],
)
def test_status_maps_to_its_exception_class(status: int, cls: type[HTTPStatusError]) -> None:
    """Each documented status has its class; others fall back to HTTPStatusError."""
    assert error_class_for_status(status) is cls


async def test_amiqus_style_422_carries_message_and_field_errors(
    client: DemoClient, mocked: aioresponses
) -> None:
    """`{"message", "errors": {field: [..]}}` → ValidationError with field_errors."""
    mocked.post(
        f"{BASE}/records",
        status=422,
        payload={
            "message": "The given data was invalid.",
            "errors": {"steps.0.type": ["The selected type is invalid."]},
        },
        headers={"X-Request-Id": "req-42"},
    )
    with pytest.raises(ValidationError) as caught:
        await client.request("POST", "/records", json={"steps": [{"type": "x"}]})
    error = caught.value
    assert error.status == 422
    assert error.message == "The given data was invalid."
    assert error.field_errors == {"steps.0.type": ["The selected type is invalid."]}
    assert error.request_id == "req-42"
    assert error.method == "POST"
    assert error.url == f"{BASE}/records"
    assert "steps.0.type: The selected type is invalid." in str(error)
    assert "request id req-42" in str(error)


async def test_error_key_is_read_as_the_message(client: DemoClient, mocked: aioresponses) -> None:
    """`{"error": "..."}` bodies (Amiqus 403/404) give the message."""
    mocked.get(f"{BASE}/cases/1", status=403, payload={"error": "Cases are not enabled."})
    with pytest.raises(PermissionDeniedError, match="Cases are not enabled"):
        await client.request("GET", "/cases/1")


async def test_amilia_style_body_gives_message_and_transaction_id(
    client: DemoClient, mocked: aioresponses
) -> None:
    """`{"Message", "TransactionId"}` → message and request_id."""
    mocked.get(
        f"{BASE}/programs/9",
        status=404,
        payload={"Message": "Program not found", "TransactionId": "tx-9f"},
    )
    with pytest.raises(NotFoundError) as caught:
        await client.request("GET", "/programs/9")
    assert caught.value.message == "Program not found"
    assert caught.value.request_id == "tx-9f"


async def test_an_html_error_page_is_a_typed_error_with_an_excerpt(
    client: DemoClient, mocked: aioresponses
) -> None:
    """A proxy's HTML 502 becomes ServerError with a text excerpt, never a JSON error."""
    page = "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"
    mocked.get(f"{BASE}/x", status=502, body=page, content_type="text/html", repeat=True)
    with pytest.raises(ServerError) as caught:
        await client.with_options(max_retries=0).request("GET", "/x")
    assert "502 Bad Gateway" in caught.value.message
    assert caught.value.body == page


async def test_html_with_200_is_a_decode_error_with_an_excerpt(
    client: DemoClient, mocked: aioresponses
) -> None:
    """A 200 whose body is not JSON raises DecodeError carrying the start of the body."""
    mocked.get(f"{BASE}/x", status=200, body="<html>login page</html>", content_type="text/html")
    with pytest.raises(DecodeError) as caught:
        await client.request("GET", "/x")
    assert isinstance(caught.value, ApiError)
    assert caught.value.excerpt == "<html>login page</html>"
    assert caught.value.status == 200
    assert "text/html" in str(caught.value)


async def test_truncated_json_is_a_decode_error(client: DemoClient, mocked: aioresponses) -> None:
    """Malformed JSON never escapes as json.JSONDecodeError."""
    mocked.get(f"{BASE}/x", status=200, body='{"data": [1, 2', content_type="application/json")
    with pytest.raises(DecodeError):
        await client.request("GET", "/x")


async def test_an_error_without_a_body_still_says_what_happened(
    client: DemoClient, mocked: aioresponses
) -> None:
    """An empty 404 gets the reason phrase as its message."""
    mocked.get(f"{BASE}/gone", status=404, body="")
    with pytest.raises(NotFoundError, match="Not Found"):
        await client.request("GET", "/gone")


async def test_a_vendor_can_plug_its_own_error_parser(mocked: aioresponses) -> None:
    """A client class names its parser; its reading is what the exception carries."""

    class Odd(DemoClient):
        error_parser = JsonErrorParser(
            message_keys=("problem",), request_id_keys=("trace",), field_errors_keys=("bad",)
        )

    mocked.post(
        f"{BASE}/x",
        status=400,
        payload={"problem": "no good", "trace": "t-1", "bad": [{"field": "a", "message": "m"}]},
    )
    async with Odd(base_url=BASE) as client:
        with pytest.raises(BadRequestError) as caught:
            await client.request("POST", "/x", json={})
    assert caught.value.message == "no good"
    assert caught.value.request_id == "t-1"
    assert caught.value.field_errors == {"a": ["m"]}


@pytest.mark.parametrize(
    ("body", "headers", "expected"),
    [
        ({"message": "m"}, {}, ErrorDetails("m")),
        ({"error": {"message": "nested"}}, {}, ErrorDetails("nested")),
        ({"errors": {"a": "one"}}, {}, ErrorDetails(None, {"a": ["one"]})),
        ({"Message": "M", "TransactionId": 12}, {}, ErrorDetails("M", {}, "12")),
        (None, {"X-Request-Id": "h"}, ErrorDetails(None, {}, "h")),
        (["not", "a", "map"], {}, ErrorDetails()),
        ({"message": "   "}, {}, ErrorDetails()),
    ],
)
def test_json_error_parser(body: object, headers: dict[str, str], expected: ErrorDetails) -> None:
    """The default parser reads the usual keys and survives odd shapes."""
    assert JsonErrorParser()(body, headers) == expected

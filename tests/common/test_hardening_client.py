"""Hardening (issue 19): redirects never downgrade nor replay a write; bad input is refused
before anything is sent; Retry-After is read as the HTTP spec writes it."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from aioresponses import aioresponses

from common import (
    ApiKeyHeader,
    Auth,
    BearerToken,
    HTTPStatusError,
    InvalidRequestError,
    RateLimitError,
    RetryPolicy,
    UnsafeURLError,
)
from common.params import bad_header, check_header
from common.retry import MAX_DELAY_SECONDS, parse_retry_after

from .support import BASE, FAST_RETRIES, DemoClient, calls

# -- 6. redirects never downgrade, never replay a write ---------------------------------------


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1:8080/records",  # loopback, but our base URL is https
        "http://api.example.test/v1/records",  # our own host, downgraded to http
        "http://storage.example.test/file",
    ],
)
async def test_an_https_api_is_never_redirected_to_plain_http(
    client: DemoClient, mocked: aioresponses, location: str
) -> None:
    """An https base URL redirected to any http:// URL is refused; the target sees nothing."""
    mocked.get(f"{BASE}/records", status=302, headers={"Location": location})
    mocked.get(location, payload={"stolen": True})
    with pytest.raises(UnsafeURLError, match="plain http"):
        await client.request("GET", "/records")
    assert calls(mocked, "GET", location) == []


async def test_a_refused_redirect_shows_no_signed_location_even_with_locals(
    client: DemoClient, mocked: aioresponses
) -> None:
    """The refusal names the target without its query, and no frame of the traceback holds
    the raw Location (a signed URL's signature is a credential)."""
    signed = {"Location": "http://127.0.0.1:9/file?X-Amz-Signature=SIGNATURE-SECRET"}
    mocked.get(f"{BASE}/file", status=302, headers=signed)
    del signed  # this frame is in the traceback too
    with pytest.raises(UnsafeURLError) as caught:
        await client.request("GET", "/file")
    assert "http://127.0.0.1:9/file" in str(caught.value)
    rendered = "".join(
        traceback.TracebackException.from_exception(caught.value, capture_locals=True).format()
    )
    assert "SIGNATURE-SECRET" not in rendered


@pytest.mark.parametrize("status", [301, 302, 307, 308])
@pytest.mark.parametrize("method", ["POST", "PATCH"])
async def test_a_write_answered_with_a_redirect_is_surfaced_not_replayed(
    client: DemoClient, mocked: aioresponses, status: int, method: str
) -> None:
    """A POST or PATCH answered 301/302/307/308 raises HTTPStatusError with that status and
    the Location: it is neither re-sent nor turned into a GET."""
    moved = f"{BASE}/records/moved"
    mocked.add(f"{BASE}/records", method, status=status, headers={"Location": moved})
    mocked.add(moved, method, payload={"id": 1})
    mocked.get(moved, payload={"id": 1})
    with pytest.raises(HTTPStatusError) as caught:
        await client.request(method, "/records", json={"name": "x"})
    assert caught.value.status == status
    assert caught.value.headers["Location"] == moved
    assert "not re-sent" in str(caught.value)
    assert calls(mocked, method, moved) == []
    assert calls(mocked, "GET", moved) == []
    assert len(calls(mocked, method, f"{BASE}/records")) == 1


@pytest.mark.parametrize("status", [301, 302, 307, 308])
async def test_an_idempotent_write_keeps_its_method_and_body(
    client: DemoClient, mocked: aioresponses, status: int
) -> None:
    """A PUT answered 301/302/307/308 on our origin is sent again as a PUT with its body."""
    moved = f"{BASE}/records/7/moved"
    mocked.put(f"{BASE}/records/7", status=status, headers={"Location": moved})
    mocked.put(moved, payload={"id": 7})
    assert await client.request("PUT", "/records/7", json={"a": 1}) == {"id": 7}
    (sent,) = calls(mocked, "PUT", moved)
    assert sent.kwargs["data"] == b'{"a":1}'


async def test_a_303_is_followed_as_a_get(client: DemoClient, mocked: aioresponses) -> None:
    """303 See Other is the one redirect a POST follows: with a GET and no body."""
    mocked.post(f"{BASE}/jobs", status=303, headers={"Location": "/v1/jobs/1"})
    mocked.get(f"{BASE}/jobs/1", payload={"id": 1})
    assert await client.request("POST", "/jobs", json={"a": 1}) == {"id": 1}
    (sent,) = calls(mocked, "GET", f"{BASE}/jobs/1")
    assert sent.kwargs["data"] is None


@pytest.mark.parametrize(
    "location",
    [
        "https://user:pw@api.example.test/v1/records/2",  # same origin, with userinfo
        "https://user@api.example.test/v1/records/2",
        "ftp://api.example.test/v1/records/2",
        "https://api.example.test/v1/records\\2",
        "https://api.example.test/v1/rec ords",
    ],
)
async def test_a_location_with_credentials_or_junk_is_refused(
    client: DemoClient, mocked: aioresponses, location: str
) -> None:
    """A Location with user:pw@, another scheme, a backslash or a space is refused, unsent."""
    mocked.get(f"{BASE}/records", status=302, headers={"Location": location})
    with pytest.raises(UnsafeURLError) as caught:
        await client.request("GET", "/records")
    assert "pw" not in str(caught.value)
    requested = [key for key in mocked.requests if "records/2" in str(key[1])]
    assert requested == []


# -- 9. bad input is a typed error, before sending ---------------------------------------------

CRLF_VALUES = ["a\r\nX-Injected: 1", "a\nb", "a\rb", "a\x00b", "a\x7fb", "a\x1bb"]


@pytest.mark.parametrize("value", CRLF_VALUES)
def test_control_characters_in_client_headers_fail_at_construction(value: str) -> None:
    """headers= and user_agent= with CR/LF or another control character: InvalidRequestError."""
    with pytest.raises(InvalidRequestError, match="X-Trace"):
        DemoClient(base_url=BASE, headers={"X-Trace": value})
    with pytest.raises(InvalidRequestError, match="user_agent"):
        DemoClient(base_url=BASE, user_agent=value)
    with pytest.raises(InvalidRequestError, match="X-Trace"):
        DemoClient(base_url=BASE).with_options(headers={"X-Trace": value})


@pytest.mark.parametrize("name", ["X Trace", "X-Trace:", "X-Trace\r\n", "", "Ünïcode"])
def test_a_header_name_that_is_no_token_fails_at_construction(name: str) -> None:
    """A header name must be an RFC 9110 token."""
    with pytest.raises(InvalidRequestError):
        DemoClient(base_url=BASE, headers={name: "v"})


async def test_control_characters_in_per_call_headers_are_refused_unsent(
    client: DemoClient, mocked: aioresponses
) -> None:
    """headers= on one call with a LF: InvalidRequestError, and no request goes out."""
    mocked.get(f"{BASE}/records", payload={})
    with pytest.raises(InvalidRequestError, match="X-Trace"):
        await client.request("GET", "/records", headers={"X-Trace": "a\nb"})
    assert mocked.requests == {}


@pytest.mark.parametrize(
    "auth",
    [
        lambda: ApiKeyHeader("KEY-SECRET\r\nX-Injected: 1"),
        lambda: BearerToken("TOKEN-SECRET\nX-Injected: 1"),
    ],
    ids=["api-key", "bearer"],
)
async def test_a_credential_with_a_newline_is_refused_unsent_and_unshown(
    mocked: aioresponses, auth: Callable[[], Auth]
) -> None:
    """An API key or token with CR/LF: InvalidRequestError before sending; the message and
    the traceback's locals never show the credential."""
    mocked.get(f"{BASE}/records", payload={})
    async with DemoClient(base_url=BASE, auth=auth(), retry=FAST_RETRIES) as client:
        with pytest.raises(InvalidRequestError) as caught:
            await client.request("GET", "/records")
    assert mocked.requests == {}
    rendered = "".join(
        traceback.TracebackException.from_exception(caught.value, capture_locals=True).format()
    )
    assert "SECRET" not in str(caught.value)
    assert "SECRET" not in rendered


@pytest.mark.parametrize(
    "base_url",
    [
        "https://api.example.test/v1 ",
        "https://api.example.test/a b",
        "https://api.example.test\\@evil.test/",
        "https://api.example.test/v1\\admin",
        "https://api.example.test/v1\t",
        " https://api.example.test/v1",
    ],
)
def test_a_base_url_with_a_space_or_a_backslash_is_refused(base_url: str) -> None:
    """Parsers disagree on spaces and backslashes in URLs: InvalidRequestError, not ValueError."""
    with pytest.raises(InvalidRequestError, match="base_url"):
        DemoClient(base_url=base_url)


@pytest.mark.parametrize("path", ["/records\r\nHost: evil", "/rec ords", "/records\\..\\admin"])
async def test_a_path_with_control_characters_is_refused_unsent(
    client: DemoClient, mocked: aioresponses, path: str
) -> None:
    """client.request() with a CR/LF, space or backslash in the path: InvalidRequestError."""
    with pytest.raises(InvalidRequestError):
        await client.request("GET", path)
    assert mocked.requests == {}


async def test_an_absolute_url_with_credentials_is_refused(client: DemoClient) -> None:
    """A same-origin absolute URL carrying user:pw@ is refused before sending."""
    with pytest.raises(InvalidRequestError, match="credentials"):
        await client.request("GET", "https://me:pw@api.example.test/v1/records")


def test_the_header_validator_for_vendors_never_shows_the_value() -> None:
    """check_header is what a vendor calls on a caller's header value (Amilia's origin)."""
    check_header("X-Amilia-Origin", "ops@example.org")
    with pytest.raises(InvalidRequestError, match="origin") as caught:
        check_header("X-Amilia-Origin", "SECRET\r\nX: 1", what="origin")
    assert "SECRET" not in str(caught.value)
    assert bad_header({"A": "ok\tfine", "B": "x\ny"}) == "B"
    assert bad_header({"A": "ok"}) is None


# -- 7. Retry-After as RFC 9110 writes it ------------------------------------------------------

NOW = 1_800_000_000.0


def _date(seconds: float) -> str:
    moment = datetime.fromtimestamp(NOW, timezone.utc) + timedelta(seconds=seconds)
    return format_datetime(moment, usegmt=True)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2", 2.0),
        ("120", 120.0),
        ("0.5", 0.5),  # a decimal fraction: our one tolerance beyond delay-seconds
        ("007", 7.0),
        ("9" * 400, MAX_DELAY_SECONDS),  # absurdly long: above any cap, not garbage
        ("1" + "0" * 30, MAX_DELAY_SECONDS),
        ("1_0", None),  # Python's int() and float() read this as 10
        ("1e3", None),
        ("+5", None),
        ("-3", None),
        ("0x10", None),
        ("inf", None),
        ("Infinity", None),
        ("NaN", None),
        ("\u0661\u0660", None),  # Arabic-Indic digits: float() reads them as 10
        ("1 0", None),
        ("1.", None),
        (".5", None),
        ("Sun, 06 Nov 1994 08:49:37 GMT", 0.0),  # IMF-fixdate, in the past
        ("Sunday, 06-Nov-94 08:49:37 GMT", 0.0),  # obsolete RFC 850 form
        ("Sun Nov  6 08:49:37 1994", 0.0),  # obsolete asctime form
        (_date(30), 30.0),
        ("Sun, 06 Nov 1994 08:49:37 +0000", None),  # not an HTTP-date
        ("sun, 06 nov 1994 08:49:37 gmt", None),  # HTTP-date is case-sensitive
        ("Sun, 31 Feb 1994 08:49:37 GMT", None),
        ("06 Nov 1994 08:49:37 GMT", None),
    ],
)
def test_retry_after_accepts_only_the_forms_of_the_spec(value: str, expected: float | None) -> None:
    """delay-seconds (1*DIGIT, plus a decimal fraction) or an HTTP-date; anything else is
    garbage (None), and a huge delay is huge, not garbage."""
    result = parse_retry_after({"Retry-After": value}, now=NOW)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected, abs=1.0)


async def test_a_retry_after_of_hundreds_of_digits_is_a_rate_limit_error_at_once(
    client: DemoClient, mocked: aioresponses
) -> None:
    """An 'infinite' Retry-After is above the cap: RateLimitError after one request."""
    mocked.get(f"{BASE}/records", status=429, headers={"Retry-After": "9" * 400}, repeat=True)
    with pytest.raises(RateLimitError) as caught:
        await client.request("GET", "/records")
    assert caught.value.retry_after is not None
    assert caught.value.retry_after >= 10**6
    assert len(calls(mocked, "GET", f"{BASE}/records")) == 1


async def test_a_retry_after_with_an_underscore_is_not_ten_seconds(
    mocked: aioresponses,
) -> None:
    """'1_0' is garbage, so the backoff applies: with a 5 s cap the call is retried and
    succeeds (read as 10 s it would raise RateLimitError at once)."""
    mocked.get(f"{BASE}/records", status=429, headers={"Retry-After": "1_0"})
    mocked.get(f"{BASE}/records", payload={"ok": True})
    policy = RetryPolicy(backoff_base=0.001, backoff_max=0.01, max_retry_after=5.0)
    async with DemoClient(base_url=BASE, retry=policy) as client:
        assert await client.request("GET", "/records") == {"ok": True}
    assert len(calls(mocked, "GET", f"{BASE}/records")) == 2

"""The fault matrix: every fault, on a read and a write, for each vendor, ends in a retry
that succeeds or a typed error, and the emulator's log shows no write sent twice unless the
server answered 429."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from typing import Any, Literal

import attrs
import pytest
from aiohttp import web

from common import (
    ApiError,
    ConnectError,
    DecodeError,
    RateLimitError,
    ReadError,
    ResponseTooLargeError,
    ServerError,
    Timeout,
    TimeoutError,
)
from common.testing import Fault, Handler, closed_port

from .faults import Chunked, Reshaped, assert_no_write_sent_twice
from .vendors import SHORT, VENDORS, Vendor

Call = Literal["read", "write"]
Check = Callable[[Any, float], None]


@attrs.frozen
class Case:
    """One row of the matrix: faults put on the call's path, and what must come of it."""

    id: str
    call: Call
    faults: tuple[Fault, ...]
    #: ``None``: the call succeeds; else the typed error it ends in.
    expect: type[ApiError] | None
    #: Requests the emulator must have received on the call's path.
    sent: int
    timeout: Timeout | None = None
    check: Check | None = None


@attrs.frozen
class RateLimitedUntil(Fault):
    """429 with ``Retry-After`` as an HTTP date *offset* seconds from when it is answered."""

    offset: float

    async def apply(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Answer 429 with the date computed now."""
        date = email.utils.formatdate(time.time() + self.offset, usegmt=True)
        return await Fault.rate_limited(date).apply(request, handler)


def _retry_after_about(seconds: float) -> Check:
    def check(error: Any, elapsed: float) -> None:
        assert isinstance(error, RateLimitError)
        assert error.retry_after is not None
        assert abs(error.retry_after - seconds) < 5
        assert elapsed < 1.0, "a wait above the cap must not be waited"

    return check


def _waited(seconds: float) -> Check:
    def check(result: Any, elapsed: float) -> None:
        assert elapsed >= seconds * 0.9

    return check


TIGHT_READ = Timeout(total=5.0, connect=2.0, read=0.15)
TIGHT_TOTAL = Timeout(total=0.15, connect=2.0, read=2.0)


def _cases() -> list[Case]:
    cases: list[Case] = []
    for call in ("read", "write"):
        failed = 1 if call == "write" else 2  # requests seen when a write is not retried
        cases += [
            # 429 is retried for any method: the server did not process the request.
            Case("429-seconds", call, (Fault.rate_limited("0"),), None, 2),
            Case(
                "429-fractional",
                call,
                (Fault.rate_limited("0.15"),),
                None,
                2,
                check=_waited(0.15),
            ),
            Case("429-http-date", call, (RateLimitedUntil(-30),), None, 2),
            Case("429-no-retry-after", call, (Fault.rate_limited(),), None, 2),
            Case(
                "429-above-cap-seconds",
                call,
                (Fault.rate_limited("120"),),
                RateLimitError,
                1,
                check=_retry_after_about(120),
            ),
            Case(
                "429-above-cap-http-date",
                call,
                (RateLimitedUntil(3600),),
                RateLimitError,
                1,
                check=_retry_after_about(3600),
            ),
        ]
        for status in (500, 502, 503, 504):
            cases.append(
                Case(
                    f"{status}",
                    call,
                    (Fault.status(status),),
                    ServerError if call == "write" else None,
                    failed,
                )
            )

        def ok_or(error: type[ApiError], call: Call = call) -> type[ApiError] | None:
            """Reads are retried to success; writes end in *error* (never sent twice)."""
            return error if call == "write" else None

        cases += [
            Case("html-502", call, (Fault.html(502),), ok_or(ServerError), failed),
            Case("reset-mid-body", call, (Fault.drop_mid_body(),), ok_or(ReadError), failed),
            Case("reset-no-answer", call, (Fault.reset(),), ok_or(ReadError), failed),
            Case("closed-no-answer", call, (Fault.close(),), ok_or(ReadError), failed),
            Case(
                "read-timeout",
                call,
                (Fault.latency(0.3),),
                ok_or(TimeoutError),
                failed,
                timeout=TIGHT_READ,
            ),
            Case(
                "slow-drip-past-total-timeout",
                call,
                (Reshaped(seconds=0.3, chunks=3),),
                ok_or(TimeoutError),
                failed,
                timeout=TIGHT_TOTAL,
            ),
            # A 200 is final: a body that does not parse is a DecodeError, never retried.
            Case("truncated-json", call, (Fault.malformed_json(),), DecodeError, 1),
            Case("html-200", call, (Fault.html(200),), DecodeError, 1),
            Case("empty-200", call, (Fault.empty(200),), DecodeError, 1),
            Case(
                "empty-200-json-label",
                call,
                (Fault.empty(200, content_type="application/json"),),
                DecodeError,
                1,
            ),
            Case("wrong-content-type", call, (Reshaped(content_type="text/plain"),), None, 1),
            Case(
                "slow-drip-within-read-timeout",
                call,
                (Reshaped(seconds=0.12, chunks=3),),
                None,
                1,
                timeout=TIGHT_READ,
            ),
        ]
    return cases


CASES = _cases()


async def _outcome(coro: Any) -> tuple[Any, float]:
    """The call's result or its typed error (anything else fails the test), and seconds."""
    started = time.perf_counter()
    try:
        result = await coro
    except ApiError as error:
        return error, time.perf_counter() - started
    return result, time.perf_counter() - started


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.call}-{c.id}")
@pytest.mark.parametrize("vendor", VENDORS, ids=lambda v: v.name)
async def test_fault(vendor: Vendor, case: Case) -> None:
    """The call retries to success or raises the expected typed error; no write is doubled."""
    async with vendor.emulator() as emu:
        path = vendor.read_path if case.call == "read" else vendor.write_path
        method = "GET" if case.call == "read" else vendor.write_method
        for fault in case.faults:
            emu.server.faults.add(fault, method=method, path=path)
        async with vendor.client(emu, timeout=case.timeout or SHORT) as client:
            call = vendor.read if case.call == "read" else vendor.write
            outcome, elapsed = await _outcome(call(client))
            if case.expect is None:
                assert not isinstance(outcome, ApiError), repr(outcome)
            else:
                assert type(outcome) is case.expect, repr(outcome)
                assert outcome.attempts == case.sent
                assert outcome.method == method
            if case.check is not None:
                case.check(outcome, elapsed)
            log = emu.server.requests.filter(method=method, path=path)
            assert len(log) == case.sent, log
            assert_no_write_sent_twice(emu.server.requests)
            # The client is still usable: the same call now goes through.
            assert not isinstance(await _outcome(vendor.read(client)), ApiError)


@pytest.mark.parametrize("call", ["read", "write"])
@pytest.mark.parametrize("vendor", VENDORS, ids=lambda v: v.name)
async def test_connection_refused(vendor: Vendor, call: Call) -> None:
    """Nothing listening: a ConnectError after every retry, for any method (never sent)."""
    emu = vendor.emulator()  # not started: only its credentials are used
    root = f"http://127.0.0.1:{closed_port()}"
    async with vendor.client(emu, root) as client:
        outcome, _ = await _outcome((vendor.read if call == "read" else vendor.write)(client))
    assert type(outcome) is ConnectError, repr(outcome)
    assert outcome.attempts == 3


@pytest.mark.parametrize("framing", ["content-length", "chunked"])
@pytest.mark.parametrize("vendor", VENDORS, ids=lambda v: v.name)
async def test_a_body_above_max_response_size(vendor: Vendor, framing: str) -> None:
    """An answer larger than ``max_response_size`` is a ResponseTooLargeError (a ReadError),
    whether Content-Length announces it or the chunked body only grows past it."""
    too_large: type[ApiError] = ResponseTooLargeError
    assert issubclass(too_large, ReadError)
    size = 64 * 1024
    fault: Fault = (
        Fault.respond(200, body=b'{"pad": "' + b"x" * size + b'"}', content_type="application/json")
        if framing == "content-length"
        else Chunked(size=size)
    )
    async with vendor.emulator() as emu:
        emu.server.faults.add(fault, method="GET", path=vendor.read_path)
        async with vendor.client(emu, max_response_size=4096) as client:
            outcome, _ = await _outcome(vendor.read(client))
            assert type(outcome) is too_large, repr(outcome)
            assert not isinstance(await _outcome(vendor.read(client)), ApiError)


@pytest.mark.parametrize("body", ["truncated", "wrong-shape"])
@pytest.mark.parametrize("vendor", VENDORS, ids=lambda v: v.name)
async def test_a_decode_error_says_which_exchange_failed(vendor: Vendor, body: str) -> None:
    """Like every error that followed a request, a DecodeError carries method, URL, status
    and attempts, whether the body did not parse or parsed to the wrong shape."""
    fault = (
        Fault.malformed_json()
        if body == "truncated"
        else Fault.status(200, json=[{"unexpected": True}])
    )
    async with vendor.emulator() as emu:
        emu.server.faults.add(Fault.status(503), method="GET", path=vendor.read_path)
        emu.server.faults.add(fault, method="GET", path=vendor.read_path)
        async with vendor.client(emu) as client:
            outcome, _ = await _outcome(vendor.read(client))
    assert type(outcome) is DecodeError, repr(outcome)
    assert outcome.method == "GET"
    assert outcome.url is not None
    assert outcome.url.endswith(vendor.read_path)
    assert outcome.status == 200
    assert outcome.attempts == 2

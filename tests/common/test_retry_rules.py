"""Capability 3 (retries), the pure part: what is retried and how long we wait."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from email.utils import format_datetime

import pytest

from common.errors import ConnectError, ReadError, TimeoutError, TransportError
from common.retry import RetryPolicy, call_with_retries, is_idempotent, parse_retry_after

NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "2"}, 2.0),
        ({"Retry-After": "0"}, 0.0),
        ({"Retry-After": " 7 "}, 7.0),
        ({"Retry-After": "0.25"}, 0.25),
        ({"Retry-After": "1.5"}, 1.5),
        ({"Retry-After": "-3"}, None),  # a sign is not a form RFC 9110 allows
        (
            {"Retry-After": format_datetime(datetime.fromtimestamp(NOW + 30, timezone.utc), True)},
            30.0,
        ),
        ({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, 0.0),  # in the past
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": "nan"}, None),
        ({"Retry-After": "inf"}, None),
        ({"Retry-After": ""}, None),
        ({}, None),
        ({"X-RateLimit-Reset": str(int(NOW + 12))}, 12.0),  # a Unix timestamp
        ({"X-RateLimit-Reset": str(int((NOW + 12) * 1000))}, 12.0),  # in milliseconds
        ({"X-RateLimit-Reset": "45"}, 45.0),  # a delay
        ({"X-RateLimit-Reset": "garbage"}, None),
        ({"Retry-After": "3", "X-RateLimit-Reset": str(int(NOW + 60))}, 3.0),  # RA wins
        ({"Retry-After": "bogus", "X-RateLimit-Reset": "5"}, 5.0),  # falls back
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    """Retry-After in seconds, fractions and HTTP dates; X-RateLimit-Reset as the fallback."""
    result = parse_retry_after(headers, now=NOW)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected, abs=1.0 if "GMT" in str(headers) else 1e-9)


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("GET", True),
        ("get", True),
        ("HEAD", True),
        ("PUT", True),
        ("DELETE", True),
        ("OPTIONS", True),
        ("POST", False),
        ("PATCH", False),
    ],
)
def test_idempotent_methods(method: str, expected: bool) -> None:
    """GET, HEAD, OPTIONS, PUT and DELETE are idempotent; POST and PATCH are not."""
    assert is_idempotent(method) is expected


@pytest.mark.parametrize(
    ("method", "status", "expected"),
    [
        ("POST", 429, True),
        ("PATCH", 429, True),
        ("GET", 429, True),
        ("GET", 408, True),
        ("GET", 500, True),
        ("GET", 502, True),
        ("GET", 503, True),
        ("GET", 504, True),
        ("PUT", 503, True),
        ("POST", 500, False),
        ("POST", 503, False),
        ("PATCH", 502, False),
        ("GET", 501, False),
        ("GET", 400, False),
        ("GET", 404, False),
        ("GET", 422, False),
    ],
)
def test_retried_statuses(method: str, status: int, expected: bool) -> None:
    """429 for any method; 408/500/502/503/504 only for idempotent ones; nothing else."""
    assert RetryPolicy().retries_status(method, status) is expected


@pytest.mark.parametrize(
    ("method", "error", "expected"),
    [
        ("POST", ConnectError("refused"), True),
        ("POST", TimeoutError("connect", connected=False), True),
        ("POST", TimeoutError("read"), False),
        ("GET", TimeoutError("read"), True),
        ("POST", ReadError("reset"), False),
        ("GET", ReadError("reset"), True),
        ("DELETE", TransportError("odd"), True),
        ("PATCH", TransportError("odd"), False),
    ],
)
def test_retried_errors(method: str, error: BaseException, expected: bool) -> None:
    """A connection never established is retried for any method; a broken one only if safe."""
    assert RetryPolicy().retries_error(method, error) is expected


def test_backoff_doubles_up_to_the_cap_without_jitter() -> None:
    """Backoff is base * 2^(n-1), never above backoff_max."""
    policy = RetryPolicy(backoff_base=0.5, backoff_max=3.0, jitter=False)
    assert [policy.backoff(n) for n in range(1, 6)] == [0.5, 1.0, 2.0, 3.0, 3.0]


def test_backoff_jitter_stays_between_half_and_full() -> None:
    """Jitter keeps each wait between half and all of the exponential value."""
    policy = RetryPolicy(backoff_base=1.0, backoff_max=8.0)
    assert policy.backoff(3, rand=lambda: 0.0) == 2.0
    assert policy.backoff(3, rand=lambda: 1.0) == 4.0


def test_policy_rejects_negative_values() -> None:
    """A negative retry count or backoff is refused when the policy is built."""
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)
    with pytest.raises(ValueError, match="backoff_base"):
        RetryPolicy(backoff_base=-0.1)


class _Answer:
    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.headers = headers or {}


async def test_call_with_retries_happy_path_makes_one_attempt() -> None:
    """A success on the first attempt returns it without sleeping."""
    calls: list[int] = []
    sleeps: list[float] = []

    async def attempt(n: int) -> _Answer:
        calls.append(n)
        return _Answer(200)

    async def sleep(s: float) -> None:
        sleeps.append(s)

    result = await call_with_retries(attempt, policy=RetryPolicy(), method="GET", sleep=sleep)
    assert result.status == 200
    assert calls == [1]
    assert sleeps == []


async def test_call_with_retries_numbers_attempts_and_sleeps_backoff() -> None:
    """Attempts are numbered 1..N and each retry sleeps the policy's backoff."""
    calls: list[int] = []
    sleeps: list[float] = []

    async def attempt(n: int) -> _Answer:
        calls.append(n)
        return _Answer(503 if n < 3 else 200)

    async def sleep(s: float) -> None:
        sleeps.append(s)

    policy = RetryPolicy(max_retries=3, backoff_base=0.1, jitter=False)
    result = await call_with_retries(attempt, policy=policy, method="GET", sleep=sleep)
    assert result.status == 200
    assert calls == [1, 2, 3]
    assert sleeps == [0.1, 0.2]


async def test_call_with_retries_returns_last_answer_when_retries_run_out() -> None:
    """After max_retries the last response comes back for the caller to judge."""
    calls: list[int] = []

    async def attempt(n: int) -> _Answer:
        calls.append(n)
        return _Answer(503)

    async def sleep(s: float) -> None:
        return None

    policy = RetryPolicy(max_retries=2, backoff_base=0.0)
    result = await call_with_retries(attempt, policy=policy, method="GET", sleep=sleep)
    assert result.status == 503
    assert calls == [1, 2, 3]


async def test_call_with_retries_reraises_the_last_transport_error() -> None:
    """When every attempt fails below HTTP, the last error is raised unchanged."""

    async def attempt(n: int) -> _Answer:
        raise ConnectError(f"refused {n}")

    async def sleep(s: float) -> None:
        return None

    with pytest.raises(ConnectError, match="refused 3"):
        await call_with_retries(
            attempt, policy=RetryPolicy(backoff_base=0.0), method="POST", sleep=sleep
        )


async def test_call_with_retries_prefers_retry_after_and_refuses_above_cap() -> None:
    """Retry-After sets the wait; one above the cap stops retrying at once."""
    sleeps: list[float] = []

    async def sleep(s: float) -> None:
        sleeps.append(s)

    answers = iter([_Answer(429, {"Retry-After": "1.5"}), _Answer(429, {"Retry-After": "999"})])

    async def attempt(n: int) -> _Answer:
        return next(answers)

    result = await call_with_retries(attempt, policy=RetryPolicy(), method="POST", sleep=sleep)
    assert result.status == 429
    assert sleeps == [1.5]


async def test_call_with_retries_does_not_swallow_cancellation() -> None:
    """Cancelling a call during a retry wait cancels it; nothing retries afterwards."""
    calls: list[int] = []

    async def attempt(n: int) -> _Answer:
        calls.append(n)
        return _Answer(503)

    task = asyncio.create_task(
        call_with_retries(attempt, policy=RetryPolicy(backoff_base=5.0, jitter=False), method="GET")
    )
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert calls == [1]


def test_rate_limit_reset_is_ignored_when_asked() -> None:
    """X-RateLimit-Reset dates a quota window; it is no wait for a 503."""
    headers = {"X-RateLimit-Reset": str(int(NOW + 3000))}
    assert parse_retry_after(headers, now=NOW, reset_fallback=False) is None
    assert parse_retry_after({"Retry-After": "2", **headers}, now=NOW, reset_fallback=False) == 2


async def test_a_503_carrying_a_quota_reset_is_still_retried_with_backoff() -> None:
    """A GET answered 503 with X-RateLimit-Reset far away is retried after the backoff."""
    sleeps: list[float] = []

    async def sleep(s: float) -> None:
        sleeps.append(s)

    answers = iter([_Answer(503, {"X-RateLimit-Reset": str(int(NOW + 3000))}), _Answer(200)])

    async def attempt(n: int) -> _Answer:
        return next(answers)

    policy = RetryPolicy(backoff_base=0.1, jitter=False)
    result = await call_with_retries(attempt, policy=policy, method="GET", sleep=sleep)
    assert result.status == 200
    assert sleeps == [0.1]


async def test_a_429_starts_the_cool_down_even_without_retries_left() -> None:
    """With max_retries=0 a 429 still holds the client's other requests for Retry-After."""
    from common.limits import CoolDown

    cooldown = CoolDown()

    async def attempt(n: int) -> _Answer:
        return _Answer(429, {"Retry-After": "5"})

    result = await call_with_retries(
        attempt, policy=RetryPolicy(max_retries=0), method="GET", cooldown=cooldown
    )
    assert result.status == 429
    assert 4.5 < cooldown.remaining() <= 5


def test_a_number_as_timeout_bounds_reads_too() -> None:
    """timeout=120 allows 120 s of server silence, not the default 30 s read limit."""
    from common import Timeout

    assert Timeout.coerce(120) == Timeout(total=120, connect=10, read=120)
    assert Timeout.coerce(3) == Timeout(total=3, connect=3, read=3)

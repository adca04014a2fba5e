"""tenacity's strategies built from a RetryPolicy: retry, wait, stop and before-sleep."""

from __future__ import annotations

import pytest
from tenacity import AsyncRetrying, RetryCallState

from common.errors import ConnectError, ReadError, ResponseTooLargeError
from common.limits import CoolDown
from common.retry import (
    RetryIfWorthAnother,
    RetryPolicy,
    StopWhenSpent,
    WaitAsTold,
    retrying,
)


class _Answer:
    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.headers = headers or {}


def _state(outcome: object, attempt: int = 1, upcoming_sleep: float = 0.0) -> RetryCallState:
    state = RetryCallState(retry_object=None, fn=None, args=(), kwargs={})  # type: ignore[arg-type]
    state.attempt_number = attempt
    state.upcoming_sleep = upcoming_sleep
    if isinstance(outcome, BaseException):
        state.set_exception((type(outcome), outcome, None))
    else:
        state.set_result(outcome)
    return state


POLICY = RetryPolicy(backoff_base=0.5, jitter=False, max_retry_after=60.0)


@pytest.mark.parametrize(
    ("method", "outcome", "expected"),
    [
        ("GET", _Answer(503), True),
        ("POST", _Answer(503), False),  # may have been processed: never repeated
        ("POST", _Answer(429), True),  # not processed: any method
        ("GET", _Answer(404), False),
        ("GET", _Answer(429, {"Retry-After": "61"}), False),  # above max_retry_after
        ("GET", _Answer(429, {"Retry-After": "60"}), True),
        ("POST", ConnectError("no connection"), True),  # never reached the server
        ("POST", ReadError("broke"), False),
        ("GET", ReadError("broke"), True),
        ("GET", ResponseTooLargeError("big"), False),  # the same answer would come back
    ],
)
def test_the_retry_strategy_follows_the_policy(
    method: str, outcome: object, expected: bool
) -> None:
    assert RetryIfWorthAnother(POLICY, method)(_state(outcome)) is expected


def test_the_wait_strategy_prefers_retry_after_then_backs_off() -> None:
    wait = WaitAsTold(POLICY, cooldown=None)
    assert wait(_state(_Answer(503, {"Retry-After": "2"}))) == 2.0
    assert wait(_state(_Answer(503), attempt=1)) == 0.5
    assert wait(_state(_Answer(503), attempt=3)) == 2.0
    assert wait(_state(ConnectError("x"), attempt=2)) == 1.0


def test_the_wait_of_a_429_is_the_shared_cool_down() -> None:
    cooldown = CoolDown()
    wait = WaitAsTold(POLICY, cooldown)
    waited = wait(_state(_Answer(429, {"Retry-After": "3"})))
    assert 2.9 < waited <= 3.0
    assert 2.9 < cooldown.remaining() <= 3.0  # every request of the client waits it out
    # Without Retry-After, the cool-down is this call's backoff.
    other = CoolDown()
    assert 0.4 < WaitAsTold(POLICY, other)(_state(_Answer(429))) <= 0.5
    assert other.remaining() > 0.4


def test_the_stop_strategy_counts_attempts_and_the_calls_budget() -> None:
    stop = StopWhenSpent(RetryPolicy(max_retries=2), max_wait=5.0)
    assert not stop(_state(_Answer(503), attempt=2))
    assert stop(_state(_Answer(503), attempt=3))  # 1 + max_retries attempts made
    assert stop(_state(_Answer(429), attempt=1, upcoming_sleep=6.0))  # frees too late
    assert not stop(_state(_Answer(503), attempt=1, upcoming_sleep=6.0))  # not a rate limit
    assert not StopWhenSpent(RetryPolicy(), max_wait=None)(
        _state(_Answer(429), attempt=1, upcoming_sleep=600.0)
    )


async def test_retrying_is_a_tenacity_controller_reporting_before_each_sleep() -> None:
    reported: list[tuple[int, object, float]] = []
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    controller = retrying(
        RetryPolicy(max_retries=3, backoff_base=0.1, jitter=False),
        method="get",
        before_retry=lambda n, outcome, wait: reported.append((n, outcome, wait)),
        sleep=sleep,
    )
    assert isinstance(controller, AsyncRetrying)
    answers = iter([_Answer(503), _Answer(502), _Answer(200)])

    async def call() -> _Answer:
        return next(answers)

    final: _Answer = await controller(call)
    assert final.status == 200
    assert slept == [0.1, 0.2]
    assert [(n, getattr(o, "status", None), w) for n, o, w in reported] == [
        (1, 503, 0.1),
        (2, 502, 0.2),
    ]


async def test_retrying_gives_back_the_last_answer_when_it_stops() -> None:
    async def sleep(seconds: float) -> None:
        return None

    controller = retrying(RetryPolicy(max_retries=1, jitter=False), method="GET", sleep=sleep)

    async def call() -> _Answer:
        return _Answer(503)

    final: _Answer = await controller(call)
    assert final.status == 503  # the caller turns it into the typed error

"""The three stages of one attempt, in order: auth, limits, transport.

:meth:`Sender.attempt <common.sending.Sender.attempt>` runs them in turn for every attempt,
with each stage's fast path inline (a request with no credentials to add, a free concurrency
slot, a whole answer); what each stage does beyond that is here, as a function of what it
needs and nothing else: the header check and the 401 decision (auth), waiting for the limits
and the errors of a call that cannot wait that long (limits), a download's stream (transport).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import ApiError, InvalidRequestError, RateLimitError
from ..limits import CoolDownTooLong, Limits, LimitWaitTooLong, _nothing, describe_limit
from ..messages import Request, Response
from ..params import bad_header, bad_header_message
from ..redact import redact_url
from ..transport import StreamedBody, Transport
from .recorder import Recorder

if TYPE_CHECKING:
    from ..auth.base import Auth
    from ..config import ClientConfig

__all__ = [
    "CredentialsFailed",
    "check_headers",
    "read_whole",
    "reauthenticator",
    "release_outcome",
    "stream",
    "wait_for_limits",
]


# -- 1. auth --------------------------------------------------------------------------------


class CredentialsFailed(Exception):
    """The auth stage could not put credentials on the request (its login or refresh failed
    with *error*). Carried up through the retry machinery, which retries nothing but
    transport errors and answers, and raised as *error* itself by the sender."""

    def __init__(self, error: ApiError) -> None:
        super().__init__(type(error).__name__)
        self.error: ApiError = error


def check_headers(request: Request, number: int) -> None:
    """Check every header once the credentials are on: a CR or LF in any of them (a key, an
    origin, a header) and nothing is sent. (The credentials themselves are put on by the
    auth strategy: ``await auth.apply(request, flow)``, inline in the attempt.)"""
    bad = bad_header(request.headers)
    if bad is not None:
        raise InvalidRequestError(
            bad_header_message(f"header {bad!r}"),
            method=request.method,
            url=redact_url(request.url),
            attempts=number,
        )


def reauthenticator(
    outcome: Response | StreamedBody, request: Request, auth: Auth | None, replayable: bool
) -> Auth | None:
    """The auth strategy to ask about a 401 (it may refresh, then the attempt is made once
    more), if any."""
    if outcome.status == 401 and replayable and request.authenticate and auth is not None:
        return auth
    return None


# -- 2. limits ------------------------------------------------------------------------------


async def wait_for_limits(
    request: Request,
    number: int,
    *,
    limits: Limits,
    config: ClientConfig,
    recorder: Recorder,
) -> Callable[[], None]:
    """Wait for the cool-down, a slot and a rate token (the slow path of an attempt); the
    slot's release. Raise :class:`RateLimitError` at once when they cannot be had within the
    call's budget (``max_wait``, else its timeout)."""
    cap = config.retry.max_retry_after
    budget = config.budget(request)
    held = limits.held()
    if held > cap or (budget is not None and held > budget):
        # A spent budget (or a 429) asks for a longer wait than we would ever retry
        # after, or than this call may wait: say so at once rather than hang until then.
        raise spent(request, held, number, config, budget)
    pending = recorder.waiting(held)
    if pending is not None:
        await pending
    started = time.perf_counter()
    try:
        # The cool-down is checked again as the last step, once a slot is ours.
        return await limits.acquire(max_cooldown=cap, max_wait=budget)
    except LimitWaitTooLong as err:
        error = too_long(request, err, number, config, limits, budget)
    pending = recorder.unsent(error, time.perf_counter() - started)  # ends here, unsent
    if pending is not None:
        await pending
    raise error


def spent(
    request: Request, held: float, number: int, config: ClientConfig, budget: float | None
) -> RateLimitError:
    """The error of a call the cool-down would hold longer than it may wait."""
    cap = config.retry.max_retry_after
    if held > cap and (budget is None or cap <= budget):
        message = (
            f"the {config.vendor} rate limit is spent for {held:.0f} s more, "
            f"above max_retry_after ({cap:g} s)"
        )
    else:
        message = (
            f"the {config.vendor} rate limit is spent for {held:.1f} s more, longer than "
            f"this call may wait ({budget:g} s: max_wait, else its timeout); not sent"
        )
    return RateLimitError(
        message,
        retry_after=held,
        status=429,
        method=request.method,
        url=redact_url(request.url),
        attempts=number,
    )


def too_long(
    request: Request,
    err: LimitWaitTooLong,
    number: int,
    config: ClientConfig,
    limits: Limits,
    budget: float | None,
) -> RateLimitError:
    """The error of a call whose limits cannot be had within its budget."""
    if isinstance(err, CoolDownTooLong):
        return spent(request, err.remaining, number, config, budget)
    what = f"the {config.vendor} rate limit ({describe_limit(limits.rate_limiter)})"
    bound = err.bound if budget is None else budget
    if err.remaining is None:
        message = (
            f"{what} gave no slot within {bound:g} s (max_wait, else the call's timeout); not sent"
        )
    else:
        message = (
            f"{what} has no free slot for {err.remaining:.1f} s, longer than this call may "
            f"wait ({bound:g} s: max_wait, else its timeout); not sent"
        )
    return RateLimitError(
        message,
        retry_after=err.remaining,
        status=429,
        method=request.method,
        url=redact_url(request.url),
        attempts=number,
    )


# -- 3. transport ---------------------------------------------------------------------------


async def stream(
    request: Request,
    number: int,
    transport: Transport,
    limits: Limits,
    release: Callable[[], None],
    recorder: Recorder,
) -> Response | StreamedBody:
    """A download's exchange: the open stream of a 2xx answer (its slot is released when
    the stream is closed), or any other answer read whole (its slot released at once).
    A whole answer's exchange is inline in :meth:`Sender.attempt`."""
    started = time.perf_counter()
    try:
        streamed = await transport.stream(request)
        limits.server.observe(streamed.headers)
        if 200 <= streamed.status < 300:
            # The slot stays taken while the body streams; closing the stream frees it.
            streamed.on_close(release)
            release = _nothing
            pending = recorder.streaming(
                request, number, streamed.status, time.perf_counter() - started
            )
            if pending is not None:
                try:
                    await pending
                except BaseException:  # cancelled in a hook: nobody else holds it
                    await streamed.aclose()
                    raise
            return streamed
        response = await read_whole(streamed, request, started)
    except ApiError as err:
        pending = recorder.failed(request, number, err, time.perf_counter() - started)
        if pending is not None:
            await pending
        raise
    finally:
        release()
    pending = recorder.answered(request, number, response)
    if pending is not None:
        await pending
    return response


async def read_whole(streamed: StreamedBody, request: Request, started: float) -> Response:
    """A streamed answer read whole (an error answer to a download), its stream closed."""
    try:
        content = await streamed.read()
    finally:
        await streamed.aclose()
    return Response(
        status=streamed.status,
        headers=streamed.headers,
        content=content,
        url=streamed.url,
        method=request.method,
        elapsed=time.perf_counter() - started,
    )


async def release_outcome(outcome: Response | StreamedBody) -> None:
    """Give back what an answer that will not be used holds (a stream's connection)."""
    if isinstance(outcome, StreamedBody):
        await outcome.aclose()

"""The send path of every client: redirects, retries, and each attempt's stages.

``Sender.send`` → redirects (:meth:`Origin.redirect`) → the first attempt, inline → retries
(tenacity, :func:`~common.retry.call_with_retries`) only when it asks for one → each
attempt: auth → limits → transport (:mod:`.stages`), reported to one :class:`Recorder`.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from ..error_bodies import status_error
from ..errors import ApiError, ClientClosedError, HTTPStatusError, TransportError, UnsafeURLError
from ..limits import Limits
from ..messages import Request, Response
from ..origin import Origin, replayable
from ..redact import redact_url
from ..retry import Outcome, call_with_retries
from ..transport import StreamedBody, Transport
from . import stages
from .recorder import Recorder

if TYPE_CHECKING:
    from ..auth.base import Auth, AuthFlow
    from ..config import ClientConfig
    from ..observe import Telemetry

__all__ = ["MAX_REDIRECTS", "ClientState", "Sender"]

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
#: Redirects followed for one call before it fails.
MAX_REDIRECTS = 5


class ClientState(enum.Enum):
    """Where a client is in its life."""

    UNOPENED = "unopened"  # no request made yet; no session exists
    OPENED = "opened"
    CLOSED = "closed"


class Sender:
    """What a client and all its ``with_options`` copies share, and the path a request
    takes through it: origin, transport, auth, limits, log and telemetry, lifecycle."""

    __slots__ = (
        "auth",
        "limits",
        "logger",
        "origin",
        "quiet",
        "secret_headers",
        "state",
        "telemetry",
        "transport",
    )

    def __init__(
        self,
        *,
        origin: Origin,
        transport: Transport,
        auth: Auth | None,
        limits: Limits,
        logger: logging.Logger,
        telemetry: Telemetry | None,
        state: ClientState = ClientState.UNOPENED,
    ) -> None:
        self.origin: Origin = origin
        self.transport: Transport = transport
        self.auth: Auth | None = auth
        self.limits: Limits = limits
        self.logger: logging.Logger = logger
        self.telemetry: Telemetry | None = telemetry
        self.secret_headers: frozenset[str] = (
            auth.secret_headers if auth is not None else frozenset()
        )
        #: The recorder of every call nobody observes (no hooks, no telemetry).
        self.quiet: Recorder = Recorder(logger, self.secret_headers)
        self.state: ClientState = state

    # -- one call ----------------------------------------------------------------------------

    def recorder(self, request: Request, config: ClientConfig) -> Recorder:
        """The quiet recorder, or one that also reports this call to hooks and telemetry."""
        hooks, telemetry = config.hooks, self.telemetry
        if hooks is None and telemetry is None:
            return self.quiet
        from ..observe import Observation  # here: only a call that is watched needs it

        url = request.url.extend_query(request.params) if request.params else request.url
        observed = Observation(
            vendor=config.vendor,
            operation=request.operation,
            method=request.method,
            url=redact_url(url),
            hooks=hooks,
            telemetry=telemetry,
        )
        return Recorder(self.logger, self.secret_headers, observed)

    async def send(
        self, request: Request, config: ClientConfig, flow: AuthFlow, *, stream: bool
    ) -> Response | StreamedBody:
        """Send *request* through every stage, following redirects and retrying; the final
        2xx answer (or a download's open stream). Error statuses raise typed errors.

        Each request's first attempt is made here, inline; the retry machinery runs only
        when that attempt's answer asks for another.
        """
        recorder = self.recorder(request, config)
        ended = False
        try:
            for _ in range(MAX_REDIRECTS + 1):
                try:
                    outcome = await self.attempt(request, 1, config, flow, recorder, stream)
                    if outcome.status == 401:
                        outcome = await self.after_401(
                            outcome, request, 1, config, flow, recorder, stream
                        )
                except ApiError as err:
                    err.attempts = 1
                    if not isinstance(err, TransportError):
                        raise
                    first: Response | StreamedBody | TransportError = err
                else:
                    first = outcome
                attempts = 1
                if isinstance(first, TransportError) or (
                    first.status == 429 or first.status in config.retry.retry_statuses
                ):
                    outcome, attempts = await self.retry(
                        request, first, config, flow, recorder, stream=stream
                    )
                status = outcome.status
                if 200 <= status < 300 or isinstance(outcome, StreamedBody):
                    if attempts != 1 and isinstance(outcome, Response):
                        outcome = attrs.evolve(outcome, attempts=attempts)  # a decode error says so
                    if recorder.observed is not None:
                        ended = True  # a hook failing here is not the call failing again
                        recorder.ended(status=status, error=None)
                    return outcome
                if status in _REDIRECTS and "Location" in outcome.headers:
                    following = self.origin.redirect(request, outcome, self.secret_headers)
                    if isinstance(following, Request):
                        request = following
                        continue
                    if isinstance(following, UnsafeURLError):
                        # Raised here, not in redirect(): its frame holds the raw Location
                        # (a signed URL, maybe); error reporters render every frame's locals.
                        raise following
                    error = status_error(outcome, config.error_parser, attempts=attempts)
                    error.message = following
                    raise error
                raise status_error(outcome, config.error_parser, attempts=attempts)
            raise TransportError(
                f"more than {MAX_REDIRECTS} redirects",
                method=request.method,
                url=redact_url(request.url),
            )
        except stages.CredentialsFailed as wrapper:
            refused = wrapper.error
            if recorder.observed is not None:
                code = refused.status if isinstance(refused, HTTPStatusError) else None
                recorder.ended(status=code, error=refused)
            raise refused from None
        except BaseException as err:
            if recorder.observed is not None and not ended:
                code = err.status if isinstance(err, HTTPStatusError) else None
                recorder.ended(status=code, error=err)
            raise

    async def retry(
        self,
        request: Request,
        first: Response | StreamedBody | TransportError,
        config: ClientConfig,
        flow: AuthFlow,
        recorder: Recorder,
        *,
        stream: bool,
    ) -> tuple[Response | StreamedBody, int]:
        """Attempts 2..N, after a first one that may be retried (the slow path)."""
        policy = config.retry
        if not replayable(request.body):
            policy = attrs.evolve(policy, max_retries=0)  # an async iterator is read once
        attempts = 1

        async def attempt(number: int) -> Outcome:
            nonlocal attempts
            attempts = number
            try:
                outcome = await self.attempt(request, number, config, flow, recorder, stream)
                if outcome.status == 401:
                    outcome = await self.after_401(
                        outcome, request, number, config, flow, recorder, stream
                    )
            except ApiError as err:
                err.attempts = number
                raise
            return outcome

        def before_retry(number: int, outcome: Outcome | BaseException, wait: float) -> None:
            recorder.retrying(request, number, outcome, wait)

        final = await call_with_retries(
            attempt,
            policy=policy,
            method=request.method,
            cooldown=self.limits.cooldown,
            before_retry=before_retry,
            first=first,
            max_wait=config.budget(request),
        )
        assert isinstance(final, (Response, StreamedBody))
        return final, attempts

    # -- one attempt -------------------------------------------------------------------------

    async def attempt(
        self,
        request: Request,
        number: int,
        config: ClientConfig,
        flow: AuthFlow,
        recorder: Recorder,
        stream: bool,
    ) -> Response | StreamedBody:
        """One attempt, through the stages in turn: auth → limits → transport.

        Each stage's fast path is inline (a request without credentials to add, a free
        slot, a quiet recorder); its slow path is the stage's function in :mod:`.stages`.
        """
        # 1. auth: the credentials, then every header checked.
        auth = self.auth
        if auth is not None and request.authenticate:
            try:
                await auth.apply(request, flow)
            except ApiError as err:
                # A login or a refresh is a call of its own, retried as such: its failure
                # ends this call as it is, never retried on top (that would multiply them).
                raise stages.CredentialsFailed(err) from None
        stages.check_headers(request, number)
        # 2. limits: a free slot is taken without awaiting (no rate limiter, no cool-down
        # ever started, nothing observing); anything else waits in wait_for_limits.
        limits = self.limits
        release: Callable[[], None] | None = (
            limits.try_acquire() if recorder is self.quiet else None
        )
        if release is None:
            release = await stages.wait_for_limits(
                request, number, limits=limits, config=config, recorder=recorder
            )
        # 3. transport.
        if stream:
            return await stages.stream(request, number, self.transport, limits, release, recorder)
        started = time.perf_counter()
        try:
            response = await self.transport.send(request)
        except ApiError as err:
            pending = recorder.failed(request, number, err, time.perf_counter() - started)
            if pending is not None:
                await pending
            raise
        finally:
            release()
        limits.server.observe(response.headers)
        pending = recorder.answered(request, number, response)
        if pending is not None:
            await pending
        return response

    async def after_401(
        self,
        outcome: Response | StreamedBody,
        request: Request,
        number: int,
        config: ClientConfig,
        flow: AuthFlow,
        recorder: Recorder,
        stream: bool,
    ) -> Response | StreamedBody:
        """A 401: the auth strategy may refresh its credentials, and then the attempt is
        made once more; otherwise the 401 stands."""
        auth = stages.reauthenticator(outcome, request, self.auth, replayable(request.body))
        if auth is None:
            return outcome
        try:
            renewed = await auth.on_unauthorized(request, flow)
        except ApiError as err:
            await stages.release_outcome(outcome)
            raise stages.CredentialsFailed(err) from None  # final, as in attempt()
        if not renewed:
            return outcome
        await stages.release_outcome(outcome)
        return await self.attempt(request, number, config, flow, recorder, stream)

    def check_open(self, vendor: str) -> None:
        """Raise :class:`ClientClosedError` once the client is closed; mark it opened."""
        if self.state is ClientState.CLOSED:
            raise ClientClosedError(f"this {vendor} client is closed; make a new one")
        self.state = ClientState.OPENED

"""One log line per exchange, secrets removed; headers at DEBUG.

Each vendor package logs to its own logger (``amiqus_async``, ``intakeq_async``...). Nothing is
formatted unless the level is enabled.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from .messages import Request, Response
from .redact import redact_headers, redact_url

__all__ = ["log_exchange", "log_retry"]


def log_exchange(
    logger: logging.Logger,
    request: Request,
    *,
    attempt: int,
    elapsed: float,
    response: Response | None = None,
    error: BaseException | None = None,
    secret_headers: Iterable[str] = (),
    status: int | None = None,
) -> None:
    """``GET https://host/path?q -> 200 (attempt 1, 12.3 ms)``, plus headers at DEBUG.

    A download whose body is still streaming has no *response* yet: its *status* is logged
    as ``200 streamed``. URLs are redacted (:func:`~common.redact.redact_url`: user info,
    credential-like query values, signed-URL parameters) and so are the headers
    (:func:`~common.redact.redact_headers`: credentials masked, ``Location`` redacted).
    """
    level = logging.INFO if error is None else logging.WARNING
    if not logger.isEnabledFor(level):
        return
    url = redact_url(request.url.with_query(request.params) if request.params else request.url)
    if response is not None:
        outcome = str(response.status)
    elif error is not None:
        outcome = type(error).__name__
    else:
        outcome = "streamed" if status is None else f"{status} streamed"
    logger.log(
        level,
        "%s %s -> %s (attempt %d, %.1f ms)",
        request.method,
        url,
        outcome,
        attempt,
        elapsed * 1000,
    )
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("request headers: %s", redact_headers(request.headers, secret_headers))
        if response is not None:
            logger.debug("response headers: %s", redact_headers(response.headers, secret_headers))


def log_retry(
    logger: logging.Logger, request: Request, *, attempt: int, reason: str, wait: float
) -> None:
    """``retrying GET https://host/path after 503 in 0.52 s (attempt 1 failed)``."""
    if logger.isEnabledFor(logging.INFO):
        logger.info(
            "retrying %s %s after %s in %.2f s (attempt %d failed)",
            request.method,
            redact_url(request.url),
            reason,
            wait,
            attempt,
        )

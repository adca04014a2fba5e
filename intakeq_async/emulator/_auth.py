"""Who may call: the ``X-Auth-Key`` header, and the quota each accepted request spends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from common.testing import Refusal, header_credential, same_secret

if TYPE_CHECKING:
    from intakeq_async.emulator import IntakeQEmulator

__all__ = ["AUTH_HEADER", "TOO_MANY", "UNAUTHORIZED", "check_key", "spend_quota"]

AUTH_HEADER = "X-Auth-Key"
#: IntakeQ does not document its error bodies; the emulator answers these plain-text ones.
UNAUTHORIZED = "Unauthorized"
TOO_MANY = "Too Many Requests"


def check_key(request: web.Request, emulator: IntakeQEmulator) -> None:
    """401 unless the request carries the emulator's key in ``X-Auth-Key``."""
    if not same_secret(header_credential(request, AUTH_HEADER), emulator.api_key):
        raise Refusal(401, UNAUTHORIZED)


def spend_quota(emulator: IntakeQEmulator) -> None:
    """Count the request against the minute and day windows, or answer 429 with Retry-After."""
    wait = emulator.quota.acquire()
    if wait is not None:
        raise Refusal(429, TOO_MANY, headers={"Retry-After": str(wait)})

"""A stateful in-memory emulator of the IntakeQ API, served on loopback by the emulator kit.

::

    async with IntakeQEmulator(per_minute=None) as emu:
        client = IntakeQClient(base_url=emu.url, **emu.credentials)
        ...
        assert emu.quota_used() == (1, 1)
        assert emu.requests.last.headers["X-Auth-Key"] == emu.api_key

What it serves, under ``/api/v1`` (:data:`ROUTES`, one constant per path in ``_routes``):
the 33 operations of ``intakeq.tsv`` — files and folders, clients (query, profile,
create/update, tags, diagnoses), appointments (query, get, settings, create, update, cancel),
intake forms (summaries, full, PDF, consent-form PDF, send, resend, office-use answers,
attachments), questionnaires, practitioners, treatment notes (summaries, full, PDF),
invoices, claims.

* Every request needs ``X-Auth-Key: <api_key>``, else ``401`` with the plain-text body
  ``Unauthorized`` (IntakeQ does not document its error bodies; every error here is
  ``text/plain``).
* Quota: ``per_minute`` requests in any sliding 60 s and ``per_day`` in any sliding 86,400 s,
  read from the injected ``clock``; past either, ``429`` with ``Retry-After`` (whole seconds
  until a slot frees). Refused requests (401, 429) take no slot; ``None`` disables a window.
* Query endpoints answer bare JSON arrays of at most 100 records; ``page=1,2,...``; a short
  page is the last. Timestamps are Unix milliseconds; date filters are ``yyyy-MM-dd`` days
  in UTC, both ends inclusive.
* Files are stored byte for byte and served back with their Content-Type and
  ``Content-Disposition: attachment; filename="..."``.
* As strict as IntakeQ, never a 5xx for what the caller sent: a body or field of the wrong
  type, a query value that does not parse, or a filter in another form than the client's
  (``custom[5]=`` rather than ``custom.5=``, ``status=locked`` rather than ``status=1``, the
  invoice range's other spelling) answers 400.

The data (wire-shaped dicts you may read or edit) is :attr:`IntakeQEmulator.data`, an
:class:`IntakeQData`, seeded deterministically from ``seed`` around :data:`SEED_NOW`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar, TypedDict

from common.testing import EmulatorServer, ServerRateLimit, VendorEmulator
from common.testing.pdf import render_pdf
from intakeq_async.emulator._app import create_app
from intakeq_async.emulator._auth import AUTH_HEADER
from intakeq_async.emulator._http import PAGE_SIZE, render_refusal
from intakeq_async.emulator._quota import MINUTE, Quota
from intakeq_async.emulator._routes import API_PREFIX, ROUTES, UNCONFIRMED
from intakeq_async.emulator._store import SEED_NOW, IntakeQData, Json, build_data

__all__ = [
    "API_PREFIX",
    "AUTH_HEADER",
    "PAGE_SIZE",
    "ROUTES",
    "SEED_NOW",
    "UNCONFIRMED",
    "IntakeQCredentials",
    "IntakeQData",
    "IntakeQEmulator",
    "Json",
    "Quota",
    "create_app",
    "render_pdf",
]


class IntakeQCredentials(TypedDict):
    """What the client takes to reach the emulator besides ``base_url``
    (``Client(base_url=emulator.url, **emulator.credentials)``)."""

    api_key: str


class IntakeQEmulator(VendorEmulator):
    """The IntakeQ API of one practice, in memory, on a loopback port.

    Construction seeds the data (``clients`` clients, and enough appointments, intakes,
    notes, invoices and claims for multi-page listings) and builds the :attr:`server` without
    starting it, so faults can be scheduled before :meth:`start`. Like any kit server it runs
    once: after :meth:`stop`, build a new emulator. The quota reads ``clock`` (seconds, e.g.
    ``time.monotonic`` or a fake clock a test advances).
    """

    api_prefix: ClassVar[str] = API_PREFIX

    #: The kit server (built, not started, by the constructor).
    server: EmulatorServer
    #: The key every request must carry in ``X-Auth-Key``.
    api_key: str
    #: The minute and day windows (``per_minute``/``per_day`` may be changed at any time).
    quota: Quota
    #: The in-memory store; see :class:`IntakeQData`.
    data: IntakeQData

    def __init__(
        self,
        *,
        api_key: str = "emulator-key",
        per_minute: int | None = 10,
        per_day: int | None = 500,
        clock: Callable[[], float] = time.monotonic,
        seed: int = 1,
        clients: int = 250,
    ) -> None:
        self.api_key = api_key
        self.quota = Quota(per_minute=per_minute, per_day=per_day, clock=clock)
        self.data = build_data(seed=seed, clients=clients)
        self.server = EmulatorServer(create_app(self), render_error=render_refusal)

    @property
    def credentials(self) -> IntakeQCredentials:
        """``api_key``, as the client takes it."""
        return {"api_key": self.api_key}

    @property
    def rate_limit(self) -> ServerRateLimit | None:
        """The per-minute window of the quota (``None``: none); the day's is
        ``quota.per_day``. Assigning a limit per 60 s sets ``quota.per_minute``."""
        limit = self.quota.per_minute
        return (
            None if limit is None else ServerRateLimit(limit, per=MINUTE, integer_retry_after=True)
        )

    @rate_limit.setter
    def rate_limit(self, value: ServerRateLimit | None) -> None:
        if value is not None and value.per != MINUTE:
            raise ValueError(
                f"IntakeQ's rate limit is per minute (per=60), got per={value.per:g}; "
                "its daily quota is quota.per_day"
            )
        self.quota.per_minute = None if value is None else value.limit

    def quota_used(self) -> tuple[int, int]:
        """Requests counted in the current minute window and in the current day window."""
        return self.quota.used()

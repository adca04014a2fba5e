"""A stateful in-memory emulator of the IntakeQ API, served on loopback by the emulator kit.

::

    async with IntakeQEmulator(per_minute=None) as emu:
        client = IntakeQClient(api_key=emu.api_key, base_url=emu.api_url)
        ...
        assert emu.quota_used() == (1, 1)
        assert emu.server.requests.last.headers["X-Auth-Key"] == emu.api_key

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

from common.testing import EmulatorServer, VendorEmulator
from common.testing.pdf import render_pdf
from intakeq_async.emulator._app import create_app
from intakeq_async.emulator._auth import AUTH_HEADER
from intakeq_async.emulator._http import PAGE_SIZE
from intakeq_async.emulator._quota import Quota
from intakeq_async.emulator._routes import API_PREFIX, ROUTES, UNCONFIRMED
from intakeq_async.emulator._store import SEED_NOW, IntakeQData, Json, build_data

__all__ = [
    "API_PREFIX",
    "AUTH_HEADER",
    "PAGE_SIZE",
    "ROUTES",
    "SEED_NOW",
    "UNCONFIRMED",
    "IntakeQData",
    "IntakeQEmulator",
    "Json",
    "Quota",
    "create_app",
    "render_pdf",
]


class IntakeQEmulator(VendorEmulator):
    """The IntakeQ API of one practice, in memory, on a loopback port.

    Construction seeds the data (``clients`` clients, and enough appointments, intakes,
    notes, invoices and claims for multi-page listings) and builds the :attr:`server` without
    starting it, so faults can be scheduled before :meth:`start`. Like any kit server it runs
    once: after :meth:`stop`, build a new emulator. The quota reads ``clock`` (seconds, e.g.
    ``time.monotonic`` or a fake clock a test advances).
    """

    api_prefix = API_PREFIX

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
        #: The key every request must carry in ``X-Auth-Key``.
        self.api_key = api_key
        #: The minute and day windows (``per_minute``/``per_day`` may be changed at any time).
        self.quota = Quota(per_minute=per_minute, per_day=per_day, clock=clock)
        #: The in-memory store; see :class:`IntakeQData`.
        self.data: IntakeQData = build_data(seed=seed, clients=clients)
        #: The kit server: ``.requests`` (the log), ``.faults``.
        self.server = EmulatorServer(create_app(self))

    def quota_used(self) -> tuple[int, int]:
        """Requests counted in the current minute window and in the current day window."""
        return self.quota.used()

    def __repr__(self) -> str:
        where = self.url if self.server.running else "not running"
        return f"<IntakeQEmulator {where} clients={len(self.data.clients)}>"

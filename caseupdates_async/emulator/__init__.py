"""A stateful in-memory emulator of the Trackops API, served on loopback by the emulator kit.

::

    async with TrackopsEmulator() as emu:
        client = TrackopsClient(base_url=emu.url, **emu.credentials)
        ...
        assert emu.requests.last.path == "/api/v1/case/updates"

What it serves, under ``/api/v1`` (HTTP Basic ``{username}/token`` : ``{api_token}`` on every
request, else 401):

* ``GET /case/updates`` (filters ``id case access_group created_by is_valid subject thread
  activity_from activity_to created_from created_to updated_from updated_to validated_from
  validated_to``, and ``from``/``to`` as aliases of the activity pair), ``GET
  /case/updates/{id}``, ``POST /case/updates`` and ``PUT /case/updates/{id}`` with the body
  under ``"update"`` (create requires ``casefile_id``, ``access_group_id``, ``title``, ``body``;
  update changes only the fields given; ``activity_at`` given as a date alone sets
  ``is_allday`` unless it is given).
* ``GET /cases`` (every documented filter; ``mode=count``), ``POST /cases`` with the body under
  ``"casefile"`` (``case_type_id`` and ``client_id`` required), ``GET /case/requests`` (the
  case filters without ``case_status``, ``is_request`` and the three ``primary_<staff>``).
* ``GET /client/contacts`` (filters, ``expand_field_values``), ``GET /client/contacts/{id}``,
  ``POST /client/contacts`` (``client_id`` = a client *location* id, which must exist).
* ``GET /clients`` (each with its ``locations``); ``GET /client/locations`` (filters ``id name
  parent salesperson`` and the created/updated ranges), ``GET /client/locations/{id}``,
  ``POST /client/locations`` (``root_id``, an existing client, and ``name`` required).
* ``GET /staff`` (filters ``id last_name first_name email role is_vendor``, the ranges,
  ``expand_field_values``), ``GET /staff/{id}``, ``POST /staff/employees`` (``client_id``, a
  company location, ``role_id``, a role open to employees, and the names required).
* ``GET /invoices`` (filters), ``GET /expense/entries`` (filters ``id expense_slip user status
  case tracking_category entry_number date_from date_to`` -- ``from``/``to`` as their
  aliases -- and the created/updated ranges), ``GET /expense/entries/{id}``.

Every list: ``page`` (1), ``per_page`` (25, 1..100, else 400), ``dir`` (``asc``|``desc`` by id),
a bare JSON array; ``mode=count`` -> ``{"record_count", "page_count"}``; any query parameter
the list does not document is a 400. Timestamps are UTC ``YYYY-MM-DD HH:MM:SS`` in bodies;
filters take that, ISO 8601 or a date alone (a date alone as an upper bound includes the whole
day). Errors (undocumented): ``{"error": "..."}``, plus ``"errors": {field: [messages]}`` on
422, the kit's own 429 and faults included. Creates answer 201. Malformed input (bad ids, bad
query values, wrong types anywhere in a body, invalid or too deeply nested JSON) is always a
4xx, never a 5xx. 429 past
``rate_limit`` requests per second (the kit's sliding window, with ``Retry-After``).

The route table and one constant per path live in :mod:`caseupdates_async.emulator._routes`
(with :data:`UNCONFIRMED_PATHS`); the data (wire-shaped dicts you may read or edit) in
:mod:`caseupdates_async.emulator._store`.
"""

from __future__ import annotations

from typing import ClassVar, TypedDict

from caseupdates_async.emulator._app import create_app
from caseupdates_async.emulator._http import (
    MAX_PER_PAGE,
    PAGING_PARAMS,
    PER_PAGE,
    error_body,
    render_refusal,
)
from caseupdates_async.emulator._routes import API_PREFIX, ROUTES, UNCONFIRMED_PATHS
from caseupdates_async.emulator._store import TrackopsData, build_data
from caseupdates_async.emulator._time import TIMESTAMP_FORMAT, format_timestamp, parse_moment
from common.testing import EmulatorServer, ServerRateLimit, VendorEmulator

__all__ = [
    "API_PREFIX",
    "MAX_PER_PAGE",
    "PAGING_PARAMS",
    "PER_PAGE",
    "ROUTES",
    "TIMESTAMP_FORMAT",
    "UNCONFIRMED_PATHS",
    "TrackopsCredentials",
    "TrackopsData",
    "TrackopsEmulator",
    "create_app",
    "error_body",
    "format_timestamp",
    "parse_moment",
]


class TrackopsCredentials(TypedDict):
    """What the client takes to reach the emulator besides ``base_url``
    (``Client(base_url=emulator.url, **emulator.credentials)``)."""

    username: str
    api_token: str


class TrackopsEmulator(VendorEmulator):
    """The Trackops API of one account, in memory, on a loopback port.

    Construction seeds the data (deterministic for a given ``seed``; ``contacts`` client
    contacts) and builds the :attr:`server` without starting it, so faults can be scheduled
    before :meth:`start`. Like any kit server it runs once: after :meth:`stop`, build a new
    emulator. ``rate_limit`` is requests per second (``None``: unlimited). ``subdomain`` is
    kept for show: a loopback server answers whatever the Host header says.
    """

    api_prefix: ClassVar[str] = API_PREFIX

    #: The kit server (built, not started, by the constructor).
    server: EmulatorServer
    #: The account's subdomain (``https://{subdomain}.viewcases.com``), for show.
    subdomain: str
    #: The API user; Basic auth sends ``{username}/token``.
    username: str
    #: The API token, Basic auth's password.
    api_token: str
    #: The in-memory store; see :class:`TrackopsData` (its ``clock`` may be replaced).
    data: TrackopsData

    def __init__(
        self,
        *,
        subdomain: str = "acme",
        username: str = "api-user",
        api_token: str = "emulator-token",
        rate_limit: int | None = None,
        seed: int = 1,
        contacts: int = 120,
    ) -> None:
        self.subdomain = subdomain
        self.username = username
        self.api_token = api_token
        self.data = build_data(seed=seed, contacts=contacts)
        limit = None if rate_limit is None else ServerRateLimit(rate_limit, per=1.0)
        self.server = EmulatorServer(
            create_app(self), rate_limit=limit, render_error=render_refusal
        )

    @property
    def credentials(self) -> TrackopsCredentials:
        """``username`` and ``api_token``, as the client takes them."""
        return {"username": self.username, "api_token": self.api_token}

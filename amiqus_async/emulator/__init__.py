"""A stateful in-memory emulator of the Amiqus ID API v2, served on loopback by the emulator kit.

::

    async with AmiqusEmulator(rate_limit=200, record_responses=True) as emu:
        client = AmiqusClient(base_url=emu.url, **emu.credentials)
        ...
        await emu.flush_webhooks()
        assert emu.exchanges[-1].status == 200

Truth: the vendor's OpenAPI 3.1 spec (``amiqus-openapi.json``, 99 operations), then the
guides; every decision they leave open is in :mod:`amiqus_async.emulator._inferred` or stated
as "Inferred" in the docstring of the handler module that makes it.

What it serves:

* ``GET /oauth/authorize`` (redirects at once to ``redirect_uri`` with ``code`` and
  ``state``; ``emu.oauth.deny = True`` gives ``error=access_denied``) and ``POST
  /oauth/token`` (``authorization_code`` and ``refresh_token`` grants, form-encoded or JSON;
  refresh tokens are single-use and rotate, the old access token dies with them; errors
  ``{"error": "invalid_grant", ...}`` 400, ``invalid_client`` 401).
* Under ``/api/v2``, all 99 operations of the spec (route table:
  :data:`amiqus_async.emulator._routes.ROUTES`, one row per operationId), behind
  ``Authorization: Bearer`` (the personal ``token`` or a live OAuth access token; else 401
  ``{"error": "Unauthenticated."}``): the user and teams, clients (address, assignees,
  organisations, forms + PDF download, records, files + download, corrections), credits,
  organisations (assignees, clients), records (create from steps or a template, update,
  archive, expire, PDF download, steps, documents, assignees, step reviews), checks, team
  members, library documents, email/document/record templates, files, webhooks and their
  deliveries, forms, form templates, available steps and step validation, attachments
  (multipart upload, delete, redact), SDK tokens, cases (items, reviews, assignees) and the
  case-status aggregate.
* Lists: ``paginated_list`` (``page`` from 1, ``limit`` 25 by default, 1..100, else 422;
  ``links`` null on one page, else absolute ``next``/``previous`` URLs keeping every other
  query parameter). Creates that answer lists (add/replace assignees, organisations, case
  items) answer a ``list`` object (``has_more``, ``url``) of only the added items, or 204 when
  nothing was added. ``expand`` takes comma-separated values, each checked against the
  operation's allowed values (422 ``{"expand": ["The expand parameter must be one of: ..."]}``);
  expansion is one level deep. Array parameters come as the spec's ``explode`` says: one
  comma-separated value (``status=a,b``; the key repeated is 422), or the key once per value
  where ``explode`` is left at its default (``GET /credits?expand=``).
* Errors as the spec's ``components.responses``: 401/404 ``{"error"}``, 403/405
  ``{"message"}``, 422 ``{"<dot.path>": [messages]}``, 413 ``text/html``, 410/423 on file
  downloads by the attachment's ``av_status`` (``infected`` / ``pending`` or ``error``).
  A malformed request (a body that does not parse, wrong types inside it, a bad URL) is a
  422 with the errors map (OAuth: ``invalid_request``, 400), never a 5xx.
* Bodies are checked as the spec's schemas say, nested objects included (an organisation's
  ``address``, a form template's fields), and answers carry only what the spec allows
  (no write-only ``Team.is_archived``). Deleting a client deletes its records, cases, forms,
  files and corrections (:meth:`AmiqusData.delete_client`): nothing points at a missing
  object, and an expansion never fails.
* Every answer carries ``X-Request-Id`` (:data:`~._inferred.REQUEST_ID_HEADER`).
* Rate limit (guide): ``X-RateLimit-Limit``/``X-RateLimit-Remaining`` on every API response;
  past ``rate_limit`` requests per ``rate_window`` seconds, 429 with ``Retry-After`` (whole
  seconds) and ``X-RateLimit-Reset`` (unix time). :meth:`AmiqusEmulator.rate_limited_fault`
  builds the same 429 as a kit fault for ``emu.faults.add(...)``.
* Webhooks (guide): events raised by the API (``client.*``, ``record.*``, ``case.*``,
  ``form.sent``) and by :meth:`AmiqusEmulator.emit` are POSTed to every enabled, subscribed
  webhook, signed (``X-AQID-Signature``), logged for ``GET /webhooks/{id}/deliveries``;
  :meth:`AmiqusEmulator.flush_webhooks` waits for them. One attempt, no retries.
* ``record_responses=True`` keeps every API exchange whole in :attr:`AmiqusEmulator.exchanges`.

The data (wire-shaped dicts you may read or edit) is :class:`AmiqusData` (``emu.data``).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import ClassVar, TypedDict

from amiqus_async.emulator._app import TOO_MANY, create_app
from amiqus_async.emulator._auth import OAuthServer
from amiqus_async.emulator._events import Payloads, WebhookDispatcher, sign, subscribed
from amiqus_async.emulator._exchanges import Exchange
from amiqus_async.emulator._http import DEFAULT_LIMIT, MAX_LIMIT, render_refusal
from amiqus_async.emulator._inferred import ATTACHMENT_MAX_BYTES, UNENFORCED_RATE_LIMIT
from amiqus_async.emulator._routes import API_PREFIX, ROUTES
from amiqus_async.emulator._store import AmiqusData, build_data
from amiqus_async.emulator._wire import Json
from common.testing import (
    CannedResponse,
    EmulatorServer,
    Fault,
    ServerRateLimit,
    SlidingWindow,
    VendorEmulator,
)

__all__ = [
    "API_PREFIX",
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "ROUTES",
    "AmiqusCredentials",
    "AmiqusData",
    "AmiqusEmulator",
    "Exchange",
    "OAuthServer",
    "create_app",
    "sign",
    "subscribed",
]


class AmiqusCredentials(TypedDict):
    """What the client takes to reach the emulator besides ``base_url``
    (``Client(base_url=emulator.url, **emulator.credentials)``)."""

    token: str


class AmiqusEmulator(VendorEmulator):
    """The Amiqus ID API v2 of one team, in memory, on a loopback port.

    Construction seeds the data (deterministic for a given ``seed``: ``clients`` clients,
    ``records`` records, ``organisations`` organisations, ``cases`` cases) and builds the
    :attr:`server` without starting it, so faults can be scheduled before :meth:`start`. Like
    any kit server it runs once. ``rate_limit=None`` never answers 429 (the headers still
    describe a window of 200). ``oauth_redirect_uris=None`` accepts any redirect URI.
    ``deliver_webhooks=False`` sends (and logs) no webhook delivery, e.g. while a fuzzer
    subscribes webhooks to made-up URLs.
    """

    api_prefix: ClassVar[str] = API_PREFIX

    #: The kit server (built, not started, by the constructor).
    server: EmulatorServer
    #: The personal access token accepted as ``Authorization: Bearer``.
    token: str
    #: The OAuth 2.0 server of the one registered API client (``client_id``, ``deny``...).
    oauth: OAuthServer
    #: The window API requests are counted in (its limit is 200 when none is enforced).
    window: SlidingWindow
    #: The rate-limit headers of the latest counted request.
    last_rate_headers: dict[str, str]
    #: The largest attachment ``POST /attachments`` takes, in bytes.
    attachment_max_bytes: int
    #: Keep every API exchange whole in :attr:`exchanges`.
    record_responses: bool
    #: Every API exchange, oldest first (only with ``record_responses=True``).
    exchanges: list[Exchange]
    #: An email change asked by ``PATCH /me``, awaiting the user's confirmation.
    pending_email: str | None
    #: The in-memory store; see :class:`AmiqusData`.
    data: AmiqusData
    #: Delivers webhook events to the subscribed webhooks.
    webhooks: WebhookDispatcher
    #: Builders of each event family's ``data`` (``payloads.client(id)``...).
    payloads: Payloads

    def __init__(
        self,
        *,
        token: str = "emulator-token",
        oauth_client_id: str = "emulator-client",
        oauth_client_secret: str = "emulator-secret",
        oauth_redirect_uris: Sequence[str] | None = None,
        access_token_ttl: int = 3600,
        rate_limit: int | None = None,
        rate_window: float = 60.0,
        seed: int = 1,
        clients: int = 30,
        records: int = 20,
        organisations: int = 6,
        cases: int = 5,
        record_responses: bool = False,
        attachment_max_bytes: int = ATTACHMENT_MAX_BYTES,
        deliver_webhooks: bool = True,
    ) -> None:
        self.token = token
        self.oauth = OAuthServer(
            client_id=oauth_client_id,
            client_secret=oauth_client_secret,
            access_token_ttl=access_token_ttl,
            redirect_uris=oauth_redirect_uris,
        )
        self._enforced = rate_limit is not None
        self.window = SlidingWindow(
            ServerRateLimit(
                rate_limit or UNENFORCED_RATE_LIMIT, per=rate_window, integer_retry_after=True
            )
        )
        self.last_rate_headers = {}
        self.attachment_max_bytes = attachment_max_bytes
        self.record_responses = record_responses
        self.exchanges = []
        self.pending_email = None
        self.data = build_data(
            seed=seed, clients=clients, records=records, organisations=organisations, cases=cases
        )
        self.webhooks = WebhookDispatcher(self.data, enabled=deliver_webhooks)
        self.payloads = Payloads(self.data, lambda: self.url)
        self.server = EmulatorServer(create_app(self), render_error=render_refusal)

    @property
    def credentials(self) -> AmiqusCredentials:
        """``token`` (the personal access token), as the client takes it."""
        return {"token": self.token}

    # -- rate limit -------------------------------------------------------------------------

    @property
    def rate_limit(self) -> ServerRateLimit | None:
        """The API's limit (whole-second ``Retry-After``), or ``None`` when nothing is refused
        (the headers then describe a window of 200). Assigning one starts an empty window."""
        return self.window.rate_limit if self._enforced else None

    @rate_limit.setter
    def rate_limit(self, value: ServerRateLimit | None) -> None:
        self._enforced = value is not None
        per = self.rate_window if value is None else value.per
        self.window = SlidingWindow(
            value or ServerRateLimit(UNENFORCED_RATE_LIMIT, per=per, integer_retry_after=True)
        )

    @property
    def rate_window(self) -> float:
        """Seconds of the rate-limit window."""
        return self.window.rate_limit.per

    def rate_limit_headers(self) -> dict[str, str]:
        """The rate-limit headers of the latest counted request (or of a fresh window)."""
        return self.last_rate_headers or {
            "X-RateLimit-Limit": str(self.window.rate_limit.limit),
            "X-RateLimit-Remaining": str(self.window.rate_limit.limit),
        }

    def rate_limited_fault(self, retry_after: int = 47) -> CannedResponse:
        """The emulator's 429 as a kit fault: ``emu.faults.add(emu.rate_limited_fault(),
        times=1)``."""
        limit = str(self.window.rate_limit.limit)
        return Fault.rate_limited(
            str(retry_after),
            reset=str(int(time.time()) + retry_after),
            json=dict(TOO_MANY),
            headers={"X-RateLimit-Limit": limit, "X-RateLimit-Remaining": "0"},
        )

    # -- webhooks -------------------------------------------------------------------------

    def publish(self, alias: str, data: Json) -> int:
        """Send event *alias* with payload *data* to subscribed webhooks (inside the loop);
        returns how many deliveries were queued."""
        return self.webhooks.publish(alias, data)

    async def emit(self, alias: str, data: Json | None = None) -> int:
        """Raise any event from a test, e.g. ``await emu.emit("watchlist.updated",
        emu.payloads.record(record_id))``; returns how many deliveries were queued."""
        return self.publish(alias, data if data is not None else {})

    async def flush_webhooks(self) -> None:
        """Wait until every queued webhook delivery has been attempted (and logged)."""
        await self.webhooks.flush()

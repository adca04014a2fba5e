"""A stateful in-memory emulator of the Amilia API, served on loopback by the emulator kit.

::

    async with AmiliaEmulator(organization="demo-org") as emu:
        client = AmiliaClient(base_url=emu.url, **emu.credentials)
        ...
        assert emu.authenticate_calls == 1
        assert emu.requests.last.headers["X-Amilia-Origin"] == "me@example.com"

What it serves (paths under ``/api/v3/{en|fr}/org/{organization}`` unless absolute):

* ``GET /api/v3/authenticate`` (``V3`` too; any other method is 405 with ``Allow: GET``, see
  ``AUTHENTICATE_METHOD``): HTTP Basic -> ``{"Token": "<HS256 JWT>"}`` with ``sub``, ``iat``,
  ``exp`` (now + ``token_lifetime``) and ``jti``.
* Organization endpoints: Bearer JWT required (valid signature, not expired, not revoked by
  :meth:`AmiliaEmulator.expire_tokens`), or the ``api_key``/``api_secret`` pair in the
  ``X-Amilia-ApiKey``/``X-Amilia-ApiSecret`` headers (guessed names). The organization
  segment is matched after URL-decoding, against ``organization`` (case-insensitively) or
  ``data.organization_id``. Lists answer ``{"Items", "Paging": {"TotalCount", "Next"}}``
  with ``page`` (1) and ``perPage`` (200); ``/accounts/{id}/contacts`` and ``/webhooks``
  answer bare arrays; ``/activities/{id}/waitlist`` one object (the activity + ``WaitList``).
  Activities carry the v3 ``Schedules[*].Locations[*]``, ``LocationLabel``,
  ``HasWaitListEnabled`` and ``Forms``. ``POST /webhooks`` takes ``{Name, Url, Context, Action,
  Version}`` and answers ``201 {"Id"}`` (rules in :mod:`amilia_async.emulator._webhooks`).
* Malformed input (a bad id, query value, token, Basic header or body, whatever its types or
  depth) is a 4xx in Amilia's error shape, never a 5xx: ids that are not numbers are 404,
  query values that do not parse (integers outside 32 bits included) 400.
* ``GET /PublicApi/{organization}/{language}/Programs|Activities``: the v2 public API (no
  auth), ``{"Items", "Page": {"NextId", "Next"}}`` with ``limit`` (100, 5..100) and
  ``idStart`` (0).
* Errors: ``{"Message", "TransactionId"}`` (422 adds ``Errors``: field -> messages), the kit's
  own error answers (its 429, ``Fault.status``) included.
* 429 past ``rate_limit`` calls per second (the kit's sliding window, with ``Retry-After``).

The route table and one constant per path live in :mod:`amilia_async.emulator._routes` (its
handlers by area in ``_catalog``, ``_people`` and ``_webhooks``; the v2 API in ``_v2``; auth in
``_auth``; the request context's rules, error body and paging in ``_http``; the dispatch in
``_app``);
the data (wire-shaped dicts you may count or edit) in :mod:`amilia_async.emulator._store`.
"""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from amilia_async.emulator._app import create_app
from amilia_async.emulator._auth import API_KEY_HEADER, API_SECRET_HEADER, AUTHENTICATE_METHOD
from amilia_async.emulator._http import error_body, render_refusal
from amilia_async.emulator._routes import ROUTES
from amilia_async.emulator._store import AmiliaData, Localized, build_data, local_tz
from amilia_async.emulator._tokens import TokenIssuer, TokenStatus
from amilia_async.emulator._webhooks import WEBHOOK_CONTEXTS, WEBHOOK_VERSIONS
from common.testing import EmulatorServer, ServerRateLimit, VendorEmulator

__all__ = [
    "API_KEY_HEADER",
    "API_SECRET_HEADER",
    "AUTHENTICATE_METHOD",
    "ORGANIZATION_ID",
    "ROUTES",
    "WEBHOOK_CONTEXTS",
    "WEBHOOK_VERSIONS",
    "AmiliaCredentials",
    "AmiliaData",
    "AmiliaEmulator",
    "Localized",
    "TokenIssuer",
    "TokenStatus",
    "create_app",
    "error_body",
]

#: The organization number the emulated org also answers to (Amilia's docs use 8008).
ORGANIZATION_ID = 8008


class AmiliaCredentials(TypedDict):
    """What the client takes to reach the emulator besides ``base_url``
    (``Client(base_url=emulator.url, **emulator.credentials)``)."""

    organization: str
    username: str
    password: str


class AmiliaEmulator(VendorEmulator):
    """The Amilia API for one organization, in memory, on a loopback port.

    Construction seeds the data (deterministic for a given ``seed`` and ``today``) and builds
    the :attr:`server` without starting it, so faults can be scheduled before :meth:`start`.
    Like any kit server it runs once: after :meth:`stop`, build a new emulator.
    ``rate_limit=None`` disables the 429s. ``today`` (default: the date in Montréal) anchors
    the seeded programs, events and access scans. ``api_key``/``api_secret`` is the
    back-office key pair, accepted instead of a Bearer token in the headers named by
    ``API_KEY_HEADER`` and ``API_SECRET_HEADER`` (a guess: Amilia does not name them). The
    client's ``base_url`` is the server's root (:attr:`url`; Amilia's paths are absolute).
    """

    #: The kit server (built, not started, by the constructor).
    server: EmulatorServer
    #: The organization's slug in every path (``data.organization_id`` is accepted too).
    organization: str
    #: The login of HTTP Basic at the authenticate endpoint (any case).
    username: str
    password: str
    #: The back-office key/secret pair, accepted in the API_KEY_HEADER/API_SECRET_HEADER.
    api_key: str
    api_secret: str
    #: Calls that reached the authenticate endpoint, successful or not.
    authenticate_calls: int
    #: Issues and checks the emulator's JWTs.
    tokens: TokenIssuer
    #: The in-memory store; see :class:`AmiliaData`.
    data: AmiliaData

    def __init__(
        self,
        *,
        organization: str = "demo-org",
        username: str = "api@example.com",
        password: str = "emulator-password",
        token_lifetime: float = 365 * 86400,
        rate_limit: int | None = 100,
        seed: int = 1,
        today: dt.date | None = None,
        api_key: str = "emulator-api-key",
        api_secret: str = "emulator-api-secret",
    ) -> None:
        self.organization = organization
        self.username = username
        self.password = password
        self.api_key = api_key
        self.api_secret = api_secret
        self.authenticate_calls = 0
        self.tokens = TokenIssuer(lifetime=token_lifetime)
        day = today if today is not None else dt.datetime.now(local_tz()).date()
        self.data = build_data(seed=seed, today=day, organization_id=ORGANIZATION_ID)
        limit = None if rate_limit is None else ServerRateLimit(rate_limit, per=1.0)
        self.server = EmulatorServer(
            create_app(self), rate_limit=limit, render_error=render_refusal
        )

    @property
    def credentials(self) -> AmiliaCredentials:
        """``organization``, ``username`` and ``password``, as the client takes them."""
        return {
            "organization": self.organization,
            "username": self.username,
            "password": self.password,
        }

    @property
    def token_lifetime(self) -> float:
        """Seconds a token issued by :meth:`issue_token` or authenticate stays valid."""
        return self.tokens.lifetime

    def issue_token(self, *, lifetime: float | None = None) -> str:
        """A valid JWT for :attr:`username` (``lifetime`` seconds; negative: already expired)."""
        return self.tokens.issue(self.username, lifetime=lifetime)

    def expire_tokens(self) -> None:
        """Every token issued so far is expired from now on (401 on use); new ones are fine."""
        self.tokens.expire_all()

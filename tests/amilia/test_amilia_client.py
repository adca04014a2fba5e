"""AmiliaClient against the Amilia emulator over loopback: auth, paging, headers, errors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import date, datetime

import pytest

from amilia_async import AmiliaClient
from amilia_async.client import API_KEY_HEADER, API_SECRET_HEADER
from amilia_async.emulator import AmiliaEmulator
from amilia_async.models import Account, Activity, Program
from common import (
    AuthenticationError,
    InvalidRequestError,
    LocalRateLimiter,
    NotFoundError,
    RateLimit,
    RetryPolicy,
)

ORG = "demo-org"
ORIGIN = "integrations@example.org"


@pytest.fixture
async def emulator() -> AsyncIterator[AmiliaEmulator]:
    async with AmiliaEmulator(organization=ORG, rate_limit=None) as emulator:
        yield emulator


def client_for(emulator: AmiliaEmulator, **kwargs: object) -> AmiliaClient:
    options: dict[str, object] = {
        "organization": ORG,
        "username": emulator.username,
        "password": emulator.password,
        "origin": ORIGIN,
        "base_url": emulator.url,
        **kwargs,
    }
    return AmiliaClient(**options)  # type: ignore[arg-type]


async def test_fifty_concurrent_first_calls_authenticate_once(emulator: AmiliaEmulator) -> None:
    """Fifty concurrent first calls share one Basic → JWT exchange."""
    async with client_for(emulator) as amilia:
        programs = await asyncio.gather(*(amilia.programs.get(1) for _ in range(50)))
    assert {p.id for p in programs} == {1}
    assert emulator.authenticate_calls == 1


async def test_an_expired_token_causes_exactly_one_relogin(emulator: AmiliaEmulator) -> None:
    """After the token expires, the next calls log in again once, then succeed."""
    async with client_for(emulator) as amilia:
        await amilia.programs.get(1)
        first = amilia.token
        emulator.expire_tokens()
        await asyncio.gather(*(amilia.programs.get(1) for _ in range(10)))
        second = amilia.token
    assert emulator.authenticate_calls == 2
    assert first is not None
    assert second is not None
    assert first.reveal() != second.reveal()


async def test_the_obtained_token_can_be_stored_and_reused(emulator: AmiliaEmulator) -> None:
    """client.token is the JWT; a new client given token= makes no authenticate call."""
    async with client_for(emulator) as amilia:
        await amilia.programs.get(1)
        assert amilia.token is not None
        stored = amilia.token.reveal()
    assert stored.count(".") == 2
    async with AmiliaClient(organization=ORG, token=stored, base_url=emulator.url) as again:
        await again.programs.get(1)
    assert emulator.authenticate_calls == 1


async def test_a_given_token_that_expired_cannot_be_renewed(emulator: AmiliaEmulator) -> None:
    """With only a token, a 401 surfaces as AuthenticationError carrying Amilia's message."""
    token = emulator.issue_token(lifetime=-10)
    async with AmiliaClient(organization=ORG, token=token, base_url=emulator.url) as amilia:
        with pytest.raises(AuthenticationError) as caught:
            await amilia.programs.get(1)
    assert caught.value.request_id


async def test_v3_listing_follows_paging_next_across_pages(emulator: AmiliaEmulator) -> None:
    """Accounts at the default 200 a page: every account, in several requests."""
    async with client_for(emulator) as amilia:
        accounts = await amilia.accounts.list().collect()
    assert all(isinstance(a, Account) for a in accounts)
    unarchived = [a for a in emulator.data.accounts.values() if not a["Owners"][0]["IsArchived"]]
    assert [a.id for a in accounts] == [a["Id"] for a in unarchived]
    assert len(accounts) > 400
    pages = emulator.server.requests.filter(method="GET", path=f"/api/v3/en/org/{ORG}/accounts")
    assert len(pages) == -(-len(accounts) // 200)
    assert [r.query.get("page") for r in pages] == [str(n) for n in range(1, len(pages) + 1)]


async def test_v3_listing_with_prefetch_keeps_order(emulator: AmiliaEmulator) -> None:
    """prefetch fetches pages ahead (page=N) and still yields activities in order."""
    async with client_for(emulator) as amilia:
        sequential = await amilia.activities.list().with_options(page_size=50).collect()
        ahead = await amilia.activities.list().with_options(page_size=50, prefetch=4).collect()
    assert [a.id for a in ahead] == [a.id for a in sequential]
    assert len(ahead) > 400


async def test_v2_listing_pages_by_next_id(emulator: AmiliaEmulator) -> None:
    """The v2 public listing walks Page.NextId through idStart, limit as the page size."""
    async with client_for(emulator) as amilia:
        activities = (
            await amilia.paginate_v2("/Activities", model=Activity)
            .with_options(page_size=100)
            .collect()
        )
    ids = [a.id for a in activities]
    assert ids == sorted(ids)
    assert len(ids) >= 250
    v2 = [r for r in emulator.server.requests if r.path.startswith("/PublicApi/")]
    assert len(v2) >= 3
    assert all(r.query["limit"] == "100" for r in v2)
    assert "idStart" not in v2[0].query
    assert all("idStart" in r.query for r in v2[1:])


async def test_origin_header_is_on_every_request(emulator: AmiliaEmulator) -> None:
    """X-Amilia-Origin goes with the login and with every API call."""
    async with client_for(emulator) as amilia:
        await amilia.programs.list().collect()
        await amilia.webhooks.list().collect()
    assert len(emulator.server.requests) >= 3
    assert {r.headers.get("X-Amilia-Origin") for r in emulator.server.requests} == {ORIGIN}


async def test_errors_carry_message_and_transaction_id(emulator: AmiliaEmulator) -> None:
    """A 404 becomes NotFoundError with Amilia's Message and TransactionId (as request_id)."""
    async with client_for(emulator) as amilia:
        with pytest.raises(NotFoundError) as caught:
            await amilia.programs.get(987654)
    error = caught.value
    assert error.message
    assert error.request_id
    assert error.request_id == error.body["TransactionId"]
    assert f"request id {error.request_id}" in str(error)


async def test_no_password_or_token_in_any_log(
    emulator: AmiliaEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    """A run with a login, a re-login, errors and DEBUG logging leaks no credential."""
    caplog.set_level(logging.DEBUG)
    async with client_for(emulator) as amilia:
        await amilia.programs.list().collect()
        emulator.expire_tokens()
        with pytest.raises(NotFoundError):
            await amilia.programs.get(987654)
        assert amilia.token is not None
        token = amilia.token.reveal()
    text = caplog.text + repr(amilia) + repr(amilia.auth)
    assert emulator.password not in text
    assert token not in text
    assert "amilia_async" in {r.name for r in caplog.records}


async def test_api_key_and_secret_travel_as_their_headers(emulator: AmiliaEmulator) -> None:
    """api_key/api_secret are sent as the key/secret headers, never as a login."""
    async with AmiliaClient(
        organization=ORG,
        api_key=emulator.api_key,
        api_secret=emulator.api_secret,
        base_url=emulator.url,
    ) as amilia:
        await amilia.webhooks.list().collect()
    (request,) = emulator.server.requests
    assert request.headers[API_KEY_HEADER] == emulator.api_key
    assert request.headers[API_SECRET_HEADER] == emulator.api_secret
    assert "Authorization" not in request.headers
    assert emulator.authenticate_calls == 0


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"username": "u"},
        {"api_key": "k"},
        {"username": "u", "password": "p", "api_key": "k", "api_secret": "s"},
        {"token": "t", "api_key": "k", "api_secret": "s"},
        {"token": "t", "language": "de"},
        {"token": "t", "organization": "  "},
    ],
)
def test_bad_arguments_fail_before_any_request(kwargs: dict[str, str]) -> None:
    """Missing, partial or mixed credentials, a bad language or an empty org are refused."""
    options: dict[str, object] = {"organization": ORG, **kwargs}
    with pytest.raises(InvalidRequestError):
        AmiliaClient(**options)  # type: ignore[arg-type]


def test_base_url_encodes_the_organization() -> None:
    """An organization id is one encoded path segment of the base URL."""
    amilia = AmiliaClient(organization="forest explorers/x", token="t", language="fr")
    assert amilia.base_url == "https://app.amilia.com/api/v3/fr/org/forest%20explorers%2Fx"


def test_the_documented_rate_limit_is_the_default_and_overridable() -> None:
    """100 calls per second by default; rate_limit= replaces it."""
    default = AmiliaClient(organization=ORG, token="t").limits.rate_limiter
    assert isinstance(default, LocalRateLimiter)
    assert default.limit == AmiliaClient.default_rate_limit
    assert isinstance(default.limit, RateLimit)
    assert (default.limit.rate, default.limit.per) == (100, 1.0)
    assert AmiliaClient(organization=ORG, token="t", rate_limit=None).limits.rate_limiter is None


async def test_429s_from_the_server_are_waited_out(emulator: AmiliaEmulator) -> None:
    """Past the server's limit, 429s are retried after Retry-After; every call succeeds."""
    async with (
        AmiliaEmulator(organization=ORG, rate_limit=5) as limited,
        client_for(limited, rate_limit=None, retry=RetryPolicy(max_retries=6)) as amilia,
    ):
        programs = await asyncio.gather(*(amilia.programs.get(1) for _ in range(12)))
    assert len(programs) == 12
    assert any(r.status == 429 for r in limited.server.requests)


async def test_webhook_arguments_are_checked_before_sending(emulator: AmiliaEmulator) -> None:
    """An empty name or a relative URL raises InvalidRequestError; nothing is sent."""
    async with client_for(emulator) as amilia:
        with pytest.raises(InvalidRequestError):
            await amilia.webhooks.create(name=" ", url="https://x", context="c", action="a")
        with pytest.raises(InvalidRequestError):
            await amilia.webhooks.create(name="n", url="/hook", context="c", action="a")
    assert len(emulator.server.requests) == 0


async def test_programs_are_typed_models(emulator: AmiliaEmulator) -> None:
    """Listing programs yields Program models with snake_case attributes."""
    async with client_for(emulator) as amilia:
        program = await amilia.programs.list().first()
    assert isinstance(program, Program)
    assert program.id == 1
    assert program.name


async def test_with_options_copies_keep_the_organization_and_rebind_resources(
    emulator: AmiliaEmulator,
) -> None:
    """A with_options copy still knows its organization; its resources use the copy."""
    async with client_for(emulator) as amilia:
        original = amilia.programs
        copy = amilia.with_options(timeout=5, headers={"X-Trace": "copy"})
        assert copy.organization == ORG
        assert copy.programs is not original
        await copy.programs.get(1)
        legacy = await copy.paginate_v2("/Programs", model=Activity).collect()
    assert legacy
    (get,) = emulator.server.requests.filter(path=f"/api/v3/en/org/{ORG}/programs/1")
    assert get.headers["X-Trace"] == "copy"


# -- declared filters: names, days and checks in one place ------------------------------------


async def test_options_go_out_under_amilias_own_spellings(emulator: AmiliaEmulator) -> None:
    """``from_date`` is ``from``, ``show_active_only`` is ``showActiveonly``, the rest camelCase;
    a datetime is sent as its own day; options left out are not sent."""
    async with client_for(emulator) as amilia:
        await amilia.events.list(
            from_date=datetime(2024, 3, 1, 23, 59), to_date=date(2024, 3, 31), show_hidden=True
        ).collect()
        await amilia.memberships.list(show_active_only=False).collect()
        await amilia.activities.list_occurrences(1, from_date=date(2024, 1, 1)).collect()
        await amilia.programs.list().collect()
    queries = [
        {key: value for key, value in r.query.items() if key != "page"}
        for r in emulator.server.requests
        if r.path.endswith(("/events", "/memberships", "/occurrences", "/programs"))
    ]
    assert queries[0] == {"from": "2024-03-01", "to": "2024-03-31", "showHidden": "true"}
    assert queries[1] == {"showActiveonly": "false"}
    assert queries[2] == {"from": "2024-01-01"}
    assert queries[3] == {}


async def test_bad_options_fail_before_sending_in_the_shared_wording(
    emulator: AmiliaEmulator,
) -> None:
    """A string for a day, a page of 0, an unknown filter, a path id of 0: refused at once."""
    bad_day: dict[str, object] = {"from_date": "2024-01-01"}
    unknown: dict[str, object] = {"show_archived": True}
    async with client_for(emulator) as amilia:
        with pytest.raises(
            InvalidRequestError, match=r"^from_date must be a date, not '2024-01-01'$"
        ):
            amilia.registrations.list(**bad_day)  # type: ignore[arg-type]
        with pytest.raises(
            InvalidRequestError, match=r"^show_archived: not a filter of this listing"
        ):
            amilia.events.list(**unknown)  # type: ignore[arg-type]
        with pytest.raises(InvalidRequestError, match=r"^page must be a positive integer, not 0$"):
            await amilia.activities.get_waitlist(1, page=0)
        with pytest.raises(InvalidRequestError, match=r"^id must be a positive integer id, not 0$"):
            await amilia.programs.get(0)
        with pytest.raises(InvalidRequestError, match=r"^url must be an absolute http"):
            await amilia.webhooks.create(name="n", url="/hook", context="c", action="a")
    assert len(emulator.server.requests) == 0

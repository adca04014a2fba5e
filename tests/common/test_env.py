"""Credentials from the environment (common.env) and how each vendor client uses them.

For each vendor: the documented variables are used when the arguments are left out, an
argument wins over its variable, nothing at all is an InvalidRequestError naming both the
argument and the variable, and a value read from the environment never shows in a repr, an
error or a log line.
"""

from __future__ import annotations

import base64
import logging
from typing import Any

import pytest
from aioresponses import aioresponses
from yarl import URL

from amilia_async import AmiliaClient
from amilia_async import client as amilia_module
from amiqus_async import AmiqusClient
from amiqus_async import client as amiqus_module
from caseupdates_async import TrackopsClient
from caseupdates_async import client as trackops_module
from common import BaseClient, BearerToken, InvalidRequestError, Secret, env
from intakeq_async import IntakeQClient
from intakeq_async import client as intakeq_module

#: Every variable any client reads: cleared before each test, so the machine's own
#: environment cannot decide an outcome.
VARIABLES = sorted(
    {
        *amiqus_module.ENVIRONMENT.values(),
        *intakeq_module.ENVIRONMENT.values(),
        *amilia_module.ENVIRONMENT.values(),
        *trackops_module.ENVIRONMENT.values(),
    }
)

FROM_ENV = "env-secret-7f3a9c"
GIVEN = "arg-secret-41be07"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in VARIABLES:
        monkeypatch.delenv(variable, raising=False)


def sent_headers(mock: aioresponses, method: str, url: str) -> dict[str, str]:
    calls = mock.requests[(method, URL(url))]
    assert len(calls) == 1
    return dict(calls[0].kwargs["headers"])


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def assert_hidden(client: BaseClient, *secrets: str) -> None:
    shown = f"{client!r} {client.auth!r} {client.auth}"
    for secret in secrets:
        assert secret not in shown


# -- common.env ----------------------------------------------------------------------------


def test_read_strips_the_value_and_treats_blank_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKEQ_API_KEY", "  key-123\n")
    assert env.read("INTAKEQ_API_KEY") == "key-123"
    monkeypatch.setenv("INTAKEQ_API_KEY", " \t\n")
    assert env.read("INTAKEQ_API_KEY") is None
    monkeypatch.setenv("INTAKEQ_API_KEY", "")
    assert env.read("INTAKEQ_API_KEY") is None
    monkeypatch.delenv("INTAKEQ_API_KEY")
    assert env.read("INTAKEQ_API_KEY") is None


def test_read_secret_wraps_the_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AMIQUS_TOKEN", FROM_ENV)
    found = env.read_secret("AMIQUS_TOKEN")
    assert isinstance(found, Secret)
    assert found.reveal() == FROM_ENV
    assert FROM_ENV not in f"{found!r} {found} {found:>20}"


def test_a_given_value_wins_and_a_missing_one_names_argument_and_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    options: dict[str, Any] = {
        "owner": "DemoClient",
        "what": "a key",
        "argument": "key",
        "variable": "INTAKEQ_API_KEY",
    }
    with pytest.raises(InvalidRequestError) as caught:
        env.value(None, **options)
    assert str(caught.value) == (
        "DemoClient needs a key: give key=, or set INTAKEQ_API_KEY in the environment"
    )
    with pytest.raises(InvalidRequestError, match=r"key=.*INTAKEQ_API_KEY"):
        env.secret(None, **options)
    monkeypatch.setenv("INTAKEQ_API_KEY", FROM_ENV)
    assert env.value(None, **options) == FROM_ENV
    assert env.secret(None, **options).reveal() == FROM_ENV
    assert env.value("given", **options) == "given"
    assert env.value("", **options) == ""  # given, even empty: the caller refuses it
    assert env.secret(Secret(GIVEN), **options).reveal() == GIVEN


# -- IntakeQ ---------------------------------------------------------------------------------


async def test_intakeq_reads_its_api_key_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, mocked: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("INTAKEQ_API_KEY", f" {FROM_ENV}\n")
    caplog.set_level(logging.DEBUG)
    async with IntakeQClient(rate_limit=None) as intakeq:
        assert_hidden(intakeq, FROM_ENV)
        mocked.get(f"{intakeq.base_url}/practitioners", payload=[])
        assert await intakeq.request("GET", "/practitioners") == []
        headers = sent_headers(mocked, "GET", f"{intakeq.base_url}/practitioners")
    assert headers["X-Auth-Key"] == FROM_ENV
    assert FROM_ENV not in caplog.text


async def test_intakeq_api_key_argument_wins(
    monkeypatch: pytest.MonkeyPatch, mocked: aioresponses
) -> None:
    monkeypatch.setenv("INTAKEQ_API_KEY", FROM_ENV)
    async with IntakeQClient(api_key=GIVEN, rate_limit=None) as intakeq:
        mocked.get(f"{intakeq.base_url}/practitioners", payload=[])
        await intakeq.request("GET", "/practitioners")
        headers = sent_headers(mocked, "GET", f"{intakeq.base_url}/practitioners")
    assert headers["X-Auth-Key"] == GIVEN
    with pytest.raises(InvalidRequestError, match="api_key must not be empty"):
        IntakeQClient(api_key="")  # given empty: refused, not replaced by the environment


@pytest.mark.parametrize("value", [None, "", "   "])
def test_intakeq_without_a_key_names_the_argument_and_the_variable(
    monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is not None:
        monkeypatch.setenv("INTAKEQ_API_KEY", value)
    with pytest.raises(InvalidRequestError) as caught:
        IntakeQClient()
    assert "api_key=" in str(caught.value)
    assert "INTAKEQ_API_KEY" in str(caught.value)


# -- Amiqus ----------------------------------------------------------------------------------


async def test_amiqus_reads_its_token_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, mocked: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("AMIQUS_TOKEN", FROM_ENV)
    caplog.set_level(logging.DEBUG)
    async with AmiqusClient() as amiqus:
        assert_hidden(amiqus, FROM_ENV)
        mocked.get(f"{amiqus.base_url}/me", payload={})
        await amiqus.request("GET", "/me")
        headers = sent_headers(mocked, "GET", f"{amiqus.base_url}/me")
    assert headers["Authorization"] == f"Bearer {FROM_ENV}"
    assert FROM_ENV not in caplog.text


async def test_amiqus_token_argument_wins(
    monkeypatch: pytest.MonkeyPatch, mocked: aioresponses
) -> None:
    monkeypatch.setenv("AMIQUS_TOKEN", FROM_ENV)
    async with AmiqusClient(token=GIVEN) as amiqus:
        mocked.get(f"{amiqus.base_url}/me", payload={})
        await amiqus.request("GET", "/me")
        headers = sent_headers(mocked, "GET", f"{amiqus.base_url}/me")
    assert headers["Authorization"] == f"Bearer {GIVEN}"
    with pytest.raises(InvalidRequestError, match="token must not be empty"):
        AmiqusClient(token="")


async def test_amiqus_oauth_argument_means_the_token_variable_is_not_read(
    monkeypatch: pytest.MonkeyPatch, mocked: aioresponses
) -> None:
    """oauth= is a credential too: with it, AMIQUS_TOKEN is neither used nor a conflict."""
    monkeypatch.setenv("AMIQUS_TOKEN", FROM_ENV)
    oauth = BearerToken(GIVEN)
    async with AmiqusClient(oauth=oauth) as amiqus:
        mocked.get(f"{amiqus.base_url}/me", payload={})
        await amiqus.request("GET", "/me")
        headers = sent_headers(mocked, "GET", f"{amiqus.base_url}/me")
    assert headers["Authorization"] == f"Bearer {GIVEN}"


def test_amiqus_without_a_token_names_the_arguments_and_the_variable() -> None:
    with pytest.raises(InvalidRequestError) as caught:
        AmiqusClient()
    message = str(caught.value)
    assert "token=" in message
    assert "oauth=" in message
    assert "AMIQUS_TOKEN" in message


# -- Amilia ----------------------------------------------------------------------------------

ORG_URL = "https://app.amilia.com/api/v3/en/org/{}"
LOGIN = "https://app.amilia.com/api/v3/authenticate"


async def test_amilia_logs_in_with_username_and_password_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, mocked: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("AMILIA_ORGANIZATION", "forest-explorers")
    monkeypatch.setenv("AMILIA_USERNAME", "ops@example.org")
    monkeypatch.setenv("AMILIA_PASSWORD", FROM_ENV)
    caplog.set_level(logging.DEBUG)
    async with AmiliaClient() as amilia:
        assert amilia.base_url == ORG_URL.format("forest-explorers")
        assert_hidden(amilia, FROM_ENV)
        mocked.get(LOGIN, payload={"Token": "jwt-from-login-5d1e"})
        mocked.get(f"{amilia.base_url}/programs", payload={"Items": []})
        await amilia.request("GET", "/programs")
        login = sent_headers(mocked, "GET", LOGIN)
        call = sent_headers(mocked, "GET", f"{amilia.base_url}/programs")
    assert login["Authorization"] == basic("ops@example.org", FROM_ENV)
    assert call["Authorization"] == "Bearer jwt-from-login-5d1e"
    assert FROM_ENV not in caplog.text


async def test_amilia_reads_a_token_or_a_key_pair_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, mocked: aioresponses
) -> None:
    monkeypatch.setenv("AMILIA_ORGANIZATION", "forest-explorers")
    monkeypatch.setenv("AMILIA_TOKEN", FROM_ENV)
    async with AmiliaClient() as amilia:
        assert_hidden(amilia, FROM_ENV)
        mocked.get(f"{amilia.base_url}/programs", payload={"Items": []})
        await amilia.request("GET", "/programs")
        headers = sent_headers(mocked, "GET", f"{amilia.base_url}/programs")
    assert headers["Authorization"] == f"Bearer {FROM_ENV}"

    monkeypatch.delenv("AMILIA_TOKEN")
    monkeypatch.setenv("AMILIA_API_KEY", "key-from-env-93c1")
    monkeypatch.setenv("AMILIA_API_SECRET", FROM_ENV)
    mocked.requests.clear()
    async with AmiliaClient() as amilia:
        assert_hidden(amilia, FROM_ENV, "key-from-env-93c1")
        mocked.get(f"{amilia.base_url}/programs", payload={"Items": []})
        await amilia.request("GET", "/programs")
        headers = sent_headers(mocked, "GET", f"{amilia.base_url}/programs")
    assert headers[amilia_module.API_KEY_HEADER] == "key-from-env-93c1"
    assert headers[amilia_module.API_SECRET_HEADER] == FROM_ENV
    assert "Authorization" not in headers


async def test_amilia_arguments_win_and_credentials_are_never_mixed(
    monkeypatch: pytest.MonkeyPatch, mocked: aioresponses
) -> None:
    """Any credential argument means none is read from the environment: a token given with
    a key pair in the environment is a token client, not a conflict."""
    monkeypatch.setenv("AMILIA_ORGANIZATION", "from-env")
    monkeypatch.setenv("AMILIA_API_KEY", "key-from-env-93c1")
    monkeypatch.setenv("AMILIA_API_SECRET", FROM_ENV)
    async with AmiliaClient(organization="given-org", token=GIVEN) as amilia:
        assert amilia.base_url == ORG_URL.format("given-org")
        mocked.get(f"{amilia.base_url}/programs", payload={"Items": []})
        await amilia.request("GET", "/programs")
        headers = sent_headers(mocked, "GET", f"{amilia.base_url}/programs")
    assert headers["Authorization"] == f"Bearer {GIVEN}"
    assert amilia_module.API_KEY_HEADER not in headers
    # A username alone is refused: the password is not taken from the environment.
    monkeypatch.setenv("AMILIA_PASSWORD", FROM_ENV)
    with pytest.raises(InvalidRequestError, match="username= and password="):
        AmiliaClient(username="ops@example.org")
    with pytest.raises(InvalidRequestError, match="token= must not be empty"):
        AmiliaClient(token="")


def test_amilia_without_credentials_names_the_arguments_and_the_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        AmiliaClient(token=GIVEN)
    assert "organization=" in str(caught.value)
    assert "AMILIA_ORGANIZATION" in str(caught.value)

    monkeypatch.setenv("AMILIA_ORGANIZATION", "forest-explorers")
    with pytest.raises(InvalidRequestError) as caught:
        AmiliaClient()
    message = str(caught.value)
    for name in ("username=", "password=", "token=", "api_key=", "api_secret="):
        assert name in message
    for variable in VARIABLES:
        if variable.startswith("AMILIA_") and variable != "AMILIA_ORGANIZATION":
            assert variable in message


def test_amilia_half_a_pair_in_the_environment_names_the_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AMILIA_ORGANIZATION", "forest-explorers")
    monkeypatch.setenv("AMILIA_API_KEY", "key-from-env-93c1")
    with pytest.raises(InvalidRequestError) as caught:
        AmiliaClient()
    assert "AMILIA_API_KEY" in str(caught.value)
    assert "AMILIA_API_SECRET" in str(caught.value)
    assert "key-from-env-93c1" not in str(caught.value)
    monkeypatch.setenv("AMILIA_USERNAME", "ops@example.org")
    monkeypatch.setenv("AMILIA_API_SECRET", FROM_ENV)
    with pytest.raises(InvalidRequestError, match="AMILIA_USERNAME") as caught:
        AmiliaClient()  # two kinds of credentials in the environment
    assert FROM_ENV not in str(caught.value)


# -- Trackops --------------------------------------------------------------------------------


async def test_trackops_reads_subdomain_username_and_token_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, mocked: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("TRACKOPS_SUBDOMAIN", "acme")
    monkeypatch.setenv("TRACKOPS_USERNAME", "jo")
    monkeypatch.setenv("TRACKOPS_API_TOKEN", FROM_ENV)
    caplog.set_level(logging.DEBUG)
    async with TrackopsClient(rate_limit=None) as ops:
        assert ops.base_url == "https://acme.viewcases.com/api/v1"
        assert_hidden(ops, FROM_ENV)
        mocked.get(f"{ops.base_url}/cases", payload=[])
        await ops.request("GET", "/cases")
        headers = sent_headers(mocked, "GET", f"{ops.base_url}/cases")
    assert headers["Authorization"] == basic("jo/token", FROM_ENV)
    assert FROM_ENV not in caplog.text


async def test_trackops_arguments_win(
    monkeypatch: pytest.MonkeyPatch, mocked: aioresponses
) -> None:
    monkeypatch.setenv("TRACKOPS_SUBDOMAIN", "acme")
    monkeypatch.setenv("TRACKOPS_USERNAME", "jo")
    monkeypatch.setenv("TRACKOPS_API_TOKEN", FROM_ENV)
    async with TrackopsClient(
        subdomain="other", username="ann", api_token=GIVEN, rate_limit=None
    ) as ops:
        assert ops.base_url == "https://other.viewcases.com/api/v1"
        mocked.get(f"{ops.base_url}/cases", payload=[])
        await ops.request("GET", "/cases")
        headers = sent_headers(mocked, "GET", f"{ops.base_url}/cases")
    assert headers["Authorization"] == basic("ann/token", GIVEN)
    # base_url= replaces the subdomain: TRACKOPS_SUBDOMAIN is not needed, nor read.
    monkeypatch.delenv("TRACKOPS_SUBDOMAIN")
    ops = TrackopsClient(base_url="https://trackops.example.test/api/v1")
    assert ops.base_url == "https://trackops.example.test/api/v1"
    with pytest.raises(InvalidRequestError, match="api_token must not be empty"):
        TrackopsClient(subdomain="acme", api_token="")


@pytest.mark.parametrize(
    ("missing", "argument"),
    [
        ("TRACKOPS_SUBDOMAIN", "subdomain="),
        ("TRACKOPS_USERNAME", "username="),
        ("TRACKOPS_API_TOKEN", "api_token="),
    ],
)
def test_trackops_a_missing_setting_names_the_argument_and_the_variable(
    monkeypatch: pytest.MonkeyPatch, missing: str, argument: str
) -> None:
    for variable, value in trackops_module.ENVIRONMENT.items():
        monkeypatch.setenv(value, {"subdomain": "acme", "username": "jo"}.get(variable, FROM_ENV))
    monkeypatch.delenv(missing)
    with pytest.raises(InvalidRequestError) as caught:
        TrackopsClient()
    assert argument in str(caught.value)
    assert missing in str(caught.value)
    assert FROM_ENV not in str(caught.value)

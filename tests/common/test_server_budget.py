"""The server's own rate-limit figures (X-RateLimit-*): read from answers, exposed, obeyed."""

from __future__ import annotations

import time

from aioresponses import aioresponses

from common import CoolDown, RateLimitStatus, ServerBudget

from .support import BASE, DemoClient


def status_of(budget: ServerBudget) -> RateLimitStatus | None:
    return budget.status


def test_figures_are_read_and_exposed() -> None:
    budget = ServerBudget(CoolDown())
    assert status_of(budget) is None
    budget.observe({"X-RateLimit-Limit": "200", "X-RateLimit-Remaining": "187"})
    assert budget.status is not None
    assert (budget.status.limit, budget.status.remaining) == (200, 187)
    assert budget.status.reset_after is None
    assert abs(budget.status.observed_at - time.time()) < 5


def test_answers_without_figures_or_with_garbage_change_nothing() -> None:
    cooldown = CoolDown()
    budget = ServerBudget(cooldown)
    budget.observe({"Content-Type": "application/json"})
    assert status_of(budget) is None
    budget.observe({"X-RateLimit-Remaining": "lots", "X-RateLimit-Limit": "-3"})
    assert budget.status is not None
    assert budget.status.remaining is None
    assert budget.status.limit == 0
    assert cooldown.remaining() == 0


def test_a_spent_budget_with_a_reset_time_holds_every_request_until_then() -> None:
    cooldown = CoolDown()
    budget = ServerBudget(cooldown)
    reset = int(time.time()) + 30
    budget.observe({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)})
    assert 25 < cooldown.remaining() <= 31
    assert budget.status is not None
    assert budget.status.reset_after is not None


def test_a_spent_budget_without_a_reset_time_leaves_it_to_the_servers_429() -> None:
    cooldown = CoolDown()
    ServerBudget(cooldown).observe({"X-RateLimit-Limit": "200", "X-RateLimit-Remaining": "0"})
    assert cooldown.remaining() == 0


async def test_a_client_exposes_what_the_last_answer_said(mocked: aioresponses) -> None:
    mocked.get(
        f"{BASE}/things",
        payload={},
        headers={"X-RateLimit-Limit": "200", "X-RateLimit-Remaining": "199"},
    )
    mocked.get(
        f"{BASE}/things/2",
        payload={},
        headers={
            "X-RateLimit-Limit": "200",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": "0.2",
        },
    )
    async with DemoClient(base_url=BASE) as client:
        assert client.limits.server.status is None
        await client.request("GET", "/things")
        assert client.rate_limit_status is not None
        assert client.rate_limit_status.remaining == 199
        await client.request("GET", "/things/2")
        assert client.rate_limit_status.remaining == 0
        assert 0 < client.limits.cooldown.remaining() <= 0.2
        copy = client.with_options(timeout=5)
        assert copy.rate_limit_status is client.rate_limit_status

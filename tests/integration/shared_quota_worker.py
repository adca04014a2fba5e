"""One worker process of the shared-quota test: a client paced by a Redis limiter.

``python -m tests.integration.shared_quota_worker BASE_URL REDIS_URL KEY RATE PER REQUESTS
NAME`` (RATE requests every PER seconds)
prints ``ready`` once built, waits for a line on stdin (the start signal, so that every worker
begins together), sends REQUESTS concurrent ``GET /count`` and prints one JSON line: the
outcome of each request (``ok``, or the class name of the error it raised).
"""

from __future__ import annotations

import asyncio
import json
import sys

from common import ApiError, BaseClient, RateLimit
from common.limits_redis import RedisRateLimiter


class CountingClient(BaseClient):
    """The smallest client: it talks to the test's counting emulator."""

    vendor = "counting"
    logger_name = "tests.shared_quota"


async def run(base_url: str, limiter: RedisRateLimiter, requests: int, name: str) -> list[str]:
    async with limiter, CountingClient(base_url=base_url, rate_limit=limiter) as client:

        async def one() -> str:
            try:
                await client.request("GET", "/count", headers={"X-Worker": name})
            except ApiError as err:
                return type(err).__name__
            return "ok"

        return list(await asyncio.gather(*(one() for _ in range(requests))))


def main(argv: list[str]) -> None:
    base_url, redis_url, key, rate, per, requests, name = argv
    limit = RateLimit(rate=float(rate), per=float(per))
    limiter = RedisRateLimiter(limit, url=redis_url, key=key)
    print("ready", flush=True)
    sys.stdin.readline()
    outcomes = asyncio.run(run(base_url, limiter, int(requests), name))
    print(json.dumps({"worker": name, "outcomes": outcomes}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

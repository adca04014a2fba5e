"""``python -m amilia_async.emulator``: the Amilia emulator as a standalone server.

``--port 8080 --rate-limit 20 --fault status=503,times=2``; ``--help`` for every flag, and
:mod:`common.testing.cli` for the shared ones (faults, seed, ``--json``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from amilia_async.emulator import AmiliaEmulator
from common.testing.cli import EmulatorCommand, describe_server_limit, optional_limit

__all__ = ["COMMAND"]


def _arguments(parser: argparse.ArgumentParser) -> None:
    vendor = parser.add_argument_group("Amilia")
    vendor.add_argument("--organization", default="demo-org", help="organization (demo-org)")
    vendor.add_argument("--username", default="api@example.com", help="login (api@example.com)")
    vendor.add_argument("--password", default="emulator-password", help="password")
    vendor.add_argument(
        "--api-key", default="emulator-api-key", help="back-office key (emulator-api-key)"
    )
    vendor.add_argument("--api-secret", default="emulator-api-secret", help="back-office secret")
    vendor.add_argument(
        "--rate-limit",
        type=optional_limit,
        default=100,
        metavar="N",
        help="requests per second before 429 (100, Amilia's documented limit; 0: none)",
    )
    vendor.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date the seeded programs and events are anchored on (default: today)",
    )


def _build(options: argparse.Namespace) -> AmiliaEmulator:
    return AmiliaEmulator(
        organization=options.organization,
        username=options.username,
        password=options.password,
        api_key=options.api_key,
        api_secret=options.api_secret,
        rate_limit=options.rate_limit,
        seed=options.seed,
        today=options.today,
    )


def _connection(emulator: AmiliaEmulator) -> dict[str, str]:
    return {
        "base_url": emulator.url,
        "organization": emulator.organization,
        "username": emulator.username,
        "password": emulator.password,
        "api_key": emulator.api_key,
        "api_secret": emulator.api_secret,
    }


def _client(emulator: AmiliaEmulator) -> str:
    return (
        f"AmiliaClient(organization={emulator.organization!r}, "
        f"username={emulator.username!r}, password={emulator.password!r}, "
        f"base_url={emulator.url!r})"
    )


def _limits(emulator: AmiliaEmulator) -> str:
    return describe_server_limit(emulator.server.rate_limit)


COMMAND = EmulatorCommand(
    vendor="Amilia",
    module="amilia_async.emulator",
    add_arguments=_arguments,
    build=_build,
    connection=_connection,
    client=_client,
    limits=_limits,
)

if __name__ == "__main__":
    sys.exit(COMMAND.main())

"""``python -m caseupdates_async.emulator``: the Trackops emulator as a standalone server.

``--port 8080 --rate-limit 5 --fault latency=0.2,times=forever``; ``--help`` for every flag,
and :mod:`common.testing.cli` for the shared ones (faults, seed, ``--json``).
"""

from __future__ import annotations

import argparse
import sys

from caseupdates_async.emulator import TrackopsEmulator
from common.testing.cli import EmulatorCommand, describe_server_limit, optional_limit

__all__ = ["COMMAND"]


def _arguments(parser: argparse.ArgumentParser) -> None:
    vendor = parser.add_argument_group("Trackops")
    vendor.add_argument("--subdomain", default="acme", help="account subdomain (acme)")
    vendor.add_argument("--username", default="api-user", help="API user (api-user)")
    vendor.add_argument("--api-token", default="emulator-token", help="API token")
    vendor.add_argument(
        "--rate-limit",
        type=optional_limit,
        default=None,
        metavar="N",
        help="requests per second before 429 (default: none; Trackops documents no limit)",
    )
    vendor.add_argument("--contacts", type=int, default=120, help="client contacts seeded (120)")


def _build(options: argparse.Namespace) -> TrackopsEmulator:
    return TrackopsEmulator(
        subdomain=options.subdomain,
        username=options.username,
        api_token=options.api_token,
        rate_limit=options.rate_limit,
        seed=options.seed,
        contacts=options.contacts,
    )


def _connection(emulator: TrackopsEmulator) -> dict[str, str]:
    return {
        "base_url": emulator.api_url,
        "subdomain": emulator.subdomain,
        "username": emulator.username,
        "api_token": emulator.api_token,
    }


def _client(emulator: TrackopsEmulator) -> str:
    return (
        f"CaseUpdatesClient(username={emulator.username!r}, "
        f"api_token={emulator.api_token!r}, base_url={emulator.api_url!r})"
    )


def _limits(emulator: TrackopsEmulator) -> str:
    return describe_server_limit(emulator.server.rate_limit)


COMMAND = EmulatorCommand(
    vendor="Trackops",
    module="caseupdates_async.emulator",
    add_arguments=_arguments,
    build=_build,
    connection=_connection,
    client=_client,
    limits=_limits,
)

if __name__ == "__main__":
    sys.exit(COMMAND.main())

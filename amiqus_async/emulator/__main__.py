"""``python -m amiqus_async.emulator``: the Amiqus ID emulator as a standalone server.

``--port 8080 --rate-limit 200 --fault status=503,times=2``; ``--help`` for every flag, and
:mod:`common.testing.cli` for the shared ones (faults, seed, ``--json``).
"""

from __future__ import annotations

import argparse
import sys

from amiqus_async.emulator import AmiqusEmulator
from common.testing.cli import EmulatorCommand, optional_limit

__all__ = ["COMMAND"]


def _arguments(parser: argparse.ArgumentParser) -> None:
    vendor = parser.add_argument_group("Amiqus")
    vendor.add_argument("--token", default="emulator-token", help="personal access token")
    vendor.add_argument(
        "--oauth-client-id", default="emulator-client", help="OAuth client id (emulator-client)"
    )
    vendor.add_argument(
        "--oauth-client-secret", default="emulator-secret", help="OAuth client secret"
    )
    vendor.add_argument(
        "--rate-limit",
        type=optional_limit,
        default=None,
        metavar="N",
        help="requests per --rate-window before 429 (default: none)",
    )
    vendor.add_argument(
        "--rate-window", type=_seconds, default=60.0, metavar="SECONDS", help="window (60 s)"
    )
    vendor.add_argument("--clients", type=int, default=30, help="clients seeded (30)")
    vendor.add_argument("--records", type=int, default=20, help="records seeded (20)")


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = float("nan")
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"{text!r}: a number of seconds > 0")
    return seconds


def _build(options: argparse.Namespace) -> AmiqusEmulator:
    return AmiqusEmulator(
        token=options.token,
        oauth_client_id=options.oauth_client_id,
        oauth_client_secret=options.oauth_client_secret,
        rate_limit=options.rate_limit,
        rate_window=options.rate_window,
        seed=options.seed,
        clients=options.clients,
        records=options.records,
    )


def _connection(emulator: AmiqusEmulator) -> dict[str, str]:
    return {
        "base_url": emulator.api_url,
        "token": emulator.token,
        "oauth_client_id": emulator.oauth.client_id,
        "oauth_client_secret": emulator.oauth.client_secret,
        "oauth_authorize_url": f"{emulator.url}/oauth/authorize",
        "oauth_token_url": f"{emulator.url}/oauth/token",
    }


def _client(emulator: AmiqusEmulator) -> str:
    return f"AmiqusClient(token={emulator.token!r}, base_url={emulator.api_url!r})"


def _limits(emulator: AmiqusEmulator) -> str:
    if emulator.rate_limit is None:
        return "no rate limit"
    return f"{emulator.rate_limit} requests per {emulator.rate_window:g} s, then 429"


COMMAND = EmulatorCommand(
    vendor="Amiqus",
    module="amiqus_async.emulator",
    add_arguments=_arguments,
    build=_build,
    connection=_connection,
    client=_client,
    limits=_limits,
)

if __name__ == "__main__":
    sys.exit(COMMAND.main())

"""``python -m intakeq_async.emulator``: the IntakeQ emulator as a standalone server.

``--port 8080 --per-minute 0 --fault status=503,times=2``; ``--help`` for every flag, and
:mod:`common.testing.cli` for the shared ones (faults, seed, ``--json``).
"""

from __future__ import annotations

import argparse
import sys

from common.testing.cli import EmulatorCommand, optional_limit
from intakeq_async.emulator import IntakeQEmulator

__all__ = ["COMMAND"]


def _arguments(parser: argparse.ArgumentParser) -> None:
    vendor = parser.add_argument_group("IntakeQ")
    vendor.add_argument("--api-key", default="emulator-key", help="X-Auth-Key (emulator-key)")
    vendor.add_argument(
        "--per-minute",
        type=optional_limit,
        default=10,
        metavar="N",
        help="requests per sliding minute before 429 (10, the standard plan; 0: none)",
    )
    vendor.add_argument(
        "--per-day",
        type=optional_limit,
        default=500,
        metavar="N",
        help="requests per sliding day before 429 (500, the standard plan; 0: none)",
    )
    vendor.add_argument("--clients", type=int, default=250, help="clients seeded (250)")


def _build(options: argparse.Namespace) -> IntakeQEmulator:
    return IntakeQEmulator(
        api_key=options.api_key,
        per_minute=options.per_minute,
        per_day=options.per_day,
        seed=options.seed,
        clients=options.clients,
    )


def _connection(emulator: IntakeQEmulator) -> dict[str, str]:
    return {"base_url": emulator.api_url, "api_key": emulator.api_key}


def _client(emulator: IntakeQEmulator) -> str:
    return f"IntakeQClient(api_key={emulator.api_key!r}, base_url={emulator.api_url!r})"


def _limits(emulator: IntakeQEmulator) -> str:
    quota = emulator.quota
    windows = [
        f"{count} requests per {span}"
        for count, span in ((quota.per_minute, "minute"), (quota.per_day, "day"))
        if count is not None
    ]
    return " and ".join(windows) + ", then 429" if windows else "no rate limit"


COMMAND = EmulatorCommand(
    vendor="IntakeQ",
    module="intakeq_async.emulator",
    add_arguments=_arguments,
    build=_build,
    connection=_connection,
    client=_client,
    limits=_limits,
)

if __name__ == "__main__":
    sys.exit(COMMAND.main())

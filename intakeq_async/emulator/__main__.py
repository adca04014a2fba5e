"""``python -m intakeq_async.emulator``: the IntakeQ emulator as a standalone server.

``--port 8080 --per-minute 0 --fault status=503,times=2``; ``--help`` for every flag, and
:mod:`common.testing.cli` for the shared ones (faults, seed, ``--json``).
"""

from __future__ import annotations

import sys

from common.testing.cli import optional_limit
from common.testing.command import Flag, vendor_command
from intakeq_async.emulator import IntakeQEmulator

__all__ = ["COMMAND"]


def _limits(emulator: IntakeQEmulator) -> str:
    quota = emulator.quota
    windows = [
        f"{count} requests per {span}"
        for count, span in ((quota.per_minute, "minute"), (quota.per_day, "day"))
        if count is not None
    ]
    return " and ".join(windows) + ", then 429" if windows else "no rate limit"


COMMAND = vendor_command(
    IntakeQEmulator,
    vendor="IntakeQ",
    module="intakeq_async.emulator",
    client="IntakeQClient",
    flags=[
        Flag("--api-key", "X-Auth-Key (emulator-key)", default="emulator-key"),
        Flag(
            "--per-minute",
            "requests per sliding minute before 429 (10, the standard plan; 0: none)",
            default=10,
            type=optional_limit,
            metavar="N",
        ),
        Flag(
            "--per-day",
            "requests per sliding day before 429 (500, the standard plan; 0: none)",
            default=500,
            type=optional_limit,
            metavar="N",
        ),
        Flag("--clients", "clients seeded (250)", default=250, type=int),
    ],
    limits=_limits,
)

if __name__ == "__main__":
    sys.exit(COMMAND.main())

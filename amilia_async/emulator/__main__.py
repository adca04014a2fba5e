"""``python -m amilia_async.emulator``: the Amilia emulator as a standalone server.

``--port 8080 --rate-limit 20 --fault status=503,times=2``; ``--help`` for every flag, and
:mod:`common.testing.cli` for the shared ones (faults, seed, ``--json``).
"""

from __future__ import annotations

import datetime as dt
import sys

from amilia_async.emulator import AmiliaEmulator
from common.testing.cli import optional_limit
from common.testing.command import Flag, vendor_command

__all__ = ["COMMAND"]


def _key_pair(emulator: AmiliaEmulator) -> dict[str, str]:
    return {"api_key": emulator.api_key, "api_secret": emulator.api_secret}


COMMAND = vendor_command(
    AmiliaEmulator,
    vendor="Amilia",
    module="amilia_async.emulator",
    client="AmiliaClient",
    flags=[
        Flag("--organization", "organization (demo-org)", default="demo-org"),
        Flag("--username", "login (api@example.com)", default="api@example.com"),
        Flag("--password", "password", default="emulator-password"),
        Flag("--api-key", "back-office key (emulator-api-key)", default="emulator-api-key"),
        Flag("--api-secret", "back-office secret", default="emulator-api-secret"),
        Flag(
            "--rate-limit",
            "requests per second before 429 (100, Amilia's documented limit; 0: none)",
            default=100,
            type=optional_limit,
            metavar="N",
        ),
        Flag(
            "--today",
            "the date the seeded programs and events are anchored on (default: today)",
            type=dt.date.fromisoformat,
            metavar="YYYY-MM-DD",
        ),
    ],
    extra=_key_pair,
)

if __name__ == "__main__":
    sys.exit(COMMAND.main())

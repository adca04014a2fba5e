"""``python -m caseupdates_async.emulator``: the Trackops emulator as a standalone server.

``--port 8080 --rate-limit 5 --fault latency=0.2,times=forever``; ``--help`` for every flag,
and :mod:`common.testing.cli` for the shared ones (faults, seed, ``--json``).
"""

from __future__ import annotations

import sys

from caseupdates_async.emulator import TrackopsEmulator
from common.testing.cli import optional_limit
from common.testing.command import Flag, vendor_command

__all__ = ["COMMAND"]


def _subdomain(emulator: TrackopsEmulator) -> dict[str, str]:
    return {"subdomain": emulator.subdomain}


COMMAND = vendor_command(
    TrackopsEmulator,
    vendor="Trackops",
    module="caseupdates_async.emulator",
    client="TrackopsClient",
    flags=[
        Flag("--subdomain", "account subdomain (acme)", default="acme"),
        Flag("--username", "API user (api-user)", default="api-user"),
        Flag("--api-token", "API token", default="emulator-token"),
        Flag(
            "--rate-limit",
            "requests per second before 429 (default: none; Trackops documents no limit)",
            type=optional_limit,
            metavar="N",
        ),
        Flag("--contacts", "client contacts seeded (120)", default=120, type=int),
    ],
    extra=_subdomain,
)

if __name__ == "__main__":
    sys.exit(COMMAND.main())

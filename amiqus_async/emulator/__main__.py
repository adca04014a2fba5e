"""``python -m amiqus_async.emulator``: the Amiqus ID emulator as a standalone server.

``--port 8080 --rate-limit 200 --fault status=503,times=2``; ``--help`` for every flag, and
:mod:`common.testing.cli` for the shared ones (faults, seed, ``--json``).
"""

from __future__ import annotations

import sys

from amiqus_async.emulator import AmiqusEmulator
from common.testing.cli import optional_limit
from common.testing.command import Flag, positive_seconds, vendor_command

__all__ = ["COMMAND"]


def _oauth(emulator: AmiqusEmulator) -> dict[str, str]:
    return {
        "oauth_client_id": emulator.oauth.client_id,
        "oauth_client_secret": emulator.oauth.client_secret,
        "oauth_authorize_url": f"{emulator.origin}/oauth/authorize",
        "oauth_token_url": f"{emulator.origin}/oauth/token",
    }


COMMAND = vendor_command(
    AmiqusEmulator,
    vendor="Amiqus",
    module="amiqus_async.emulator",
    client="AmiqusClient",
    flags=[
        Flag("--token", "personal access token", default="emulator-token"),
        Flag("--oauth-client-id", "OAuth client id (emulator-client)", default="emulator-client"),
        Flag("--oauth-client-secret", "OAuth client secret", default="emulator-secret"),
        Flag(
            "--rate-limit",
            "requests per --rate-window before 429 (default: none)",
            type=optional_limit,
            metavar="N",
        ),
        Flag(
            "--rate-window", "window (60 s)", default=60.0, type=positive_seconds, metavar="SECONDS"
        ),
        Flag("--clients", "clients seeded (30)", default=30, type=int),
        Flag("--records", "records seeded (20)", default=20, type=int),
    ],
    extra=_oauth,
)

if __name__ == "__main__":
    sys.exit(COMMAND.main())

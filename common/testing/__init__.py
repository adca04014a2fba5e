"""The emulator kit: serve an ``aiohttp.web`` app on loopback, record, misbehave on demand.

Vendor emulators (stateful in-memory apps) and users' tests run on it::

    from common.testing import EmulatorServer, Fault, ServerRateLimit

    async with EmulatorServer(make_app(), rate_limit=ServerRateLimit(10, per=1.0)) as server:
        server.faults.add(Fault.status(503), method="GET", path="/v1/things", times=2)
        ...  # talk to server.url with a real client
        assert server.requests.filter(method="GET")[-1].status == 200

pytest users get the ``emulator`` and ``closed_port`` fixtures with
``pytest_plugins = ["common.testing.pytest_plugin"]``; this package itself never imports
pytest.
"""

from common.testing._match import PathPattern
from common.testing.faults import (
    CannedResponse,
    Disconnect,
    DropMidBody,
    Fault,
    FaultPlan,
    FaultRule,
    Handler,
    Latency,
    SlowDrip,
)
from common.testing.ratelimit import RateLimitDecision, ServerRateLimit, SlidingWindow
from common.testing.recorder import RecordedRequest, RequestLog
from common.testing.server import (
    DEFAULT_RECORD_LIMIT,
    EmulatorFactory,
    EmulatorServer,
    closed_port,
)
from common.testing.vendor import VendorEmulator

__all__ = [
    "DEFAULT_RECORD_LIMIT",
    "CannedResponse",
    "Disconnect",
    "DropMidBody",
    "EmulatorFactory",
    "EmulatorServer",
    "Fault",
    "FaultPlan",
    "FaultRule",
    "Handler",
    "Latency",
    "PathPattern",
    "ServerRateLimit",
    "RateLimitDecision",
    "RecordedRequest",
    "RequestLog",
    "SlidingWindow",
    "SlowDrip",
    "VendorEmulator",
    "closed_port",
]

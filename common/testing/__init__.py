"""The emulator kit: serve an ``aiohttp.web`` app on loopback, record, misbehave on demand.

Vendor emulators (stateful in-memory apps) and users' tests run on it::

    from common.testing import EmulatorServer, Fault, ServerRateLimit

    async with EmulatorServer(make_app(), rate_limit=ServerRateLimit(10, per=1.0)) as server:
        server.faults.add(Fault.status(503), method="GET", path="/v1/things", times=2)
        ...  # talk to server.url with a real client
        assert server.requests.filter(method="GET")[-1].status == 200

Handlers read bodies and queries with :mod:`common.testing.parsing` (``read_json_object``,
``read_multipart``, ``query_int``, ...), which raise :class:`BadRequest` on malformed input; the
server answers it with the vendor's error renderer (``EmulatorServer(app, render_error=...)``)
as a 4xx, and answers an emulator bug (any other exception) with an unmistakable 500.

pytest users get the ``emulator`` and ``closed_port`` fixtures with
``pytest_plugins = ["common.testing.pytest_plugin"]``, which also fails a test during which an
emulator had a bug; this package itself never imports pytest.
"""

from common.testing._match import PathPattern
from common.testing.errors import (
    BadRequest,
    BugCollector,
    EmulatorBug,
    ErrorRenderer,
    Problem,
    default_error_renderer,
)
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
from common.testing.parsing import (
    DEFAULT_MAX_JSON_DEPTH,
    FormPart,
    parse_json,
    query_int,
    read_body,
    read_form,
    read_json,
    read_json_object,
    read_multipart,
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
    "DEFAULT_MAX_JSON_DEPTH",
    "DEFAULT_RECORD_LIMIT",
    "BadRequest",
    "BugCollector",
    "CannedResponse",
    "Disconnect",
    "DropMidBody",
    "EmulatorBug",
    "EmulatorFactory",
    "EmulatorServer",
    "ErrorRenderer",
    "Fault",
    "FaultPlan",
    "FaultRule",
    "FormPart",
    "Handler",
    "Latency",
    "PathPattern",
    "Problem",
    "ServerRateLimit",
    "RateLimitDecision",
    "RecordedRequest",
    "RequestLog",
    "SlidingWindow",
    "SlowDrip",
    "VendorEmulator",
    "closed_port",
    "default_error_renderer",
    "parse_json",
    "query_int",
    "read_body",
    "read_form",
    "read_json",
    "read_json_object",
    "read_multipart",
]

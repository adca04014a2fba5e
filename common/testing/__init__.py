"""The emulator kit: serve an ``aiohttp.web`` app on loopback, record, misbehave on demand.

Vendor emulators (stateful in-memory apps) and users' tests run on it::

    from common.testing import EmulatorServer, Fault, ServerRateLimit

    async with EmulatorServer(make_app(), rate_limit=ServerRateLimit(10, per=1.0)) as server:
        server.faults.add(Fault.status(503), method="GET", path="/v1/things", times=2)
        ...  # talk to server.url with a real client
        assert server.requests.filter(method="GET")[-1].status == 200

Handlers read bodies and queries with :mod:`common.testing.parsing` (``read_json_object``,
``read_multipart``, ``query_int``, ...), which raise :class:`BadRequest` on malformed input, and
refuse requests by raising :class:`Refusal`; the server answers both with the vendor's error
renderer (``EmulatorServer(app, render_error=...)``), and answers an emulator bug (any other
exception) with an unmistakable 500.

A vendor emulator (:class:`VendorEmulator`) is its store and its handlers; the kit gives the
rest: the request context its handlers take (:class:`RequestContext`, with the vendor's
:class:`QueryRules`), credential readers (:func:`bearer_token`, :func:`basic_credentials`,
:func:`header_credential`, :func:`same_secret`, HS256 :func:`encode_jwt`), one paging helper
per strategy (:func:`page_number_array`, :func:`next_url_envelope`, :func:`next_id_envelope`,
:func:`paginated_list`), ASP.NET-style routing (:class:`RouteTable`), rate limits
(:class:`ServerRateLimit` on the server, or a :class:`RateLimiter` the vendor counts with),
faults and the request log.

pytest users get the ``emulator`` and ``closed_port`` fixtures with
``pytest_plugins = ["common.testing.pytest_plugin"]``, which also fails a test during which an
emulator had a bug; this package itself never imports pytest.
"""

from common.testing._match import PathPattern
from common.testing.context import (
    ASPNET_RULES,
    DEFAULT_WORDING,
    Flaw,
    Mistake,
    QueryRules,
    RequestContext,
    ascii_integer,
    aspnet_int32,
    boolean_words,
    content_disposition,
    excerpt,
    iso_date,
    iso_date_prefix,
    iso_datetime,
    python_integer,
)
from common.testing.credentials import (
    basic_credentials,
    bearer_token,
    decode_jwt,
    encode_jwt,
    header_credential,
    same_secret,
)
from common.testing.errors import (
    BadRequest,
    BugCollector,
    EmulatorBug,
    ErrorRenderer,
    Problem,
    Refusal,
    default_error_renderer,
    json_error_renderer,
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
from common.testing.paging import (
    next_id_envelope,
    next_url_envelope,
    page_count,
    page_number_array,
    page_slice,
    paginated_list,
    url_with_query,
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
from common.testing.ratelimit import (
    RateLimitDecision,
    RateLimiter,
    ServerRateLimit,
    SlidingWindow,
)
from common.testing.recorder import RecordedRequest, RequestLog
from common.testing.routing import RouteMatch, RouteTable, raw_segments
from common.testing.server import (
    DEFAULT_RECORD_LIMIT,
    EmulatorFactory,
    EmulatorServer,
    closed_port,
)
from common.testing.transports import (
    DEFAULT_ORIGIN,
    EmulatorTransport,
    InProcessServer,
    MockAnswer,
    MockHandler,
    MockResponse,
    MockTransport,
)
from common.testing.vendor import VendorEmulator

__all__ = [
    "ASPNET_RULES",
    "DEFAULT_MAX_JSON_DEPTH",
    "DEFAULT_ORIGIN",
    "DEFAULT_RECORD_LIMIT",
    "DEFAULT_WORDING",
    "BadRequest",
    "BugCollector",
    "CannedResponse",
    "Disconnect",
    "DropMidBody",
    "EmulatorBug",
    "EmulatorFactory",
    "EmulatorServer",
    "EmulatorTransport",
    "ErrorRenderer",
    "Fault",
    "FaultPlan",
    "FaultRule",
    "Flaw",
    "FormPart",
    "Handler",
    "InProcessServer",
    "Latency",
    "Mistake",
    "MockAnswer",
    "MockHandler",
    "MockResponse",
    "MockTransport",
    "PathPattern",
    "Problem",
    "QueryRules",
    "RateLimitDecision",
    "RateLimiter",
    "RecordedRequest",
    "Refusal",
    "RequestContext",
    "RequestLog",
    "RouteMatch",
    "RouteTable",
    "ServerRateLimit",
    "SlidingWindow",
    "SlowDrip",
    "VendorEmulator",
    "ascii_integer",
    "aspnet_int32",
    "basic_credentials",
    "bearer_token",
    "boolean_words",
    "closed_port",
    "content_disposition",
    "decode_jwt",
    "default_error_renderer",
    "encode_jwt",
    "excerpt",
    "header_credential",
    "iso_date",
    "iso_date_prefix",
    "iso_datetime",
    "json_error_renderer",
    "next_id_envelope",
    "next_url_envelope",
    "page_count",
    "page_number_array",
    "page_slice",
    "paginated_list",
    "parse_json",
    "python_integer",
    "query_int",
    "raw_segments",
    "read_body",
    "read_form",
    "read_json",
    "read_json_object",
    "read_multipart",
    "same_secret",
    "url_with_query",
]

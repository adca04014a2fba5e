"""How requests reach the server: the :class:`Transport` seam and its aiohttp implementation.

``base.py`` holds the protocol every transport follows and the :class:`StreamedBody` of a
download; ``aiohttp_transport.py`` the default transport, the only module that talks to
aiohttp's client. In-memory transports for tests live in :mod:`common.testing`.
"""

from __future__ import annotations

from .aiohttp_transport import (
    DEFAULT_POOL,
    MAX_RESPONSE_SIZE,
    AiohttpStream,
    AiohttpTransport,
    read_bounded,
)
from .base import BufferedStream, StreamedBody, Transport, frozen_headers, too_large

__all__ = [
    "DEFAULT_POOL",
    "MAX_RESPONSE_SIZE",
    "AiohttpStream",
    "AiohttpTransport",
    "BufferedStream",
    "StreamedBody",
    "Transport",
    "frozen_headers",
    "read_bounded",
    "too_large",
]

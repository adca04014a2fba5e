"""The request log: what an emulator received, for tests to assert on.

Every request that reaches an :class:`~common.testing.EmulatorServer` is appended to its
:class:`RequestLog` as a :class:`RecordedRequest` *before* any fault, rate limit or handler
runs, so a request answered by a fault (or never answered at all) is still in the log. Once
the response is known its status is filled in (``status`` stays ``None`` when the connection
was dropped before a status line went out).

Bodies up to ``record_bodies_up_to`` bytes (1 MiB by default) with a known ``Content-Length``
are read and kept; the handler can still read them in any way it likes (``read()``, ``json()``,
``post()``, ``multipart()`` or ``request.content``). Larger bodies, and bodies of unknown
length (chunked), are not read by the recorder at all, so a handler can stream a 50 MB upload;
their record has ``body == b""``, ``body_truncated == True`` and ``body_size`` taken from
``Content-Length`` (``None`` when chunked).
"""

from __future__ import annotations

import json as _json
from collections.abc import Iterator, Sequence
from typing import Any, overload

import attrs
from multidict import CIMultiDictProxy, MultiDictProxy

from common.testing._match import PathPattern, matches, normalize_method

__all__ = ["RecordedRequest", "RequestLog"]


@attrs.frozen(kw_only=True, eq=False)
class RecordedRequest:
    """One request as the emulator received it.

    ``path`` is percent-decoded (``request.path``); ``raw_path`` is the path exactly as sent,
    which is what a test of URL-encoding wants. ``query`` is decoded and keeps repeated keys.
    ``time`` is a :func:`time.monotonic` reading taken when the request was recorded.
    """

    method: str
    path: str
    raw_path: str
    query: MultiDictProxy[str]
    headers: CIMultiDictProxy[str]
    body: bytes
    #: Size of the body in bytes: ``len(body)``, or ``Content-Length`` when the body was not
    #: kept, or ``None`` when that is unknown (chunked upload).
    body_size: int | None
    #: ``True`` when the request had a body that was not stored (too large, or chunked).
    body_truncated: bool
    time: float
    #: The status of the response, once known; ``None`` while in flight or when no status
    #: line was ever sent (connection reset or closed by a fault).
    status: int | None = None

    @property
    def content_type(self) -> str:
        """The request's media type, lower-cased, without parameters (``""`` if absent)."""
        return self.headers.get("Content-Type", "").partition(";")[0].strip().lower()

    def text(self, encoding: str | None = None) -> str:
        """Decode the body with *encoding*, else the ``charset`` of Content-Type, else UTF-8."""
        self._require_body()
        if encoding is None:
            encoding = "utf-8"
            for param in self.headers.get("Content-Type", "").split(";")[1:]:
                name, _, value = param.partition("=")
                if name.strip().lower() == "charset" and value.strip():
                    encoding = value.strip().strip('"')
        return self.body.decode(encoding)

    def json(self) -> Any:
        """Parse the body as JSON (raises :class:`ValueError` when it is not JSON)."""
        self._require_body()
        return _json.loads(self.body)

    def _require_body(self) -> None:
        if self.body_truncated:
            raise ValueError(
                f"the body of {self.method} {self.path} ({self.body_size} bytes) was not "
                "recorded; raise record_bodies_up_to to keep it"
            )


class RequestLog(Sequence[RecordedRequest]):
    """The requests an emulator received, oldest first.

    A read-only sequence (``len``, iteration, indexing, slicing) plus :meth:`filter`,
    :attr:`last` and :meth:`clear`.
    """

    def __init__(self) -> None:
        self._records: list[RecordedRequest] = []

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[RecordedRequest]:
        return iter(list(self._records))

    @overload
    def __getitem__(self, index: int) -> RecordedRequest: ...

    @overload
    def __getitem__(self, index: slice) -> list[RecordedRequest]: ...

    def __getitem__(self, index: int | slice) -> RecordedRequest | list[RecordedRequest]:
        return self._records[index]

    def __repr__(self) -> str:
        shown = ", ".join(f"{r.method} {r.path}" for r in self._records[-5:])
        more = "..., " if len(self._records) > 5 else ""
        return f"<RequestLog {len(self._records)} request(s): [{more}{shown}]>"

    @property
    def last(self) -> RecordedRequest:
        """The most recent request (:class:`IndexError` when the log is empty)."""
        if not self._records:
            raise IndexError("no request was recorded")
        return self._records[-1]

    def filter(
        self, *, method: str | None = None, path: PathPattern | None = None
    ) -> list[RecordedRequest]:
        """The requests with this method and path, oldest first.

        ``method`` is case-insensitive. ``path`` is an exact decoded path or a compiled regular
        expression that must match the whole path; ``None`` matches anything.
        """
        wanted = normalize_method(method)
        return [
            record
            for record in self._records
            if matches(
                method=wanted, path=path, request_method=record.method, request_path=record.path
            )
        ]

    def clear(self) -> None:
        """Forget every recorded request."""
        self._records.clear()

    # -- used by the server -------------------------------------------------------------

    def _append(self, record: RecordedRequest) -> None:
        self._records.append(record)

    def _replace(self, old: RecordedRequest, new: RecordedRequest) -> None:
        """Swap *old* for *new* in place (no-op when *old* was cleared meanwhile)."""
        for index in range(len(self._records) - 1, -1, -1):
            if self._records[index] is old:
                self._records[index] = new
                return

"""OpenTelemetry for every client: ``Client(..., telemetry=OpenTelemetry())`` (extra ``otel``).

Each logical call is one span, named after its operation (``amiqus clients.list``), with one
child span per attempt. The call span carries the vendor, the operation, the HTTP method, the
final status, the number of attempts and the retry waits; an attempt span its status or the
transport error. Metrics: ``vendor_client.requests`` (attempts sent), ``vendor_client.retries``,
``vendor_client.rate_limited`` (waits for a 429 or a spent budget) and the
``vendor_client.duration`` histogram of whole calls, in seconds.

Only this module imports ``opentelemetry``; a client without ``telemetry=`` never loads it.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Final

from .observe import CallEvent, CallTelemetry

if TYPE_CHECKING:
    from opentelemetry.metrics import MeterProvider
    from opentelemetry.trace import TracerProvider

__all__ = ["INSTRUMENTATION_NAME", "OpenTelemetry"]

INSTRUMENTATION_NAME: Final = "vendor-clients-async"


class OpenTelemetry:
    """Spans and metrics for the calls of the clients it is given to.

    With no providers, the global ones (``opentelemetry.trace.set_tracer_provider``...) are
    used. One instance may serve many clients.
    """

    def __init__(
        self,
        *,
        tracer_provider: TracerProvider | None = None,
        meter_provider: MeterProvider | None = None,
    ) -> None:
        try:
            from opentelemetry import metrics, trace
        except ImportError as err:  # pragma: no cover - depends on the environment
            raise ImportError(
                "OpenTelemetry is not installed: pip install 'vendor-clients-async[otel]'"
            ) from err
        self._trace = trace
        self._tracer = trace.get_tracer(INSTRUMENTATION_NAME, tracer_provider=tracer_provider)
        meter = metrics.get_meter(INSTRUMENTATION_NAME, meter_provider=meter_provider)
        self._requests = meter.create_counter(
            "vendor_client.requests", unit="{request}", description="Attempts sent"
        )
        self._retries = meter.create_counter(
            "vendor_client.retries", unit="{retry}", description="Attempts followed by another"
        )
        self._rate_limited = meter.create_counter(
            "vendor_client.rate_limited",
            unit="{wait}",
            description="Waits for a vendor's rate limit (a 429, or a budget it said is spent)",
        )
        self._duration = meter.create_histogram(
            "vendor_client.duration", unit="s", description="Duration of whole calls"
        )

    def start_call(
        self, vendor: str, operation: str | None, method: str, url: str
    ) -> CallTelemetry:
        name = f"{vendor} {operation or method}"
        attributes = {
            "vendor_client.vendor": vendor,
            "vendor_client.operation": operation or "",
            "http.request.method": method,
            "url.full": url,
        }
        span = self._tracer.start_span(
            name, kind=self._trace.SpanKind.CLIENT, attributes=attributes
        )
        return _Call(self, span, {"vendor": vendor, "operation": operation or "", "method": method})


class _Call:
    __slots__ = ("_attempt", "_labels", "_otel", "_span", "_started", "_waits")

    def __init__(self, otel: OpenTelemetry, span: Any, labels: dict[str, str]) -> None:
        self._otel = otel
        self._span = span
        self._labels = labels
        self._started = time.perf_counter()
        self._attempt: Any = None
        self._waits: list[float] = []

    def attempt_started(self, event: CallEvent) -> None:
        trace = self._otel._trace
        self._attempt = self._otel._tracer.start_span(
            f"{event.method} attempt {event.attempt}",
            context=trace.set_span_in_context(self._span),
            kind=trace.SpanKind.CLIENT,
            attributes={
                "http.request.method": event.method,
                "url.full": event.url,
                "http.request.resend_count": event.attempt - 1,
            },
        )
        self._otel._requests.add(1, self._labels)

    def attempt_ended(self, event: CallEvent) -> None:
        span, self._attempt = self._attempt, None
        if span is None:
            return
        if event.status is not None:
            span.set_attribute("http.response.status_code", event.status)
        if event.error is not None:
            span.set_attribute("error.type", event.error)
        if event.error is not None or (event.status or 0) >= 400:
            span.set_status(self._otel._trace.Status(self._otel._trace.StatusCode.ERROR))
        span.end()

    def retrying(self, event: CallEvent) -> None:
        self._waits.append(event.wait or 0.0)
        self._otel._retries.add(1, self._labels)

    def rate_limited(self, event: CallEvent) -> None:
        self._otel._rate_limited.add(1, self._labels)
        self._span.add_event("rate_limited", {"wait": event.wait or 0.0})

    def ended(self, *, status: int | None, attempts: int, error: BaseException | None) -> None:
        if self._attempt is not None:  # cancelled or failed between start and answer
            self._attempt.end()
            self._attempt = None
        span = self._span
        span.set_attribute("vendor_client.attempts", attempts)
        if self._waits:
            span.set_attribute("vendor_client.retry_waits", self._waits)
        if status is not None:
            span.set_attribute("http.response.status_code", status)
        if error is not None:
            span.set_attribute("error.type", type(error).__name__)
            span.set_status(self._otel._trace.Status(self._otel._trace.StatusCode.ERROR))
        span.end()
        labels = {**self._labels, "status": str(status) if status is not None else "error"}
        self._otel._duration.record(time.perf_counter() - self._started, labels)

"""OpenTelemetry: one span per call with one child per attempt, and the metrics."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode

from amiqus_async import AmiqusClient, NotFoundError
from amiqus_async.emulator import AmiqusEmulator
from common import RetryPolicy
from common.otel import OpenTelemetry
from common.testing import Fault

FAST = RetryPolicy(backoff_base=0.001, backoff_max=0.01)


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def reader() -> InMemoryMetricReader:
    return InMemoryMetricReader()


@pytest.fixture
async def amiqus(
    exporter: InMemorySpanExporter, reader: InMemoryMetricReader
) -> AsyncIterator[tuple[AmiqusClient, AmiqusEmulator]]:
    tracing = TracerProvider()
    tracing.add_span_processor(SimpleSpanProcessor(exporter))
    telemetry = OpenTelemetry(
        tracer_provider=tracing, meter_provider=MeterProvider(metric_readers=[reader])
    )
    async with (
        AmiqusEmulator() as emu,
        AmiqusClient(token=emu.token, base_url=emu.url, retry=FAST, telemetry=telemetry) as client,
    ):
        yield client, emu


def metric_points(reader: InMemoryMetricReader) -> dict[str, list[Any]]:
    data = reader.get_metrics_data()
    assert data is not None
    out: dict[str, list[Any]] = {}
    for resource in data.resource_metrics:
        for scope in resource.scope_metrics:
            for metric in scope.metrics:
                out[metric.name] = list(metric.data.data_points)
    return out


async def test_a_retried_call_is_one_span_with_a_child_per_attempt(
    amiqus: tuple[AmiqusClient, AmiqusEmulator],
    exporter: InMemorySpanExporter,
    reader: InMemoryMetricReader,
) -> None:
    client, emu = amiqus
    emu.server.faults.add(Fault.status(503), method="GET", path="/api/v2/me", times=1)
    emu.server.faults.add(emu.rate_limited_fault(retry_after=0), method="GET", times=1)
    await client.user_account.get()
    spans = exporter.get_finished_spans()
    call = next(s for s in spans if s.name == "amiqus user_account.get")
    attempts = sorted(
        (s for s in spans if s.parent is not None and s.parent.span_id == call.context.span_id),
        key=lambda s: s.start_time or 0,
    )
    assert [s.name for s in attempts] == ["GET attempt 1", "GET attempt 2", "GET attempt 3"]
    assert [dict(s.attributes or {})["http.response.status_code"] for s in attempts] == [
        503,
        429,
        200,
    ]
    assert call.attributes is not None
    assert call.attributes["vendor_client.vendor"] == "amiqus"
    assert call.attributes["vendor_client.operation"] == "user_account.get"
    assert call.attributes["http.request.method"] == "GET"
    assert call.attributes["http.response.status_code"] == 200
    assert call.attributes["vendor_client.attempts"] == 3
    waits = call.attributes["vendor_client.retry_waits"]
    assert isinstance(waits, tuple | list)
    assert len(waits) == 2
    assert emu.token not in str(call.attributes)
    points = metric_points(reader)
    assert sum(p.value for p in points["vendor_client.requests"]) == 3
    assert sum(p.value for p in points["vendor_client.retries"]) == 2
    assert sum(p.value for p in points["vendor_client.rate_limited"]) == 1
    assert sum(p.count for p in points["vendor_client.duration"]) == 1


async def test_a_failed_call_is_an_error_span(
    amiqus: tuple[AmiqusClient, AmiqusEmulator], exporter: InMemorySpanExporter
) -> None:
    client, _ = amiqus
    with pytest.raises(NotFoundError):
        await client.clients.get(999_999)
    call = next(s for s in exporter.get_finished_spans() if s.name == "amiqus clients.get")
    assert call.status.status_code is StatusCode.ERROR
    assert call.attributes is not None
    assert call.attributes["error.type"] == "NotFoundError"
    assert call.attributes["http.response.status_code"] == 404


async def test_a_listing_is_a_span_per_page(
    amiqus: tuple[AmiqusClient, AmiqusEmulator], exporter: InMemorySpanExporter
) -> None:
    client, _ = amiqus
    await client.clients.list(limit=10).collect()
    calls = [s for s in exporter.get_finished_spans() if s.name == "amiqus clients.list"]
    assert len(calls) == 3


def test_the_library_does_not_load_opentelemetry_unless_asked() -> None:
    import subprocess
    import sys

    code = (
        "import sys, asyncio, amiqus_async, amilia_async, intakeq_async, caseupdates_async\n"
        "assert not [m for m in sys.modules if m.startswith('opentelemetry')], 'loaded'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

"""Helpers of the benchmarks: figures, medians and spreads, CPU pinning, resident memory."""

from __future__ import annotations

import os
import resource
import statistics
import sys
from collections.abc import Sequence

import attrs

#: The CPU the benchmark process runs on, and the one the server gets (on 2+ CPU machines).
CLIENT_CPU = 0
SERVER_CPU = 1


def pin(cpu: int) -> bool:
    """Pin this process to *cpu* where the platform allows it; whether it did."""
    if not hasattr(os, "sched_setaffinity"):
        return False
    try:
        if cpu not in os.sched_getaffinity(0) and len(os.sched_getaffinity(0)) < 2:
            return False
        os.sched_setaffinity(0, {cpu})
    except OSError:
        return False
    return True


def two_cpus() -> bool:
    return len(os.sched_getaffinity(0)) >= 2 if hasattr(os, "sched_getaffinity") else False


def _proc_status(field: str) -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024  # kB -> MB
    except OSError:
        pass
    return None


def rss_mb() -> float:
    """Resident memory of this process now, in MB (peak RSS where /proc is missing)."""
    current = _proc_status("VmRSS")
    return current if current is not None else peak_rss_mb()


def peak_rss_mb() -> float:
    """Highest resident memory of this process so far, in MB."""
    peak = _proc_status("VmHWM")
    if peak is not None:
        return peak
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


@attrs.frozen
class Stat:
    """A figure measured over several rounds: the median and the spread."""

    values: tuple[float, ...]

    @classmethod
    def of(cls, values: Sequence[float]) -> Stat:
        return cls(tuple(values))

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def spread(self) -> str:
        """``min-max (±x %)`` around the median."""
        low, high, mid = min(self.values), max(self.values), self.median
        half = (high - low) / 2 / mid * 100 if mid else 0.0
        return f"{_num(low)}-{_num(high)} (±{half:.0f}%)"


def _num(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


@attrs.frozen
class Figure:
    """One row of the results table."""

    key: str
    title: str
    unit: str
    library: Stat
    raw: Stat
    #: ``library / raw`` (or the figure's own ratio when given).
    ratio: float
    #: e.g. ``">= 0.90x"``; empty for a figure printed for information.
    target: str = ""
    #: Whether the target is met (``None``: no target).
    met: bool | None = None
    raw_label: str = "raw aiohttp"
    note: str = ""

    def row(self) -> str:
        verdict = {True: "yes", False: "**no**", None: "-"}[self.met]
        return (
            f"| {self.key} | {self.title} | {_num(self.library.median)} {self.unit} | "
            f"{_num(self.raw.median)} {self.unit} ({self.raw_label}) | ratio {self.ratio:.2f}x | "
            f"{self.target or '-'} | {verdict} | {self.library.spread} / {self.raw.spread} |"
        )


HEADER = (
    "| key | figure | library | reference | ratio | target | met | spread (lib / ref) |\n"
    "|---|---|---|---|---|---|---|---|"
)


def at_least(ratio: float, floor: float) -> tuple[str, bool]:
    return f">= {floor:.2f}x", ratio >= floor

"""The send path every client shares: :class:`Sender` (redirects, retries, the stages of an
attempt: auth → limits → transport) and the :class:`Recorder` that reports each call to the
log, the hooks and telemetry."""

from __future__ import annotations

from .recorder import Recorder
from .sender import MAX_REDIRECTS, ClientState, Sender

__all__ = ["MAX_REDIRECTS", "ClientState", "Recorder", "Sender"]

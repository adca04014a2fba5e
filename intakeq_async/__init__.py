"""Async client for the IntakeQ API.

::

    from intakeq_async import IntakeQClient

    async with IntakeQClient(api_key=...) as intakeq:
        async for appointment in intakeq.appointments.list(status="Confirmed"):
            print(appointment.client_name, appointment.start_date)

Every error of :mod:`common.errors` is re-exported here, the whole tree. Webhook deliveries:
:func:`intakeq_async.models.parse_webhook` with :func:`common.webhooks.webhook_handler`.
"""

from pathlib import Path as _Path

# First: a clear ImportError if another top-level ``common`` shadows ours (common/_shadowing.py).
if (_guard := _Path(__file__).parents[1] / "common" / "_shadowing.py").is_file():
    exec(compile(_guard.read_bytes(), _guard, "exec"), {"__name__": __name__})

from common import __version__ as __version__
from common import errors as _errors
from common.errors import *  # noqa: F403 -- the whole error tree, as common.errors.__all__ names it

from . import models
from .client import DEFAULT_BASE_URL, STANDARD_PLAN, IntakeQClient

__all__ = ["DEFAULT_BASE_URL", "STANDARD_PLAN", "IntakeQClient", "models"]
__all__ += _errors.__all__

"""Appointments: list, get, settings, create, update, cancel."""

from __future__ import annotations

from typing import Any, Final

from common import AsyncPager, Resource, deprecated_alias, filtered
from common.checks import require_path_value

from .. import paths
from ..filters import AppointmentFilters
from ..models import (
    Appointment,
    AppointmentInput,
    AppointmentSettings,
    AppointmentUpdate,
    Cancellation,
)

#: The answer of ``POST /appointments/cancellation``: an appointment, or nothing (empty body).
_CANCELLATION_ANSWER: Final[Any] = Appointment | None


class Appointments(Resource):
    @filtered(AppointmentFilters)
    def list(self, filters: AppointmentFilters) -> AsyncPager[Appointment]:
        """Appointments, newest first, 100 a page (``GET /appointments``), filtered by the
        keywords of :class:`~intakeq_async.filters.AppointmentFilters`."""
        return self._list(paths.APPOINTMENTS, model=Appointment, params=filters)

    @deprecated_alias(list)
    def query(self) -> None:
        """Deprecated since 0.2: the old name of :meth:`list`, kept for one release."""

    async def get(self, appointment_id: str) -> Appointment:
        """One appointment (``GET /appointments/{id}``)."""
        return await self._get(paths.APPOINTMENT, {"id": appointment_id}, model=Appointment)

    async def settings(self) -> AppointmentSettings:
        """Locations, services and practitioners to book with (``GET /appointments/settings``)."""
        return await self._get(paths.APPOINTMENT_SETTINGS, model=AppointmentSettings)

    async def create(self, appointment: AppointmentInput) -> Appointment:
        """Book an appointment (``POST /appointments``)."""
        return await self._create(paths.APPOINTMENTS, model=Appointment, body=appointment)

    async def update(self, changes: AppointmentUpdate) -> Appointment:
        """Change an appointment; only the fields set are sent (``PUT /appointments``, the
        appointment named by ``changes.id``)."""
        return await self._update(paths.APPOINTMENTS, model=Appointment, body=changes)

    async def cancel(self, appointment_id: str, reason: str | None = None) -> Appointment | None:
        """Cancel an appointment (``POST /appointments/cancellation``).

        What IntakeQ answers is not documented: an empty 200 in most integrations, the
        cancelled appointment in one. Both are accepted: the :class:`Appointment` when the
        answer carries one, ``None`` when it is empty (or 204). Any other answer is a
        :class:`~common.errors.DecodeError` that keeps what was answered (``body`` or
        ``excerpt``) and its 2xx ``status``: the cancellation itself was accepted.
        """
        require_path_value(appointment_id=appointment_id)
        body = Cancellation(appointment_id=appointment_id, reason=reason)
        answer: Appointment | None = await self._request(
            "POST", paths.APPOINTMENT_CANCELLATION, model=_CANCELLATION_ANSWER, body=body
        )
        return answer

"""Appointments: query, get, settings, create, update, cancel."""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from common import AsyncPager, InvalidRequestError, Resource, format_path
from common.models import unstructure
from common.params import day

from .. import paths
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
    def query(
        self,
        *,
        client: str | None = None,
        start_date: date | None = None,
        end_date: date | None = None,
        status: str | None = None,
        practitioner_email: str | None = None,
        updated_since: date | None = None,
        deleted_only: bool | None = None,
    ) -> AsyncPager[Appointment]:
        """Appointments, newest first, 100 a page (``GET /appointments``).

        *client* is a name, email or client number, as IntakeQ's search takes it.
        """
        return self._client.paginate(
            paths.APPOINTMENTS,
            model=Appointment,
            params={
                "client": client,
                "startDate": day("start_date", start_date),
                "endDate": day("end_date", end_date),
                "status": status,
                "practitionerEmail": practitioner_email,
                "updatedSince": day("updated_since", updated_since),
                "deletedOnly": deleted_only,
            },
        )

    async def get(self, appointment_id: str) -> Appointment:
        """One appointment (``GET /appointments/{id}``)."""
        return await self._client.request_model(
            Appointment, "GET", format_path(paths.APPOINTMENT, id=appointment_id)
        )

    async def settings(self) -> AppointmentSettings:
        """Locations, services and practitioners to book with (``GET /appointments/settings``)."""
        return await self._client.request_model(
            AppointmentSettings, "GET", paths.APPOINTMENT_SETTINGS
        )

    async def create(self, appointment: AppointmentInput) -> Appointment:
        """Book an appointment (``POST /appointments``)."""
        return await self._client.request_model(
            Appointment, "POST", paths.APPOINTMENTS, json=unstructure(appointment)
        )

    async def update(self, changes: AppointmentUpdate) -> Appointment:
        """Change an appointment; only the fields set are sent (``PUT /appointments``)."""
        return await self._client.request_model(
            Appointment, "PUT", paths.APPOINTMENTS, json=unstructure(changes)
        )

    async def cancel(self, appointment_id: str, reason: str | None = None) -> Appointment | None:
        """Cancel an appointment (``POST /appointments/cancellation``).

        What IntakeQ answers is not documented: an empty 200 in most integrations, the
        cancelled appointment in one. Both are accepted: the :class:`Appointment` when the
        answer carries one, ``None`` when it is empty (or 204). Any other answer is a
        :class:`~common.errors.DecodeError` that keeps what was answered (``body`` or
        ``excerpt``) and its 2xx ``status``: the cancellation itself was accepted.
        """
        if not str(appointment_id).strip():
            raise InvalidRequestError("appointment_id must not be empty")
        body = Cancellation(appointment_id=appointment_id, reason=reason)
        answer: Appointment | None = await self._client.request_model(
            _CANCELLATION_ANSWER, "POST", paths.APPOINTMENT_CANCELLATION, json=unstructure(body)
        )
        return answer

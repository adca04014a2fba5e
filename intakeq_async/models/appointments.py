"""Appointments, the booking settings they refer to, and the bodies that book and change them."""

from __future__ import annotations

import enum

import attrs

from common import NOT_GIVEN, NotGivenOr
from common.models import Model, UnixMillis, wire_names

from ._shared import _millis, _optional_millis

__all__ = [
    "Appointment",
    "AppointmentInput",
    "AppointmentSettings",
    "AppointmentStatus",
    "AppointmentUpdate",
    "Cancellation",
    "Location",
    "PractitionerSummary",
    "ReminderType",
    "Service",
    "TelehealthInfo",
]


class AppointmentStatus(str, enum.Enum):
    """An appointment's ``Status``: the values of the ``status`` filter (help centre)."""

    CONFIRMED = "Confirmed"
    WAITING_CONFIRMATION = "WaitingConfirmation"
    DECLINED = "Declined"
    CANCELED = "Canceled"
    MISSED = "Missed"


class ReminderType(str, enum.Enum):
    """``ReminderType`` of an appointment (a string in the official C# client; values from
    third-party integrations)."""

    SMS = "Sms"
    EMAIL = "Email"
    VOICE = "Voice"
    OPT_OUT = "OptOut"


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class TelehealthInfo(Model):
    """``TelehealthInfo`` of a telehealth appointment: ``{Id, StartUrl, Invitation, Provider,
    InvitationCode}`` (help centre, Appointments API; ``Provider`` is ``IntakeQ`` or
    ``Zoom``)."""

    id: str | None = None
    start_url: str | None = None
    invitation: str | None = None
    provider: str | None = None
    invitation_code: str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Appointment(Model):
    """An appointment: ``GET /appointments`` (array), ``GET /appointments/{id}``, and the
    answer of ``POST``/``PUT /appointments``; also inside appointment webhooks.

    Help centre ("The Appointment Object", article 204) and official C# client
    (``Models/Appointment.cs``): ``StartDate``/``EndDate``/``DateCreated`` are Unix
    milliseconds, ``Duration`` minutes, ``ServiceId`` a GUID. ``LocationId`` is a number, as
    the help centre's example (``LocationId: 1``) and a typed third-party client show (the C#
    client declares a string, which its JSON reader fills from a number); a numeric string is
    read as the number too. ``StartDateIso``/``StartDateLocal``... are the string twins
    (FACTS; local = the practice's time zone). ``ClientNote``/``PractitionerNote`` are those
    of the create body.
    """

    id: str
    client_id: int | None = None
    client_name: str | None = None
    client_email: str | None = None
    client_phone: str | None = None
    client_date_of_birth: str | None = None
    status: AppointmentStatus | str | None = None
    start_date: UnixMillis | None = None
    end_date: UnixMillis | None = None
    start_date_iso: str | None = None
    end_date_iso: str | None = None
    start_date_local: str | None = None
    end_date_local: str | None = None
    start_date_local_formatted: str | None = None
    duration: int | None = None
    service_id: str | None = None
    service_name: str | None = None
    location_id: int | None = None
    location_name: str | None = None
    price: float | None = None
    practitioner_id: str | None = None
    practitioner_name: str | None = None
    practitioner_email: str | None = None
    date_created: UnixMillis | None = None
    created_by: str | None = None
    booked_by_client: bool | None = None
    intake_id: str | None = None
    reminder_type: ReminderType | str | None = None
    client_note: str | None = None
    practitioner_note: str | None = None
    appointment_package_id: str | None = None
    appointment_package_name: str | None = None
    telehealth_info: TelehealthInfo | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Location(Model):
    """A booking location: ``{Id, Name, Address}`` (official C# client ``BookingLocation``;
    ``Address`` from third-party integrations). ``Id`` is the number appointments carry in
    ``LocationId``."""

    id: int
    name: str | None = None
    address: str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Service(Model):
    """A bookable service: ``{Id, Name, Price, Duration}`` (official C# client
    ``BookingService``; ``Duration`` in minutes)."""

    id: str
    name: str | None = None
    price: float | None = None
    duration: int | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class PractitionerSummary(Model):
    """A practitioner as the booking settings list one: ``{Id, CompleteName, FirstName,
    LastName, Email}`` (help centre, "Retrieve Booking Settings")."""

    id: str
    complete_name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class AppointmentSettings(Model):
    """``GET /appointments/settings``: ``{Locations, Services, Practitioners}``.

    Official C# client (``Models/AppointmentSettings.cs``: services and locations) and help
    centre (practitioners).
    """

    locations: list[Location] | None = None
    services: list[Service] | None = None
    practitioners: list[PractitionerSummary] | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class AppointmentInput:
    """Body of ``POST /appointments`` (create).

    Official C# client ``CreateAppointmentDto``: ``PractitionerId``, ``ClientId``,
    ``LocationId`` (a number, :attr:`Location.id`), ``ServiceId`` and ``UtcDateTime`` (the
    start, Unix milliseconds; pass a ``datetime``) are required here.

    ``Status`` (``Confirmed`` or ``WaitingConfirmation``), ``SendClientEmailNotification``
    and ``ReminderType`` stay optional and are left out unless given, though two
    third-party descriptions mark them required: IntakeQ's own C# client lets them be null
    (and sends ``false`` for the notification), so the server has defaults. If IntakeQ
    answers 400 for a missing one, set it. The notes are optional.
    """

    practitioner_id: str
    client_id: int
    location_id: int
    service_id: str
    utc_date_time: UnixMillis = attrs.field(converter=_millis)
    status: NotGivenOr[AppointmentStatus | str] = NOT_GIVEN
    send_client_email_notification: NotGivenOr[bool] = NOT_GIVEN
    reminder_type: NotGivenOr[ReminderType | str] = NOT_GIVEN
    client_note: NotGivenOr[str | None] = NOT_GIVEN
    practitioner_note: NotGivenOr[str | None] = NOT_GIVEN


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class AppointmentUpdate:
    """Body of ``PUT /appointments`` (update): ``Id`` and only the fields to change.

    Official C# client ``UpdateAppointmentDto`` (service, location, start, status, notes,
    reminder type, email notification); PATCH semantics, unset fields are not sent. Only
    ``Id`` is required here: one third-party OpenAPI description also requires
    ``UtcDateTime``, which the official client does not; pass the current start to be safe
    if IntakeQ refuses an update without it.
    """

    id: str
    service_id: NotGivenOr[str] = NOT_GIVEN
    location_id: NotGivenOr[int] = NOT_GIVEN
    utc_date_time: NotGivenOr[UnixMillis] = attrs.field(
        default=NOT_GIVEN, converter=_optional_millis
    )
    status: NotGivenOr[AppointmentStatus | str] = NOT_GIVEN
    client_note: NotGivenOr[str | None] = NOT_GIVEN
    practitioner_note: NotGivenOr[str | None] = NOT_GIVEN
    reminder_type: NotGivenOr[ReminderType | str] = NOT_GIVEN
    send_client_email_notification: NotGivenOr[bool] = NOT_GIVEN


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Cancellation:
    """Body of ``POST /appointments/cancellation``: ``{AppointmentId, Reason}``
    (third-party integrations; ``Reason`` optional). The answer is not documented: see
    :meth:`intakeq_async.resources.Appointments.cancel`."""

    appointment_id: str
    reason: NotGivenOr[str | None] = NOT_GIVEN

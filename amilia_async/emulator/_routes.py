"""The v3 route table: one constant per path, the handler of each method, path matching."""

from __future__ import annotations

from amilia_async.emulator import _catalog, _people, _webhooks
from amilia_async.emulator._http import Handler, lister

__all__ = ["ROUTES"]

# -- paths (relative to /api/v3/{language}/org/{organization}); one constant per path --------
ACCOUNTS = "/accounts"
ACCOUNT = "/accounts/{id}"
ACCOUNT_CONTACTS = "/accounts/{id}/contacts"
ACCOUNT_REGISTRATIONS = "/accounts/{id}/registrations"
PROGRAMS = "/programs"
PROGRAM = "/programs/{id}"
PROGRAM_ACTIVITIES = "/programs/{id}/activities"
ACTIVITIES = "/activities"
ACTIVITY = "/activities/{id}"
ACTIVITY_OCCURRENCES = "/activities/{id}/occurrences"
ACTIVITY_PERSONS = "/activities/{id}/persons"
ACTIVITY_WAITLIST = "/activities/{id}/waitlist"
EVENTS = "/events"
PERSON_BY_EXTERNAL_ID = "/persons/external/{id}"
ACCESS_SCANS = "/accessscans"
WEBHOOKS = "/webhooks"
WEBHOOK = "/webhooks/{id}"
# Not confirmed by a reference page for the organization scope (see the report):
LOCATIONS = "/locations"
LOCATION_ACTIVITIES = "/locations/{id}/activities"
MEMBERSHIPS = "/memberships"
STAFF = "/staff"
REGISTRATIONS = "/registrations"
PERSONS = "/persons"


#: (method, path template, handler) for the organization scope.
ROUTES: list[tuple[str, str, Handler]] = [
    ("GET", ACCOUNTS, _people.list_accounts),
    ("GET", ACCOUNT, _people.get_account),
    ("GET", ACCOUNT_CONTACTS, _people.list_account_contacts),
    ("GET", ACCOUNT_REGISTRATIONS, _people.list_account_registrations),
    ("GET", PROGRAMS, _catalog.list_programs),
    ("GET", PROGRAM, _catalog.get_program),
    ("GET", PROGRAM_ACTIVITIES, _catalog.list_program_activities),
    ("GET", ACTIVITIES, _catalog.list_activities),
    ("GET", ACTIVITY, _catalog.get_activity),
    ("GET", ACTIVITY_OCCURRENCES, _catalog.list_occurrences),
    ("GET", ACTIVITY_PERSONS, _people.list_activity_persons),
    ("GET", ACTIVITY_WAITLIST, _catalog.get_waitlist),
    ("GET", EVENTS, _catalog.list_events),
    ("GET", PERSON_BY_EXTERNAL_ID, _people.get_person_by_external_id),
    ("GET", ACCESS_SCANS, _people.list_access_scans),
    ("GET", WEBHOOKS, _webhooks.list_webhooks),
    ("POST", WEBHOOKS, _webhooks.create_webhook),
    ("DELETE", WEBHOOK, _webhooks.delete_webhook),
    ("GET", LOCATIONS, lister("locations")),
    ("GET", LOCATION_ACTIVITIES, _catalog.list_location_activities),
    ("GET", MEMBERSHIPS, lister("memberships")),
    ("GET", STAFF, lister("staff")),
    ("GET", REGISTRATIONS, _people.list_registrations),
    ("GET", PERSONS, lister("persons")),
]

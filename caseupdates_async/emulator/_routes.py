"""The route table: one constant per path (relative to ``/api/v1``) and the handler of each.

Only the case-update paths are in the vendor's own document; every other path comes from the
help centre or Trackops's PHP client and is listed in :data:`UNCONFIRMED_PATHS` (a wrong one
is a one-line fix here).
"""

from __future__ import annotations

from caseupdates_async.emulator import _billing, _cases, _contacts, _staff, _updates
from caseupdates_async.emulator._http import Handler

__all__ = ["API_PREFIX", "ROUTES", "UNCONFIRMED_PATHS"]

#: Where the API lives under the emulator's root URL (``https://{subdomain}.viewcases.com``).
API_PREFIX = "/api/v1"

# -- source: doc (case-updates-api.txt) ------------------------------------------------------
CASE_UPDATES = "/case/updates"
CASE_UPDATE = "/case/updates/{case_update_id}"
# -- source: help centre / official PHP client (unconfirmed against the live API) -----------
CASES = "/cases"
CASE_REQUESTS = "/case/requests"
CLIENT_CONTACTS = "/client/contacts"
CLIENT_CONTACT = "/client/contacts/{id}"
CLIENTS = "/clients"
CLIENT_LOCATIONS = "/client/locations"
CLIENT_LOCATION = "/client/locations/{client_location_id}"
INVOICES = "/invoices"
EXPENSE_ENTRIES = "/expense/entries"
EXPENSE_ENTRY = "/expense/entries/{expense_entry_id}"
STAFF = "/staff"
STAFF_MEMBER = "/staff/{staff_id}"
EMPLOYEES = "/staff/employees"

#: The paths whose source is not the vendor's own document.
UNCONFIRMED_PATHS: frozenset[str] = frozenset(
    {
        CASES,
        CASE_REQUESTS,
        CLIENT_CONTACTS,
        CLIENT_CONTACT,
        CLIENTS,
        CLIENT_LOCATIONS,
        CLIENT_LOCATION,
        INVOICES,
        EXPENSE_ENTRIES,
        EXPENSE_ENTRY,
        STAFF,
        STAFF_MEMBER,
        EMPLOYEES,
    }
)

#: (method, path template, handler); ``mode=count`` is a query on any list route.
ROUTES: tuple[tuple[str, str, Handler], ...] = (
    ("GET", CASE_UPDATES, _updates.list_updates),
    ("POST", CASE_UPDATES, _updates.create_update),
    ("GET", CASE_UPDATE, _updates.get_update),
    ("PUT", CASE_UPDATE, _updates.update_update),
    ("GET", CASES, _cases.list_cases),
    ("POST", CASES, _cases.create_case),
    ("GET", CASE_REQUESTS, _cases.list_case_requests),
    ("GET", CLIENT_CONTACTS, _contacts.list_contacts),
    ("POST", CLIENT_CONTACTS, _contacts.create_contact),
    ("GET", CLIENT_CONTACT, _contacts.get_contact),
    ("GET", CLIENTS, _contacts.list_clients),
    ("GET", CLIENT_LOCATIONS, _contacts.list_locations),
    ("POST", CLIENT_LOCATIONS, _contacts.create_location),
    ("GET", CLIENT_LOCATION, _contacts.get_location),
    ("GET", INVOICES, _billing.list_invoices),
    ("GET", EXPENSE_ENTRIES, _billing.list_expense_entries),
    ("GET", EXPENSE_ENTRY, _billing.get_expense_entry),
    ("GET", STAFF, _staff.list_staff),
    ("GET", STAFF_MEMBER, _staff.get_staff),
    ("POST", EMPLOYEES, _staff.create_employee),
)

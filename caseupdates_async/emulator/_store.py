"""The emulator's in-memory data: wire-shaped (snake_case) dicts, seeded deterministically.

Every collection maps an id to the item exactly as the API sends it (the listing order is the
id order). Tests may read, count, add, edit or remove items freely; handlers read the store on
every request. Seeded records are dated in 2024 (fixed, so a given ``seed`` always builds the
same data); records created through the API are stamped with :attr:`TrackopsData.clock`.

Two kinds of records are not sent exactly as stored: the ``field_values`` of a contact or a
staff member are sent only with ``expand_field_values``, and a client is sent with its
``locations`` added.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

import attrs

from caseupdates_async.emulator._time import format_date, format_timestamp

__all__ = ["Json", "TrackopsData", "build_data", "utc_now"]

Json = dict[str, Any]

#: Seeded records fall in this year.
SEED_YEAR = 2024


def utc_now() -> dt.datetime:
    """Now, in UTC, to the second (the wire has no fractions)."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


@attrs.define(eq=False)
class TrackopsData:
    """Everything the emulated Trackops account holds. Collections map id -> wire item."""

    #: The staff member the API user is (``created_by_id`` of updates made through the API).
    api_user_id: int = 1
    #: Staff members, employees and vendors (``is_vendor``), as ``GET /staff`` sends them
    #: (``field_values`` only with ``expand_field_values``).
    staff: dict[int, Json] = attrs.Factory(dict)
    #: Reference lists the create calls validate against: id -> name.
    access_groups: dict[int, str] = attrs.Factory(dict)
    #: The investigating company's own offices (an employee's ``client_id``).
    company_locations: dict[int, str] = attrs.Factory(dict)
    #: Staff user roles; those in :attr:`vendor_roles` are not available to employees.
    staff_roles: dict[int, str] = attrs.Factory(dict)
    vendor_roles: set[int] = attrs.Factory(set)
    case_types: dict[int, str] = attrs.Factory(dict)
    case_regions: dict[int, str] = attrs.Factory(dict)
    case_statuses: dict[int, str] = attrs.Factory(dict)
    contact_roles: dict[int, str] = attrs.Factory(dict)
    clients: dict[int, Json] = attrs.Factory(dict)
    #: Client locations (branches), each under its root client ``root_id``.
    client_locations: dict[int, Json] = attrs.Factory(dict)
    contacts: dict[int, Json] = attrs.Factory(dict)
    cases: dict[int, Json] = attrs.Factory(dict)
    case_updates: dict[int, Json] = attrs.Factory(dict)
    invoices: dict[int, Json] = attrs.Factory(dict)
    expense_entries: dict[int, Json] = attrs.Factory(dict)
    #: What "now" is for records created or changed through the API (UTC, whole seconds).
    clock: Callable[[], dt.datetime] = utc_now

    @property
    def case_requests(self) -> dict[int, Json]:
        """The cases that are requests (``is_request``), a live view of :attr:`cases`."""
        return {key: case for key, case in self.cases.items() if case["is_request"]}

    def now(self) -> str:
        """:attr:`clock` as a wire timestamp."""
        return format_timestamp(self.clock())

    def today(self) -> str:
        """:attr:`clock`'s date as a wire date."""
        return format_date(self.clock().date())

    def next_subject_id(self) -> int:
        ids = [s["id"] for case in self.cases.values() for s in case["subjects"]]
        return max(ids, default=0) + 1


def next_id(collection: dict[int, Any]) -> int:
    """The id a new item of *collection* gets."""
    return max(collection, default=0) + 1


_FIRST = [
    "Alice", "Brandon", "Carmen", "Derek", "Elena", "Frank", "Grace", "Hector", "Irene", "Jamal",
    "Kara", "Luis", "Maya", "Nolan", "Olga", "Pedro", "Quinn", "Rosa", "Simon", "Tara",
]  # fmt: skip
_LAST = [
    "Anderson", "Baker", "Castillo", "Dawson", "Ellis", "Fischer", "Garcia", "Hughes", "Ibarra",
    "Jensen", "Kowalski", "Lopez", "Murphy", "Nguyen", "Ortiz", "Patel", "Reyes", "Sullivan",
]  # fmt: skip
_CLIENTS = [
    ("Acme Insurance", ["Denver", "Boulder"]),
    ("Bluebird Mutual", ["Austin"]),
    ("Cobalt Risk Partners", ["Chicago", "Milwaukee", "Madison"]),
    ("Delta Claims Group", ["Phoenix"]),
    ("Evergreen Legal LLP", ["Seattle", "Portland"]),
    ("Frontier Casualty", ["Dallas"]),
    ("Granite Self-Insured Trust", ["Salt Lake City"]),
    ("Harbor Workers Comp", ["San Diego", "Los Angeles"]),
]
_ROLES = ["Adjuster", "Attorney", "Paralegal", "Supervisor", "Billing"]
_STAFF = [
    ("Api User", "admin"),
    ("Ian Vega", "investigator"),
    ("Ivy Chen", "investigator"),
    ("Isaac Moore", "investigator"),
    ("Mona Park", "manager"),
    ("Mark Ruiz", "manager"),
    ("Sam Holt", "salesperson"),
    ("Sue Baird", "salesperson"),
    ("Northwind Surveillance LLC", "vendor"),
]
_STAFF_ROLES = {"admin": 1, "investigator": 2, "manager": 3, "salesperson": 4, "vendor": 5}
_STATES = {
    "Denver": "CO", "Boulder": "CO", "Austin": "TX", "Chicago": "IL", "Milwaukee": "WI",
    "Madison": "WI", "Phoenix": "AZ", "Seattle": "WA", "Portland": "OR", "Dallas": "TX",
    "Salt Lake City": "UT", "San Diego": "CA", "Los Angeles": "CA",
}  # fmt: skip
_TITLES = [
    "Surveillance day 1", "Surveillance day 2", "Records request sent", "Background check done",
    "Interview scheduled", "Claimant observed", "Report drafted", "Case review",
]  # fmt: skip
_INVOICE_STATUSES = ["draft", "open", "sent", "partial_paid", "paid"]
_EXPENSE_STATUSES = ["pending", "approved", "declined", "committed", "voided"]
_EXPENSE_ITEMS = [(1, "Mileage", 0.65), (2, "Meals", 1.0), (3, "Lodging", 1.0), (4, "Tolls", 1.0)]


def build_data(*, seed: int = 1, contacts: int = 120) -> TrackopsData:
    """A deterministic account: 9 staff members (one a vendor), 8 clients (13 locations),
    *contacts* contacts, 40 cases (10 of them requests), 120 case updates, 30 invoices and 36
    expense entries."""
    if contacts < 0:
        raise ValueError("contacts must be >= 0")
    rng = random.Random(seed)
    data = TrackopsData()
    start = dt.datetime(SEED_YEAR, 1, 2, 8, 0, tzinfo=dt.timezone.utc)

    def moment(index: int, spread_hours: int = 0) -> dt.datetime:
        return start + dt.timedelta(hours=index * 5 + rng.randint(0, spread_hours))

    data.company_locations.update({1: "Head office", 2: "Field office"})
    data.staff_roles.update(
        {1: "Administrator", 2: "Investigator", 3: "Case manager", 4: "Salesperson", 5: "Vendor"}
    )
    data.vendor_roles.add(_STAFF_ROLES["vendor"])
    _seed_staff(data)
    investigators = [s for s, (_, r) in enumerate(_STAFF, start=1) if r == "investigator"]
    managers = [s for s, (_, r) in enumerate(_STAFF, start=1) if r == "manager"]
    sales = [s for s, (_, r) in enumerate(_STAFF, start=1) if r == "salesperson"]
    data.access_groups.update({1: "Everyone", 2: "Staff only", 3: "Client and staff"})
    data.case_types.update({1: "Surveillance", 2: "Background check", 3: "Interview", 4: "Records"})
    data.case_regions.update({1: "West", 2: "Central", 3: "South"})
    data.case_statuses.update({1: "New", 2: "Open", 3: "On hold", 4: "Closed"})
    data.contact_roles.update(dict(enumerate(_ROLES, start=1)))

    _seed_clients(data, rng, sales, moment)
    _seed_contacts(data, rng, contacts, sales, moment)
    _seed_cases(data, rng, investigators, managers, sales, moment)
    _seed_updates(data, rng, investigators, moment)
    _seed_invoices(data, rng, moment)
    _seed_expenses(data, rng, investigators, moment)
    return data


def _stamps(when: dt.datetime, later_hours: int) -> tuple[str, str]:
    return format_timestamp(when), format_timestamp(when + dt.timedelta(hours=later_hours))


def _seed_staff(data: TrackopsData) -> None:
    """The staff of :data:`_STAFF` (no randomness: the other records' draws stay the same)."""
    hired = dt.datetime(SEED_YEAR - 1, 6, 1, 9, 0, tzinfo=dt.timezone.utc)
    for staff_id, (name, role) in enumerate(_STAFF, start=1):
        vendor = role == "vendor"
        first, _, last = name.partition(" ")
        created, updated = _stamps(hired + dt.timedelta(days=staff_id * 9), 24 * staff_id)
        data.staff[staff_id] = {
            "id": staff_id,
            "first_name": None if vendor else first,
            "last_name": name if vendor else last,  # "last name of an employee, or name of vendor"
            "name": name,
            "email": f"{name.replace(' ', '.')}@agency.example".lower(),
            "role_id": _STAFF_ROLES[role],
            "is_vendor": vendor,
            "client_id": 1 + staff_id % 2,  # a company location
            "created_at": created,
            "updated_at": updated,
            "field_values": [{"id": 1, "name": "Languages", "value": "English"}],
        }


def _seed_clients(
    data: TrackopsData,
    rng: random.Random,
    sales: list[int],
    moment: Callable[[int, int], dt.datetime],
) -> None:
    location_id = 1
    for client_id, (name, cities) in enumerate(_CLIENTS, start=1):
        created, updated = _stamps(moment(client_id, 3), 24)
        data.clients[client_id] = {
            "id": client_id,
            "name": name,
            "account_code": f"C{client_id:04d}",
            "salesperson_id": rng.choice(sales),
            "is_active": client_id != len(_CLIENTS),
            "created_at": created,
            "updated_at": updated,
        }
        for number, city in enumerate(cities):
            data.client_locations[location_id] = {
                "id": location_id,
                "root_id": client_id,
                "name": f"{name} - {city}",
                "is_primary": number == 0,
                "email_invoice": f"billing{location_id}@client.example",
                "address_1": f"{100 + location_id * 7} Main Street",
                "address_2": None,
                "city": city,
                "state": _STATES[city],
                "zip": f"{80000 + location_id * 37:05d}",
                "country": "US",
                "salesperson_id": data.clients[client_id]["salesperson_id"],
                "created_at": created,
                "updated_at": updated,
            }
            location_id += 1


def _seed_contacts(
    data: TrackopsData,
    rng: random.Random,
    count: int,
    sales: list[int],
    moment: Callable[[int, int], dt.datetime],
) -> None:
    locations = list(data.client_locations.values())
    for contact_id in range(1, count + 1):
        location = locations[(contact_id - 1) % len(locations)]
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        created, updated = _stamps(moment(contact_id, 4), rng.randint(0, 400))
        data.contacts[contact_id] = {
            "id": contact_id,
            "client_id": location["root_id"],
            "client_location_id": location["id"],
            "first_name": first,
            "last_name": last,
            "email": f"{first}.{last}.{contact_id}@example.com".lower(),
            "phone": f"555-01{contact_id % 100:02d}",
            "title": rng.choice(["Senior Adjuster", "Claims Manager", "Counsel", ""]),
            "role_id": rng.choice(list(data.contact_roles)),
            "salesperson_id": location["salesperson_id"],
            "created_at": created,
            "updated_at": updated,
            "field_values": [
                {
                    "id": 1,
                    "name": "Preferred contact method",
                    "value": rng.choice(["email", "phone"]),
                },
                {"id": 2, "name": "Region", "value": location["city"]},
            ],
        }


def _seed_cases(
    data: TrackopsData,
    rng: random.Random,
    investigators: list[int],
    managers: list[int],
    sales: list[int],
    moment: Callable[[int, int], dt.datetime],
) -> None:
    contacts: list[Json | None] = [*data.contacts.values()] or [None]
    subject_id = 1
    for case_id in range(1, 41):
        contact = contacts[(case_id * 7) % len(contacts)]
        location = (
            data.client_locations[contact["client_location_id"]]
            if contact
            else data.client_locations[1 + case_id % len(data.client_locations)]
        )
        when = moment(case_id * 9, 6)
        created, updated = _stamps(when, rng.randint(1, 300))
        status_id = 1 if case_id % 4 == 0 else rng.choice([2, 2, 3, 4])
        subject = {
            "id": subject_id,
            "subject_type_id": 1,
            "is_primary": True,
            "is_pinned": True,
            "name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
            "custom_fields": [],
        }
        subject_id += 1
        data.cases[case_id] = {
            "id": case_id,
            "case_number": f"{SEED_YEAR % 100:02d}-{case_id:05d}",
            "case_type_id": rng.choice(list(data.case_types)),
            "client_id": location["root_id"],
            "client_location_id": location["id"],
            "primary_contact_id": contact["id"] if contact else None,
            "case_region_id": rng.choice(list(data.case_regions)),
            "case_status_id": status_id,
            "case_status": data.case_statuses[status_id],
            "company_location_id": 1,
            "is_request": case_id % 4 == 0,
            "created_on": format_date(when.date()),
            "due_on": format_date(when.date() + dt.timedelta(days=rng.randint(7, 30))),
            "primary_investigator_id": rng.choice(investigators),
            "primary_manager_id": rng.choice(managers),
            "primary_salesperson_id": rng.choice(sales),
            "primary_subject_id": subject["id"],
            "reference_value_1": f"CLM-{1000 + case_id}",
            "reference_value_2": f"ALT-{rng.randint(100, 999)}",
            "reference_value_3": None,
            "case_location": location["city"],
            "budget_money": float(rng.choice([500, 1000, 1500, 2500])),
            "budget_hours": float(rng.choice([4, 8, 16])),
            "notes": "",
            "scheduling_notes": "",
            "admin_notes": "",
            "case_services_list": [1],
            "case_flags_list": [],
            "custom_fields": [],
            "subjects": [subject],
            "created_at": created,
            "updated_at": updated,
        }


def _seed_updates(
    data: TrackopsData,
    rng: random.Random,
    investigators: list[int],
    moment: Callable[[int, int], dt.datetime],
) -> None:
    case_ids = [c for c, case in data.cases.items() if not case["is_request"]]
    for update_id in range(1, 121):
        case = data.cases[case_ids[update_id % len(case_ids)]]
        when = moment(update_id * 3, 4)
        created, updated = _stamps(when, rng.choice([0, 0, 2, 30]))
        allday = update_id % 5 == 0
        activity = when.replace(hour=0, minute=0) if allday else when - dt.timedelta(hours=2)
        validated = rng.random() < 0.7
        reply = update_id > 10 and update_id % 7 == 0
        data.case_updates[update_id] = {
            "id": update_id,
            "casefile_id": case["id"],
            "subject_id": case["primary_subject_id"] if update_id % 2 else None,
            "event_id": None,
            "access_group_id": rng.choice(list(data.access_groups)),
            "thread_id": update_id - 7 if reply else update_id,
            "created_by_id": rng.choice(investigators),
            "behalf_of_id": None,
            "title": rng.choice(_TITLES),
            "body": f"<p>Update {update_id} on case {case['case_number']}.</p>",
            "activity_at": format_timestamp(activity),
            "is_allday": allday,
            "is_validated": validated,
            "validated_at": updated if validated else None,
            "update_details": [],
            "created_at": created,
            "updated_at": updated,
        }


def _seed_invoices(
    data: TrackopsData, rng: random.Random, moment: Callable[[int, int], dt.datetime]
) -> None:
    cases = list(data.cases.values())
    for invoice_id in range(1, 31):
        case = cases[(invoice_id * 3) % len(cases)]
        when = moment(invoice_id * 11, 6)
        created, updated = _stamps(when, rng.randint(1, 200))
        status = rng.choice(_INVOICE_STATUSES)
        total = round(rng.uniform(150, 4000), 2)
        closed = when.date() + dt.timedelta(days=rng.randint(5, 40))
        data.invoices[invoice_id] = {
            "id": invoice_id,
            "invoice_number": 1000 + invoice_id,
            "reference_number": f"PO-{rng.randint(10000, 99999)}",
            "client_id": case["client_id"],
            "client_location_id": case["client_location_id"],
            "contact_id": case["primary_contact_id"],
            "casefile_id": case["id"],
            "salesperson_id": case["primary_salesperson_id"],
            "tracking_category_id": rng.choice([1, 2]),
            "status": status,
            "created_on": format_date(when.date()),
            "due_on": format_date(when.date() + dt.timedelta(days=30)),
            "closed_on": format_date(closed) if status == "paid" else None,
            "total": total,
            "balance": {"paid": 0.0, "partial_paid": round(total / 2, 2)}.get(status, total),
            "created_at": created,
            "updated_at": updated,
        }


def _seed_expenses(
    data: TrackopsData,
    rng: random.Random,
    investigators: list[int],
    moment: Callable[[int, int], dt.datetime],
) -> None:
    cases = list(data.cases.values())
    detail_id = 1
    for entry_id in range(1, 37):
        when = moment(entry_id * 10, 6)
        user_id = rng.choice(investigators)
        created, updated = _stamps(when, 1)
        details: list[Json] = []
        for _ in range(rng.randint(1, 3)):
            item_id, alias, rate = rng.choice(_EXPENSE_ITEMS)
            quantity = float(rng.randint(1, 120)) if item_id == 1 else 1.0
            rate = rate if item_id == 1 else round(rng.uniform(10, 180), 2)
            details.append(
                {
                    "id": detail_id,
                    "FinanceItem": {"id": item_id, "expense_alias": alias},
                    "notes": f"{alias} for case work",
                    "rate": rate,
                    "quantity": quantity,
                    "total": round(rate * quantity, 2),
                }
            )
            detail_id += 1
        status = rng.choice(_EXPENSE_STATUSES)
        data.expense_entries[entry_id] = {
            "id": entry_id,
            "entry_number": entry_id,
            "formatted_entry_number": f"EXP-{entry_id:05d}",
            "entry_date": format_date(when.date()),
            "status": status,
            "tracking_category_id": rng.choice([1, 2]),
            # committed entries sit on a payment slip
            "expense_slip_id": 100 + entry_id % 3 if status == "committed" else None,
            "casefile_id": cases[entry_id % len(cases)]["id"],
            "user_id": user_id,
            "User": {"id": user_id, "name": data.staff[user_id]["name"]},
            "ExpenseDetails": details,
            "total": round(sum(d["total"] for d in details), 2),
            "created_at": created,
            "updated_at": updated,
        }

"""The emulator's in-memory data: wire-shaped (PascalCase) dicts, seeded deterministically.

Every collection is a ``dict`` from id to the item exactly as the API sends it (ordered by id),
except that localizable values are :class:`Localized` pairs resolved per request language.
Tests may read, count, add or remove items freely; handlers read the store on every request.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
from collections.abc import Iterator
from typing import Any

import attrs

__all__ = ["AmiliaData", "Json", "Localized", "build_data", "localize", "local_tz"]

Json = dict[str, Any]


@attrs.frozen
class Localized:
    """A value with an English and a French version; the URL's language picks one."""

    en: str
    fr: str

    def __str__(self) -> str:
        return self.en


def localize(value: Any, language: str) -> Any:
    """*value* with every :class:`Localized` replaced by its *language* version (deep copy)."""
    if isinstance(value, dict):
        return {key: localize(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [localize(item, language) for item in value]
    if isinstance(value, Localized):
        return value.fr if language == "fr" else value.en
    return value


def local_tz() -> dt.tzinfo:
    """Montréal time (Amilia's home), or a fixed UTC-05:00 when tzdata is missing."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("America/Montreal")
    except Exception:  # pragma: no cover - no tz database on this machine
        return dt.timezone(dt.timedelta(hours=-5), "EST")


@attrs.define(eq=False)
class AmiliaData:
    """Everything the emulated organization holds. Collections map id -> wire item."""

    organization_id: int
    today: dt.date
    tz: dt.tzinfo
    programs: dict[int, Json] = attrs.Factory(dict)
    activities: dict[int, Json] = attrs.Factory(dict)
    #: activity id -> its occurrences, by id
    occurrences: dict[int, list[Json]] = attrs.Factory(dict)
    accounts: dict[int, Json] = attrs.Factory(dict)
    #: account id -> its contacts
    contacts: dict[int, list[Json]] = attrs.Factory(dict)
    persons: dict[int, Json] = attrs.Factory(dict)
    registrations: dict[int, Json] = attrs.Factory(dict)
    #: activity id -> the persons on its waitlist, in order
    waitlists: dict[int, list[Json]] = attrs.Factory(dict)
    events: dict[int, Json] = attrs.Factory(dict)
    access_scans: dict[int, Json] = attrs.Factory(dict)
    locations: dict[int, Json] = attrs.Factory(dict)
    memberships: dict[int, Json] = attrs.Factory(dict)
    staff: dict[int, Json] = attrs.Factory(dict)
    webhooks: dict[int, Json] = attrs.Factory(dict)
    next_webhook_id: int = 1
    _stamps: dict[tuple[dt.date, int, int], str] = attrs.field(factory=dict, repr=False)

    def stamp(self, day: dt.date, hour: int = 0, minute: int = 0) -> str:
        """A local date-time with its offset, e.g. ``2019-06-01T09:30:00-04:00``."""
        key = (day, hour, minute)
        text = self._stamps.get(key)
        if text is None:
            moment = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=self.tz)
            text = self._stamps[key] = moment.isoformat(timespec="seconds")
        return text

    def program_of(self, activity: Json) -> Json | None:
        """The program an activity belongs to."""
        return self.programs.get(activity["ProgramId"])


_FIRST = [
    "Alice", "Benoît", "Chloé", "David", "Émilie", "François", "Gabrielle", "Hugo", "Isabelle",
    "Jacob", "Karine", "Louis", "Mathilde", "Nathan", "Olivia", "Philippe", "Rosalie", "Samuel",
    "Thomas", "Valérie", "William", "Zoé",
]  # fmt: skip
_LAST = [
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
    "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette",
    "Girard", "Simard", "Boucher", "Caron", "Beaulieu",
]  # fmt: skip
_PROGRAMS = [
    # (English name, French name, activities, visible, archived)
    ("Aquatics", "Aquatique", 260, True, False),  # 250 + 6 hidden + 4 cancelled
    ("Day Camps", "Camps de jour", 90, True, False),
    ("Fitness", "Conditionnement physique", 90, True, False),
    ("Racquet Sports", "Sports de raquette", 90, True, False),
    ("Staff Training", "Formation du personnel", 10, False, False),
    ("Aquatics (last year)", "Aquatique (l'an dernier)", 12, True, True),
]
_CATEGORIES = ["Swimming", "Soccer", "Yoga", "Tennis", "Dance", "Climbing", "Karate", "Art"]
_LEVELS = ["Beginner", "Intermediate", "Advanced", "Adults", "Kids"]
_DAYS = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"]
_PLACES = [
    "Natatorium", "Centre Sportif", "Aréna Nord", "Parc Jarry", "Gymnase A", "Gymnase B",
    "Studio 1", "Studio 2", "Tennis Courts", "Climbing Wall", "Dojo", "Art Room",
]  # fmt: skip

ACCOUNTS = 450  # not archived; plus ARCHIVED_ACCOUNTS archived ones
ARCHIVED_ACCOUNTS = 20
EVENTS_TODAY = 230  # visible, normal events today (what a default /events listing returns)
BIG_OCCURRENCES = 60  # occurrences of the first three activities of each program


def build_data(*, seed: int, today: dt.date, organization_id: int) -> AmiliaData:
    """Seed an organization: deterministic for a given ``seed`` and ``today``."""
    rng = random.Random(seed)
    data = AmiliaData(organization_id=organization_id, today=today, tz=local_tz())
    was_enabled = gc.isenabled()
    gc.disable()  # thousands of small dicts: collecting mid-way only slows the seeding
    try:
        _seed_places_and_people(data, rng)
        _seed_programs(data, rng)
        _seed_accounts(data, rng)
        _seed_registrations(data, rng)
        _seed_events(data, rng)
        _seed_access_scans(data, rng)
    finally:
        if was_enabled:
            gc.enable()
    return data


def _ids(start: int) -> Iterator[int]:
    value = start
    while True:
        yield value
        value += 1


def _seed_places_and_people(data: AmiliaData, rng: random.Random) -> None:
    for index, name in enumerate(_PLACES):
        location_id = 1 + index
        data.locations[location_id] = {
            "Id": location_id,
            "Name": name,
            "ParentId": 1 if index in (4, 5) else None,
            "Address": {
                "Address1": f"{100 + 7 * index} rue Principale",
                "City": "Montréal",
                "StateProvince": "QC",
                "Country": "Canada",
                "ZipPostalCode": "H2X 1Y4",
                "Latitude": round(45.5 + rng.random() / 10, 5),
                "Longitude": round(-73.6 + rng.random() / 10, 5),
            },
        }
    for index in range(15):
        membership_id = 1 + index
        data.memberships[membership_id] = {
            "Id": membership_id,
            "Name": Localized(f"Membership {index + 1}", f"Abonnement {index + 1}"),
            "Price": float(20 + 5 * index),
            "DurationInMonths": (1, 3, 12)[index % 3],
            "IsArchived": index >= 13,
        }
    for index in range(40):
        staff_id = 1 + index
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        data.staff[staff_id] = {
            "Id": staff_id,
            "FirstName": first,
            "LastName": last,
            "FullName": f"{first} {last}",
            "Email": f"staff{staff_id}@example.org",
            "State": "Active" if index < 36 else "Inactive",
        }


def _seed_programs(data: AmiliaData, rng: random.Random) -> None:
    today = data.today
    activity_ids, occurrence_ids = _ids(1), _ids(1)
    locations = list(data.locations.values())
    for index, (en, fr, count, visible, archived) in enumerate(_PROGRAMS):
        program_id = 1 + index
        start = today - dt.timedelta(days=400 if archived else 30 + 7 * index)
        end = start + dt.timedelta(days=150 if archived else 120 + 10 * index)
        data.programs[program_id] = {
            "Id": program_id,
            "Name": Localized(en, fr),
            "Start": data.stamp(start),
            "End": data.stamp(end),
            "Url": f"www.example.org/{en.lower().replace(' ', '-')}",
            "PictureUrl": "img/program.jpg",
            "IsArchived": archived,
            "IsVisible": visible,
            "IsPasswordProtected": False,
        }
        for number in range(count):
            activity_id = next(activity_ids)
            category = _CATEGORIES[(index + number) % len(_CATEGORIES)]
            level = _LEVELS[number % len(_LEVELS)]
            location = locations[number % len(locations)]
            hour = 8 + number % 12
            # Status is Amilia's StateType: Normal, Hidden or Cancelled. A hidden program's
            # activities are hidden; program 1's last 10 are 6 hidden and 4 cancelled ones.
            status = "Normal" if visible else "Hidden"
            if index == 0 and number >= count - 10:
                status = "Cancelled" if number >= count - 4 else "Hidden"
            capacity = rng.choice((8, 12, 16, 20, 24))
            reserved = rng.randint(0, capacity)
            data.activities[activity_id] = {
                "Id": activity_id,
                "Name": f"{category} {level} {number + 1}",
                "OrganizationId": data.organization_id,
                "ProgramId": program_id,
                "ProgramName": Localized(en, fr),
                "CategoryId": 56000 + _CATEGORIES.index(category),
                "CategoryName": category,
                "SubCategoryId": 57000 + _LEVELS.index(level),
                "SubCategoryName": level,
                "Description": f"{category} for {level.lower()}",
                "Prerequisite": "",
                "Note": "",
                "Url": f"activity/{activity_id}",
                "PictureUrl": "activity/picture.jpg",
                "Status": status,
                "Price": float(rng.choice((0, 45, 60, 90, 120, 150))),
                "DropInPrice": 15.0,
                "Age": {"Min": 5, "Max": 99, "Months": False},
                "MaxAttendance": capacity,
                "SpotsReserved": reserved,
                "SpotsRemaining": capacity - reserved,
                "StartDate": data.stamp(start),
                "EndDate": data.stamp(end),
                "ScheduleSummary": f"{_DAYS[number % 7]} {hour}h-{hour + 1}h",
                "HasSessionEnabled": True,
                "HasDropInEnabled": number % 3 == 0,
                "Location": {"Id": location["Id"], "Name": location["Name"]},
                # v3: where it is scheduled (Schedules[*].Locations[*]) and the display text
                "LocationLabel": location["Name"],
                "Schedules": [{"Locations": [{"Id": location["Id"], "Name": location["Name"]}]}],
                "HasWaitListEnabled": False,  # True for the activities seeded with a waitlist
                "Forms": [],
                "Keywords": [{"Id": 88 + _CATEGORIES.index(category), "Name": category}],
            }
            occurrences = BIG_OCCURRENCES if number < 3 else 4
            data.activities[activity_id]["NumberOfOccurrences"] = occurrences
            data.occurrences[activity_id] = [
                _occurrence(data, next(occurrence_ids), activity_id, start, week, hour, location)
                for week in range(occurrences)
            ]


def _occurrence(
    data: AmiliaData, occurrence_id: int, activity_id: int, start: dt.date, week: int,
    hour: int, location: Json,
) -> Json:  # fmt: skip
    day = start + dt.timedelta(days=7 * week)
    return {
        "Id": occurrence_id,
        "ActivityId": activity_id,
        "Start": data.stamp(day, hour),
        "End": data.stamp(day, hour + 1),
        # every tenth occurrence was moved: an "edited" one, hidden unless showEdited=true
        "State": "Moved" if week % 10 == 9 else "Normal",
        "HasDropInEnabled": False,
        "DropInMaxAttendance": 0,
        "DropInSpotsReserved": 0,
        "DropInSpotsRemaining": 0,
        "Location": {"Id": location["Id"], "Name": location["Name"]},
        "Staff": [],
    }


def _seed_accounts(data: AmiliaData, rng: random.Random) -> None:
    person_ids, contact_ids = _ids(1), _ids(1)
    for index in range(ACCOUNTS + ARCHIVED_ACCOUNTS):
        account_id = 1 + index
        archived = index % 23 == 22  # 20 of the 470, spread out
        family = rng.choice(_LAST)
        members: list[Json] = []
        for member in range(rng.randint(1, 4)):
            person_id = next(person_ids)
            first = rng.choice(_FIRST)
            adult = member == 0
            birth = dt.date(1970 + rng.randint(0, 25) if adult else 2008 + rng.randint(0, 12), 1, 1)
            birth += dt.timedelta(days=rng.randint(0, 364))
            person = {
                "Id": person_id,
                "OrganizationId": data.organization_id,
                "AccountId": account_id,
                "FirstName": first,
                "LastName": family,
                "FullName": f"{first} {family}",
                "Gender": rng.choice(("Male", "Female", "NotSpecified")),
                "DateOfBirth": birth.isoformat(),
                "Email": f"{first.lower()}.{person_id}@example.com" if adult else "",
                "IsChild": not adult,
                "ExternalId": f"EXT-{person_id}" if person_id % 3 else None,
            }
            data.persons[person_id] = person
            members.append(person)
        owner = members[0]
        contacts = [
            {
                "Id": next(contact_ids),
                "FirstName": rng.choice(_FIRST),
                "LastName": rng.choice(_LAST),
                "Relationship": rng.choice(("Grandmother", "Neighbour", "Uncle")),
                "Type": "EmergencyContact",
                "Telephone": f"514 555 {rng.randint(1000, 9999)}",
                "Email": "",
            }
            for _ in range(rng.randint(0, 2))
        ]
        for contact in contacts:
            contact["FullName"] = f"{contact['FirstName']} {contact['LastName']}"
        data.contacts[account_id] = contacts
        data.accounts[account_id] = {
            "Id": account_id,
            "Owners": [
                {
                    "OrganizationId": data.organization_id,
                    "AccountId": account_id,
                    "AccountOwnerId": owner["Id"],
                    "AccountOwnerFirstName": owner["FirstName"],
                    "AccountOwnerLastName": owner["LastName"],
                    "AccountOwnerFullName": owner["FullName"],
                    "AccountOwnerEmail": owner["Email"],
                    "AccountOwnerTelephoneMobile": None,
                    "IsArchived": archived,
                    "Contacts": contacts,
                }
            ],
            "Members": [
                {key: person[key] for key in ("Id", "FirstName", "LastName", "FullName")}
                for person in members
            ],
            "Corporate": None,
            "AccountMemberships": [],
        }


def _seed_registrations(data: AmiliaData, rng: random.Random) -> None:
    registration_ids = _ids(1)
    persons = list(data.persons.values())
    activities = list(data.activities.values())
    for position, activity in enumerate(activities):
        # the first activity is full of people (two pages of persons), the rest have a few
        count = 240 if position == 0 else rng.randint(0, 6)
        for person in rng.sample(persons, count):
            registration_id = next(registration_ids)
            created = data.today - dt.timedelta(days=rng.randint(0, 60))
            drop_in = rng.random() < 0.1
            data.registrations[registration_id] = _registration(
                data, registration_id, activity, person, created, drop_in=drop_in,
                cancelled=rng.random() < 0.05,
            )  # fmt: skip
    for activity in activities[:2]:
        activity["HasWaitListEnabled"] = True
        entries = rng.sample(persons, 30)
        # the persons on the waitlist, in waitlist order (the reference's WaitList items)
        data.waitlists[activity["Id"]] = [
            {
                "Id": person["Id"],
                "FirstName": person["FirstName"],
                "LastName": person["LastName"],
                "FullName": person["FullName"],
                "DateOfBirth": person["DateOfBirth"],
                "Email": person["Email"],
                "Telephone": f"(514) 555-{1000 + person['Id'] % 9000}",
                "TelephoneMobile": None,
                "TelephoneWork": None,
            }
            for person in entries
        ]


def _registration(
    data: AmiliaData, registration_id: int, activity: Json, person: Json, created: dt.date,
    *, drop_in: bool, cancelled: bool,
) -> Json:  # fmt: skip
    owner = data.accounts[person["AccountId"]]["Owners"][0]
    return {
        "Id": registration_id,
        "RegistrationId": f"R{registration_id}",
        "Status": "Cancelled" if cancelled else "Active",
        "Program": {"Id": activity["ProgramId"], "Name": activity["ProgramName"]},
        "Activity": {"Id": activity["Id"], "Name": activity["Name"]},
        "Category": {"Id": activity["CategoryId"], "Name": activity["CategoryName"]},
        "SubCategory": {"Id": activity["SubCategoryId"], "Name": activity["SubCategoryName"]},
        "Group": None,
        "DropIn": {"Date": data.stamp(created + dt.timedelta(days=7))} if drop_in else None,
        "DateCreated": data.stamp(created, 10),
        "Person": {key: person[key] for key in ("Id", "FirstName", "LastName", "FullName")},
        "AccountOwner": {
            "AccountId": owner["AccountId"],
            "FullName": owner["AccountOwnerFullName"],
            "Email": owner["AccountOwnerEmail"],
        },
        "Staff": None,
    }


def _seed_events(data: AmiliaData, rng: random.Random) -> None:
    event_ids = _ids(1)
    attendees = list(data.persons.values())[:200]
    active = [
        a
        for a in data.activities.values()
        if a["Status"] == "Normal" and not data.programs[a["ProgramId"]]["IsArchived"]
    ]
    hidden = [a for a in data.activities.values() if a["Status"] == "Hidden"]
    cancelled = [a for a in data.activities.values() if a["Status"] == "Cancelled"]
    plan: list[tuple[dt.date, Json, str]] = [
        (data.today, rng.choice(active), "Normal") for _ in range(EVENTS_TODAY)
    ]
    plan += [(data.today, rng.choice(active), "Skipped") for _ in range(3)]
    plan += [(data.today, rng.choice(cancelled), "Cancelled") for _ in range(3)]
    plan += [(data.today, rng.choice(hidden), "Normal") for _ in range(4)]
    for offset in (*range(-7, 0), *range(1, 8)):
        day = data.today + dt.timedelta(days=offset)
        plan += [(day, rng.choice(active), "Normal") for _ in range(10)]
    for day, activity, status in plan:
        event_id = next(event_ids)
        hour = rng.randint(6, 21)
        participants = [
            {
                "PersonId": person["Id"],
                "FullName": person["FullName"],
                "Attendance": rng.choice(("None", "Present", "Absent")),
            }
            for person in rng.sample(attendees, rng.randint(0, 5))
        ]
        data.events[event_id] = {
            "Id": event_id,
            "ActivityId": activity["Id"],
            "ActivityName": activity["Name"],
            "ProgramId": activity["ProgramId"],
            "ProgramName": activity["ProgramName"],
            "Start": data.stamp(day, hour),
            "End": data.stamp(day, hour, 45),
            "Status": status,
            "Location": activity["Location"],
            "Staff": [],
            "Participants": participants,
        }


def _seed_access_scans(data: AmiliaData, rng: random.Random) -> None:
    scan_ids = _ids(1)
    persons = list(data.persons.values())[:300]
    activities = list(data.activities.values())[:50]
    for offset in range(-5, 6):
        day = data.today + dt.timedelta(days=offset)
        for _ in range(40 if offset == 0 else 8):
            scan_id = next(scan_ids)
            person, activity = rng.choice(persons), rng.choice(activities)
            moment = dt.datetime(
                day.year, day.month, day.day, rng.randint(6, 21), rng.randint(0, 59)
            )
            data.access_scans[scan_id] = {
                "Id": scan_id,
                "ConfigurationId": 1,
                "Status": "Normal",
                "ScanDate": moment.isoformat(timespec="seconds"),
                "Warning": "None",
                "AccessControlType": "Normal",
                "PersonId": person["Id"],
                "PersonName": person["FullName"],
                "MemberNumber": f"P{person['Id']:07d}",
                "AccountId": person["AccountId"],
                "ActivityId": activity["Id"],
                "ActivityName": activity["Name"],
                "MembershipId": None,
                "SubscriptionState": "Valid",
            }

"""Every Trackops path this package calls, relative to ``https://{subdomain}.viewcases.com/api/v1``.

Sources from ``../shared/endpoints/caseupdates.tsv``: ``doc`` (the Case Updates API document),
``help`` (Trackops help-centre articles), ``official-lib`` (Trackops's own PHP client).
"""

from __future__ import annotations

from typing import Final

CASE_UPDATES: Final = "/case/updates"  # doc
CASE_UPDATE: Final = "/case/updates/{id}"  # doc
CASES: Final = "/cases"  # help (list), official-lib (count, create)
CASE_REQUESTS: Final = "/case/requests"  # help
CONTACTS: Final = "/client/contacts"  # help
CONTACT: Final = "/client/contacts/{id}"  # help
CLIENTS: Final = "/clients"  # help
CLIENT_LOCATIONS: Final = "/client/locations"  # help (article 212338863)
CLIENT_LOCATION: Final = "/client/locations/{id}"  # help
INVOICES: Final = "/invoices"  # help
EXPENSE_ENTRIES: Final = "/expense/entries"  # help (article 212339183), official-lib
EXPENSE_ENTRY: Final = "/expense/entries/{id}"  # help
STAFF: Final = "/staff"  # help (article 212339023)
STAFF_MEMBER: Final = "/staff/{id}"  # help
EMPLOYEES: Final = "/staff/employees"  # help

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
INVOICES: Final = "/invoices"  # help
EXPENSE_ENTRIES: Final = "/expense/entries"  # official-lib

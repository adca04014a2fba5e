"""One module per section of the Trackops API."""

from .billing import Expenses, Invoices
from .case_updates import CaseUpdates
from .cases import CaseRequests, Cases
from .contacts import ClientLocations, Clients, Contacts
from .staff import StaffMembers

__all__ = [
    "CaseRequests",
    "CaseUpdates",
    "Cases",
    "ClientLocations",
    "Clients",
    "Contacts",
    "Expenses",
    "Invoices",
    "StaffMembers",
]

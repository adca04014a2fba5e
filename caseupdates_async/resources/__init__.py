"""One module per section of the Trackops API."""

from .billing import Expenses, Invoices
from .case_updates import CaseUpdates
from .cases import CaseRequests, Cases
from .contacts import Clients, Contacts

__all__ = ["CaseRequests", "CaseUpdates", "Cases", "Clients", "Contacts", "Expenses", "Invoices"]

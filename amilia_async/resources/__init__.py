"""One module per section of Amilia's v3 organization API."""

from .access_scans import AccessScans
from .accounts import Accounts
from .activities import Activities
from .events import Events
from .locations import Locations
from .memberships import Memberships
from .persons import Persons
from .programs import Programs
from .registrations import Registrations
from .staff import Staff
from .webhooks import Webhooks

__all__ = [
    "AccessScans",
    "Accounts",
    "Activities",
    "Events",
    "Locations",
    "Memberships",
    "Persons",
    "Programs",
    "Registrations",
    "Staff",
    "Webhooks",
]

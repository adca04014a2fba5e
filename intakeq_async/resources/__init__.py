"""One module per section of the IntakeQ API."""

from .appointments import Appointments
from .clients import Clients
from .files import Files, Folders
from .intakes import Intakes, Questionnaires
from .notes import Notes
from .practice import Claims, Invoices, Practitioners

__all__ = [
    "Appointments",
    "Claims",
    "Clients",
    "Files",
    "Folders",
    "Intakes",
    "Invoices",
    "Notes",
    "Practitioners",
    "Questionnaires",
]

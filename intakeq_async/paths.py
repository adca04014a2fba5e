"""Every IntakeQ path this package calls, relative to ``https://intakeq.com/api/v1``.

Each carries its source from ``../shared/endpoints/intakeq.tsv``: ``doc`` (the Files API
document), ``help`` (IntakeQ's help centre), ``official-lib`` (IntakeQ's own C# client),
``third-party`` (public integrations). Paths not from IntakeQ itself are UNCONFIRMED against
the live API: if it disagrees, fix the line here.
"""

from __future__ import annotations

from typing import Final

FILES: Final = "/files"  # doc
FILE: Final = "/files/{id}"  # doc
CLIENT_FILES: Final = "/files/{client_id}"  # doc (upload)
FOLDERS: Final = "/folders"  # doc
CLIENTS: Final = "/clients"  # help (query), official-lib (save)
CLIENT_PROFILE: Final = "/clients/profile/{id}"  # official-lib
CLIENT_TAGS: Final = "/clientTags"  # third-party -- UNCONFIRMED
CLIENT_DIAGNOSES: Final = "/client/{id}/diagnoses"  # third-party -- UNCONFIRMED
APPOINTMENTS: Final = "/appointments"  # official-lib (query, create); PUT: third-party
APPOINTMENT: Final = "/appointments/{id}"  # help
APPOINTMENT_SETTINGS: Final = "/appointments/settings"  # official-lib
APPOINTMENT_CANCELLATION: Final = "/appointments/cancellation"  # third-party -- UNCONFIRMED
INTAKE_SUMMARIES: Final = "/intakes/summary"  # help
INTAKES: Final = "/intakes"  # official-lib (office-use answers)
INTAKE: Final = "/intakes/{id}"  # help
INTAKE_PDF: Final = "/intakes/{id}/pdf"  # official-lib
INTAKE_SEND: Final = "/intakes/send"  # official-lib
INTAKE_RESEND: Final = "/intakes/resend"  # official-lib
ATTACHMENT: Final = "/attachments/{id}"  # official-lib
QUESTIONNAIRES: Final = "/questionnaires"  # official-lib
PRACTITIONERS: Final = "/practitioners"  # official-lib
NOTE_SUMMARIES: Final = "/notes/summary"  # help
NOTE: Final = "/notes/{id}"  # help
NOTE_PDF: Final = "/notes/{id}/pdf"  # help
INVOICES: Final = "/invoices"  # official-lib
INVOICE: Final = "/invoices/{id}"  # help
CLAIMS: Final = "/claims"  # help? -- UNCONFIRMED path

#: The invoice query's last-update filters are spelled two ways in public sources
#: (``lastUpdatedStartDate`` and ``lastUpdateStartDate``); UNCONFIRMED. One place to fix.
INVOICE_UPDATED_START: Final = "lastUpdatedStartDate"
INVOICE_UPDATED_END: Final = "lastUpdatedEndDate"

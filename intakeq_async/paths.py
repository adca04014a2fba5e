"""Every IntakeQ path this package calls, relative to ``https://intakeq.com/api/v1``, and the
spelling of every query parameter on which public sources disagree.

Each path carries its source from ``../shared/endpoints/intakeq.tsv``: ``doc`` (the Files API
document), ``help`` (IntakeQ's help centre), ``official-lib`` (IntakeQ's own C# client),
``third-party`` (public integrations). Paths not from IntakeQ itself are UNCONFIRMED against
the live API: if it disagrees, fix the line here. The emulator reads the query spellings below
from this module too, so a correction here moves the client and the emulator together.
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
# third-party -- UNCONFIRMED (consent form PDF; the id is a ConsentForm.Id of the intake)
INTAKE_CONSENT_PDF: Final = "/intakes/{id}/consent/{consent_form_id}/pdf"
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

#: The client query's custom-field filter, one parameter per field: ``custom.{fieldId}=value``.
#: Sources disagree: the newest revision of IntakeQ's help article (251, Client API) writes
#: ``custom.fieldId=value``, an older revision ``custom[[fieldId]]=value`` and the official C#
#: client ``custom[key]``. The vendor's newest word wins; change the form here if it is wrong.
CLIENT_CUSTOM_FIELD_FILTER: Final = "custom.{field_id}"

#: The invoice query's last-update range. Third-party sources spell it two ways:
#: ``lastUpdatedStartDate`` (the endpoint inventory, the api-evangelist OpenAPI description, and
#: a public Python client that says it follows the help article) and ``lastUpdateStartDate``
#: (one TypeScript client's interface). The help article's text is not public in full:
#: UNCONFIRMED; the better-attested spelling is used, in this one place.
INVOICE_UPDATED_START: Final = "lastUpdatedStartDate"
INVOICE_UPDATED_END: Final = "lastUpdatedEndDate"
#: The other spelling of the same range; the emulator refuses it, so a regression shows.
INVOICE_UPDATED_MISSPELLED: Final = ("lastUpdateStartDate", "lastUpdateEndDate")

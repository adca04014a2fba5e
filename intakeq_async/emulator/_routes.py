"""The route table: one constant per path (relative to ``/api/v1``), the handler of each method.

Paths whose source is IntakeQ's own Files document or help centre are confirmed; the others
(its C# client, third-party integrations, or a help article with an unconfirmed path) are
listed in :data:`UNCONFIRMED`. Each path is one constant, so a correction is a one-line fix.
"""

from __future__ import annotations

from intakeq_async.emulator import _appointments, _clients, _files, _intakes, _records
from intakeq_async.emulator._http import Handler

__all__ = ["API_PREFIX", "ROUTES", "UNCONFIRMED"]

API_PREFIX = "/api/v1"

# -- confirmed: the Files document (doc) and the help centre (help) ------------------------
FILES = "/files"
FOLDERS = "/folders"
FILE = "/files/{fileId}"
CLIENT_FILES = "/files/{clientId}"  # upload: same shape as FILE, another method
CLIENTS = "/clients"  # GET
APPOINTMENT = "/appointments/{id}"
INTAKE_SUMMARIES = "/intakes/summary"
INTAKE = "/intakes/{id}"
NOTE_SUMMARIES = "/notes/summary"
NOTE = "/notes/{id}"
NOTE_PDF = "/notes/{id}/pdf"
INVOICE = "/invoices/{id}"

# -- official-lib: IntakeQ's own C# client --------------------------------------------------
CLIENT_PROFILE = "/clients/profile/{clientId}"
CLIENT_SAVE = "/clients"  # POST (the same path as the query)
APPOINTMENTS = "/appointments"  # GET (query) and POST (create)
APPOINTMENT_SETTINGS = "/appointments/settings"
INTAKE_PDF = "/intakes/{id}/pdf"
INTAKE_SEND = "/intakes/send"
INTAKE_RESEND = "/intakes/resend"
INTAKE_OFFICE_ANSWERS = "/intakes"
ATTACHMENT = "/attachments/{id}"
QUESTIONNAIRES = "/questionnaires"
PRACTITIONERS = "/practitioners"
INVOICES = "/invoices"

# -- third-party integrations ---------------------------------------------------------------
CLIENT_TAGS = "/clientTags"  # POST {ClientId, Tag}; DELETE ?clientId=&tag=
CLIENT_DIAGNOSES = "/client/{clientId}/diagnoses"
APPOINTMENT_UPDATE = "/appointments"  # PUT
APPOINTMENT_CANCELLATION = "/appointments/cancellation"
INTAKE_CONSENT_PDF = "/intakes/{id}/consent/{consentFormId}/pdf"

# -- help?: the operation is documented, its exact path is not confirmed ---------------------
CLAIMS = "/claims"

#: (method, path) of every route whose source is not the Files document or the help centre.
UNCONFIRMED: tuple[tuple[str, str], ...] = (
    ("GET", CLIENT_PROFILE),
    ("POST", CLIENT_SAVE),
    ("POST", CLIENT_TAGS),
    ("DELETE", CLIENT_TAGS),
    ("GET", CLIENT_DIAGNOSES),
    ("GET", APPOINTMENTS),
    ("GET", APPOINTMENT_SETTINGS),
    ("POST", APPOINTMENTS),
    ("PUT", APPOINTMENT_UPDATE),
    ("POST", APPOINTMENT_CANCELLATION),
    ("GET", INTAKE_PDF),
    ("GET", INTAKE_CONSENT_PDF),
    ("POST", INTAKE_SEND),
    ("POST", INTAKE_RESEND),
    ("POST", INTAKE_OFFICE_ANSWERS),
    ("GET", ATTACHMENT),
    ("GET", QUESTIONNAIRES),
    ("GET", PRACTITIONERS),
    ("GET", INVOICES),
    ("GET", CLAIMS),
)

#: (method, path template, handler): the 33 operations of ``intakeq.tsv``.
ROUTES: list[tuple[str, str, Handler]] = [
    ("GET", FILES, _files.list_files),
    ("GET", FOLDERS, _files.list_folders),
    ("GET", FILE, _files.download_file),
    ("POST", CLIENT_FILES, _files.upload_file),
    ("DELETE", FILE, _files.delete_file),
    ("GET", CLIENTS, _clients.query_clients),
    ("GET", CLIENT_PROFILE, _clients.get_profile),
    ("POST", CLIENT_SAVE, _clients.save_client),
    ("POST", CLIENT_TAGS, _clients.add_tag),
    ("DELETE", CLIENT_TAGS, _clients.remove_tag),
    ("GET", CLIENT_DIAGNOSES, _clients.get_diagnoses),
    ("GET", APPOINTMENTS, _appointments.query_appointments),
    ("GET", APPOINTMENT, _appointments.get_appointment),
    ("GET", APPOINTMENT_SETTINGS, _appointments.get_settings),
    ("POST", APPOINTMENTS, _appointments.create_appointment),
    ("PUT", APPOINTMENT_UPDATE, _appointments.update_appointment),
    ("POST", APPOINTMENT_CANCELLATION, _appointments.cancel_appointment),
    ("GET", INTAKE_SUMMARIES, _intakes.query_intakes),
    ("GET", INTAKE, _intakes.get_intake),
    ("GET", INTAKE_PDF, _intakes.get_intake_pdf),
    ("GET", INTAKE_CONSENT_PDF, _intakes.get_consent_pdf),
    ("POST", INTAKE_SEND, _intakes.send_intake),
    ("POST", INTAKE_RESEND, _intakes.resend_intake),
    ("POST", INTAKE_OFFICE_ANSWERS, _intakes.update_office_answers),
    ("GET", ATTACHMENT, _intakes.download_attachment),
    ("GET", QUESTIONNAIRES, _intakes.list_questionnaires),
    ("GET", PRACTITIONERS, _appointments.list_practitioners),
    ("GET", NOTE_SUMMARIES, _records.query_notes),
    ("GET", NOTE, _records.get_note),
    ("GET", NOTE_PDF, _records.get_note_pdf),
    ("GET", INVOICES, _records.query_invoices),
    ("GET", INVOICE, _records.get_invoice),
    ("GET", CLAIMS, _records.query_claims),
]

"""Every Amilia path this package calls, in one place, with where it comes from.

Paths are relative to the organization base URL
``{root}/api/v3/{language}/org/{organization}`` unless marked otherwise. A path the vendor's
documents do not confirm is marked UNCONFIRMED: if the live API disagrees, fix it here.
Sources (see ``../shared/endpoints/amilia.tsv``): ``help`` = Amilia's reference pages,
``third-party`` = public integrations.
"""

from __future__ import annotations

from typing import Final, Literal

#: Relative to the API root (not the organization): Basic credentials → ``{"Token": jwt}``.
AUTHENTICATE: Final = "/api/v3/authenticate"  # help
#: The HTTP method of the login. Public integrations use both: GET (docs.unified.to; a PHP
#: client) and POST (oomol-lab/open-connector; a Node snippet). GET is the inventory's row,
#: sourced from Amilia's help pages (``../shared/endpoints/amilia.tsv``), the strongest source,
#: and what Postman sends for the documented "enter the URL, choose Basic Auth, Send" steps.
#: If the live API answers 405, switch it here: nothing else names the method.
AUTHENTICATE_METHOD: Final[Literal["GET", "POST"]] = "GET"  # help
#: Relative to the API root: the v2 public API, paged by ``Page.NextId``.
V2_ROOT: Final = "/PublicApi/{organization}/{language}"  # help (v2 reference)

ACCOUNTS: Final = "/accounts"  # help
ACCOUNT: Final = "/accounts/{id}"  # third-party (Pipedream ``getAccount``)
ACCOUNT_CONTACTS: Final = "/accounts/{id}/contacts"  # help
ACCOUNT_REGISTRATIONS: Final = "/accounts/{id}/registrations"  # third-party
PROGRAMS: Final = "/programs"  # help
PROGRAM: Final = "/programs/{id}"  # help
PROGRAM_ACTIVITIES: Final = "/programs/{id}/activities"  # help
ACTIVITIES: Final = "/activities"  # third-party -- UNCONFIRMED for organizations
ACTIVITY: Final = "/activities/{id}"  # help (partner page), third-party for organizations
ACTIVITY_OCCURRENCES: Final = "/activities/{id}/occurrences"  # help
ACTIVITY_PERSONS: Final = "/activities/{id}/persons"  # help
ACTIVITY_WAITLIST: Final = "/activities/{id}/waitlist"  # help (one object, see Activities)
EVENTS: Final = "/events"  # help
PERSON_BY_EXTERNAL_ID: Final = "/persons/external/{id}"  # help
ACCESS_SCANS: Final = "/accessscans"  # help (the reference spells it /AccessScans)
WEBHOOKS: Final = "/webhooks"  # third-party? -- UNCONFIRMED path
WEBHOOK: Final = "/webhooks/{id}"  # third-party? -- UNCONFIRMED path
LOCATIONS: Final = "/locations"  # help (named by the locations/{id}/activities page)
LOCATION_ACTIVITIES: Final = "/locations/{id}/activities"  # help
MEMBERSHIPS: Final = "/memberships"  # help
REGISTRATIONS: Final = "/registrations"  # help
STAFF: Final = "/staff"  # help names it from /staff/{id}/availabilities -- UNCONFIRMED path

"""Access control: scans of member cards at the door.

Money is a ``float`` (see :mod:`amilia_async.models.catalog`).
"""

from __future__ import annotations

from datetime import datetime

import attrs

from common.models import Model, wire_names

from ._shared import Gender

__all__ = ["AccessScan"]


@wire_names("pascal")
@attrs.frozen
class AccessScan(Model):
    """One scan at an access-control point.

    Returned by ``GET /AccessScans`` ("Get the access scans for an organization for a
    specified date range", ``GetV3OrgAccessscans2513.html``; query ``start``, ``end``,
    ``page``, ``perPage``). ``Status``, ``Warning``, ``AccessControlType`` and
    ``SubscriptionState`` are strings (``Normal``, ``None``, ``Valid`` in the samples);
    ``Gender`` is a letter there (``F``). ``ScanDate`` comes without an offset and is
    read as UTC.
    """

    id: int
    configuration_id: int | None = None
    status: str | None = None
    scan_date: datetime | None = None
    warning: str | None = None
    warning_message: str | None = None
    access_control_type: str | None = None
    responsible_genuine_person_id: int | None = None
    responsible_name: str | None = None
    note: str | None = None
    person_id: int | None = None
    genuine_person_id: int | None = None
    member_number: str | None = None
    person_name: str | None = None
    gender: Gender | str | None = None
    account_id: int | None = None
    balance_at_scan: float | None = None
    activity_segment_id: int | None = None
    activity_id: int | None = None
    activity_name: str | None = None
    subscription_state: str | None = None
    subscription_expiration: datetime | None = None
    membership_id: int | None = None
    membership_name: str | None = None
    location_id: int | None = None

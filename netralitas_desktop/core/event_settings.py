"""Per-event options and files (schema v4), so features add settings without migrations.

Values are JSON; assets are bytes (images, a certificate background PDF). Both belong to
the event and disappear with it.
"""

from __future__ import annotations

import json
from typing import Any

from .models import Event, EventAsset, EventSetting, db, now

# Keys shared by several features (one name for each option).
ONLINE_MIN_MINUTES = "online_min_minutes"  # int: minutes online that count as attendance
DEFAULT_ONLINE_MIN_MINUTES = 60  # until the committee sets its own (set it through the online import)
CERTIFICATE_FOR_ONLINE = "certificate_for_online"  # bool: online attendees get a certificate
PAPER = "paper"  # "A4" or "F4": the event's default paper for documents
LETTERHEAD = "letterhead"  # dict: {"lines": [...], "address": "..."}; logo is asset "logo"
TIME_ZONE = "time_zone"  # "WIB", "WITA" or "WIT": printed after every time of the event
MASK_NIK = "mask_nik"  # bool: NIKs masked on everything handed out or posted (UU PDP); default True

# Indonesia's three zones; the event's is printed wherever a time is ("08.00 – 12.00 WIB").
TIME_ZONES = {
    "WIB": "Waktu Indonesia Barat (UTC+7)",
    "WITA": "Waktu Indonesia Tengah (UTC+8)",
    "WIT": "Waktu Indonesia Timur (UTC+9)",
}
DEFAULT_TIME_ZONE = "WIB"


def get_setting(event_id: int, key: str, default: Any = None) -> Any:
    row = EventSetting.get_or_none((EventSetting.event == event_id) & (EventSetting.key == key))
    return default if row is None else json.loads(row.value)


def set_setting(event_id: int, key: str, value: Any) -> None:
    """Store ``value`` (JSON-serialisable); ``None`` removes the option."""
    with db.atomic():
        EventSetting.delete().where((EventSetting.event == event_id) & (EventSetting.key == key)).execute()
        if value is not None:
            EventSetting.insert(event=event_id, key=key, value=json.dumps(value, ensure_ascii=False)).execute()


def online_min_minutes(event_id: int) -> int:
    """The event's minimum minutes online, or the default: one reading for import and certificates."""
    value = get_setting(event_id, ONLINE_MIN_MINUTES, DEFAULT_ONLINE_MIN_MINUTES)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return DEFAULT_ONLINE_MIN_MINUTES
    return value


def event_time_zone(event_id: int) -> str:
    """The event's zone abbreviation (``WIB`` until the committee sets another)."""
    value = get_setting(event_id, TIME_ZONE, DEFAULT_TIME_ZONE)
    return value if value in TIME_ZONES else DEFAULT_TIME_ZONE


def nik_masked(event_id: int) -> bool:
    """Whether NIKs are masked (``nip.mask_nik``) on lists, exports and certificates of the event.

    On by default (UU PDP 27/2022: collect and show the minimum); the committee may switch it
    off per event when a receiving office needs the full number. The form a person signs
    always carries their own full NIK.
    """
    return get_setting(event_id, MASK_NIK, True) is not False


def all_settings(event_id: int) -> dict[str, Any]:
    query = EventSetting.select().where(EventSetting.event == event_id)
    return {row.key: json.loads(row.value) for row in query}


def put_asset(event_id: int, kind: str, data: bytes, filename: str = "") -> None:
    """Replace the event's asset of ``kind``."""
    with db.atomic():
        EventAsset.delete().where((EventAsset.event == event_id) & (EventAsset.kind == kind)).execute()
        EventAsset.create(event=event_id, kind=kind, data=data, filename=filename, updated_at=now())


def get_asset(event_id: int, kind: str) -> bytes | None:
    row = EventAsset.get_or_none((EventAsset.event == event_id) & (EventAsset.kind == kind))
    return None if row is None else bytes(row.data)


def asset_filename(event_id: int, kind: str) -> str | None:
    row = (
        EventAsset.select(EventAsset.filename).where((EventAsset.event == event_id) & (EventAsset.kind == kind)).first()
    )
    return None if row is None else row.filename


def delete_asset(event_id: int, kind: str) -> bool:
    return bool(EventAsset.delete().where((EventAsset.event == event_id) & (EventAsset.kind == kind)).execute())


def event_exists(event_id: int) -> bool:
    return Event.select().where(Event.id == event_id).exists()

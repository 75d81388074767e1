"""Per-event options and assets (schema v4)."""

import datetime as dt

from netralitas_desktop.core import event_settings as es
from netralitas_desktop.core.events import EventData, create_event, delete_event
from netralitas_desktop.core.models import EventAsset, EventSetting


def _event() -> int:
    return create_event(EventData(title="Sosialisasi", date=dt.date(2024, 7, 1)))


def test_settings_round_trip_as_json(db):
    event_id = _event()
    assert es.get_setting(event_id, es.ONLINE_MIN_MINUTES, 30) == 30
    es.set_setting(event_id, es.ONLINE_MIN_MINUTES, 45)
    es.set_setting(event_id, es.LETTERHEAD, {"lines": ["PEMERINTAH KABUPATEN PURWOREJO"], "address": "Jl. Proklamasi"})
    es.set_setting(event_id, es.ONLINE_MIN_MINUTES, 60)  # replaces, no duplicate key
    assert es.get_setting(event_id, es.ONLINE_MIN_MINUTES) == 60
    assert es.all_settings(event_id) == {
        "online_min_minutes": 60,
        "letterhead": {"lines": ["PEMERINTAH KABUPATEN PURWOREJO"], "address": "Jl. Proklamasi"},
    }
    es.set_setting(event_id, es.ONLINE_MIN_MINUTES, None)
    assert es.get_setting(event_id, es.ONLINE_MIN_MINUTES) is None


def test_assets_replace_and_go_with_the_event(db):
    event_id = _event()
    assert es.get_asset(event_id, "logo") is None
    es.put_asset(event_id, "logo", b"\x89PNG first", "logo.png")
    es.put_asset(event_id, "logo", b"\x89PNG second", "logo-baru.png")
    assert es.get_asset(event_id, "logo") == b"\x89PNG second"
    assert es.asset_filename(event_id, "logo") == "logo-baru.png"
    es.set_setting(event_id, es.PAPER, "F4")
    delete_event(event_id)
    assert EventAsset.select().count() == 0
    assert EventSetting.select().count() == 0

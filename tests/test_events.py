"""Event service on both backends: validation messages, edit, list with counts, delete, audit."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from netralitas_desktop.core import audit
from netralitas_desktop.core.events import (
    EventData,
    NotFoundError,
    Signatory,
    ValidationError,
    create_event,
    delete_event,
    get_event,
    list_events,
    update_event,
    validate,
)
from netralitas_desktop.core.models import Attendance, AuditLog, Event, Person, Registration

DESK = audit.Actor(desk="Meja 2", operator="Rina")


def _event(**changes) -> EventData:
    data = EventData(
        title="Sosialisasi Netralitas ASN Pilkada 2024",
        date=dt.date(2024, 7, 1),
        kind="both",
        start_time=dt.time(8, 0),
        end_time=dt.time(12, 30),
        venue="Pendopo Kabupaten",
        instansi="Pemerintah Kabupaten Sukamakmur",
        place_name="Sukamakmur",
        organizer="BKPSDM Kabupaten Sukamakmur",
        election_name="Pemilihan Bupati dan Wakil Bupati 2024",
        speakers="Ketua Bawaslu\nAsisten Pemerintahan",
        signatory1=Signatory(
            "Kepala BKPSDM", "Drs. H. Budi Santoso, M.Si.", "Pembina Utama Muda, IV/c", "19700101 199503 1 002"
        ),
        jp_hours=Decimal("2.5"),
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_created_event_reads_back_as_entered(any_db):
    event_id = create_event(_event(title="  Sosialisasi Netralitas ASN Pilkada 2024  "), actor=DESK)
    stored = get_event(event_id)
    expected = _event(id=event_id)
    expected.signatory1.nip = "197001011995031002"  # stored as digits, printed grouped later
    assert stored == expected
    assert isinstance(stored.jp_hours, Decimal)


def test_minimal_event_needs_only_title_and_date(any_db):
    event_id = create_event(EventData(title="Apel Netralitas", date=dt.date(2024, 8, 19)))
    stored = get_event(event_id)
    assert (stored.title, stored.date, stored.kind) == ("Apel Netralitas", dt.date(2024, 8, 19), "both")
    assert stored.start_time is None and stored.signatory1.is_empty and stored.signatory2.is_empty
    assert stored.jp_hours == Decimal("0")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": "   "}, "title", "Nama kegiatan wajib diisi."),
        ({"title": "x" * 301}, "title", "Nama kegiatan paling banyak 300 karakter."),
        ({"date": None}, "date", "Tanggal kegiatan wajib diisi."),
        ({"kind": "rapat"}, "kind", "Jenis kegiatan tidak dikenal: rapat."),
        ({"end_time": dt.time(8, 0)}, "end_time", "Jam selesai harus sesudah jam mulai."),
        ({"end_time": dt.time(7, 0)}, "end_time", "Jam selesai harus sesudah jam mulai."),
        ({"jp_hours": Decimal("-1")}, "jp_hours", "Jumlah JP harus antara 0 dan 200."),
        ({"jp_hours": Decimal("200.5")}, "jp_hours", "Jumlah JP harus antara 0 dan 200."),
        ({"signatory1": Signatory(jabatan="Kepala BKPSDM")}, "signatory1.name", "Nama penanda tangan 1 wajib diisi."),
        ({"signatory2": Signatory(name="Sri Wahyuni")}, "signatory2.jabatan", "Jabatan penanda tangan 2 wajib diisi."),
    ],
)
def test_invalid_events_are_refused_with_a_message_per_field(any_db, changes, field, message):
    data = _event(**changes)
    assert validate(data)[field] == message
    with pytest.raises(ValidationError) as caught:
        create_event(data)
    assert caught.value.errors[field] == message
    assert message in str(caught.value)
    assert Event.select().count() == 0
    assert AuditLog.select().count() == 0


def test_signatory_nip_is_checked(any_db):
    data = _event(signatory2=Signatory("Sekretaris Daerah", "Ir. Ahmad", "", "19700101 199513 1 002"))
    with pytest.raises(ValidationError) as caught:
        create_event(data)
    assert caught.value.errors["signatory2.nip"].startswith("Penanda tangan 2: NIP tidak valid: bulan TMT CPNS")


def test_all_errors_are_reported_at_once(any_db):
    errors = validate(EventData(title="", date=None, kind="x"))
    assert set(errors) == {"title", "date", "kind"}


@pytest.mark.parametrize(
    ("field", "limit"),
    [("venue", 300), ("instansi", 300), ("place_name", 100), ("organizer", 300)],
)
def test_text_longer_than_its_column_is_refused_on_both_backends(any_db, field, limit):
    """PostgreSQL would reject the row with a driver error and SQLite would keep it: refuse it first."""
    at_limit = _event(**{field: "a" * limit})
    assert field not in validate(at_limit)
    create_event(at_limit)
    with pytest.raises(ValidationError) as caught:
        create_event(_event(**{field: "a" * (limit + 1)}))
    assert f"paling banyak {limit} karakter" in caught.value.errors[field]


def test_signatory_text_longer_than_its_column_is_refused(any_db):
    data = _event(signatory1=Signatory("Kepala BKPSDM", "Budi", "P" * 101, ""))
    with pytest.raises(ValidationError) as caught:
        create_event(data)
    assert "paling banyak 100 karakter" in caught.value.errors["signatory1.pangkat"]


def test_update_event(any_db):
    event_id = create_event(_event())
    before = Event.get_by_id(event_id).updated_at
    changed = get_event(event_id)
    changed.title = "Ikrar Netralitas ASN"
    changed.kind = "ikrar"
    changed.signatory2 = Signatory("Sekretaris Daerah", "Ir. Ahmad, M.T.", "Pembina Utama Madya, IV/d", "")
    update_event(changed, actor=DESK)
    stored = get_event(event_id)
    assert stored == changed
    assert Event.get_by_id(event_id).updated_at >= before


def test_update_is_validated_and_changes_nothing_when_invalid(any_db):
    event_id = create_event(_event())
    changed = get_event(event_id)
    changed.title = ""
    with pytest.raises(ValidationError):
        update_event(changed)
    assert get_event(event_id).title == "Sosialisasi Netralitas ASN Pilkada 2024"


def test_updating_a_missing_event(any_db):
    with pytest.raises(NotFoundError, match="belum disimpan"):
        update_event(_event())
    with pytest.raises(NotFoundError, match="Kegiatan nomor 999 tidak ditemukan"):
        update_event(_event(id=999))
    with pytest.raises(NotFoundError, match="Kegiatan nomor 999 tidak ditemukan"):
        get_event(999)
    assert AuditLog.select().count() == 0


def _people(count: int) -> list[Person]:
    return [Person.create(nama=f"Peserta {i}", nip=f"19800101200501100{i}") for i in range(1, count + 1)]


def test_list_events_newest_first_with_counts(any_db):
    old = create_event(_event(title="Lama", date=dt.date(2024, 1, 10)))
    new = create_event(_event(title="Baru", date=dt.date(2024, 9, 1)))
    same_day = create_event(_event(title="Baru juga", date=dt.date(2024, 9, 1)))
    people = _people(4)
    for person in people:
        Registration.create(event=new, person=person)
    for person in people[:2]:
        Registration.create(event=old, person=person)
    for registration in Registration.select().where(Registration.event == new).limit(3):
        Attendance.create(registration=registration, desk="Meja 1")

    summaries = list_events()
    assert [s.id for s in summaries] == [same_day, new, old]  # same date: later created first
    by_id = {s.id: s for s in summaries}
    assert (by_id[new].registered, by_id[new].present) == (4, 3)
    assert (by_id[old].registered, by_id[old].present) == (2, 0)
    assert (by_id[same_day].registered, by_id[same_day].present) == (0, 0)
    assert by_id[new].title == "Baru" and by_id[new].date == dt.date(2024, 9, 1)
    assert by_id[new].venue == "Pendopo Kabupaten" and by_id[new].kind == "both"


def test_list_events_when_there_are_none(any_db):
    assert list_events() == []


def test_delete_event_takes_registrations_and_check_ins_but_keeps_people(any_db):
    kept = create_event(_event(title="Tetap"))
    gone = create_event(_event(title="Dihapus"))
    people = _people(2)
    for person in people:
        Registration.create(event=kept, person=person)
        registration = Registration.create(event=gone, person=person)
        Attendance.create(registration=registration)

    delete_event(gone, actor=DESK)

    assert [e.id for e in Event.select()] == [kept]
    assert Registration.select().count() == 2
    assert Attendance.select().count() == 0
    assert Person.select().count() == 2
    with pytest.raises(NotFoundError):
        delete_event(gone)
    with pytest.raises(NotFoundError):
        get_event(gone)


def test_event_changes_are_audited_with_desk_and_operator(any_db):
    event_id = create_event(_event(), actor=DESK)
    update_event(get_event(event_id), actor=audit.Actor("Meja 3", "Joko"))
    delete_event(event_id, actor=DESK)

    entries = list(AuditLog.select().order_by(AuditLog.id))
    assert [e.action for e in entries] == ["event.create", "event.edit", "event.delete"]
    assert [(e.desk, e.operator) for e in entries] == [("Meja 2", "Rina"), ("Meja 3", "Joko"), ("Meja 2", "Rina")]
    # The log outlives the event: the link is cleared, the id stays in the detail of the deletion.
    assert all(e.event_id is None for e in entries)
    assert json.loads(entries[-1].detail) == {"deleted_event_id": event_id}


def test_default_actor_is_this_computer(any_db):
    create_event(_event())
    entry = AuditLog.get()
    assert entry.desk == audit.Actor.default().desk
    assert entry.desk != ""


def test_to_dict_is_json_friendly(any_db):
    data = get_event(create_event(_event()))
    out = json.loads(json.dumps(data.to_dict()))
    assert out["date"] == "2024-07-01"
    assert out["start_time"] == "08:00" and out["end_time"] == "12:30"
    assert out["jp_hours"] == 2.5
    assert out["signatory1"]["name"] == "Drs. H. Budi Santoso, M.Si."
    assert out["id"] == data.id


def test_time_zone_is_kept_and_checked(db):
    """WIB unless set; WITA or WIT kept with the event (printed after every time); others refused."""
    from netralitas_desktop.core.events import EventData, ValidationError, create_event, get_event, update_event

    event_id = create_event(EventData(title="Sosialisasi Balikpapan", date=dt.date(2024, 7, 1)))
    assert get_event(event_id).time_zone == "WIB"
    data = get_event(event_id)
    data.time_zone = "WITA"
    update_event(data)
    assert get_event(event_id).time_zone == "WITA" and get_event(event_id).to_dict()["time_zone"] == "WITA"
    data.time_zone = "GMT"
    with pytest.raises(ValidationError) as refused:
        update_event(data)
    assert "WIB, WITA, WIT" in refused.value.errors["time_zone"]
    assert create_event(EventData(title="Sosialisasi Jayapura", date=dt.date(2024, 7, 1), time_zone="WIT"))

"""Signature storage (both backends), PNG validation, the event setting, and schema v3."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from peewee import SqliteDatabase
from PIL import Image
from playhouse.db_url import connect as connect_url
from playhouse.migrate import SchemaMigrator, migrate

from netralitas_desktop.core import database, migrations, models
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.checkin import check_in_registration, recent_check_ins
from netralitas_desktop.core.documents.images import PRINT_COPY_BOX, print_copy
from netralitas_desktop.core.events import EventData, NotFoundError, create_event, get_event, update_event
from netralitas_desktop.core.models import AuditLog, Event, Person, Registration, SchemaVersion, Signature
from netralitas_desktop.core.participants import PersonData, add_participant, remove_participant
from netralitas_desktop.core.signatures import (
    MAX_PNG_BYTES,
    SignatureImageError,
    delete_signature,
    get_signature,
    has_signature,
    save_signature,
    signature_required,
    signed_registration_ids,
    validate_png,
)

ACTOR = Actor(desk="Meja 2", operator="Rina")


def _png(size=(120, 40), colour=(20, 20, 90, 255), fmt="PNG") -> bytes:
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    for x in range(10, size[0] - 10):
        image.putpixel((x, size[1] // 2), colour)
    out = io.BytesIO()
    (image if fmt == "PNG" else image.convert("RGB")).save(out, fmt)
    return out.getvalue()


@pytest.fixture
def registration_id(any_db) -> int:
    event_id = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)))
    return add_participant(event_id, PersonData(nama="Budi Santoso", nip="198609262015051001"))


def test_save_get_replace_delete(registration_id):
    first, second = _png(), _png(size=(200, 60))
    assert not has_signature(registration_id) and get_signature(registration_id) is None

    save_signature(registration_id, first, actor=ACTOR)
    assert has_signature(registration_id)
    assert get_signature(registration_id) == first
    stored = Signature.get(Signature.registration == registration_id)
    assert (stored.desk, stored.operator) == ("Meja 2", "Rina")

    save_signature(registration_id, second, actor=ACTOR)  # re-signing replaces, never duplicates
    assert get_signature(registration_id) == second
    assert Signature.select().count() == 1
    event_id = Registration.get_by_id(registration_id).event_id
    assert signed_registration_ids(event_id) == {registration_id}

    assert delete_signature(registration_id, actor=ACTOR) is True
    assert not has_signature(registration_id)
    assert delete_signature(registration_id, actor=ACTOR) is False


def test_a_pad_sized_signature_is_stored_with_a_print_copy_and_the_same_pixels(registration_id):
    pad = _png(size=(632, 272))
    save_signature(registration_id, pad, actor=ACTOR)
    stored = get_signature(registration_id)
    validate_png(stored)  # still a sound PNG for every reader
    original, kept = Image.open(io.BytesIO(pad)), Image.open(io.BytesIO(stored))
    assert (kept.size, kept.mode, kept.tobytes()) == (original.size, original.mode, original.tobytes())
    copy = Image.open(io.BytesIO(print_copy(stored)))
    assert copy.size == (round(632 * PRINT_COPY_BOX[1] / 272), PRINT_COPY_BOX[1])  # aspect kept
    assert print_copy(pad) is None and print_copy(_png()) is None

    save_signature(registration_id, stored, actor=ACTOR)  # saving it again adds no second copy
    assert get_signature(registration_id) == stored


def test_audit_records_ids_and_size_only(registration_id):
    png = _png()
    save_signature(registration_id, png, actor=ACTOR)
    entry = AuditLog.get(AuditLog.action == "signature.save")
    detail = json.loads(entry.detail)
    assert detail == {"registration_id": registration_id, "bytes": len(png), "replaced": False}
    assert entry.event_id == Registration.get_by_id(registration_id).event_id
    assert "Budi" not in entry.detail and "198609262015051001" not in entry.detail


def test_signature_goes_with_its_registration(registration_id):
    save_signature(registration_id, _png(), actor=ACTOR)
    remove_participant(registration_id, actor=ACTOR)
    assert Signature.select().count() == 0  # ON DELETE CASCADE


@pytest.mark.parametrize(
    "payload, words",
    [
        (b"", "kosong"),
        (b"%PDF-1.4 not an image", "bukan PNG"),
        (_png()[:60], "bukan PNG"),  # cut off in the middle
        (_png(fmt="JPEG"), "bukan JPEG"),
    ],
    ids=["empty", "pdf", "truncated", "jpeg"],
)
def test_non_png_is_refused_in_indonesian(registration_id, payload, words):
    with pytest.raises(SignatureImageError) as caught:
        save_signature(registration_id, payload, actor=ACTOR)
    assert words in str(caught.value)
    assert "Tanda tangan" in str(caught.value)
    assert not has_signature(registration_id)


def test_size_limits(db):
    big = io.BytesIO()
    Image.frombytes("L", (1100, 1100), bytes(range(256)) * (1100 * 1100 // 256) + bytes(1100 * 1100 % 256)).save(
        big, "PNG", compress_level=0
    )
    assert len(big.getvalue()) > MAX_PNG_BYTES
    with pytest.raises(SignatureImageError, match="terlalu besar"):
        validate_png(big.getvalue())
    wide = io.BytesIO()
    Image.new("1", (5000, 10)).save(wide, "PNG")
    with pytest.raises(SignatureImageError, match="5000×10 piksel"):
        validate_png(wide.getvalue())


def test_unknown_registration(db):
    with pytest.raises(NotFoundError, match="Pendaftaran nomor 999"):
        save_signature(999, _png(), actor=ACTOR)


def test_event_signature_setting_round_trip(any_db):
    event_id = create_event(EventData(title="Ikrar", date=dt.date(2024, 7, 1)))
    assert get_event(event_id).signature_required is False
    data = get_event(event_id)
    data.signature_required = True
    update_event(data)
    assert get_event(event_id).signature_required is True
    # A form that does not show the setting (signature_required=None) leaves it alone.
    data.signature_required = None
    data.venue = "Aula"
    update_event(data)
    assert get_event(event_id).signature_required is True
    assert get_event(event_id).to_dict()["signature_required"] is True


# --- schema v3 ---------------------------------------------------------------------------------


def test_recent_check_ins_say_who_signed_and_the_desk_reads_the_setting(registration_id):
    event_id = Registration.get_by_id(registration_id).event_id
    assert signature_required(event_id) is False
    update_event(EventData(**{**get_event(event_id).__dict__, "signature_required": True}))
    assert signature_required(event_id) is True
    assert signature_required(event_id + 999) is False

    check_in_registration(registration_id, actor=ACTOR, method="manual")
    assert [item.signed for item in recent_check_ins(event_id)] == [False]
    save_signature(registration_id, _png(), actor=ACTOR)
    assert [item.signed for item in recent_check_ins(event_id)] == [True]


def _open_raw(url: str):
    if url.startswith("sqlite:///"):
        return SqliteDatabase(url[len("sqlite:///") :], pragmas=database.SQLITE_PRAGMAS)
    return connect_url(url)


def _make_v2_database(url: str) -> None:
    """A database as version 2 left it: no signature table, no event setting; one check-in."""
    raw = _open_raw(url)
    models.db.initialize(raw)
    raw.create_tables([SchemaVersion])
    migrations._initial_schema(raw)
    migrations._registration_cancellation(raw)
    SchemaVersion.create(version=1)
    SchemaVersion.create(version=2)
    event_id = Event.insert(title="Sosialisasi", date=dt.date(2024, 7, 1)).execute()
    person_id = Person.insert(nama="Budi Santoso", nip="198609262015051001").execute()
    registration_id = Registration.insert(event=event_id, person=person_id).execute()
    models.Attendance.insert(registration=registration_id, desk="Meja 1", operator="Rina").execute()
    # Migration 1 creates today's models; take away what version 3 adds (after the inserts,
    # which name every model column).
    migrate(SchemaMigrator.from_database(raw).drop_column("event", "signature_required"))
    assert "signature_required" not in {column.name for column in raw.get_columns("event")}
    raw.close()
    models.db.initialize(None)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_url(request):
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


def test_v2_database_upgrades_to_v3_keeping_data(backend_url):
    _make_v2_database(backend_url)
    raw = _open_raw(backend_url)
    assert not raw.table_exists("signature")
    raw.close()

    location = database.open_database(backend_url)
    try:
        raw = models.db.obj
        assert migrations.current_version(raw) == migrations.LATEST_VERSION >= 3
        assert raw.table_exists("signature")
        event = Event.get()
        assert event.signature_required is False  # existing events: no signature asked
        assert (Registration.select().count(), models.Attendance.select().count()) == (1, 1)
        registration_id = Registration.get().id
        save_signature(registration_id, _png(), actor=ACTOR)
        assert has_signature(registration_id)
        if location.is_sqlite:
            assert list((location.sqlite_path.parent / "backups").glob("sebelum-migrasi-v2-*.db"))
    finally:
        database.close_database()


def test_new_database_has_v3_schema_once(db):
    raw = models.db.obj
    names = [column.name for column in raw.get_columns("event")]
    assert names.count("signature_required") == 1
    assert raw.table_exists("signature")
    assert SchemaVersion.select().where(SchemaVersion.version == 3).count() == 1

"""What a desk scan looks like (core.scan_codes), a scan code refused as a name, and the database's
signature queue (core.checkin.unsigned_check_ins)."""

from __future__ import annotations

import datetime as dt

import pytest

from netralitas_desktop.core import qr_payload
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.checkin import check_in_registration, desk_status, unsigned_check_ins
from netralitas_desktop.core.events import EventData, ValidationError, create_event
from netralitas_desktop.core.models import Attendance
from netralitas_desktop.core.participants import PersonData, add_participant, clean_person
from netralitas_desktop.core.pledges import mandiri_code
from netralitas_desktop.core.scan_codes import SHAPES, could_be_code, dedupe_key, is_scan_code, scan_kind
from netralitas_desktop.core.signatures import save_signature

ACTOR = Actor("Meja 1", "Ani")
NIP = "198609262015051001"
NIK = "3306124507900001"


@pytest.fixture
def roster(db):
    event_id = create_event(EventData(title="Sosialisasi", date=dt.date(2024, 7, 1), signature_required=True))
    ids = [
        add_participant(event_id, PersonData(nama=f"Peserta {n}", nik=f"33061245079{n:05d}"), actor=ACTOR)
        for n in range(1, 7)
    ]
    return event_id, ids


def test_the_four_shapes_in_full():
    invitation = "NTR1" + "0123456789ABCDEFGHJKMNP"
    assert scan_kind(invitation) == "invitation" and scan_kind(invitation.lower()) == "invitation"
    assert scan_kind("NTM1" + invitation[4:]) == "mandiri"
    assert scan_kind(NIP) == "nip" and scan_kind("19860926 201505 1 001") == "nip" and scan_kind(f" {NIP}\r") == "nip"
    assert scan_kind(NIK) == "nik"
    for not_a_code in ("", "Budi Santoso", NIP[:-1], NIK + "0", "NTR1" + "I" * 23, "NTR1" + "0" * 22, "1986-0926"):
        assert scan_kind(not_a_code) is None, not_a_code
    assert scan_kind(NIP, frozenset({"nik", "invitation"})) is None  # shapes are a setting
    assert is_scan_code(NIK) and not is_scan_code("Siti")
    assert dedupe_key("ntr1abc ") == dedupe_key("NTR1ABC")


def test_codes_made_by_the_app_have_their_shape(roster):
    event_id, ids = roster
    assert scan_kind(qr_payload.payload_for(ids[0])) == "invitation"
    assert scan_kind(mandiri_code.encode(event_id, ids[0])) == "mandiri"


def test_the_beginning_of_a_code():
    assert all(could_be_code(text) for text in ("N", "nt", "NTR", "NTR1", "NTR1ABC", "NTM1Z", "1", "1986 0926", NIP))
    assert not any(could_be_code(text) for text in ("", "NX", "NTR2", "NTR1I", "budi", " 19", NIP + "1", "19-86"))
    assert could_be_code(NIK, frozenset({"nik"})) and not could_be_code(NIP, frozenset({"nik"}))
    assert not could_be_code("NTR", frozenset({"nip", "nik"}))


def test_a_scan_code_is_refused_as_a_name():
    for code in (NIP, NIK, "NTR1" + "0123456789ABCDEFGHJKMNP"):
        _cleaned, errors = clean_person(PersonData(nama=code, nik="3306121203850002"))
        assert "kode" in errors["nama"]
    _cleaned, errors = clean_person(PersonData(nama="Budi Santoso 2", nik="3306121203850002"))
    assert "nama" not in errors
    with pytest.raises(ValidationError):
        from netralitas_desktop.core.checkin import walk_in

        walk_in(1, PersonData(nama=NIK), actor=ACTOR)


def test_the_signature_queue_from_the_database(roster):
    event_id, ids = roster
    for registration_id in ids[:4]:
        check_in_registration(registration_id, actor=ACTOR)
    Attendance.update(method="online").where(Attendance.registration == ids[3]).execute()  # from a Zoom report
    save_signature(ids[1], _png(), actor=ACTOR)
    rows, count = unsigned_check_ins(event_id)
    assert [row.registration_id for row in rows] == [ids[2], ids[0]] and count == 2  # newest first
    rows, count = unsigned_check_ins(event_id, limit=1)
    assert [row.registration_id for row in rows] == [ids[2]] and count == 2  # the count says there are more
    status = desk_status(event_id, 20, unsigned_limit=10)
    assert status.unsigned_count == 2 and desk_status(event_id).unsigned == []  # asked for only when wanted
    assert set(SHAPES) == {"invitation", "mandiri", "nip", "nik"}


def _png() -> bytes:
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (120, 40), (0, 0, 0, 0))
    ImageDraw.Draw(image).line((5, 30, 115, 10), fill=(13, 27, 76, 255), width=3)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()

"""Participants on both backends: cleaning rules, add/edit/remove, identity conflicts, search, audit."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from netralitas_desktop.core import audit
from netralitas_desktop.core.events import EventData, NotFoundError, ValidationError, create_event
from netralitas_desktop.core.models import Attendance, AuditLog, Person, Registration
from netralitas_desktop.core.participants import (
    PersonData,
    add_participant,
    clean_person,
    filter_rows,
    get_participant,
    list_participants,
    remove_participant,
    update_participant,
)

DESK = audit.Actor(desk="Meja 1", operator="Rina")

NIP_BUDI = "19860926 201505 1 001"  # PNS, man
NIP_SITI = "199201152019122003"  # PNS, woman
NI_PPPK_DEWI = "199503102024232015"  # PPPK, woman
NIK_ANDI = "3306011509900002"  # man
NIK_RINA = "3306015509900001"  # woman


@pytest.fixture
def event_id(any_db) -> int:
    return create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)))


# --- clean_person ----------------------------------------------------------------------------


def test_pns_nip_decides_type_and_sex():
    cleaned, errors = clean_person(PersonData(nama="  Siti   Aminah ", nip=f"'{NIP_SITI}"))
    assert errors == {}
    assert cleaned.nip == NIP_SITI
    assert cleaned.nama == "Siti Aminah"
    assert (cleaned.employment_type, cleaned.sex) == ("PNS", "P")


def test_pppk_number_is_detected():
    cleaned, errors = clean_person(PersonData(nama="Dewi", nip=NI_PPPK_DEWI))
    assert errors == {}
    assert (cleaned.employment_type, cleaned.sex) == ("PPPK", "P")


@pytest.mark.parametrize(
    ("written", "nip", "message_part"),
    [
        ("PNS", NI_PPPK_DEWI, "adalah nomor PPPK, tetapi jenis pegawai diisi PNS"),
        ("PPPK", NIP_BUDI, "adalah nomor PNS, tetapi jenis pegawai diisi PPPK"),
        ("Honorer", NIP_BUDI, "adalah nomor PNS, tetapi jenis pegawai diisi PPNPN (PTT/GTT)"),
    ],
)
def test_nip_contradicting_the_employment_type_is_an_error(written, nip, message_part):
    _, errors = clean_person(PersonData(nama="Budi", nip=nip, employment_type=written))
    assert message_part in errors["employment_type"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("PNS DAERAH", "PNS"),  # as SIASN exports it
        ("CPNS", "PNS"),
        ("P3K", "PPPK"),
        ("PPPK Paruh Waktu", "PPPK"),
        ("Honorer", "PPNPN"),
        ("Tenaga Kontrak", "PPNPN"),
        ("PTT", "PPNPN"),
        ("Non ASN", "NON_ASN"),
        ("Non-PNS", "NON_ASN"),
        ("", "NON_ASN"),
        ("null", "NON_ASN"),
    ],
)
def test_employment_type_words(written, expected):
    nip = NIP_BUDI if expected == "PNS" else (NI_PPPK_DEWI if expected == "PPPK" else "")
    cleaned, errors = clean_person(PersonData(nama="Budi", nip=nip, employment_type=written))
    assert errors == {}
    assert cleaned.employment_type == expected


@pytest.mark.parametrize("employment_type", ["PNS", "PPPK"])
def test_asn_without_nip_is_an_error(employment_type):
    _, errors = clean_person(PersonData(nama="Budi", employment_type=employment_type))
    assert errors == {"nip": f"NIP wajib diisi untuk {employment_type}."}


def test_non_asn_with_nik_takes_sex_from_it():
    cleaned, errors = clean_person(PersonData(nama="Rina", nik=NIK_RINA))
    assert errors == {}
    assert (cleaned.employment_type, cleaned.sex, cleaned.nik) == ("NON_ASN", "P", NIK_RINA)
    assert clean_person(PersonData(nama="Andi", nik=NIK_ANDI))[0].sex == "L"


def test_sex_written_in_the_roster_is_kept():
    cleaned, _ = clean_person(PersonData(nama="Budi", nip=NIP_BUDI, sex="Perempuan"))
    assert cleaned.sex == "P"
    cleaned, _ = clean_person(PersonData(nama="Budi", sex="laki-laki"))
    assert cleaned.sex == "L"


def test_invalid_numbers_and_excel_damage_are_reported_per_field():
    _, errors = clean_person(PersonData(nama="Budi", nip="1.98001E+17", nik="123"))
    assert "notasi ilmiah" in errors["nip"]
    assert errors["nik"] == "NIK harus 16 digit; yang diisi 3 digit (123)."
    _, errors = clean_person(PersonData(nama="", nip="19860926 201513 1 001"))
    assert errors["nama"] == "Nama wajib diisi."
    assert "bulan TMT CPNS" in errors["nip"]


def test_contact_and_golongan_are_normalised():
    cleaned, errors = clean_person(
        PersonData(
            nama="Budi",
            nip=NIP_BUDI,
            golongan="Penata Muda Tk. I",
            phone="'0812-3456 7890",
            email="  Budi.Santoso@Example.GO.ID ",
        )
    )
    assert errors == {}
    assert cleaned.golongan == "III/b"
    assert cleaned.phone == "081234567890"
    assert cleaned.email == "budi.santoso@example.go.id"
    assert clean_person(PersonData(nama="Budi", phone="+62 812 3456 7890"))[0].phone == "+6281234567890"


def test_invalid_email():
    _, errors = clean_person(PersonData(nama="Budi", email="budi@kantor"))
    assert errors == {"email": "Alamat email tidak valid: budi@kantor."}


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("nama", 200),
        ("gelar_depan", 100),
        ("gelar_belakang", 150),
        ("jabatan", 300),
        ("unit_kerja", 300),
        ("golongan", 10),
    ],
)
def test_text_longer_than_its_column_is_refused(field, limit):
    """PostgreSQL would reject the row with a driver error; the form and importer say why instead."""
    _, errors = clean_person(PersonData(**{"nama": "Budi", field: "a" * (limit + 1)}))
    assert f"paling banyak {limit} karakter" in errors[field]
    _, errors = clean_person(PersonData(**{"nama": "Budi", field: "a" * limit}))
    assert field not in errors


# --- adding, editing, removing ---------------------------------------------------------------


def test_add_participant_creates_person_and_registration(event_id):
    reg_id = add_participant(
        event_id,
        PersonData(
            nama="Budi Santoso",
            gelar_depan="Drs. H.",
            gelar_belakang="M.Si.",
            nip=NIP_BUDI,
            golongan="IV/a",
            jabatan="Kepala Bidang",
            unit_kerja="Dinas Pendidikan",
        ),
        actor=DESK,
    )
    data, mode, source = get_participant(reg_id)
    assert (mode, source) == ("onsite", "invited")
    assert data.full_name == "Drs. H. Budi Santoso, M.Si."
    assert (data.nip, data.sex, data.employment_type, data.golongan) == ("198609262015051001", "L", "PNS", "IV/a")
    assert Person.select().count() == 1


def test_walk_in_and_online_registration(event_id):
    reg_id = add_participant(event_id, PersonData(nama="Rina", nik=NIK_RINA), source="walk_in", mode="online")
    _, mode, source = get_participant(reg_id)
    assert (mode, source) == ("online", "walk_in")


def test_invalid_participant_is_refused_and_nothing_is_written(event_id):
    with pytest.raises(ValidationError) as caught:
        add_participant(event_id, PersonData(nama="", nip="123"))
    assert set(caught.value.errors) == {"nama", "nip"}
    assert Person.select().count() == 0 and Registration.select().count() == 0
    assert AuditLog.select().where(AuditLog.action.startswith("participant")).count() == 0


def test_same_nip_twice_in_one_event_is_refused(event_id):
    add_participant(event_id, PersonData(nama="Budi Santoso", nip=NIP_BUDI, gelar_depan="Drs."))
    with pytest.raises(ValidationError) as caught:
        add_participant(event_id, PersonData(nama="Budi S.", nip=NIP_BUDI.replace(" ", "")))
    assert caught.value.errors["nip"].endswith("sudah terdaftar pada kegiatan ini.")
    assert Registration.select().count() == 1
    assert Person.get().nama == "Budi Santoso"  # the refused entry changed nothing


def test_known_nip_in_another_event_reuses_and_updates_the_person(event_id):
    other_event = create_event(EventData(title="Ikrar Netralitas", date=dt.date(2024, 8, 1)))
    add_participant(event_id, PersonData(nama="Budi Santoso", nip=NIP_BUDI, jabatan="Staf", unit_kerja="Dinas Sosial"))
    add_participant(other_event, PersonData(nama="Budi Santoso", nip=NIP_BUDI, jabatan="Kepala Seksi"))
    person = Person.get()
    assert Person.select().count() == 1
    assert person.jabatan == "Kepala Seksi"  # given: updated
    assert person.unit_kerja == "Dinas Sosial"  # not given: kept
    assert Registration.select().count() == 2


def test_update_participant(event_id):
    reg_id = add_participant(event_id, PersonData(nama="Budi", nip=NIP_BUDI, jabatan="Staf", phone="0812"))
    data, _, _ = get_participant(reg_id)
    data.nama = "Budi Santoso"
    data.gelar_belakang = "S.Pd."
    data.phone = ""  # emptied in the form: cleared on purpose
    update_participant(reg_id, data, mode="online", actor=DESK)
    stored, mode, _ = get_participant(reg_id)
    assert stored.full_name == "Budi Santoso, S.Pd."
    assert stored.phone == "" and stored.jabatan == "Staf"
    assert mode == "online"


def test_update_participant_is_validated(event_id):
    reg_id = add_participant(event_id, PersonData(nama="Budi", nip=NIP_BUDI))
    with pytest.raises(ValidationError) as caught:
        update_participant(reg_id, PersonData(nama="Budi", nip=NIP_BUDI, employment_type="PPPK"))
    assert "employment_type" in caught.value.errors
    assert get_participant(reg_id)[0].employment_type == "PNS"


def test_nip_of_someone_else_cannot_be_given_in_an_edit(event_id):
    add_participant(event_id, PersonData(nama="Budi Santoso", nip=NIP_BUDI))
    siti = add_participant(event_id, PersonData(nama="Siti Aminah", nip=NIP_SITI))
    with pytest.raises(ValidationError) as caught:
        update_participant(siti, PersonData(nama="Siti Aminah", nip=NIP_BUDI))
    assert caught.value.errors["nip"] == "NIP ini sudah dipakai oleh Budi Santoso."
    assert get_participant(siti)[0].nip == NIP_SITI


def test_nik_of_someone_else_cannot_be_given_in_an_edit(event_id):
    add_participant(event_id, PersonData(nama="Andi", nik=NIK_ANDI))
    siti = add_participant(event_id, PersonData(nama="Siti Aminah", nip=NIP_SITI))
    with pytest.raises(ValidationError) as caught:
        update_participant(siti, PersonData(nama="Siti Aminah", nip=NIP_SITI, nik=NIK_ANDI))
    assert caught.value.errors["nik"] == "NIK ini sudah dipakai oleh Andi."


def test_a_new_entry_may_not_take_over_someone_elses_nik(event_id):
    """The NIK is on record with another NIP: merging would overwrite that person's NIP and name."""
    add_participant(event_id, PersonData(nama="Budi Santoso", nip=NIP_BUDI, nik=NIK_ANDI))
    with pytest.raises(ValidationError) as caught:
        add_participant(event_id, PersonData(nama="Orang Lain", nip=NIP_SITI, nik=NIK_ANDI))
    assert caught.value.errors["nik"] == ("NIK ini sudah tercatat untuk Budi Santoso dengan NIP 19860926 201505 1 001.")
    budi = Person.get(Person.nik == NIK_ANDI)
    assert (budi.nama, budi.nip) == ("Budi Santoso", "198609262015051001")


def test_nip_and_nik_of_two_different_people_are_refused(event_id):
    add_participant(event_id, PersonData(nama="Andi", nik=NIK_ANDI))
    add_participant(event_id, PersonData(nama="Siti Aminah", nip=NIP_SITI))
    other_event = create_event(EventData(title="Ikrar", date=dt.date(2024, 8, 1)))
    with pytest.raises(ValidationError) as caught:
        add_participant(other_event, PersonData(nama="Siti Aminah", nip=NIP_SITI, nik=NIK_ANDI))
    assert caught.value.errors["nik"] == "NIK ini sudah dipakai oleh Andi."
    assert Registration.select().where(Registration.event == other_event).count() == 0


def test_a_known_nik_without_nip_is_completed_with_the_nip(event_id):
    add_participant(event_id, PersonData(nama="Rina", nik=NIK_RINA))
    other_event = create_event(EventData(title="Ikrar", date=dt.date(2024, 8, 1)))
    add_participant(other_event, PersonData(nama="Rina", nik=NIK_RINA, nip=NIP_SITI))
    assert Person.select().count() == 1
    assert Person.get().nip == NIP_SITI


def test_remove_participant_keeps_the_person(event_id):
    reg_id = add_participant(event_id, PersonData(nama="Budi", nip=NIP_BUDI))
    Attendance.create(registration=reg_id)
    remove_participant(reg_id, actor=DESK)
    assert Registration.select().count() == 0
    assert Attendance.select().count() == 0
    assert Person.select().count() == 1
    with pytest.raises(NotFoundError, match=f"Peserta nomor {reg_id} tidak ditemukan"):
        remove_participant(reg_id)
    with pytest.raises(NotFoundError):
        get_participant(reg_id)
    with pytest.raises(NotFoundError):
        update_participant(reg_id, PersonData(nama="Budi"))


# --- listing and searching -------------------------------------------------------------------


def _roster(event_id: int) -> list[int]:
    people = [
        PersonData(
            nama="Budi Santoso",
            gelar_depan="Drs. H.",
            gelar_belakang="M.Si.",
            nip=NIP_BUDI,
            jabatan="Kepala Bidang",
            unit_kerja="Dinas Pendidikan",
        ),
        PersonData(nama="André Wijaya", nik=NIK_ANDI, jabatan="Tenaga Kontrak", unit_kerja="Dinas Sosial"),
        PersonData(
            nama="Siti Aminah",
            gelar_depan="dr.",
            gelar_belakang="Sp.A.",
            nip=NIP_SITI,
            jabatan="Dokter Spesialis",
            unit_kerja="RSUD",
        ),
        PersonData(
            nama="Sri Ma'ruf", gelar_depan="Hj.", nip=NI_PPPK_DEWI, jabatan="Guru", unit_kerja="Dinas Pendidikan"
        ),
    ]
    return [add_participant(event_id, person) for person in people]


def test_list_participants_sorted_by_unit_then_name(event_id):
    budi, andre, siti, sri = _roster(event_id)
    other_event = create_event(EventData(title="Lain", date=dt.date(2024, 8, 1)))
    add_participant(other_event, PersonData(nama="Orang Lain", nik=NIK_RINA))
    Attendance.create(registration=siti, checked_in_at=dt.datetime(2024, 7, 1, 8, 5))

    rows = list_participants(event_id)
    assert [r.registration_id for r in rows] == [budi, sri, andre, siti]
    assert [r.unit_kerja for r in rows] == ["Dinas Pendidikan", "Dinas Pendidikan", "Dinas Sosial", "RSUD"]
    by_id = {r.registration_id: r for r in rows}
    assert by_id[budi].full_name == "Drs. H. Budi Santoso, M.Si."
    assert by_id[budi].nip == "198609262015051001" and by_id[budi].nik == ""
    assert by_id[andre].nip == "" and by_id[andre].employment_type == "NON_ASN"
    assert by_id[siti].checked_in_at == dt.datetime(2024, 7, 1, 8, 5)
    assert by_id[budi].checked_in_at is None
    assert by_id[sri].employment_type == "PPPK"


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("", ["Budi Santoso", "Sri Ma'ruf", "André Wijaya", "Siti Aminah"]),
        ("budi", ["Budi Santoso"]),
        ("BUDI SANTOSO", ["Budi Santoso"]),
        ("santoso budi", ["Budi Santoso"]),  # words in any order
        ("Drs. Budi", ["Budi Santoso"]),  # titles typed along
        ("budi santoso, m.si", ["Budi Santoso"]),
        ("andre", ["André Wijaya"]),  # accent-insensitive
        ("ANDRÉ", ["André Wijaya"]),
        ("maruf", ["Sri Ma'ruf"]),  # apostrophe ignored
        ("ma'ruf", ["Sri Ma'ruf"]),
        ("dinas pendidikan", ["Budi Santoso", "Sri Ma'ruf"]),  # unit
        ("pendidikan guru", ["Sri Ma'ruf"]),  # unit and jabatan together
        ("dokter", ["Siti Aminah"]),  # jabatan
        ("19860926 201505 1 001", ["Budi Santoso"]),  # NIP as printed
        ("198609262015051001", ["Budi Santoso"]),
        ("19860926", ["Budi Santoso"]),  # the start of a NIP
        ("3306 0115", ["André Wijaya"]),  # NIK with spaces
        ("2015051001", ["Budi Santoso"]),
        ("...", ["Budi Santoso", "Sri Ma'ruf", "André Wijaya", "Siti Aminah"]),  # nothing to search for
        ("joko", []),
        ("19000101", []),
    ],
)
def test_filter_rows(event_id, query, names):
    _roster(event_id)
    rows = list_participants(event_id)
    assert [rows[i].nama for i in filter_rows(rows, query)] == names


# --- audit -----------------------------------------------------------------------------------


def test_participant_changes_are_audited_without_personal_data(event_id):
    reg_id = add_participant(
        event_id,
        PersonData(
            nama="Budi Santoso",
            nip=NIP_BUDI,
            nik=NIK_ANDI,
            phone="081234567890",
            email="budi@example.go.id",
        ),
        actor=DESK,
    )
    data, _, _ = get_participant(reg_id)
    update_participant(reg_id, data, actor=DESK)
    remove_participant(reg_id, actor=DESK)

    entries = list(AuditLog.select().where(AuditLog.action.startswith("participant")).order_by(AuditLog.id))
    assert [e.action for e in entries] == ["participant.add", "participant.edit", "participant.delete"]
    for entry in entries:
        assert (entry.desk, entry.operator, entry.event_id) == ("Meja 1", "Rina", event_id)
        assert json.loads(entry.detail) == {"registration_id": reg_id}
        for personal in ("198609262015051001", "19860926", NIK_ANDI, "Budi", "Santoso", "0812", "budi@"):
            assert personal not in entry.detail

"""The fictional demo data: valid and consistent numbers, realistic mix, deterministic, fast to load."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from netralitas_desktop.core import events
from netralitas_desktop.core.demo import (
    DEFAULT_SEED,
    create_demo_event,
    demo_event_data,
    fictional_people,
    is_example,
)
from netralitas_desktop.core.models import Person, Registration
from netralitas_desktop.core.names import split_name
from netralitas_desktop.core.nip import IdKind, parse_nik, parse_nip
from netralitas_desktop.core.pangkat import PNS_PANGKAT, PPPK_GOLONGAN
from netralitas_desktop.core.participants import clean_person, list_participants

SAMPLE = 3000


@pytest.fixture(scope="module")
def people():
    return list(fictional_people(SAMPLE))


def test_every_nip_is_valid_and_agrees_with_the_person(people):
    with_nip = [p for p in people if p.nip]
    assert with_nip
    for person in with_nip:
        info = parse_nip(person.nip)
        assert info.kind.value == person.employment_type
        assert info.sex == person.sex
        assert not person.nik
        if info.kind is IdKind.PNS:
            age_at_start = info.start_year - info.birth_date.year
            assert 19 <= age_at_start <= 45
        else:
            assert 2019 <= info.start_year <= 2024
            assert info.contract_count in (1, 2)


def test_non_asn_have_a_valid_nik_and_no_nip(people):
    non_asn = [p for p in people if p.employment_type in ("PPNPN", "NON_ASN")]
    assert non_asn
    for person in non_asn:
        assert not person.nip
        info = parse_nik(person.nik)
        assert info.sex == person.sex
        assert info.birth_date is not None and info.birth_date.year < 2010


def test_numbers_are_unique(people):
    nips = [p.nip for p in people if p.nip]
    niks = [p.nik for p in people if p.nik]
    assert len(set(nips)) == len(nips)
    assert len(set(niks)) == len(niks)


def test_mix_of_employment_types_and_modes_is_realistic(people):
    kinds = Counter(p.employment_type for p in people)
    assert 0.70 < kinds["PNS"] / SAMPLE < 0.80
    assert 0.12 < kinds["PPPK"] / SAMPLE < 0.18
    assert 0.07 < (kinds["PPNPN"] + kinds["NON_ASN"]) / SAMPLE < 0.13
    assert kinds["PPNPN"] and kinds["NON_ASN"]


def test_golongan_fits_the_employment_type(people):
    for person in people:
        if person.employment_type == "PNS":
            assert person.golongan in PNS_PANGKAT
        elif person.employment_type == "PPPK":
            assert person.golongan in PPPK_GOLONGAN
        else:
            assert person.golongan == ""


def test_people_are_already_clean(people):
    """What the generator yields is what clean_person would store: no errors, nothing changed."""
    for person in people[:500]:
        cleaned, errors = clean_person(person)
        assert errors == {}
        assert cleaned == person


def test_titles_are_varied_and_split_back_into_their_parts(people):
    for person in people:
        parts = split_name(person.full_name)
        assert (parts.gelar_depan, parts.nama, parts.gelar_belakang) == (
            person.gelar_depan,
            person.nama,
            person.gelar_belakang,
        )
    front = Counter(t for p in people for t in p.gelar_depan.split())
    back = Counter(t.strip() for p in people for t in p.gelar_belakang.split(",") if t.strip())
    for title in ("Drs.", "Dra.", "Dr.", "dr.", "H.", "Hj.", "Ns."):
        assert front[title], title
    for title in ("S.H.", "M.Si.", "S.Kom.", "S.Pd.", "S.E.", "A.Md.Kep."):
        assert back[title], title
    assert all(p.sex == "L" for p in people if "H." in p.gelar_depan.split())
    assert all(p.sex == "P" for p in people if "Hj." in p.gelar_depan.split() or "Dra." in p.gelar_depan.split())


def test_about_twenty_five_work_units(people):
    units = {p.unit_kerja for p in people if p.employment_type in ("PNS", "PPPK")}
    assert 20 <= len(units) <= 30
    assert all(p.jabatan for p in people)


def test_generation_is_deterministic_per_seed():
    first = list(fictional_people(200, seed=7))
    assert first == list(fictional_people(200, seed=7))
    assert first != list(fictional_people(200, seed=8))
    assert list(fictional_people(50)) == list(fictional_people(200, seed=DEFAULT_SEED))[:50]


def test_demo_event_data_is_valid_and_a_week_ahead():
    data = demo_event_data(dt.date(2024, 7, 1))
    assert events.validate(data) == {}
    assert data.date == dt.date(2024, 7, 8)
    assert data.instansi == "Pemerintah Kabupaten Sukamakmur"
    assert data.jp_hours == 2
    for signatory in (data.signatory1, data.signatory2):
        parse_nip(signatory.nip)


def test_demo_event_title_and_election_carry_the_year_of_its_date():
    """An example that a committee reads must be consistent: a 2027 briefing is not titled 2024."""
    for today in (dt.date(2024, 7, 1), dt.date(2026, 12, 28), dt.date(2027, 3, 1)):
        data = demo_event_data(today)
        assert data.title.endswith(f"Tahun {data.date.year}")
        assert data.election_name.endswith(f"Tahun {data.date.year}")
    assert demo_event_data(dt.date(2026, 12, 28)).date.year == 2027  # a week ahead crosses the new year


def test_only_the_demo_is_an_example(any_db):
    real = events.create_event(events.EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)))
    assert not is_example(real)
    assert is_example(create_demo_event(0))


def test_create_demo_event_registers_everyone(any_db):
    event_id = create_demo_event(400)
    event = events.get_event(event_id)
    assert event.date == dt.date.today() + dt.timedelta(days=7)
    year = event.date.year  # the title and the election are of the event's own year
    assert event.title == f"[CONTOH] Sosialisasi Netralitas ASN pada Pemilihan Kepala Daerah Tahun {year}"
    assert event.election_name == f"Pemilihan Bupati dan Wakil Bupati Sukamakmur Tahun {year}"
    assert is_example(event_id)
    rows = list_participants(event_id)
    assert len(rows) == 400
    assert Person.select().count() == 400
    online = sum(1 for row in rows if row.mode == "online")
    assert 15 <= online <= 70  # about 10 %
    generated = {p.nip or p.nik: p.full_name for p in fictional_people(400)}
    assert {row.nip or row.nik: row.full_name for row in rows} == generated


def test_a_second_demo_reuses_the_same_people(any_db):
    first = create_demo_event(150)
    second = create_demo_event(200)
    assert Person.select().count() == 200  # the first 150 of the second demo are the same people
    assert Registration.select().where(Registration.event == first).count() == 150
    assert Registration.select().where(Registration.event == second).count() == 200


def test_a_demo_without_participants_is_an_empty_event(db):
    event_id = create_demo_event(0)
    assert list_participants(event_id) == []
    with pytest.raises(ValueError):
        create_demo_event(-1)

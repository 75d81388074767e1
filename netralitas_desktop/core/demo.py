"""A fictional demo event: Kabupaten Sukamakmur does not exist, nor do its people.

The demo lets a committee try the app (and benches load it) without real personal data.
Every NIP / NI PPPK / NIK is valid by the rules in ``shared/domain/asn-data.md`` and
agrees with the person's sex, birth date and start of service, so check-in, search and
certificates behave as with a real roster. Generation is deterministic for a seed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple, TypeVar

from . import audit
from .event_settings import get_setting, set_setting
from .events import EventData, Signatory, create_event
from .models import BaseModel, Person, Registration, db, now
from .participants import PersonData

DEFAULT_SEED = 2024
EXAMPLE_MARK = "[CONTOH]"  # the demo event's title starts with it
EXAMPLE_SETTING = "example"  # event setting: True for the demo event (fictional people)
REFERENCE_YEAR = 2024  # "today" for ages and years of service, so output never drifts
ONLINE_SHARE = 0.10
MAX_SQL_PARAMS = 900  # below SQLite's old 999-variable limit
T = TypeVar("T")

_MALE = [
    "Agus",
    "Ahmad",
    "Andi",
    "Arif",
    "Bambang",
    "Budi",
    "Dedi",
    "Eko",
    "Fajar",
    "Hadi",
    "Hendra",
    "Heru",
    "Imam",
    "Joko",
    "Kurniawan",
    "Lukman",
    "Muhammad",
    "Nanang",
    "Rahmat",
    "Rizki",
    "Rudi",
    "Slamet",
    "Sigit",
    "Sutrisno",
    "Teguh",
    "Tri",
    "Wahyu",
    "Yoga",
    "Yusuf",
    "Adi",
    "Bayu",
    "Dimas",
    "Gilang",
    "Hari",
    "Ilham",
    "Irfan",
    "Prasetyo",
    "Puji",
    "Ridwan",
    "Setyo",
    "Sugeng",
    "Suharto",
    "Taufik",
    "Wawan",
    "Yanto",
    "Zainal",
]
_FEMALE = [
    "Ani",
    "Ayu",
    "Dewi",
    "Dian",
    "Endang",
    "Eni",
    "Fitri",
    "Indah",
    "Kartika",
    "Lestari",
    "Lina",
    "Maya",
    "Nur",
    "Nurul",
    "Ratna",
    "Rina",
    "Rini",
    "Sari",
    "Siti",
    "Sri",
    "Suci",
    "Tri",
    "Tutik",
    "Umi",
    "Wahyuni",
    "Wulan",
    "Yuli",
    "Yuni",
    "Anisa",
    "Dwi",
    "Eka",
    "Fatimah",
    "Hesti",
    "Intan",
    "Kurnia",
    "Larasati",
    "Mega",
    "Novi",
    "Puspita",
    "Putri",
    "Ratih",
    "Retno",
    "Rosita",
    "Septi",
    "Tika",
    "Vina",
]
_LAST_ANY = [
    "Siregar",
    "Nasution",
    "Simanjuntak",
    "Manurung",
    "Pohan",
    "Lubis",
    "Tanjung",
    "Daulay",
    "Harahap",
    "Hakim",
    "Tambunan",
]
_LAST_MALE = [
    *_LAST_ANY,
    "Santoso",
    "Wibowo",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Setiawan",
    "Pratama",
    "Wijaya",
    "Kusuma",
    "Hartono",
    "Susanto",
    "Purnomo",
    "Sulistyo",
    "Prasetyo",
    "Firmansyah",
    "Ramadhan",
    "Gunawan",
    "Hermawan",
    "Syahputra",
    "Wicaksono",
    "Haryanto",
    "Sudrajat",
    "Suparman",
]
_LAST_FEMALE = [
    *_LAST_ANY,
    "Rahayu",
    "Lestari",
    "Handayani",
    "Wulandari",
    "Safitri",
    "Permatasari",
    "Maharani",
    "Utami",
    "Ningsih",
    "Astuti",
    "Kurniasih",
    "Suryani",
    "Puspitasari",
    "Anggraini",
    "Oktaviani",
    "Rahmawati",
    "Susanti",
    "Yuliana",
    "Fitriani",
    "Purwanti",
    "Kusumawati",
]

_OPD = (
    "Sekretariat Daerah",
    "Sekretariat DPRD",
    "Inspektorat Daerah",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Badan Keuangan dan Aset Daerah",
    "Badan Pendapatan Daerah",
    "Badan Penanggulangan Bencana Daerah",
    "Badan Kesatuan Bangsa dan Politik",
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Kesehatan",
    "RSUD Sukamakmur",
    "Puskesmas Sukamakmur",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perhubungan",
    "Dinas Sosial",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Komunikasi dan Informatika",
    "Dinas Pertanian dan Pangan",
    "Dinas Lingkungan Hidup",
    "Satuan Polisi Pamong Praja",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Kecamatan Sukamakmur",
    "Kecamatan Sukamaju",
    "Kecamatan Mekarsari",
    "Kelurahan Sukamakmur Kidul",
)
_HEALTH = ("Dinas Kesehatan", "RSUD Sukamakmur", "Puskesmas Sukamakmur")
_VILLAGES = ("Desa Mekarsari", "Desa Sukamaju", "Desa Cibening", "Desa Karangrejo", "Desa Tegalsari")
_HEADS = (  # unit prefix -> title of its head
    ("Dinas", "Kepala Dinas"),
    ("Badan", "Kepala Badan"),
    ("Sekretariat Daerah", "Asisten"),
    ("Sekretariat DPRD", "Sekretaris DPRD"),
    ("Inspektorat", "Inspektur Pembantu"),
    ("RSUD", "Direktur"),
    ("Puskesmas", "Kepala Puskesmas"),
    ("Satuan", "Kepala Satuan"),
    ("Kecamatan", "Camat"),
    ("Kelurahan", "Lurah"),
)


class _Profile(NamedTuple):
    """Education, titles, jabatan and unit that belong together (a "dr." works at a hospital)."""

    weight: int
    education: str  # SMA, D3, S1, S2, S3
    front: str
    backs: tuple[str, ...]
    jabatans: tuple[str, ...]  # junior to senior; empty = structural, by unit
    units: tuple[str, ...] = _OPD
    sex: str = ""  # "" = either


_PROFILES = (
    _Profile(
        18,
        "S1",
        "",
        ("S.Pd.",),
        ("Guru Ahli Pertama", "Guru Ahli Muda", "Guru Ahli Madya"),
        ("Dinas Pendidikan dan Kebudayaan",),
    ),
    _Profile(3, "S1", "dr.", ("",), ("Dokter Ahli Pertama", "Dokter Ahli Muda", "Dokter Ahli Madya"), _HEALTH),
    _Profile(5, "S1", "Ns.", ("S.Kep.",), ("Perawat Ahli Pertama", "Perawat Ahli Muda"), _HEALTH),
    _Profile(5, "D3", "", ("A.Md.Kep.",), ("Perawat Terampil", "Perawat Mahir", "Perawat Penyelia"), _HEALTH),
    _Profile(3, "D3", "", ("A.Md.Keb.",), ("Bidan Terampil", "Bidan Mahir"), _HEALTH, "P"),
    _Profile(5, "S1", "", ("S.Kom.",), ("Pranata Komputer Ahli Pertama", "Pranata Komputer Ahli Muda")),
    _Profile(5, "S1", "", ("S.H.",), ("Analis Hukum Ahli Pertama", "Analis Kepegawaian Ahli Muda")),
    _Profile(5, "S1", "", ("S.E.", "S.Ak."), ("Pengelola Keuangan", "Analis Keuangan Ahli Pertama")),
    _Profile(2, "S1", "", ("S.E.", "S.Ak."), ("Auditor Ahli Pertama", "Auditor Ahli Muda"), ("Inspektorat Daerah",)),
    _Profile(
        10,
        "S1",
        "",
        ("S.Sos.", "S.IP.", "S.AP."),
        ("Arsiparis Ahli Pertama", "Penyuluh Sosial Ahli Pertama", "Analis Kebijakan Ahli Muda"),
    ),
    _Profile(
        4,
        "S1",
        "",
        ("S.T.",),
        ("Teknik Pengairan Ahli Pertama", "Penata Ruang Ahli Muda"),
        ("Dinas Pekerjaan Umum dan Penataan Ruang",),
    ),
    _Profile(
        3,
        "S1",
        "",
        ("S.P.",),
        ("Penyuluh Pertanian Ahli Pertama", "Penyuluh Pertanian Ahli Muda"),
        ("Dinas Pertanian dan Pangan",),
    ),
    _Profile(
        13, "SMA", "", ("",), ("Operator Layanan Operasional", "Pengadministrasi Umum", "Pengelola Umum Operasional")
    ),
    _Profile(
        3,
        "SMA",
        "",
        ("",),
        ("Polisi Pamong Praja Pemula", "Polisi Pamong Praja Terampil"),
        ("Satuan Polisi Pamong Praja",),
    ),
    _Profile(5, "S2", "", ("S.Sos., M.Si.", "S.H., M.H.", "S.E., M.M.", "S.T., M.T."), ()),
    _Profile(1, "S3", "Dr.", ("S.Sos., M.Si.", "S.E., M.Si.", "S.H., M.H."), ()),
)
_PROFILE_TABLE = tuple(p for p in _PROFILES for _ in range(p.weight))  # pick uniformly = pick by weight
_PNS_STEPS = ("II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d")
_PNS_ENTRY = {"SMA": "II/a", "D3": "II/c", "S1": "III/a", "S2": "III/b", "S3": "III/c"}
_PNS_CAP = {"SMA": "III/b", "D3": "III/d", "S1": "IV/b", "S2": "IV/c", "S3": "IV/d"}
_PPPK_GOLONGAN = {"SMA": "V", "D3": "VII", "S1": "IX", "S2": "X", "S3": "XI"}
_MIN_START_AGE = {"SMA": 19, "D3": 21, "S1": 23, "S2": 26, "S3": 30}
_PPNPN_JABATAN = ("Tenaga Pendukung Administrasi", "Pramubakti", "Pengemudi", "Operator Komputer", "Petugas Kebersihan")
_NON_ASN_JABATAN = ("Kepala Desa", "Sekretaris Desa", "Kepala Urusan Keuangan", "Pendamping Desa")
_JITTER = (-1, 0, 0, 1)


def _pick(rng: random.Random, items: Sequence[T]) -> T:
    """``rng.choice`` at a third of the cost; 100,000 people make millions of picks."""
    return items[int(rng.random() * len(items))]


def fictional_people(n: int, seed: int = DEFAULT_SEED) -> Iterator[PersonData]:
    """``n`` fictional people, clean as ``participants.clean_person`` would leave them.

    About 75 % PNS, 15 % PPPK and 10 % non-ASN (PPNPN or village staff) who have a NIK
    and no NIP. NIPs and NIKs are unique within one call.
    """
    rng = random.Random(seed)
    nip_prefixes: Counter[str] = Counter()
    nik_prefixes: Counter[str] = Counter()
    for _ in range(n):
        roll = rng.random()
        if roll < 0.10:
            yield _non_asn(rng, nik_prefixes, village=roll < 0.04)
        else:
            yield _asn(rng, nip_prefixes, pppk=roll < 0.25)


def _asn(rng: random.Random, used: Counter[str], *, pppk: bool) -> PersonData:
    profile = _pick(rng, _PROFILE_TABLE)
    sex = profile.sex or _pick(rng, "LP")
    min_age = _MIN_START_AGE[profile.education]
    if pppk:  # first appointed 2019 or later (the first PPPK intake), contract 1 or 2
        birth = _birth_date(rng, 1972, REFERENCE_YEAR - min_age)
        start_year = birth.year + min_age + int(rng.random() * 25)
        start_year = min(REFERENCE_YEAR, max(2019, start_year))
        middle = f"{start_year}2{_pick(rng, '1112')}"
        golongan = _PPPK_GOLONGAN[profile.education]
    else:
        birth = _birth_date(rng, 1966, REFERENCE_YEAR - 1 - min_age)
        start_year = min(birth.year + min_age + int(rng.random() * 11), REFERENCE_YEAR - 1)
        middle = f"{start_year}{1 + int(rng.random() * 12):02d}"
        golongan = _pns_golongan(profile.education, REFERENCE_YEAR - start_year, rng)
    prefix = f"{birth.year}{birth.month:02d}{birth.day:02d}{middle}{'1' if sex == 'L' else '2'}"
    used[prefix] += 1
    unit = _pick(rng, profile.units)
    jabatans = profile.jabatans or (_structural_jabatans(unit) if not pppk else ("Analis Kebijakan Ahli Muda",))
    seniority = (REFERENCE_YEAR - start_year) * len(jabatans) // 24 + _pick(rng, _JITTER)
    gelar_depan, gelar_belakang = _titles(rng, profile, birth.year, sex)
    return PersonData(
        nama=_name(rng, sex),
        gelar_depan=gelar_depan,
        gelar_belakang=gelar_belakang,
        nip=f"{prefix}{used[prefix]:03d}",
        sex=sex,
        employment_type="PPPK" if pppk else "PNS",
        golongan=golongan,
        jabatan=jabatans[max(0, min(len(jabatans) - 1, seniority))],
        unit_kerja=unit,
        phone=_phone(rng),
    )


def _structural_jabatans(unit: str) -> tuple[str, ...]:
    if unit.startswith("Kecamatan"):
        return ("Kepala Seksi Pemerintahan", "Sekretaris Kecamatan", "Camat")
    if unit.startswith("Kelurahan"):
        return ("Kepala Seksi Pelayanan", "Sekretaris Kelurahan", "Lurah")
    head = next((title for prefix, title in _HEADS if unit.startswith(prefix)), "Kepala")
    return ("Kepala Sub Bagian Umum dan Kepegawaian", "Kepala Bidang", "Sekretaris", head)


def _non_asn(rng: random.Random, used: Counter[str], *, village: bool) -> PersonData:
    sex = _pick(rng, "LP")
    birth = _birth_date(rng, 1970, 2003)
    day = birth.day + (40 if sex == "P" else 0)
    # 33 = Jawa Tengah; kabupaten code 30 is unused there, which suits a fictional regency.
    prefix = f"3330{1 + int(rng.random() * 16):02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}"
    used[prefix] += 1
    return PersonData(
        nama=_name(rng, sex),
        nik=f"{prefix}{used[prefix]:04d}",
        sex=sex,
        employment_type="NON_ASN" if village else "PPNPN",
        jabatan=_pick(rng, _NON_ASN_JABATAN if village else _PPNPN_JABATAN),
        unit_kerja=_pick(rng, _VILLAGES if village else _OPD),
        phone=_phone(rng),
    )


def _birth_date(rng: random.Random, first_year: int, last_year: int) -> dt.date:
    start = dt.date(first_year, 1, 1).toordinal()
    span = dt.date(last_year, 12, 31).toordinal() - start + 1
    return dt.date.fromordinal(start + int(rng.random() * span))


def _pns_golongan(education: str, years_of_service: int, rng: random.Random) -> str:
    """Entry golongan by education, one step about every four years, capped per education."""
    entry = _PNS_STEPS.index(_PNS_ENTRY[education])
    cap = _PNS_STEPS.index(_PNS_CAP[education])
    steps = years_of_service // 4 + _pick(rng, _JITTER)
    return _PNS_STEPS[max(entry, min(cap, entry + steps))]


def _titles(rng: random.Random, profile: _Profile, birth_year: int, sex: str) -> tuple[str, str]:
    """Front and back titles as people write them: ``Drs. H.`` … ``, M.Si.``."""
    front, back = profile.front, _pick(rng, profile.backs)
    first_degree, _, masters = back.partition(", ")
    # Graduates of the old system (before about 1993) carry Drs./Dra./Ir. instead of S.Sos./S.T.
    if birth_year < 1968 and not front and first_degree in ("S.Sos.", "S.E.", "S.Pd.", "S.IP."):
        front, back = ("Drs." if sex == "L" else "Dra."), masters
    elif birth_year < 1968 and not front and first_degree == "S.T.":
        front, back = "Ir.", masters
    if profile.education == "S1" and front != "dr." and back and rng.random() < 0.12:
        back = f"{back}, {_masters(rng, profile, first_degree)}"
    if front == "dr." and rng.random() < 0.2:
        back = _pick(rng, ("M.Kes.", "Sp.PD.", "Sp.A.", "Sp.OG."))
    if birth_year < 1985 and rng.random() < 0.08:
        front = f"{front} {'H.' if sex == 'L' else 'Hj.'}".strip()
    return front, back


def _masters(rng: random.Random, profile: _Profile, first_degree: str) -> str:
    if first_degree == "S.Pd.":
        return "M.Pd."
    if profile.units == _HEALTH:
        return "M.Kes."
    return _pick(rng, ("M.Si.", "M.M.", "M.A.P.", "M.H.") if first_degree == "S.H." else ("M.Si.", "M.M.", "M.A.P."))


def _name(rng: random.Random, sex: str) -> str:
    first_names, last_names = (_MALE, _LAST_MALE) if sex == "L" else (_FEMALE, _LAST_FEMALE)
    roll = rng.random()
    if roll < 0.07:
        return _pick(rng, first_names)
    if roll < 0.22:
        return f"{_pick(rng, first_names)} {_pick(rng, first_names)} {_pick(rng, last_names)}"
    return f"{_pick(rng, first_names)} {_pick(rng, last_names)}"


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return ""
    return f"08{_pick(rng, '1235789')}{10_000_000 + int(rng.random() * 990_000_000)}"


def demo_event_data(date: dt.date | None = None) -> EventData:
    """The fictional event, a week from ``date`` (today by default); its title and election
    name carry the year of that date, so the example reads as one consistent event."""
    day = (date or dt.date.today()) + dt.timedelta(days=7)
    return EventData(
        title=f"Sosialisasi Netralitas ASN pada Pemilihan Kepala Daerah Tahun {day.year}",
        kind="both",
        date=day,
        start_time=dt.time(8, 0),
        end_time=dt.time(12, 0),
        venue="Pendopo Rumah Dinas Bupati Sukamakmur, Jl. Veteran No. 1, Sukamakmur",
        instansi="Pemerintah Kabupaten Sukamakmur",
        place_name="Sukamakmur",
        organizer="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Kabupaten Sukamakmur",
        election_name=f"Pemilihan Bupati dan Wakil Bupati Sukamakmur Tahun {day.year}",
        speakers="\n".join(
            (
                "Ketua Bawaslu Kabupaten Sukamakmur",
                "Inspektur Daerah Kabupaten Sukamakmur",
                "Kepala BKPSDM Kabupaten Sukamakmur",
            )
        ),
        signatory1=Signatory(
            jabatan="Kepala BKPSDM Kabupaten Sukamakmur",
            name="Drs. Bambang Wicaksono, M.Si.",
            pangkat="Pembina Utama Muda, IV/c",
            nip="196905121994031004",
        ),
        signatory2=Signatory(
            jabatan="Sekretaris Daerah Kabupaten Sukamakmur",
            name="Dr. Hj. Sri Rahayu Ningsih, S.E., M.M.",
            pangkat="Pembina Utama Madya, IV/d",
            nip="197003151995032002",
        ),
        jp_hours=Decimal("2"),
    )


def create_demo_event(participants: int = 300, *, actor: audit.Actor | None = None, seed: int = DEFAULT_SEED) -> int:
    """Create the demo event with ``participants`` fictional registrations; returns its id.

    The event is marked as an example twice over: its title starts with ``EXAMPLE_MARK``
    (so every list, header and printed page says so) and the event setting ``EXAMPLE_SETTING``
    lets the window show a banner. People already in the database (a second demo, same seed)
    are reused, as a real civil servant is one person across events. Rows go in by the chunk,
    so 100,000 participants take seconds, not minutes.
    """
    if participants < 0:
        raise ValueError("Jumlah peserta tidak boleh negatif.")
    data = demo_event_data()
    event_id = create_event(replace(data, title=f"{EXAMPLE_MARK} {data.title}"), actor=actor)
    set_setting(event_id, EXAMPLE_SETTING, True)
    mode_rng = random.Random(seed + 1)
    with db.atomic():
        batch: list[PersonData] = []
        for person in fictional_people(participants, seed):
            batch.append(person)
            if len(batch) == 2000:
                _insert_batch(event_id, batch, mode_rng)
                batch = []
        if batch:
            _insert_batch(event_id, batch, mode_rng)
        audit.record("participant.demo", actor=actor, event_id=event_id, count=participants)
    return event_id


def is_example(event_id: int) -> bool:
    """Whether the event is the fictional example (``create_demo_event``)."""
    return bool(get_setting(event_id, EXAMPLE_SETTING, False))


_PERSON_COLUMNS = (
    "nip",
    "nik",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "sex",
    "employment_type",
    "golongan",
    "jabatan",
    "unit_kerja",
    "phone",
    "email",
    "created_at",
    "updated_at",
)
_REGISTRATION_COLUMNS = ("event", "person", "source", "mode", "created_at")


def _insert_batch(event_id: int, people: list[PersonData], mode_rng: random.Random) -> None:
    stamp = Person.created_at.db_value(now())
    _insert_rows(
        Person,
        _PERSON_COLUMNS,
        [
            (
                p.nip or None,
                p.nik or None,
                p.nama,
                p.gelar_depan,
                p.gelar_belakang,
                p.sex,
                p.employment_type,
                p.golongan,
                p.jabatan,
                p.unit_kerja,
                p.phone,
                p.email,
                stamp,
                stamp,
            )
            for p in people
        ],
    )
    ids = _person_ids("nip", [p.nip for p in people if p.nip])
    ids.update(_person_ids("nik", [p.nik for p in people if not p.nip]))
    _insert_rows(
        Registration,
        _REGISTRATION_COLUMNS,
        [
            (
                event_id,
                ids[p.nip or p.nik],
                "invited",
                "online" if mode_rng.random() < ONLINE_SHARE else "onsite",
                stamp,
            )
            for p in people
        ],
    )


def _insert_rows(model: type[BaseModel], columns: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
    """Multi-row ``INSERT … ON CONFLICT DO NOTHING`` (SQLite and PostgreSQL alike).

    Plain SQL because building a peewee query costs more than SQLite's own work here.
    """
    names = ", ".join(f'"{model._meta.fields[c].column_name}"' for c in columns)
    placeholders = "(" + ", ".join([db.param] * len(columns)) + ")"
    for chunk in _chunks(rows, MAX_SQL_PARAMS // len(columns)):
        sql = (
            f'INSERT INTO "{model._meta.table_name}" ({names}) VALUES '
            f"{', '.join([placeholders] * len(chunk))} ON CONFLICT DO NOTHING"
        )
        db.execute_sql(sql, [value for row in chunk for value in row])


def _person_ids(column: str, numbers: list[str]) -> dict[str, int]:
    """NIP (or NIK) -> person id, for people just inserted or already there."""
    ids: dict[str, int] = {}
    for chunk in _chunks(numbers, MAX_SQL_PARAMS):
        sql = (
            f'SELECT "{column}", "id" FROM "{Person._meta.table_name}" '
            f'WHERE "{column}" IN ({", ".join([db.param] * len(chunk))})'
        )
        ids.update(db.execute_sql(sql, chunk).fetchall())
    return ids


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


__all__ = [
    "DEFAULT_SEED",
    "EXAMPLE_MARK",
    "EXAMPLE_SETTING",
    "create_demo_event",
    "demo_event_data",
    "fictional_people",
    "is_example",
]

"""People and their registrations for an event (the Peserta tab, manual entry, import)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import asdict, dataclass, fields

from peewee import JOIN

from . import audit
from .events import NotFoundError, ValidationError
from .models import ATTENDANCE_MODES, EMPLOYMENT_TYPES, REGISTRATION_SOURCES, Attendance, Person, Registration, db, now
from .names import fold, full_name
from .nip import IdError, IdKind, format_nip, implausibility, normalize_id, parse_nik, parse_nip
from .pangkat import normalize_golongan
from .scan_codes import is_scan_code
from .statuses import AttendanceMode, RegistrationSource

EMPLOYMENT_LABELS = {"PNS": "PNS", "PPPK": "PPPK", "PPNPN": "PPNPN (PTT/GTT)", "NON_ASN": "Non-ASN"}
MODE_LABELS: dict[str, str] = {AttendanceMode.ONSITE: "Luring (di ruangan)", AttendanceMode.ONLINE: "Daring"}
SOURCE_LABELS: dict[str, str] = {RegistrationSource.INVITED: "Undangan", RegistrationSource.WALK_IN: "Tanpa undangan"}


@dataclass
class PersonData:
    """A person's fields as entered or imported; empty strings mean 'not given'."""

    nama: str = ""
    gelar_depan: str = ""
    gelar_belakang: str = ""
    nip: str = ""
    nik: str = ""
    sex: str = ""
    employment_type: str = ""
    golongan: str = ""
    jabatan: str = ""
    unit_kerja: str = ""
    phone: str = ""
    email: str = ""

    @property
    def full_name(self) -> str:
        return full_name(self.gelar_depan, self.nama, self.gelar_belakang)


PERSON_FIELDS = tuple(f.name for f in fields(PersonData))


@dataclass(frozen=True)
class ParticipantRow:
    registration_id: int
    person_id: int
    full_name: str
    nama: str
    nip: str
    nik: str
    sex: str
    employment_type: str
    golongan: str
    jabatan: str
    unit_kerja: str
    phone: str
    email: str
    source: str
    mode: str
    checked_in_at: dt.datetime | None
    search_text: str  # folded name with titles, unit and jabatan; see filter_rows()
    id_digits: str  # NIP and NIK digits, for number search


def clean_person(data: PersonData) -> tuple[PersonData, dict[str, str]]:
    """Normalise a person's fields and say what is wrong (field -> message).

    The NIP decides sex and PNS/PPPK when those are not given; a NIP that contradicts a
    given employment type is an error, because one of the two is wrong.
    """
    errors: dict[str, str] = {}
    values = {name: " ".join(str(getattr(data, name) or "").split()) for name in PERSON_FIELDS}
    cleaned = PersonData(**values)
    cleaned.nip = normalize_id(data.nip)
    cleaned.nik = normalize_id(data.nik)
    cleaned.golongan = normalize_golongan(data.golongan) or values["golongan"]
    cleaned.employment_type = _employment_type(values["employment_type"])
    cleaned.sex = _sex(values["sex"])
    cleaned.email = values["email"].lower()
    cleaned.phone = re.sub(r"[^\d+]", "", values["phone"].lstrip("'"))
    if not cleaned.nama:
        errors["nama"] = "Nama wajib diisi."
    elif is_scan_code(cleaned.nama):
        errors["nama"] = (
            "Isian nama berupa kode undangan, NIP atau NIK (hasil pindaian?). Tulis nama orangnya; "
            "NIP/NIK diisi di kolomnya sendiri."
        )
    if cleaned.nip:
        try:
            info = parse_nip(data.nip)
        except IdError as err:
            errors["nip"] = str(err)
        else:
            problem = implausibility(info)
            if problem:
                errors["nip"] = problem
            kind = "PPPK" if info.kind is IdKind.PPPK else "PNS"
            if cleaned.employment_type in ("", kind):
                cleaned.employment_type = kind
            else:
                errors["employment_type"] = (
                    f"NIP {info.formatted} adalah nomor {kind}, tetapi jenis pegawai diisi "
                    f"{EMPLOYMENT_LABELS.get(cleaned.employment_type, cleaned.employment_type)}."
                )
            cleaned.sex = cleaned.sex or info.sex
    elif cleaned.employment_type in ("PNS", "PPPK"):
        errors["nip"] = f"NIP wajib diisi untuk {cleaned.employment_type}."
    if cleaned.nik:
        try:
            nik = parse_nik(data.nik)
            cleaned.sex = cleaned.sex or nik.sex
        except IdError as err:
            errors["nik"] = str(err)
    if not cleaned.employment_type:
        cleaned.employment_type = "NON_ASN"
    if cleaned.email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", cleaned.email):
        errors["email"] = f"Alamat email tidak valid: {cleaned.email}."
    for name, label in _LIMITED_FIELDS.items():
        limit = getattr(Person, name).max_length
        if len(getattr(cleaned, name)) > limit:
            errors.setdefault(name, f"{label} paling banyak {limit} karakter.")
    return cleaned, errors


# Columns with a length limit. PostgreSQL refuses longer text with a driver error (SQLite keeps
# it), so the form and the importer report it as a field error on both backends.
_LIMITED_FIELDS = {
    "nama": "Nama",
    "gelar_depan": "Gelar depan",
    "gelar_belakang": "Gelar belakang",
    "golongan": "Golongan",
    "jabatan": "Jabatan",
    "unit_kerja": "Unit kerja",
    "phone": "Nomor HP",
    "email": "Email",
}


@functools.lru_cache(maxsize=256)  # a roster repeats a handful of values; import calls this per row
def _employment_type(raw: str) -> str:
    text = fold(raw).replace(".", "")
    if not text or text == "null":
        return ""
    if "pppk" in text or "p3k" in text:
        return "PPPK"
    if "ppnpn" in text or "ptt" in text or "gtt" in text or "honor" in text or "tenaga" in text:
        return "PPNPN"
    if "non" in text:
        return "NON_ASN"
    if "pns" in text or "cpns" in text:
        return "PNS"
    return raw.upper() if raw.upper() in EMPLOYMENT_TYPES else "NON_ASN"


@functools.lru_cache(maxsize=64)
def _sex(raw: str) -> str:
    text = fold(raw)
    if text in ("l", "m", "laki-laki", "laki laki", "pria", "1", "male"):
        return "L"
    if text in ("p", "f", "w", "perempuan", "wanita", "2", "female"):
        return "P"
    return ""


def find_person(nip: str = "", nik: str = "") -> Person | None:
    if nip:
        person = Person.get_or_none(Person.nip == nip)
        if person:
            return person
    if nik:
        return Person.get_or_none(Person.nik == nik)
    return None


def identity_conflicts(data: PersonData, person_id: int | None = None) -> dict[str, str]:
    """Field -> message when ``data``'s NIP or NIK already belongs to someone else.

    ``person_id`` is the person being edited (None for a new entry). For a new entry, a NIK
    on record under another NIP is a conflict too: merging would overwrite that person's NIP.
    """
    by_nip = Person.get_or_none(Person.nip == data.nip) if data.nip else None
    by_nik = Person.get_or_none(Person.nik == data.nik) if data.nik else None
    owner_id = person_id if person_id is not None else (by_nip.id if by_nip else None)
    errors: dict[str, str] = {}
    if by_nip is not None and person_id is not None and by_nip.id != person_id:
        errors["nip"] = f"NIP ini sudah dipakai oleh {person_data(by_nip).full_name}."
    if by_nik is not None and owner_id is not None and by_nik.id != owner_id:
        errors["nik"] = f"NIK ini sudah dipakai oleh {person_data(by_nik).full_name}."
    elif by_nik is not None and owner_id is None and data.nip and by_nik.nip:
        errors["nik"] = (
            f"NIK ini sudah tercatat untuk {person_data(by_nik).full_name} dengan NIP {format_nip(by_nik.nip)}."
        )
    return errors


def person_data(person: Person) -> PersonData:
    return PersonData(**{name: getattr(person, name) or "" for name in PERSON_FIELDS})


def merge_person(person: object, data: PersonData) -> dict[str, str]:
    """The columns of ``person`` that ``data`` changes; empty fields in ``data`` keep what is stored.

    ``person`` is a ``Person`` or any row read with its ``PERSON_FIELDS`` (``StoredPerson``)."""
    changes = {}
    for name in PERSON_FIELDS:
        new = getattr(data, name)
        if new and new != (getattr(person, name) or ""):
            changes[name] = new
    return changes


def upsert_person(data: PersonData) -> tuple[Person, str]:
    """Create or update the person identified by NIP (else NIK). Returns (person, outcome).

    Outcome is ``created``, ``updated`` or ``unchanged``. ``data`` must be clean.
    """
    person = find_person(data.nip, data.nik)
    if person is None:
        values = {name: getattr(data, name) for name in PERSON_FIELDS}
        values["nip"] = values["nip"] or None
        values["nik"] = values["nik"] or None
        return Person.create(**values), "created"
    changes = merge_person(person, data)
    if not changes:
        return person, "unchanged"
    Person.update(**changes, updated_at=now()).where(Person.id == person.id).execute()
    for name, value in changes.items():
        setattr(person, name, value)
    return person, "updated"


def register(
    event_id: int, person_id: int, *, source: str = "invited", mode: str = "onsite"
) -> tuple[Registration, bool]:
    """Register a person for an event once; returns (registration, created)."""
    if source not in REGISTRATION_SOURCES or mode not in ATTENDANCE_MODES:
        raise ValueError(f"source/mode tidak dikenal: {source}/{mode}")
    existing = Registration.get_or_none((Registration.event == event_id) & (Registration.person == person_id))
    if existing:
        return existing, False
    return Registration.create(event=event_id, person=person_id, source=source, mode=mode), True


def add_participant(
    event_id: int, data: PersonData, *, source: str = "invited", mode: str = "onsite", actor: audit.Actor | None = None
) -> int:
    """Add one participant by hand; a known NIP/NIK reuses (and updates) that person."""
    cleaned, errors = clean_person(data)
    if not errors:
        errors = identity_conflicts(cleaned)
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        person, _ = upsert_person(cleaned)
        registration, created = register(event_id, person.id, source=source, mode=mode)
        if not created:
            raise ValidationError({"nip": f"{person_data(person).full_name} sudah terdaftar pada kegiatan ini."})
        audit.record("participant.add", actor=actor, event_id=event_id, registration_id=registration.id)
    return registration.id


def update_participant(
    registration_id: int, data: PersonData, *, mode: str | None = None, actor: audit.Actor | None = None
) -> None:
    """Edit a participant. Unlike import, an emptied field here is cleared on purpose."""
    registration = _registration(registration_id)
    cleaned, errors = clean_person(data)
    errors = {**identity_conflicts(cleaned, registration.person_id), **errors}
    if errors:
        raise ValidationError(errors)
    values = asdict(cleaned)
    values["nip"] = values["nip"] or None
    values["nik"] = values["nik"] or None
    with db.atomic():
        Person.update(**values, updated_at=now()).where(Person.id == registration.person_id).execute()
        if mode and mode != registration.mode:
            Registration.update(mode=mode).where(Registration.id == registration_id).execute()
        audit.record("participant.edit", actor=actor, event_id=registration.event_id, registration_id=registration_id)


def remove_participant(registration_id: int, *, actor: audit.Actor | None = None) -> None:
    """Remove a participant from an event (the person stays for other events)."""
    registration = _registration(registration_id)
    with db.atomic():
        Registration.delete().where(Registration.id == registration_id).execute()
        audit.record("participant.delete", actor=actor, event_id=registration.event_id, registration_id=registration_id)


def get_participant(registration_id: int) -> tuple[PersonData, str, str]:
    """(person data, mode, source) of one registration, for the edit dialog."""
    registration = _registration(registration_id)
    return person_data(registration.person), registration.mode, registration.source


def _registration(registration_id: int) -> Registration:
    registration = Registration.get_or_none(Registration.id == registration_id)
    if registration is None:
        raise NotFoundError(f"Peserta nomor {registration_id} tidak ditemukan.")
    return registration


def list_participants(event_id: int) -> list[ParticipantRow]:
    """All participants of an event, sorted by unit then name, ready for display and filtering."""
    query = (
        Registration.select(
            Registration.id,
            Person.id,
            Person.gelar_depan,
            Person.nama,
            Person.gelar_belakang,
            Person.nip,
            Person.nik,
            Person.sex,
            Person.employment_type,
            Person.golongan,
            Person.jabatan,
            Person.unit_kerja,
            Person.phone,
            Person.email,
            Registration.source,
            Registration.mode,
            Attendance.checked_in_at,
        )
        .join(Person)
        .switch(Registration)
        .join(Attendance, JOIN.LEFT_OUTER)
        .where(Registration.event == event_id)
        .order_by(Person.unit_kerja, Person.nama, Registration.id)
    )
    # The raw cursor skips peewee's per-column converters (two thirds of the time at 100,000 rows):
    # every column here is text or an id, and _as_datetime reads the one timestamp on both backends.
    rows = []
    for (
        reg_id,
        person_id,
        depan,
        nama,
        belakang,
        nip,
        nik,
        sex,
        etype,
        gol,
        jabatan,
        unit,
        phone,
        email,
        source,
        mode,
        checked_in_at,
    ) in db.execute(query).fetchall():
        name = full_name(depan, nama, belakang)
        rows.append(
            ParticipantRow(
                reg_id,
                person_id,
                name,
                nama,
                nip or "",
                nik or "",
                sex,
                etype,
                gol,
                jabatan,
                unit,
                phone,
                email,
                source,
                mode,
                _as_datetime(checked_in_at),
                search_text=_search_text(name, unit, jabatan),
                id_digits=f"{nip or ''} {nik or ''}",
            )
        )
    return rows


def _as_datetime(value: object) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


_PUNCT = re.compile(r"[^\w\s]")


def _search_text(name: str, unit: str, jabatan: str) -> str:
    return _PUNCT.sub("", fold(f"{name} | {unit} | {jabatan}"))


def filter_rows(rows: list[ParticipantRow], query: str) -> list[int]:
    """Indexes of rows matching ``query``; case-, accent- and title-insensitive.

    A query of digits (spaces allowed, as NIPs are printed) searches NIP and NIK; any
    other query matches when each of its words occurs in the name, unit or jabatan.
    Titles cost nothing: ``budi santoso`` finds ``Drs. H. Budi Santoso, M.Si.``.
    """
    text = query.strip()
    if not text:
        return list(range(len(rows)))
    compact = re.sub(r"[\s.\-']", "", text)
    if compact.isdigit():
        return [i for i, row in enumerate(rows) if compact in row.id_digits]
    words = _PUNCT.sub("", fold(text)).split()
    if not words:
        return list(range(len(rows)))
    if len(words) == 1:
        word = words[0]
        return [i for i, row in enumerate(rows) if word in row.search_text]
    return [i for i, row in enumerate(rows) if all(word in row.search_text for word in words)]


__all__ = [
    "ParticipantRow",
    "PersonData",
    "add_participant",
    "clean_person",
    "filter_rows",
    "find_person",
    "get_participant",
    "identity_conflicts",
    "list_participants",
    "merge_person",
    "person_data",
    "register",
    "remove_participant",
    "update_participant",
    "upsert_person",
]

"""A real event for the certificate tests, and codes as a forger or an older release made them.

Registered as a plugin (tests/conftest.py): ``certificate_event`` (the event with its people) and
``upgraded`` (a database as the previous release left it) are fixtures for every test module.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import io
from decimal import Decimal

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from PIL import Image

from netralitas_desktop.core import migrations
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.certificates import register
from netralitas_desktop.core.certificates.models import Certificate, CertificateKey, CertificateRegister
from netralitas_desktop.core.certificates.payload import PREFIX, encode_body, parse_code
from netralitas_desktop.core.checkin import check_in_registration
from netralitas_desktop.core.database import close_database, open_database
from netralitas_desktop.core.events import EventData, Signatory, create_event
from netralitas_desktop.core.models import AppSetting, Attendance, Registration, SchemaVersion, db, now
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.core.reports.models import OnlineAttendance

TEST_KEY_PASSPHRASE = "kata sandi uji kunci"  # protects this "computer's" signing keys in every test
ACTOR = Actor("Meja 1", "tester")
PROF = "Prof. Dr. Ir. H. Muhammad Abdurrahman Syahputra Wicaksono, S.H., M.H., M.Si."
PEOPLE = [  # (gelar depan, nama, gelar belakang, NIP, NIK, unit kerja)
    (
        "Prof. Dr. Ir. H.",
        "Muhammad Abdurrahman Syahputra Wicaksono",
        "S.H., M.H., M.Si.",
        "198609262015051001",
        "",
        "Badan Kepegawaian Daerah",
    ),
    ("Drs. H.", "Budi Santoso", "M.Si.", "196905121994031004", "", "Dinas Kesehatan"),
    ("", "Ani Lestari", "S.Kom.", "200012312024211001", "", "Dinas Kesehatan"),
    ("", "José Müller Ma’ruf", "", "", "3306014509900001", "Desa Mekarsari"),
    ("", "Teguh Prasetyo", "S.T.", "198001012005011002", "", "Dinas Pekerjaan Umum"),
    ("", "Sri Rahayu", "", "", "", "Kecamatan Sukamaju"),
    ("", "Yuni Astuti", "S.Pd.", "198001012005012003", "", ""),
    ("", "Daring Cukup", "", "198101012006041001", "", "Dinas Pendidikan"),
    ("", "Daring Sebentar", "", "198201012007041001", "", "Dinas Pendidikan"),
    ("", "Batal Hadir", "", "198301012008041001", "", "Dinas Sosial"),
    ("", "Tidak Datang", "", "198401012009041001", "", "Dinas Sosial"),
]
ONSITE = PEOPLE[:7]


def make_event(title: str = "Sosialisasi Netralitas ASN pada Pemilihan Kepala Daerah Tahun 2024") -> int:
    return create_event(
        EventData(
            title=title,
            date=dt.date(2024, 7, 1),
            venue="Pendopo Kabupaten Sukamakmur",
            place_name="Sukamakmur",
            organizer="BKPSDM Kabupaten Sukamakmur",
            instansi="Pemerintah Kabupaten Sukamakmur",
            jp_hours=Decimal("2"),
            signatory1=Signatory(
                "Kepala BKPSDM Kabupaten Sukamakmur",
                "Drs. Bambang Wicaksono, M.Si.",
                "Pembina Utama Muda, IV/c",
                "196905121994031004",
            ),
        )
    )


def populate(event_id: int) -> dict[str, int]:
    """Seven in the room, two online (90 and 20 minutes), one cancelled after check-in, one absent."""
    ids = {}
    for depan, nama, belakang, nip, nik, unit in PEOPLE:
        ids[nama] = add_participant(
            event_id,
            PersonData(gelar_depan=depan, nama=nama, gelar_belakang=belakang, nip=nip, nik=nik, unit_kerja=unit),
        )
    for _depan, nama, *_ in ONSITE:
        check_in_registration(ids[nama], actor=ACTOR)
    for nama, minutes in (("Daring Cukup", 90), ("Daring Sebentar", 20)):
        Attendance.create(registration=ids[nama], method="online")
        OnlineAttendance.create(registration=ids[nama], minutes=minutes)
    check_in_registration(ids["Batal Hadir"], actor=ACTOR)
    Registration.update(cancelled_at=now(), cancel_reason="uji").where(Registration.id == ids["Batal Hadir"]).execute()
    return ids


@pytest.fixture
def certificate_event(db) -> tuple[int, dict[str, int]]:
    """The event of ``make_event`` with the people of ``populate``: (event id, registration id by nama)."""
    event_id = make_event()
    return event_id, populate(event_id)


def png_bytes(image: Image.Image, kind: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind)
    return buffer.getvalue()


# --- codes a forger or the previous release made ----------------------------------------------------------


def raw(private: Ed25519PrivateKey) -> bytes:
    return private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def legacy_code(private: Ed25519PrivateKey, number: str, id_digits: str, name: str, date: str) -> str:
    message = "|".join(("SRT1", number, id_digits, name, date))
    signature = base64.urlsafe_b64encode(private.sign(message.encode())).rstrip(b"=").decode()
    return f"{message}|{signature}"


def altered(text: str, **changes) -> str:
    """The code with some claims changed and its genuine signature kept (a forger without the key)."""
    code = parse_code(text)
    body = encode_body(dataclasses.replace(code.claims, **changes), code.key_id)
    return PREFIX + base64.b32encode(body + code.signature).decode().rstrip("=")


@pytest.fixture
def upgraded(tmp_path):
    """A database as the previous release left it — signing key in the settings table, SRT1 codes —
    opened by this release: the migration that makes the certificate register runs."""
    url = f"sqlite:///{tmp_path / 'lama.db'}"
    open_database(url)
    event_id = make_event()
    ids = populate(event_id)
    old = Ed25519PrivateKey.generate()
    holders = [("Budi Santoso", "196905121994031004", "Drs. H. Budi Santoso, M.Si."), ("Ani Lestari", "", "")]
    codes = {}
    for seq, (nama, nip, name) in enumerate(holders, start=1):
        number = f"800/{seq:04d}/SERT-{event_id}/2024"
        Certificate.create(event=event_id, registration=ids[nama], seq=seq, number=number)
        if nip:
            codes[number] = legacy_code(old, number, nip, name, "20240701")
    Certificate.update(revoked_at=Certificate.issued_at, revoke_reason="salah").where(Certificate.seq == 2).execute()
    with db.atomic():
        for model in (CertificateRegister, CertificateKey):
            model.delete().execute()
        AppSetting.create(key=register.LEGACY_KEY_SETTING, value=raw(old).hex())
        register_version = next(v for v, step in migrations.MIGRATIONS if step is migrations._certificate_register)
        # As the previous release left it: the register's migration and any later one not yet run.
        SchemaVersion.delete().where(SchemaVersion.version >= register_version).execute()
    close_database()
    open_database(url)
    return event_id, ids, old, codes

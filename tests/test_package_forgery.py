"""Forged offline packages, built by the test from a package in hand: each is refused, nothing changes.

Both directions are signed (Ed25519): an edited file fails its signature, a re-signed one
carries a key nobody confirmed, and a return file from another key than the laptop's is
refused. Authentic files are still held to the event's day, never replace the office's own
records, and their walk-ins wait for review.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import struct
import zlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from netralitas_desktop.core import checkin, qr_payload, signatures
from netralitas_desktop.core.models import Attendance, Event, Person, Registration, Signature
from netralitas_desktop.core.offline import (
    KeyMismatchError,
    KeyNotConfirmedError,
    PackageError,
    export_checkins,
    import_package,
    merge_checkins,
    pending_walk_ins,
    read_package,
    reject_walk_ins,
)
from netralitas_desktop.core.offline.keys import fingerprint
from support.offline import (
    DAY,
    DESK_A,
    OFFICE,
    Site,
    at,
    export_package,
    make_office,
    merge,
    new_laptop,
    office_state,
    png_signature,
    set_checkin_time,
)
from support.package_forgery import edit, entries_of, raw_public, write

office = pytest.fixture(make_office)


def laptop_state() -> dict:
    return {**office_state(), "events": Event.select().count()}


# --- the office's package, changed on the way -------------------------------------------------------


def _rename(manifest, data, files):
    data["people"][1]["nama"] = "Nama Palsu"


def _fake_checkin(manifest, data, files):
    data["checkins"].append(
        {
            "registration": data["registrations"][2]["id"],
            "checked_in_at": f"{DAY}T08:00:00",
            "desk": "X",
            "operator": "",
        }
        | {"method": "qr"}
    )


def _invented_code(manifest, data, files):
    data["registrations"][3]["code_digest"] = qr_payload.payload_digest("NTR1" + "7" * 23)


@pytest.mark.parametrize("change", [_rename, _fake_checkin, _invented_code], ids=["rename", "checkin", "code"])
def test_an_edited_package_with_its_checksum_recomputed_is_refused(office, tmp_path, change):
    forged = edit(export_package(office, tmp_path), tmp_path / "palsu.netralitas", change)
    with Site(tmp_path / "laptop.db").open():
        with pytest.raises(PackageError, match="tanda tangan digitalnya tidak cocok"):
            import_package(forged, actor=DESK_A, office_key=office.fingerprint)
        assert Event.select().count() == 0 and Person.select().count() == 0


@pytest.mark.parametrize("change", [_rename, _fake_checkin, _invented_code], ids=["rename", "checkin", "code"])
def test_a_package_re_signed_with_another_key_is_not_the_offices(office, tmp_path, change):
    genuine = export_package(office, tmp_path)
    forged = edit(genuine, tmp_path / "palsu.netralitas", change, key=Ed25519PrivateKey.generate())
    with Site(tmp_path / "laptop-baru.db").open():
        # A laptop that never met the office: the fingerprint shown differs from the office's screen.
        with pytest.raises(KeyNotConfirmedError) as shown:
            import_package(forged, actor=DESK_A)
        assert shown.value.fingerprint != office.fingerprint and shown.value.fingerprint in str(shown.value)
        with pytest.raises(KeyMismatchError, match="berbeda"):  # the person types what the office shows
            import_package(forged, actor=DESK_A, office_key=office.fingerprint)
        assert Event.select().count() == 0
    laptop, event_id = new_laptop(tmp_path, "laptop-a", genuine, office.fingerprint)
    with laptop.open():
        before = laptop_state()
        for confirmed in (None, fingerprint(bytes.fromhex(read_package(forged).manifest["signing_key"]))):
            with pytest.raises(KeyMismatchError, match="tidak dibuat oleh komputer itu"):
                import_package(forged, actor=DESK_A, office_key=confirmed)
        assert laptop_state() == before
        assert checkin.check_in(event_id, "NTR1" + "7" * 23, actor=DESK_A).status == checkin.CheckinStatus.REJECTED


def test_an_old_unsigned_package_is_refused_with_a_way_forward(office, tmp_path):
    def version_one(manifest, data, files):
        manifest["format_version"] = 1

    old = edit(export_package(office, tmp_path), tmp_path / "lama.netralitas", version_one)
    with Site(tmp_path / "laptop.db").open(), pytest.raises(PackageError, match="tanpa tanda tangan digital"):
        import_package(old, actor=DESK_A, office_key=office.fingerprint)


# --- a return file forged from the event package alone ------------------------------------------------


def forged_return(package: Path, target: Path, *, key: Ed25519PrivateKey, source: str, count: int = 28) -> Path:
    """28 check-ins and three walk-ins, made up from what the event package shows."""
    manifest = read_package(package).manifest
    event = json.loads(entries_of(package)["data.json"])
    entries = [
        {
            "local_registration": 1000 + index,
            "office_registration": row["id"],
            "source": "invited",
            "mode": "onsite",
            "person": {"nama": "x"},
            "checkin": {"checked_in_at": f"{DAY}T09:{index % 60:02d}:00", "desk": "Meja Z", "operator": "Z"}
            | {"method": "qr"},
            "signature": None,
        }
        for index, row in enumerate((event["registrations"] * 3)[:count])
    ]
    entries = list({entry["office_registration"]: entry for entry in entries}.values())
    entries += [
        {
            "local_registration": 5000 + index,
            "office_registration": None,
            "source": "walk_in",
            "mode": "onsite",
            "person": {"nama": f"Orang Karangan {index}", "unit_kerja": "Entah"},
            "checkin": {"checked_in_at": f"{DAY}T10:00:00", "desk": "Meja Z", "operator": "Z", "method": "walk_in"},
            "signature": None,
        }
        for index in range(3)
    ]
    back = {
        "format": "netralitas-paket",
        "format_version": manifest["format_version"],
        "kind": "checkins",
        "package_id": secrets.token_hex(16),
        "created_at": f"{DAY}T12:00:00",
        "app_version": "1.0",
        "source_database": source,
        "office_database": manifest["source_database"],
        "office_event_id": manifest["event_id"],
        "office_package_id": manifest["package_id"],
        "office_signing_key": manifest["signing_key"],
        "desks": ["Meja Z"],
    }
    return write(target, back, {"entries": entries}, key=key)


def test_a_return_file_forged_from_the_package_is_refused(office, tmp_path):
    package = export_package(office, tmp_path)
    laptop, event_id = new_laptop(tmp_path, "laptop-a", package)
    with laptop.open():
        checkin.check_in(event_id, office.codes[office.registrations[1]], actor=DESK_A)
        genuine = Path(export_checkins(event_id, tmp_path / "asli.netralitas", actor=DESK_A).path)
    genuine_manifest = read_package(genuine).manifest
    attacker = Ed25519PrivateKey.generate()
    stranger = forged_return(package, tmp_path / "palsu-1.netralitas", key=attacker, source=secrets.token_hex(16))
    posing = forged_return(
        package, tmp_path / "palsu-2.netralitas", key=attacker, source=genuine_manifest["source_database"]
    )
    with office.site.open():
        before = office_state()
        with pytest.raises(KeyNotConfirmedError) as shown:  # a laptop nobody confirmed: the office sees its code
            merge_checkins(stranger, actor=OFFICE)
        assert shown.value.fingerprint == fingerprint(raw_public(attacker))
        genuine_code = read_package(genuine).fingerprint
        with pytest.raises(KeyMismatchError):  # the office compares it with the laptop's screen
            merge_checkins(stranger, actor=OFFICE, desk_key=genuine_code)
        assert office_state() == before
        merge(genuine)  # the real laptop, confirmed
        after = office_state()
        for confirmed in (None, shown.value.fingerprint):  # posing as that laptop: never accepted
            with pytest.raises(KeyMismatchError, match="tidak dibuat oleh komputer itu"):
                merge_checkins(posing, actor=OFFICE, desk_key=confirmed)
        assert office_state() == after
        assert pending_walk_ins(office.event_id) == []


def test_an_edited_return_file_fails_its_signature(office, tmp_path):
    package = export_package(office, tmp_path)
    laptop, event_id = new_laptop(tmp_path, "laptop-a", package)
    with laptop.open():
        checkin.check_in(event_id, office.codes[office.registrations[1]], actor=DESK_A)
        genuine = Path(export_checkins(event_id, tmp_path / "asli.netralitas", actor=DESK_A).path)

    def backdate(manifest, data, files):
        data["entries"][0]["checkin"]["checked_in_at"] = "2020-01-01T07:00:00"

    forged = edit(genuine, tmp_path / "palsu.netralitas", backdate)
    with office.site.open(), pytest.raises(PackageError, match="tanda tangan digitalnya tidak cocok"):
        merge_checkins(forged, actor=OFFICE, desk_key=read_package(genuine).fingerprint)


# --- authentic files, still held to the rules ---------------------------------------------------------


def test_a_check_in_outside_the_events_day_is_refused_and_the_office_record_stays(office, tmp_path):
    package = export_package(office, tmp_path)
    laptop, event_id = new_laptop(tmp_path, "laptop-a", package)
    first, second, third = office.registrations[1:4]
    with laptop.open():
        local = {
            reg: checkin.check_in(event_id, office.codes[reg], actor=DESK_A).registration_id
            for reg in (first, second, third)
        }
        set_checkin_time(local[first], dt.datetime(2020, 1, 1, 7, 0))  # a laptop clock gone wrong, or a trick
        set_checkin_time(local[second], at(7))  # earlier than the office's own, the same day
        set_checkin_time(local[third], dt.datetime.combine(DAY + dt.timedelta(days=3), dt.time(9)))
        back = Path(export_checkins(event_id, tmp_path / "kembali.netralitas", actor=DESK_A).path)
    with office.site.open():
        checkin.check_in(office.event_id, office.codes[second], actor=OFFICE)
        set_checkin_time(second, at(10))
        report = merge(back)
        assert not Attendance.select().where(Attendance.registration.in_([first, third])).exists()
        kept = Attendance.get(Attendance.registration == second)
        assert (kept.desk, kept.checked_in_at) == ("Kantor BKPSDM", at(10))  # not replaced by the earlier one
    assert report.counts["refused_outside_day"] == 2 and report.counts["office_kept"] == 1
    assert report.counts["checkins_new"] == 0
    kinds = sorted(conflict.kind for conflict in report.conflicts)
    assert kinds == ["office_kept", "outside_day", "outside_day"]
    assert any("di luar hari kegiatan" in line for line in report.lines())


def test_walk_ins_wait_for_review_and_a_rejected_one_leaves_nothing(office, tmp_path):
    from netralitas_desktop.core.participants import PersonData

    package = export_package(office, tmp_path)
    laptop, event_id = new_laptop(tmp_path, "laptop-a", package)
    with laptop.open():
        walked = checkin.walk_in(event_id, PersonData(nama="Rina Marlina", unit_kerja="Desa Entah"), actor=DESK_A)
        signatures.save_signature(walked.registration_id, png_signature(), actor=DESK_A)
        back = Path(export_checkins(event_id, tmp_path / "kembali.netralitas", actor=DESK_A).path)
    with office.site.open():
        before = Registration.select().where(Registration.event == office.event_id).count()
        report = merge(back)
        assert report.counts["walk_ins_pending"] == 1 and report.changed
        assert Registration.select().where(Registration.event == office.event_id).count() == before
        assert Person.select().where(Person.nama == "Rina Marlina").count() == 0
        [waiting] = pending_walk_ins(office.event_id)
        assert (waiting.name, waiting.desk, waiting.has_signature) == ("Rina Marlina", "Meja A", True)
        assert reject_walk_ins([waiting.id], actor=OFFICE) == 1
        assert pending_walk_ins(office.event_id) == []
        again = merge(back)  # the same file again does not bring her back
        assert again.counts["walk_ins_rejected_before"] == 1 and not again.changed
        assert Person.select().where(Person.nama == "Rina Marlina").count() == 0
        assert Signature.select().count() == 1  # the office's own


def noisy_pixels(png: bytes) -> bytes:
    """``png`` with random image data under correct chunk CRCs: Pillow's verify() passes it."""
    out, position = png[:8], 8
    while position < len(png):
        length = int.from_bytes(png[position : position + 4], "big")
        kind, data = png[position + 4 : position + 8], png[position + 8 : position + 8 + length]
        if kind == b"IDAT":
            data = secrets.token_bytes(len(data))
        out += struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        position += 12 + length
    return out


def test_a_garbage_signature_is_refused_for_its_record_and_documents_still_work(office, tmp_path):
    """An operator confirmed a crafted file's key by mistake: its broken PNG still harms nothing."""
    from netralitas_desktop.core.pledges.attendance_list import AttendanceListJob
    from netralitas_desktop.core.pledges.pledge_files import PledgeFormsJob
    from netralitas_desktop.core.reports.report_pdf import ReportPdfJob

    package = export_package(office, tmp_path)
    key = Ed25519PrivateKey.generate()
    back = forged_return(package, tmp_path / "ttd.netralitas", key=key, source=secrets.token_hex(16), count=3)

    def garbage(manifest, data, files):
        good = png_signature("purple")
        files["signatures/1.png"] = b"\x89PNG\r\n\x1a\n" + secrets.token_bytes(600)  # a PNG signature, then noise
        files["signatures/2.png"] = noisy_pixels(good)  # every chunk sound (CRCs right), pixels undecodable
        files["signatures/3.png"] = good
        for index, entry in enumerate(data["entries"][:3]):
            entry["signature"] = {
                "file": f"signatures/{index + 1}.png",
                "created_at": None,
                "desk": "Z",
                "operator": "",
            }

    crafted = edit(back, tmp_path / "ttd-2.netralitas", garbage, key=key)
    with office.site.open():
        report = merge_checkins(crafted, actor=OFFICE, desk_key=fingerprint(raw_public(key)))
        assert report.counts["signatures_refused"] == 2 and report.counts["signatures_added"] == 1
        assert (report.counts["checkins_new"], report.counts["office_kept"]) == (2, 1)  # their check-ins still count
        for job in (
            PledgeFormsJob(office.event_id, tmp_path / "ikrar.pdf"),
            AttendanceListJob(office.event_id, tmp_path / "daftar.pdf"),
            ReportPdfJob(office.event_id, tmp_path / "laporan.pdf", with_attendance_list=True),
        ):
            job.run()
    for name in ("ikrar.pdf", "daftar.pdf", "laporan.pdf"):
        assert (tmp_path / name).read_bytes().startswith(b"%PDF")

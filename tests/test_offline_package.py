"""The package file itself: what it holds, what it never holds, and how a bad file is refused."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from netralitas_desktop.core import checkin, qr_payload
from netralitas_desktop.core.certificates import register
from netralitas_desktop.core.models import AppSetting, Attendance, AuditLog, Event, Person
from netralitas_desktop.core.offline import (
    PackageError,
    export_checkins,
    export_event_package,
    import_package,
    merge_checkins,
    read_package,
)
from netralitas_desktop.core.offline.importer import REMOVED_AT_OFFICE
from netralitas_desktop.core.offline.models import ImportedRegistration
from netralitas_desktop.core.offline.package_file import FORMAT_VERSION, MANIFEST
from netralitas_desktop.core.participants import PersonData, add_participant, remove_participant, update_participant
from support.offline import DESK_A, OFFICE, Site, export_package, make_office, new_laptop, office_state

office = pytest.fixture(make_office)


def all_text_of(path: Path) -> bytes:
    """The file's raw bytes plus every entry decompressed: a secret must be in neither."""
    blob = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        return blob + b"".join(archive.read(name) for name in archive.namelist())


def rewrite(path: Path, target: Path, change) -> Path:
    """Copy a package, letting ``change(name, bytes)`` alter entries (a tampered file)."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as out:
        for name in source.namelist():
            out.writestr(name, change(name, source.read(name)))
    return target


def test_package_holds_event_roster_checkins_signatures_and_digests(office, tmp_path):
    package = read_package(export_package(office, tmp_path))
    manifest, data = package.manifest, package.data
    assert manifest["format"] == "netralitas-paket" and manifest["format_version"] == FORMAT_VERSION
    assert manifest["kind"] == "event" and manifest["event_id"] == office.event_id
    assert manifest["checksum"].startswith("sha256:")
    assert data["event"]["title"] == "Sosialisasi Netralitas ASN 2024"
    assert len(data["registrations"]) == len(office.registrations) + 1  # cancelled one included, with reason
    cancelled = next(r for r in data["registrations"] if r["id"] == office.cancelled)
    assert cancelled["cancel_reason"] == "Mutasi ke kabupaten lain"
    digests = {r["id"]: r["code_digest"] for r in data["registrations"]}
    assert digests == {reg: qr_payload.payload_digest(code) for reg, code in office.codes.items()} | {
        office.cancelled: digests[office.cancelled]
    }
    assert [c["registration"] for c in data["checkins"]] == [office.checked_in_at_office]
    assert data["signatures"][0]["file"] in package.files
    assert all("phone" not in person and "email" not in person for person in data["people"])


def test_no_secret_in_packages_or_return_files(office, tmp_path):
    with office.site.open():
        register.issuing_key("Pemerintah Kabupaten Sukamakmur")  # a certificate key exists (off the database)
        register.holder_digest("198609262015051001", "Budi")  # and the certificate register's salt
        office_settings = {row.key: row.value for row in AppSetting.select()}
    assert {qr_payload.SECRET_SETTING, register.SALT_SETTING} <= office_settings.keys()
    assert register.LEGACY_KEY_SETTING not in office_settings  # the signing key is never in the database
    package = export_package(office, tmp_path)
    laptop, event_id = new_laptop(tmp_path, "laptop-a", package)
    with laptop.open():
        checkin.check_in(event_id, office.codes[office.registrations[1]], actor=DESK_A)
        # The laptop signs something too, so it has a secret of its own to leak.
        qr_payload.encode(event_id, 1)
        laptop_settings = {row.key: row.value for row in AppSetting.select()}
        back = Path(export_checkins(event_id, tmp_path / "kembali.netralitas", actor=DESK_A).path)
    secrets_seen = [office_settings[qr_payload.SECRET_SETTING], laptop_settings[qr_payload.SECRET_SETTING]]
    assert secrets_seen[0] != secrets_seen[1]
    for path in (package, back):
        content = all_text_of(path)
        for secret in secrets_seen:
            for form in (secret, secret.upper()):
                assert form.encode() not in content
            assert bytes.fromhex(secret) not in content
        assert b"PRIVATE KEY" not in content and b"qr_hmac_secret" not in content
        # No setting of either database travels (as text or as the bytes it encodes), except the
        # public database id in the manifest.
        for settings in (office_settings, laptop_settings):
            for key, value in settings.items():
                if key != "database_id":
                    assert value.encode() not in content and value.upper().encode() not in content, key
                    if len(value) >= 32 and all(c in "0123456789abcdef" for c in value):
                        assert bytes.fromhex(value) not in content, key


@pytest.mark.parametrize("damage", ["truncated", "not_a_zip", "foreign_zip", "tampered", "newer", "bad_crc"])
def test_a_damaged_foreign_or_newer_file_is_refused_in_indonesian(office, tmp_path, damage):
    good = export_package(office, tmp_path)
    bad = tmp_path / "rusak.netralitas"
    if damage == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
        expected = "rusak"
    elif damage == "not_a_zip":
        bad.write_text("Nama;NIP\nBudi;1986\n")
        expected = "bukan paket Netralitas"
    elif damage == "foreign_zip":
        with zipfile.ZipFile(bad, "w") as archive:
            archive.writestr("manifest.json", json.dumps({"format": "lain", "version": 1}))
        expected = "bukan paket Netralitas"
    elif damage == "tampered":
        rewrite(good, bad, lambda name, blob: blob.replace(b"Mutasi", b"Mutasu") if name == "data.json" else blob)
        expected = "checksum tidak cocok"
    elif damage == "newer":

        def newer(name, blob):
            if name != MANIFEST:
                return blob
            return json.dumps(json.loads(blob) | {"format_version": FORMAT_VERSION + 1}).encode()

        rewrite(good, bad, newer)
        expected = "versi aplikasi yang lebih baru"
    else:  # flip a byte inside the stored data: the zip's own CRC catches it
        raw = bytearray(good.read_bytes())
        start = raw.find(b"data.json") + 40
        raw[start + 10] ^= 0xFF
        bad.write_bytes(bytes(raw))
        expected = "rusak"
    with Site(tmp_path / "laptop.db").open():
        with pytest.raises(PackageError) as caught:
            import_package(bad, actor=DESK_A)
        assert Event.select().count() == 0  # nothing written
    assert expected in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_the_wrong_kind_of_file_and_the_wrong_database_are_refused(office, tmp_path):
    package = export_package(office, tmp_path)
    with office.site.open():
        with pytest.raises(PackageError, match="basis data ini sendiri"):
            import_package(package, actor=OFFICE)
        with pytest.raises(PackageError, match="berkas kehadiran"):
            merge_checkins(package, actor=OFFICE)
    laptop, event_id = new_laptop(tmp_path, "laptop-a", package)
    with laptop.open():
        back = Path(export_checkins(event_id, tmp_path / "kembali.netralitas", actor=DESK_A).path)
        with pytest.raises(PackageError, match="bukan dari basis data ini"):
            merge_checkins(back, actor=DESK_A)
        with pytest.raises(PackageError, match="paket kegiatan"):
            import_package(back, actor=DESK_A)
        with pytest.raises(PackageError, match="berasal dari paket kantor"):
            export_event_package(event_id, tmp_path / "ulang.netralitas", actor=DESK_A)
    other_office = make_office(tmp_path / "lain")
    with other_office.site.open():
        with pytest.raises(PackageError, match="basis data lain"):
            merge_checkins(back, actor=OFFICE)
        with pytest.raises(PackageError, match="tidak berasal dari paket kantor"):
            export_checkins(other_office.event_id, tmp_path / "x.netralitas", actor=OFFICE)


def test_importing_again_changes_nothing_and_a_newer_package_updates_the_laptop(office, tmp_path):
    first = export_package(office, tmp_path)
    laptop, event_id = new_laptop(tmp_path, "laptop-a", first)
    with laptop.open():
        before = office_state()
        again = import_package(first, actor=DESK_A)
        assert not again.created and not any(again.counts.values()) and office_state() == before
        checked = checkin.check_in(event_id, office.codes[office.registrations[5]], actor=DESK_A)
        walk_in = checkin.walk_in(
            event_id, PersonData(nama="Dewi Lestari", nik="3305014107900002", unit_kerja="Desa Sukamaju"), actor=DESK_A
        )
    renamed, removed = office.registrations[2], office.registrations[3]
    with office.site.open():
        data = office.people[2]
        data.jabatan = "Kepala Bidang Mutasi"
        update_participant(renamed, data, actor=OFFICE)
        remove_participant(removed, actor=OFFICE)
        added = add_participant(
            office.event_id,
            PersonData(nama="Dewi Lestari", nik="3305014107900002", unit_kerja="Desa Sukamaju"),
            actor=OFFICE,
        )
        checkin.restore_registration(office.cancelled, actor=OFFICE, reason="Batal mutasi")
        Event.update(venue="Pendopo Kabupaten").where(Event.id == office.event_id).execute()
        second = Path(export_event_package(office.event_id, tmp_path / "paket-2.netralitas", actor=OFFICE).path)
        added_code = qr_payload.payload_for(added)
    with laptop.open():
        result = import_package(second, actor=DESK_A)
        # The desk's own walk-in of Dewi is now the office's registration of her.
        assert (result.counts["registrations_new"], result.counts["registrations_linked"]) == (0, 1)
        assert result.counts["registrations_removed"] == 1
        assert Event.get_by_id(event_id).venue == "Pendopo Kabupaten"
        assert Person.get(Person.nik == office.people[2].nik).jabatan == "Kepala Bidang Mutasi"  # a PPNPN
        gone = checkin.check_in(event_id, office.codes[removed], actor=DESK_A)
        assert gone.status == checkin.CheckinStatus.REJECTED and REMOVED_AT_OFFICE in gone.reason
        assert (
            checkin.check_in(event_id, office.codes[office.cancelled], actor=DESK_A).status
            == checkin.CheckinStatus.CHECKED_IN
        )
        assert checkin.check_in(event_id, added_code, actor=DESK_A).registration_id == walk_in.registration_id
        assert Attendance.get(Attendance.registration == checked.registration_id).desk == "Meja A"  # kept
        linked = ImportedRegistration.get(ImportedRegistration.registration == walk_in.registration_id)
        assert linked.origin_registration_id == added
        with pytest.raises(PackageError, match="lebih lama"):
            import_package(first, actor=DESK_A)
        assert AuditLog.select().where(AuditLog.action == "package.import").count() == 3


def test_an_earlier_office_check_in_replaces_the_laptops_on_reimport(office, tmp_path):
    package = export_package(office, tmp_path)
    laptop, event_id = new_laptop(tmp_path, "laptop-a", package)
    target = office.registrations[4]
    with laptop.open():
        local = checkin.check_in(event_id, office.codes[target], actor=DESK_A).registration_id
        Attendance.update(checked_in_at=dt.datetime(2024, 7, 1, 9)).where(Attendance.registration == local).execute()
    with office.site.open():
        checkin.check_in(office.event_id, office.codes[target], actor=OFFICE)
        Attendance.update(checked_in_at=dt.datetime(2024, 7, 1, 8)).where(Attendance.registration == target).execute()
        newer = Path(export_event_package(office.event_id, tmp_path / "paket-2.netralitas", actor=OFFICE).path)
    with laptop.open():
        assert import_package(newer, actor=DESK_A).counts["checkins_earlier"] == 1
        row = Attendance.get(Attendance.registration == local)
        assert (row.desk, row.checked_in_at) == ("Kantor BKPSDM", dt.datetime(2024, 7, 1, 8))


def test_checksum_covers_signature_files(office, tmp_path):
    """Rewriting a zip recomputes its CRCs; the manifest's checksum still catches the change."""
    good = export_package(office, tmp_path)
    bad = rewrite(
        good, tmp_path / "ttd.netralitas", lambda name, blob: blob + b"x" if name.startswith("signatures/") else blob
    )
    with pytest.raises(PackageError, match="checksum"):
        read_package(bad)

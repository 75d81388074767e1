"""The signing key lives on the issuing computer only: never in the database, so a desk or a copy of the
database cannot issue; passphrase file or keyring; backup and restore; rotation keeps old certificates
checkable; certificates signed by the key that lived in the database before still check after the upgrade."""

from __future__ import annotations

import base64
import shutil

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from keyring.backends import fail

from netralitas_desktop.core.certificates import keys, keystore, register, site
from netralitas_desktop.core.certificates.bulk import CertificatesJob
from netralitas_desktop.core.certificates.models import (
    LEGACY,
    REVOKED,
    Certificate,
    CertificateKey,
    CertificateRegister,
)
from netralitas_desktop.core.certificates.verify import verify, verify_text
from netralitas_desktop.core.checkin import check_in_registration
from netralitas_desktop.core.database import close_database, open_database
from netralitas_desktop.core.models import AppSetting, Registration, db
from netralitas_desktop.core.participants import PersonData, add_participant
from support.certificates import ACTOR, legacy_code, make_event, populate, raw
from support.memory_keyring import MemoryKeyring

INSTANSI = "Pemerintah Kabupaten Sukamakmur"


def another_computer(monkeypatch, tmp_path, name: str) -> None:
    """From here on the process is another computer: its own (empty) key folder, nothing unlocked."""
    folder = tmp_path / name
    folder.mkdir()
    monkeypatch.setenv(keystore.KEY_DIR_ENV, str(folder))
    keystore.lock_all()


@pytest.fixture
def office(db, tmp_path):
    event_id = make_event()
    ids = populate(event_id)
    CertificatesJob(event_id, tmp_path / "sertifikat.pdf").run()
    return event_id, ids, tmp_path / "sertifikat.pdf"


def test_the_signing_key_is_not_in_the_database(office, tmp_path):
    db.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    active = keys.active_key()
    private = keystore.unlock(active.key_id)
    content = (tmp_path / "netralitas.db").read_bytes()
    for form in (raw(private), raw(private).hex().encode(), base64.b64encode(raw(private))):
        assert form not in content
    assert AppSetting.get_or_none(AppSetting.key == register.LEGACY_KEY_SETTING) is None
    assert [row.public_key for row in CertificateKey.select()] == [keys.raw_public(private).hex()]
    assert keystore.storage(active.key_id) == keystore.FILE  # this computer: a passphrase-protected file
    file_text = next(keystore.key_dir().glob("*.kunci")).read_bytes()
    assert raw(private) not in file_text and raw(private).hex().encode() not in file_text


def test_a_database_copy_without_the_key_cannot_issue(office, tmp_path, monkeypatch):
    event_id, ids, pdf = office
    check_in_registration(ids["Tidak Datang"], actor=ACTOR)  # a new certificate would need a number
    close_database()
    copy = tmp_path / "salinan.db"
    shutil.copy(tmp_path / "netralitas.db", copy)
    another_computer(monkeypatch, tmp_path, "desk")
    open_database(f"sqlite:///{copy}")
    numbers_before = CertificateRegister.select().count()
    with pytest.raises(register.IssuingKeyMissing, match="tidak ada di komputer ini"):
        CertificatesJob(event_id, tmp_path / "curian.pdf").run()
    assert CertificateRegister.select().count() == numbers_before  # no number used up
    assert not (tmp_path / "curian.pdf").exists()
    assert verify(pdf).valid  # a desk still checks certificates with the public key in the database
    with pytest.raises(register.IssuingKeyMissing):
        site.export_site(tmp_path / "situs-curian")


def test_a_copy_that_makes_its_own_key_mints_nothing_the_office_accepts(office, tmp_path, monkeypatch):
    event_id, _ids, _pdf = office
    close_database()
    shutil.copy(tmp_path / "netralitas.db", tmp_path / "salinan.db")
    another_computer(monkeypatch, tmp_path, "pencuri")
    open_database(f"sqlite:///{tmp_path / 'salinan.db'}")
    register.create_key(INSTANSI, replace=True)
    minted = tmp_path / "palsu.pdf"
    CertificatesJob(event_id, minted).run()
    close_database()
    open_database(f"sqlite:///{tmp_path / 'netralitas.db'}")
    report = verify(minted)
    assert report.status == "invalid" and all(page.status == "invalid" for page in report.pages)
    assert "kunci yang tidak dikenal" in report.first.message


def test_a_passphrase_file_asks_for_its_passphrase(office, monkeypatch):
    kid = keys.active_key().key_id
    monkeypatch.delenv(keystore.PASSPHRASE_ENV)
    keystore.lock_all()
    with pytest.raises(keystore.PassphraseNeeded):
        register.issuing_key(INSTANSI)
    with pytest.raises(keystore.KeyStoreError, match="salah"):
        keystore.unlock(kid, b"bukan kata sandinya")
    from support.certificates import TEST_KEY_PASSPHRASE

    assert keys.key_id(keystore.unlock(kid, TEST_KEY_PASSPHRASE)) == kid
    assert register.issuing_key(INSTANSI)[0].key_id == kid  # unlocked for the rest of the session
    with pytest.raises(keystore.KeyStoreError, match="paling sedikit"):
        keystore.encrypt_key(Ed25519PrivateKey.generate(), b"pendek")


def test_without_a_passphrase_the_key_goes_to_the_keyring(db, monkeypatch, use_keyring):
    use_keyring(MemoryKeyring())
    monkeypatch.delenv(keystore.PASSPHRASE_ENV)
    known, private = register.issuing_key(INSTANSI)  # the first certificate makes the key
    assert keystore.storage(known.key_id) == keystore.KEYRING
    assert not list(keystore.key_dir().glob("*.kunci"))
    keystore.lock_all()
    assert raw(keystore.unlock(known.key_id)) == raw(private)  # no passphrase needed


def test_without_keyring_or_passphrase_the_message_says_what_to_do(db, monkeypatch, use_keyring):
    use_keyring(fail.Keyring())
    monkeypatch.delenv(keystore.PASSPHRASE_ENV)
    with pytest.raises(keystore.KeyStoreError, match="Brankas kata sandi sistem tidak tersedia"):
        register.issuing_key(INSTANSI)
    assert keys.active_key() is None


def test_backup_and_restore_on_another_computer(office, tmp_path, monkeypatch):
    event_id, ids, _pdf = office
    active = keys.active_key()
    backup = keystore.backup(active.key_id, tmp_path / "cadangan.kunci", b"kata sandi cadangan", instansi=INSTANSI)
    assert keystore.read_key_file(backup.read_bytes())["fingerprint"] == active.fingerprint
    another_computer(monkeypatch, tmp_path, "komputer-baru")
    with pytest.raises(keystore.KeyStoreError, match="salah"):
        register.restore_key(backup, b"kata sandi keliru")
    assert register.restore_key(backup, b"kata sandi cadangan").fingerprint == active.fingerprint
    keystore.lock_all()
    check_in_registration(ids["Tidak Datang"], actor=ACTOR)
    result = CertificatesJob(event_id, tmp_path / "baru.pdf").run()
    assert result.count == 8 and verify(tmp_path / "baru.pdf").valid


def test_rotation_keeps_old_certificates_verifiable(office, tmp_path):
    event_id, _ids, pdf = office
    old = keys.active_key()
    new, _private = register.create_key(INSTANSI, replace=True)
    assert keys.active_key().key_id == new.key_id != old.key_id
    assert CertificateKey.get(CertificateKey.key_id == old.key_id).retired_at is not None
    again = tmp_path / "ulang.pdf"
    CertificatesJob(event_id, again).run()
    assert verify(pdf).valid and verify(again).valid  # same numbers, printed before and after
    assert {result.key["key_id"] for page in verify(again).pages for result in page.results} == {new.key_id}
    listing = site.read_list(site.build_list(*register.issuing_key(INSTANSI)))
    assert {key.key_id for key in listing.keys} == {old.key_id, new.key_id}
    with pytest.raises(Exception, match="sudah punya kunci"):
        register.create_key(INSTANSI)


# --- certificates printed before this release -------------------------------------------------------------


def test_the_upgrade_retires_the_database_key_and_old_certificates_still_check(upgraded):
    _event_id, _ids, old, codes = upgraded
    assert AppSetting.get_or_none(AppSetting.key == register.LEGACY_KEY_SETTING) is None
    (legacy,) = keys.known_keys().values()
    assert legacy.role == LEGACY and legacy.retired_at is not None and legacy.key_id == keys.key_id(old)
    assert CertificateRegister.get(CertificateRegister.seq == 2).status == REVOKED
    ((number, code),) = codes.items()
    result = verify_text(code)
    assert result.valid and result.version == 1 and "format lama" in result.notes[0]
    # Whoever kept a copy of the old database holds the old key: what it signs now does not pass.
    forged = legacy_code(old, number, "196905121994031004", "Orang Lain", "20240701")
    assert verify_text(forged).status == "invalid"
    minted = legacy_code(old, "800/0099/SERT-1/2024", "196905121994031004", "Orang Lain", "20240701")
    assert verify_text(minted).status == "unrecorded"
    assert keys.active_key() is None  # the next certificate makes a new key, on the issuing computer
    register.issuing_key("Pemerintah Kabupaten Sukamakmur")
    assert keys.active_key().key_id != legacy.key_id


def test_old_certificates_check_on_another_computer_through_the_signed_list(upgraded, tmp_path, monkeypatch):
    _event_id, _ids, _old, codes = upgraded
    site.export_site(tmp_path / "situs")
    close_database()
    another_computer(monkeypatch, tmp_path, "pemeriksa")
    open_database(f"sqlite:///{tmp_path / 'pemeriksa.db'}")
    site.trust(site.read_trust_file(tmp_path / "situs"))
    (code,) = codes.values()
    assert verify_text(code).valid
    assert verify_text(code.replace("Budi", "Budhi")).status == "invalid"


def test_a_registration_keeps_its_number_after_the_upgrade(upgraded, tmp_path):
    event_id, ids, _old, _codes = upgraded
    CertificatesJob(event_id, tmp_path / "baru.pdf").run()
    budi = Certificate.get(Certificate.registration == ids["Budi Santoso"])
    assert budi.number == f"800/0001/SERT-{event_id}/2024"  # numbers already given stay as they are
    newest = Certificate.select().order_by(Certificate.seq.desc()).first()
    assert newest.seq == 7 and Registration.select().count() == 11
    assert add_participant(event_id, PersonData(nama="Baru", nip="198501012010011001"))

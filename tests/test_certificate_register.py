"""The certificate register outlives a purge (issue 15): a purged event's numbers are never given again,
its revocations stand, the holder still matches through the salted hash, and no personal data stays."""

from __future__ import annotations

import pytest

from netralitas_desktop.core import purge
from netralitas_desktop.core.certificates.bulk import CertificatesJob
from netralitas_desktop.core.certificates.models import REVOKED, Certificate, CertificateRegister
from netralitas_desktop.core.certificates.payload import parse_code
from netralitas_desktop.core.certificates.register import SCRUBBED
from netralitas_desktop.core.certificates.verify import RevokeError, revoke, verify, verify_text
from netralitas_desktop.core.checkin import check_in_registration
from netralitas_desktop.core.participants import PersonData, add_participant
from support.certificates import ACTOR, make_event, populate
from support.pdf_checks import qr_codes


@pytest.fixture
def purged(any_db, tmp_path):
    event_id = make_event()
    populate(event_id)
    pdf = tmp_path / "sertifikat.pdf"
    CertificatesJob(event_id, pdf).run()
    report = verify(pdf)
    codes = {result.number: result for page in report.pages for result in page.results}
    revoked_number = sorted(codes)[1]
    revoke(revoked_number, "Salah nama: Budi Santoso", actor=ACTOR)
    purge.purge_event(event_id, actor=ACTOR)
    return event_id, pdf, revoked_number


def test_purge_keeps_the_register_without_personal_data(purged):
    event_id, _pdf, revoked_number = purged
    assert not Certificate.select().where(Certificate.event == event_id).exists()
    rows = list(CertificateRegister.select().where(CertificateRegister.event_id == event_id))
    assert len(rows) == 7 and all(row.purged_at is not None for row in rows)
    revoked = CertificateRegister.get(CertificateRegister.number == revoked_number)
    assert revoked.status == REVOKED and revoked.revoke_reason == SCRUBBED  # a typed reason may name someone
    for row in rows:
        values = " ".join(str(value) for value in row.__data__.values())
        assert "Budi" not in values and "196905121994031004" not in values


def test_after_a_purge_revocations_stand_and_holders_still_match(purged):
    _event_id, pdf, revoked_number = purged
    report = verify(pdf)
    verdicts = {result.number: result for page in report.pages for result in page.results}
    assert verdicts[revoked_number].status == "revoked"
    genuine = next(result for number, result in verdicts.items() if number != revoked_number)
    assert genuine.valid and "sudah dihapus" in " ".join(genuine.notes)
    with pytest.raises(RevokeError, match="sudah dicabut"):
        revoke(revoked_number)


def test_a_purged_events_numbers_are_never_given_again(purged, tmp_path):
    event_id, _pdf, _revoked = purged
    newcomer = add_participant(event_id, PersonData(nama="Peserta Baru", nip="198703032010011002"))
    check_in_registration(newcomer, actor=ACTOR)
    CertificatesJob(event_id, tmp_path / "baru.pdf").run()
    (certificate,) = Certificate.select().where(Certificate.event == event_id)
    assert certificate.seq == 8 and certificate.number == "800/0008/BKPSDM/2024"
    other = make_event("Sosialisasi Netralitas ASN Gelombang II")
    populate(other)
    CertificatesJob(other, tmp_path / "lain.pdf").run()
    numbers = [row.number for row in CertificateRegister.select()]
    assert len(numbers) == len(set(numbers)) == 15


def test_a_genuine_number_with_another_name_fails_after_the_purge(purged, tmp_path):
    from netralitas_desktop.core.certificates import keystore
    from netralitas_desktop.core.certificates.payload import sign_claims

    _event_id, pdf, revoked_number = purged
    report = verify(pdf)
    genuine = next(result for page in report.pages for result in page.results if result.number != revoked_number)
    scanned = next(
        text
        for text in qr_codes(pdf)
        if parse_code(text).claims.number == genuine.number  # the code printed on that certificate
    )
    code = parse_code(scanned)
    import dataclasses

    forged = sign_claims(keystore.unlock(code.key_id), code.key_id, dataclasses.replace(code.claims, name="Lain"))
    assert verify_text(forged).status == "invalid"

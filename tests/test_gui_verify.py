"""The verify view: a USB scanner types the QR text and Enter; a PDF or photo can be chosen;
the answer is ASLI / TIDAK SAH / DICABUT in big colours with the holder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.certificates.bulk import CertificatesJob
from netralitas_desktop.core.certificates.keys import active_key, export_public_key
from netralitas_desktop.core.certificates.verify import revoke
from netralitas_desktop.gui.certificates.verify_dialog import STATUS_LOOK, VerifyDialog
from netralitas_desktop.gui.common.jobs import wait_all
from support.certificates import make_event, populate
from support.pdf_checks import qr_codes

ACTOR = Actor("Meja 1", "uji")


@pytest.fixture
def made(db, tmp_path):
    """Per-person certificate files of a real event, and the QR text read from one of them."""
    event_id = make_event()
    populate(event_id)
    folder = tmp_path / "sertifikat"
    CertificatesJob(event_id, folder, per_person=True, actor=ACTOR, workers=1).run()
    budi = folder / "196905121994031004_Budi Santoso.pdf"
    (text,) = qr_codes(budi)
    return budi, text


@pytest.fixture
def dialog(qtbot):
    widget = VerifyDialog()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    wait_all()


def scan(qtbot, dialog: VerifyDialog, text: str) -> None:
    dialog.scan_edit.setFocus()
    qtbot.keyClicks(dialog.scan_edit, text)
    qtbot.keyClick(dialog.scan_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)


def shows(dialog: VerifyDialog, status: str) -> bool:
    headline, color = STATUS_LOOK[status]
    return dialog.status_label.text() == headline and color in dialog.status_label.styleSheet()


def test_scanned_certificate_is_genuine_with_the_holder(qtbot, dialog, made):
    _path, text = made
    scan(qtbot, dialog, text)
    assert shows(dialog, "valid")
    assert dialog.name_label.text() == "Drs. H. Budi Santoso, M.Si."
    assert "NIP. 19690512 199403 1 004" in dialog.details_label.text()
    assert "2 JP · Pemerintah Kabupaten Sukamakmur" in dialog.details_label.text()
    assert "Cocokkan nama dan nomor" in dialog.message_label.text()
    assert "Sosialisasi Netralitas ASN" in dialog.details_label.text() and "1 Juli 2024" in dialog.details_label.text()
    assert dialog.isVisible() and dialog.scan_edit.text() == ""  # Enter checked the scan, closed nothing
    assert dialog.scan_edit.hasFocus()


def test_a_changed_name_is_not_genuine_and_revoked_says_so(qtbot, dialog, made):
    _path, text = made
    from support.certificates import altered

    scan(qtbot, dialog, altered(text, name="Drs. H. Badu Santoso, M.Si."))
    assert shows(dialog, "invalid")
    assert "diubah" in dialog.message_label.text()

    revoke(dialog_number(text), "Salah nama", actor=ACTOR)
    scan(qtbot, dialog, text)
    assert shows(dialog, "revoked")
    assert "Salah nama" in dialog.message_label.text()


def dialog_number(text: str) -> str:
    from netralitas_desktop.core.certificates.payload import parse_code

    return parse_code(text).claims.number


def test_a_chosen_pdf_is_checked_and_a_wrong_file_is_a_message(qtbot, dialog, made, tmp_path):
    path, _text = made
    dialog.check_file(path)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert shows(dialog, "valid") and dialog.name_label.text() == "Drs. H. Budi Santoso, M.Si."

    junk = tmp_path / "catatan.pdf"
    junk.write_bytes(b"bukan pdf")
    dialog.check_file(junk)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.error.text() and not dialog.result_frame.isVisible()


def test_another_instansi_public_key_file(qtbot, dialog, made, tmp_path):
    _path, text = made
    key_path = export_public_key(tmp_path / "kunci.pem")
    assert dialog.use_key_file(key_path)
    assert active_key().fingerprint in dialog.key_label.text()
    scan(qtbot, dialog, text)
    assert shows(dialog, "valid") and "pencabutan tidak diketahui" in dialog.message_label.text()

    bad = tmp_path / "rusak.pem"
    bad.write_text("bukan kunci")
    assert not dialog.use_key_file(bad)
    assert "kunci publik" in dialog.error.text().lower()


def test_a_multi_page_pdf_gets_a_verdict_per_page(qtbot, dialog, db, tmp_path):
    event_id = make_event()
    populate(event_id)
    pdf = tmp_path / "gabungan.pdf"
    CertificatesJob(event_id, pdf, actor=ACTOR, workers=1).run()
    revoke(dialog_number(qr_codes(pdf)[2]), "Ganda", actor=ACTOR)
    dialog.check_file(pdf)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.pages_list.isVisible() and dialog.pages_list.count() == 7
    assert "Halaman 3: DICABUT" in dialog.pages_list.item(2).text()
    assert "7 halaman: 6 ASLI, 1 DICABUT" in dialog.panel.status.text()
    assert shows(dialog, "revoked")  # the worst page is shown first
    dialog.pages_list.setCurrentRow(0)
    assert shows(dialog, "valid")

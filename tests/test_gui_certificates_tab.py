"""The Sertifikat tab on a real event: recipients, numbering, checks, preview, making merged and
per-person PDFs (signed too), cancel, revoke, templates and the public key."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pyhanko.pdf_utils.reader import PdfFileReader
from pypdf import PdfReader

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.certificates import register
from netralitas_desktop.core.certificates.design import LOGO_ASSET, load_design
from netralitas_desktop.core.certificates.numbering import issued_numbers
from netralitas_desktop.core.event_settings import CERTIFICATE_FOR_ONLINE, ONLINE_MIN_MINUTES, get_setting, put_asset
from netralitas_desktop.gui.certificates.dialogs import PreviewDialog, RevokeDialog
from netralitas_desktop.gui.certificates.tab import CertificatesTab
from netralitas_desktop.gui.common.jobs import wait_all
from support.certificates import make_event, png_bytes, populate
from support.gui import answer_message_box
from support.pdf_text import pdf_pages
from support.signing import PASSWORD, make_p12, validate

ACTOR = Actor("Meja 1", "panitia")
NAMES = ["Budi Santoso", "Ani Lestari", "Teguh Prasetyo", "Sri Rahayu", "Yuni Astuti"]


@pytest.fixture
def event_id(db):
    event_id = make_event()
    populate(event_id)
    return event_id


@pytest.fixture
def tab(qtbot, event_id):
    widget = CertificatesTab(event_id, lambda: ACTOR)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    settle(qtbot, widget)
    yield widget
    qtbot.waitUntil(lambda: not widget.live.busy and not widget.output.busy, timeout=30_000)
    wait_all()


def settle(qtbot, tab: CertificatesTab) -> None:
    qtbot.waitUntil(lambda: not tab.live.busy and tab.summary is not None, timeout=30_000)


def make(qtbot, tab: CertificatesTab, target, **options):
    handle = tab.output.make(target, **options)
    assert handle is not None
    qtbot.waitUntil(lambda: not handle.running, timeout=60_000)
    settle(qtbot, tab)
    return tab.output.last_result


def _as_imported_from_a_meeting_report(event_id: int) -> None:
    """Give the two online attendees the report rows an online import stores (90 and 20 minutes)."""
    from netralitas_desktop.core.models import Registration
    from netralitas_desktop.core.reports.models import OnlineAttendance, OnlineReport, OnlineSegment

    report = OnlineReport.create(event=event_id, fingerprint="uji", filename="laporan.csv")
    rows = (
        OnlineAttendance.select(OnlineAttendance.registration, OnlineAttendance.minutes)
        .join(Registration)
        .where(Registration.event == event_id)
        .tuples()
    )
    for line, (registration_id, minutes) in enumerate(rows, start=2):
        OnlineSegment.create(
            report=report,
            line=line,
            participant_key=f"peserta {line}",
            minutes=minutes,
            registration=registration_id,
            matched_by="name",
        )


def test_recipients_count_and_the_online_option(qtbot, tab, event_id):
    _as_imported_from_a_meeting_report(event_id)
    assert "7 hadir di ruangan" in tab.counts_label.text() and "7 sertifikat" in tab.counts_label.text()
    assert not tab.minutes_spin.isEnabled()
    tab.online_check.setChecked(True)
    settle(qtbot, tab)
    assert get_setting(event_id, CERTIFICATE_FOR_ONLINE) is True
    # 90 and 20 minutes online; the event has no minimum of its own, so the default 60 applies,
    # the same one the online import uses.
    qtbot.waitUntil(lambda: "1 peserta daring" in tab.counts_label.text())
    assert tab.minutes_spin.value() == 60 and "8 sertifikat" in tab.counts_label.text()
    tab.minutes_spin.setValue(15)
    tab.minutes_spin.editingFinished.emit()
    qtbot.waitUntil(lambda: "2 peserta daring" in tab.counts_label.text())
    assert get_setting(event_id, ONLINE_MIN_MINUTES) == 15
    assert "9 sertifikat" in tab.counts_label.text()


def test_number_format_example_error_and_save(qtbot, tab, event_id):
    tab.format_edit.setText("800/{nomor}/BKPSDM/{year}")
    assert "{nomor}" in tab.number_error.text() and tab.example_label.text() == "—"
    tab.format_edit.setText("800/{seq:04d}/BKPSDM/{month_roman}/{year}")
    tab.start_spin.setValue(12)
    assert tab.example_label.text() == "800/0012/BKPSDM/VII/2024"
    assert tab.save_numbering()
    settle(qtbot, tab)
    design = load_design(event_id)
    assert (design.number_format, design.number_start) == ("800/{seq:04d}/BKPSDM/{month_roman}/{year}", 12)


def test_the_verification_site_and_the_signing_key(qtbot, tab, tmp_path):
    from netralitas_desktop.core.certificates import keys, site

    box = tab.keys_box
    assert "belum ada" in box.status_label.text()
    box.url_edit.setText("bukan alamat")
    assert not box.save_url() and "http" in box.error.text()
    box.url_edit.setText("https://bkpsdm.sukamakmur.go.id/sertifikat/")
    seen = answer_message_box("OK")
    result = box.export_site_to(tmp_path / "situs")
    assert result is not None and (tmp_path / "situs" / "index.html").is_file()
    assert site.site_url() == "https://bkpsdm.sukamakmur.go.id/sertifikat/" and result.fingerprint in seen["text"]
    fingerprint = keys.active_key().fingerprint
    assert fingerprint in box.status_label.text() and "berkas berkata sandi" in box.status_label.text()
    assert box.backup_to(tmp_path / "cadangan.kunci", b"kata sandi cadangan")
    assert box.restore_from(tmp_path / "cadangan.kunci", b"kata sandi cadangan")
    assert not box.restore_from(tmp_path / "cadangan.kunci", b"salah sekali")
    assert "salah" in box.error.text()
    assert box.replace_key(ask=lambda *args: True)
    assert keys.active_key().fingerprint != fingerprint and fingerprint in box.status_label.text()


def test_checks_list_what_is_missing_and_recheck_clears_it(qtbot, tab, event_id):
    assert "Logo instansi belum diunggah" in tab.problems_label.text()
    put_asset(event_id, LOGO_ASSET, png_bytes(Image.new("RGB", (40, 40), "navy")), "logo.png")
    tab.recheck_button.click()
    settle(qtbot, tab)
    assert "Logo" not in tab.problems_label.text()


def test_preview_shows_the_first_five(qtbot, tab):
    tab.preview_button.click()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, PreviewDialog), timeout=30_000)
    assert len(tab.dialog.page_labels) == 5
    assert tab.dialog.page_labels[0].pixmap().width() > 800
    tab.dialog.reject()
    assert issued_numbers(tab.event_id) == {}  # a preview gives no numbers


def test_merged_pdf_then_per_person_files(qtbot, tab, tmp_path):
    result = make(qtbot, tab, tmp_path / "semua.pdf")
    assert result.count == 7 and not result.per_person
    pages = pdf_pages(tmp_path / "semua.pdf", flat_text=True)
    assert len(pages) == 7
    for name in NAMES:
        assert sum(name in page for page in pages) == 1
    assert "7 sertifikat tersimpan" in tab.output.panel.status.text()
    assert tab.output.open_button.isVisible()
    assert "Sudah bernomor: 7" in tab.counts_label.text()

    folder = tmp_path / "per-orang"
    result = make(qtbot, tab, folder, per_person=True)
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 7 and "196905121994031004_Budi Santoso.pdf" in files


def test_signed_per_person_files_validate_and_a_wrong_password_is_a_message(qtbot, tab, tmp_path):
    p12, cert = make_p12(tmp_path)
    output = tab.output
    output.sign_check.setChecked(True)
    assert output.sign_form.isVisible() and "TTE tidak" in output.note.text()
    output.p12_edit.setText(str(p12))
    output.password_edit.setText("salah")
    assert output.make(tmp_path / "x", per_person=True) is None
    assert "Kata sandi" in output.panel.error.text()

    output.password_edit.setText(PASSWORD.decode())
    result = make(qtbot, tab, tmp_path / "bertanda", per_person=True)
    assert result.signed and "ditandatangani" in output.panel.status.text()
    files = list((tmp_path / "bertanda").iterdir())
    assert len(files) == 7
    signed = files[0].read_bytes()
    assert validate(signed, cert).bottom_line
    sig = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
    assert sig.field_name == "TTE"


def test_cancel_leaves_no_file(qtbot, tab, tmp_path):
    target = tmp_path / "batal.pdf"
    handle = tab.output.make(target)
    tab.output.panel.cancel_button.click()
    qtbot.waitUntil(lambda: not handle.running, timeout=30_000)
    assert "Dibatalkan" in tab.output.panel.status.text()
    assert not target.exists()


def test_revoke_asks_for_a_reason_confirms_and_the_certificate_says_revoked(qtbot, tab, tmp_path):
    make(qtbot, tab, tmp_path / "semua.pdf")
    number = next(iter(issued_numbers(tab.event_id).values())).number
    tab.revoke_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, RevokeDialog)
    dialog.number_edit.setText(number)
    dialog.submit()
    assert "alasan" in dialog.error.text()
    dialog.reason_edit.setPlainText("Nama salah ketik")
    seen = answer_message_box("Cabut")
    dialog.submit()
    assert number in seen["text"] and dialog.revoked_number == number
    settle(qtbot, tab)
    qtbot.waitUntil(lambda: "(1 dicabut)" in tab.counts_label.text())

    again = RevokeDialog(lambda: ACTOR)
    qtbot.addWidget(again)
    again.number_edit.setText(number)
    again.reason_edit.setPlainText("lagi")
    answer_message_box("Cabut")
    again.submit()
    assert "sudah dicabut" in again.error.text()


def test_template_export_import_and_public_key(qtbot, tab, tmp_path, event_id):
    seen = answer_message_box("OK")
    tab.export_design_to(str(tmp_path / "templat.json"))
    assert "Templat tersimpan" in seen["text"]
    other = make_event("Kegiatan lain")
    other_tab = CertificatesTab(other, lambda: ACTOR)
    qtbot.addWidget(other_tab)
    assert other_tab.import_design_from(str(tmp_path / "templat.json"))
    qtbot.waitUntil(lambda: not other_tab.live.busy and other_tab.summary is not None)
    assert load_design(other) == load_design(event_id)

    seen = answer_message_box("Tutup")
    tab.export_key_to(str(tmp_path / "belum.pem"))  # no key before the first certificate
    assert "belum punya kunci" in seen["text"]
    register.issuing_key("Pemerintah Kabupaten Sukamakmur")
    seen = answer_message_box("OK")
    key_path = tmp_path / "kunci.pem"
    tab.export_key_to(str(key_path))
    assert key_path.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    assert "Sidik kunci" in seen["text"] and "Kunci privat tidak ikut" in seen["text"]


def test_printing_makes_the_merged_pdf_and_opens_the_print_dialog(qtbot, tab):
    from netralitas_desktop.gui.certificates.print_offsets import CertificatePrintDialog

    tab.print_button.click()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, CertificatePrintDialog), timeout=60_000)
    assert tab.dialog.pages == 7
    folder = Path(tab.dialog.pdf_path).parent
    assert len(PdfReader(tab.dialog.pdf_path).pages) == 7 and folder.name.startswith("netralitas-cetak-")
    tab.dialog.reject()
    assert not folder.exists()  # certificates hold names and NIPs: no copy is left in the temp folder (issue 15)

"""The certificate screens in English: text that lupdate could not see before (field names from the
core, module tables, worker-thread messages) goes through Qt's translation; Indonesian stays the
core's own wording."""

from __future__ import annotations

import re

import pytest
from PySide6.QtPrintSupport import QPrinter

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.certificates.bulk import CertificatesJob
from netralitas_desktop.core.certificates.signing import UNCERTIFIED_EXPLANATION, UNCERTIFIED_NOTE
from netralitas_desktop.core.certificates.verify import VerifyResult
from netralitas_desktop.gui.certificates.canvas import field_title
from netralitas_desktop.gui.certificates.designer import TEMPLATE_FILTER, CertificateDesigner
from netralitas_desktop.gui.certificates.output_box import CertificateOutputBox
from netralitas_desktop.gui.certificates.print_offsets import CertificatePrintDialog, PrintJob, prepare_printer
from netralitas_desktop.gui.certificates.verify_dialog import VerifyDialog
from netralitas_desktop.gui.common import i18n
from netralitas_desktop.gui.common.jobs import wait_all
from netralitas_desktop.gui.common.pdf_pages import PdfPagesError, page_count
from support.certificates import make_event, populate


@pytest.fixture
def event_id(db):
    event_id = make_event()
    populate(event_id)
    return event_id


def test_output_box_shows_the_core_wording_in_indonesian_and_english_when_chosen(qtbot, event_id, qapp):
    box = CertificateOutputBox(event_id, lambda: Actor("Meja 1", "uji"))
    qtbot.addWidget(box)
    assert box.note.text() == "<b>Catatan:</b> " + UNCERTIFIED_EXPLANATION
    assert UNCERTIFIED_NOTE in box.tr("ditandatangani secara digital (TTE tidak tersertifikasi)")
    assert i18n.install_translations(qapp, "en")
    try:
        english_box = CertificateOutputBox(event_id, lambda: Actor("Meja 1", "uji"))
        qtbot.addWidget(english_box)
        assert english_box.note.text().startswith("<b>Note:</b> A signature made with your own digital certificate")
    finally:
        i18n.install_translations(qapp, "id")


def test_designer_fields_panel_and_filter_in_english(qtbot, event_id, english):
    from PySide6.QtCore import QCoreApplication

    dialog = CertificateDesigner(event_id)
    try:
        dialog.show()
        qtbot.waitUntil(lambda: dialog.preview_ready, timeout=30_000)
        assert dialog.render_status.text() == "Preview of the actual PDF"
        dialog.canvas.select("name")
        assert dialog.panel.title.text() == "Name with titles field"
        assert dialog.canvas.boxes["qr"].toolTip() == "Verification QR code"
        aligns = [dialog.panel.align_combo.itemText(i) for i in range(dialog.panel.align_combo.count())]
        assert aligns == ["Left", "Centre", "Right"]
        inserts = [dialog.panel.insert_combo.itemText(i) for i in range(dialog.panel.insert_combo.count())]
        assert "Position  {jabatan}" in inserts and "Lesson hours (JP)  {jp}" in inserts
        dialog.design.fields = [spec for spec in dialog.design.fields if spec.key != "unit"]
        dialog._fill_add_combo()
        added = [dialog.add_combo.itemText(i) for i in range(dialog.add_combo.count())]
        assert "Work unit" in added and "Free text" in added
        assert QCoreApplication.translate("CertificateDesigner", TEMPLATE_FILTER) == "Certificate template (*.json)"
        assert field_title("text_2") == "Free text 'text_2'"
    finally:
        dialog.dirty = False
        dialog.close()
        dialog.deleteLater()
        wait_all()


def test_verify_status_print_progress_and_pdf_error_in_english(qtbot, event_id, tmp_path, english):
    dialog = VerifyDialog()
    qtbot.addWidget(dialog)
    for status, headline in (("valid", "AUTHENTIC"), ("invalid", "NOT VALID"), ("revoked", "REVOKED")):
        dialog.show_result(VerifyResult(status, "pesan dari inti"))
        assert dialog.status_label.text() == headline

    with pytest.raises(PdfPagesError, match=re.escape("The PDF file is damaged or locked with a password.")):
        page_count(b"bukan PDF")

    source = tmp_path / "sertifikat.pdf"
    CertificatesJob(event_id, source, actor=Actor("Meja 1", "uji")).run()
    print_dialog = CertificatePrintDialog(source)
    qtbot.addWidget(print_dialog)
    assert "Scale 100%, not 'Fit to page'" in print_dialog.reminder.text()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cetak.pdf"))
    pdf = source.read_bytes()
    prepare_printer(printer, pdf)
    job = PrintJob(pdf, printer, (0.0, 0.0), [0, 1])
    messages: list[str] = []
    assert job.execute(lambda done, total, message="": messages.append(message)) == 2
    assert messages == ["Page 1 of 2", "Page 2 of 2"]

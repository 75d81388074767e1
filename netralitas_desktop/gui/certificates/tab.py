"""The Sertifikat tab: who gets one, the number format, checks before a run, a preview of the
first five, making (and signing) the certificates, printing, revoking, templates and keys.

Counts and checks are a live view (``common/live.LiveRefresh``): loaded off the GUI thread
and, while the tab is shown, reloaded when any desk checks someone in, so "hadir" is never
stale. A field being edited is not overwritten by a reload. Rendering and printing are jobs.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.certificates.bulk import CertificateResult
from ...core.certificates.design import (
    DesignError,
    export_template,
    import_template,
    load_design,
    save_design,
)
from ...core.certificates.keys import active_key, export_public_key
from ...core.certificates.numbering import format_number, number_format_problem
from ...core.certificates.render import render_preview_pdf
from ...core.certificates.summary import CertificateSummary, load_summary
from ...core.errors import USER_FACING
from ...core.event_settings import CERTIFICATE_FOR_ONLINE, online_min_minutes, set_setting
from ...core.reports.online_store import set_online_min_minutes
from ..common.errors import show_error
from ..common.jobs import FunctionJob, JobHandle, JobRunner
from ..common.live import LiveRefresh
from ..common.pdf_pages import render_pages
from ..common.tabs import EventTabBase
from ..common.widgets import ErrorLabel, number, show_info
from .dialogs import PreviewDialog, RevokeDialog
from .keys_box import CertificateKeyBox
from .output_box import CertificateOutputBox

PREVIEW_COUNT = 5
PREVIEW_DPI = 100
SUMMARY_POLL_MS = 3000


def preview_images(event_id: int, count: int = PREVIEW_COUNT) -> list:
    design = load_design(event_id)
    return render_pages(render_preview_pdf(event_id, design, count=count), PREVIEW_DPI)


class CertificatesTab(QWidget, EventTabBase):
    changed = Signal()  # something about the event's certificates changed (design, numbers, revocations)

    def __init__(self, event_id: int, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self._actor = actor
        self.summary: CertificateSummary | None = None
        self._loaded_numbering: tuple | None = None  # what the numbering fields showed at the last load
        self._loaded_online: tuple | None = None
        self.designer = None
        self.dialog = None  # the preview, revoke, print or verify dialog that is open
        self._build()
        self.previews = JobRunner(self, controls=[self.preview_button])
        self.live = LiveRefresh(self, lambda: load_summary(event_id), interval_ms=SUMMARY_POLL_MS)
        self.live.loaded.connect(self._loaded)
        self.live.failed.connect(
            lambda message: self.counts_label.setText(
                self.tr("Data sertifikat tidak dapat dimuat: {0}").format(message)
            )
        )
        self.refresh()

    # Layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.online_check = QCheckBox(self.tr("Peserta daring juga mendapat sertifikat"))
        self.online_check.toggled.connect(self._online_changed)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, 24 * 60)
        self.minutes_spin.setSuffix(self.tr(" menit"))
        self.minutes_spin.setPrefix(self.tr("minimal "))
        self.minutes_spin.editingFinished.connect(self._online_changed)
        online_row = QHBoxLayout()
        online_row.addWidget(self.online_check)
        online_row.addWidget(self.minutes_spin)
        online_row.addStretch(1)
        who = QGroupBox(self.tr("Penerima sertifikat"))
        who_layout = QVBoxLayout(who)
        who_layout.addWidget(self.counts_label)
        who_layout.addLayout(online_row)

        self.format_edit = QLineEdit()
        self.format_edit.setToolTip(
            self.tr(
                "Isian: {seq} nomor urut (mis. {seq:04d} → 0001), {year}, {month}, "
                "{month_roman}, {event} nomor kegiatan."
            )
        )
        self.format_edit.textChanged.connect(self._show_example)
        self.start_spin = QSpinBox()
        self.start_spin.setRange(1, 999_999)
        self.start_spin.valueChanged.connect(self._show_example)
        self.example_label = QLabel()
        self.number_error = ErrorLabel()
        self.save_number_button = QPushButton(self.tr("Simpan nomor"))
        self.save_number_button.clicked.connect(self.save_numbering)
        numbering = QGroupBox(self.tr("Nomor sertifikat"))
        form = QFormLayout(numbering)
        form.addRow(self.tr("Format"), self.format_edit)
        form.addRow(self.tr("Mulai dari"), self.start_spin)
        form.addRow(self.tr("Contoh"), self.example_label)
        form.addRow(self.number_error)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_number_button)
        form.addRow(save_row)

        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.recheck_button = QPushButton(self.tr("Periksa ulang"))
        self.recheck_button.clicked.connect(self.refresh)
        self.preview_button = QPushButton(self.tr("Pratinjau 5 sertifikat pertama…"))
        self.preview_button.clicked.connect(self.show_preview)
        self.preview_status = QLabel()
        check_buttons = QHBoxLayout()
        check_buttons.addWidget(self.recheck_button)
        check_buttons.addWidget(self.preview_button)
        check_buttons.addWidget(self.preview_status, 1)
        checks = QGroupBox(self.tr("Pemeriksaan sebelum membuat"))
        checks_layout = QVBoxLayout(checks)
        checks_layout.addWidget(self.problems_label)
        checks_layout.addLayout(check_buttons)

        self.output = CertificateOutputBox(self.event_id, self._actor)
        self.output.finished.connect(self._made)
        self.keys_box = CertificateKeyBox(self._actor)
        self.keys_box.changed.connect(self.refresh)

        self.design_button = QPushButton(self.tr("Desain sertifikat…"))
        self.design_button.clicked.connect(self.open_designer)
        self.export_button = QPushButton(self.tr("Ekspor templat…"))
        self.export_button.clicked.connect(self.export_design)
        self.import_button = QPushButton(self.tr("Impor templat…"))
        self.import_button.clicked.connect(self.import_design)
        self.key_button = QPushButton(self.tr("Ekspor kunci publik…"))
        self.key_button.clicked.connect(self.export_key)
        self.print_button = QPushButton(self.tr("Cetak…"))
        self.print_button.clicked.connect(self.print_certificates)
        self.revoke_button = QPushButton(self.tr("Cabut sertifikat…"))
        self.revoke_button.clicked.connect(self.open_revoke)
        self.verify_button = QPushButton(self.tr("Periksa keaslian…"))
        self.verify_button.clicked.connect(self.open_verify)
        tools = QGroupBox(self.tr("Desain, cetak dan keaslian"))
        grid = QGridLayout(tools)
        for index, button in enumerate(
            (
                self.design_button,
                self.export_button,
                self.import_button,
                self.key_button,
                self.print_button,
                self.revoke_button,
                self.verify_button,
            )
        ):
            grid.addWidget(button, index // 4, index % 4)

        content = QWidget()
        columns = QHBoxLayout(content)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(who)
        left.addWidget(numbering)
        left.addWidget(checks)
        left.addStretch(1)
        right.addWidget(self.output)
        right.addWidget(tools)
        right.addWidget(self.keys_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # Loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.summary is None:
            self.counts_label.setText(self.tr("Menghitung penerima…"))
        super().refresh()

    def _loaded(self, summary: CertificateSummary) -> None:
        self.summary = summary
        total = summary.in_room + summary.online
        text = self.tr("{0} hadir di ruangan").format(number(summary.in_room))
        if summary.online_allowed:
            text += self.tr(" · {0} peserta daring memenuhi syarat").format(number(summary.online))
        text += self.tr(" → <b>{0} sertifikat</b>").format(number(total))
        if summary.issued:
            text += self.tr("<br>Sudah bernomor: {0}").format(number(summary.issued))
            if summary.revoked:
                text += self.tr(" ({0} dicabut)").format(number(summary.revoked))
        self.counts_label.setText(text)
        online = (summary.online_allowed, summary.online_minutes)
        if self._loaded_online in (None, (self.online_check.isChecked(), self.minutes_spin.value())):
            for widget in (self.online_check, self.minutes_spin):
                widget.blockSignals(True)
            self.online_check.setChecked(summary.online_allowed)
            self.minutes_spin.setValue(summary.online_minutes)
            for widget in (self.online_check, self.minutes_spin):
                widget.blockSignals(False)
            self.minutes_spin.setEnabled(summary.online_allowed)
        self._loaded_online = online
        numbering = (summary.design.number_format, summary.design.number_start)
        if self._loaded_numbering in (None, self._numbering_shown()):  # not while someone edits them
            self.format_edit.setText(summary.design.number_format)
            self.start_spin.setValue(summary.design.number_start)
            self.number_error.show_message("")
        self._loaded_numbering = numbering
        self.keys_box.refresh()
        if summary.problems:
            self.problems_label.setStyleSheet("color: #8a4b00;")
            self.problems_label.setText("\n".join(f"• {problem}" for problem in summary.problems))
        else:
            self.problems_label.setStyleSheet("color: #2e7d32;")
            self.problems_label.setText(self.tr("✓ Semua siap: tidak ada yang perlu diperbaiki."))

    def _numbering_shown(self) -> tuple:
        return (self.format_edit.text(), self.start_spin.value())

    # Recipients and numbering --------------------------------------------------------------
    def _online_changed(self, *_args) -> None:
        set_setting(self.event_id, CERTIFICATE_FOR_ONLINE, self.online_check.isChecked())
        if self.minutes_spin.value() != online_min_minutes(self.event_id):
            # One minimum for the online import and certificates: changing it re-evaluates the
            # online check-ins (and is audited) exactly as the Ringkasan tab's setting does.
            set_online_min_minutes(self.event_id, self.minutes_spin.value(), actor=self._actor())
        self.minutes_spin.setEnabled(self.online_check.isChecked())
        self.refresh()

    def _show_example(self, *_args) -> None:
        text = self.format_edit.text()
        problem = number_format_problem(text)
        if problem:
            self.example_label.setText("—")
            self.number_error.show_message(problem)
            return
        date = self.summary.event_date if self.summary else dt.date.today()
        self.number_error.show_message("")
        self.example_label.setText(format_number(text, self.start_spin.value(), self.event_id, date))

    def save_numbering(self) -> bool:
        design = replace(
            load_design(self.event_id),
            number_format=self.format_edit.text().strip(),
            number_start=self.start_spin.value(),
        )
        try:
            save_design(self.event_id, design)
        except DesignError as err:
            self.number_error.show_message(str(err))
            return False
        self.refresh()
        self.changed.emit()
        return True

    # Preview -------------------------------------------------------------------------------
    def show_preview(self) -> JobHandle | None:
        self.preview_status.setText(self.tr("Menyiapkan pratinjau…"))
        return self.previews.start(
            FunctionJob(preview_images, self.event_id),
            done=self._preview_ready,
            failed=lambda message: self.preview_status.setText(self.tr("Pratinjau gagal: {0}").format(message)),
        )

    def _preview_ready(self, images: list) -> None:
        self.preview_status.setText("")
        self._open_dialog(PreviewDialog(images, self))

    # Dialogs -------------------------------------------------------------------------------
    def _open_dialog(self, dialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_closed(d))
        dialog.open()

    def _dialog_closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def open_designer(self) -> None:
        from .designer import CertificateDesigner

        self.designer = CertificateDesigner(self.event_id, self)
        self.designer.saved.connect(self._design_saved)
        self.designer.finished.connect(self._designer_closed)
        self.designer.open()

    def _design_saved(self) -> None:
        self.refresh()
        self.changed.emit()

    def _designer_closed(self, _result: int) -> None:
        designer, self.designer = self.designer, None
        if designer is not None:
            designer.deleteLater()

    def open_revoke(self) -> None:
        dialog = RevokeDialog(self._actor, self)
        dialog.accepted.connect(self._revoked)
        self._open_dialog(dialog)

    def _revoked(self) -> None:
        self.refresh()
        self.changed.emit()

    def open_verify(self) -> None:
        from .verify_dialog import VerifyDialog

        self._open_dialog(VerifyDialog(self))

    def print_certificates(self) -> None:
        """Make the merged PDF into a temporary folder, then open the print dialog on it. The folder
        (certificates hold names and NIPs) is removed when the dialog closes, or when nothing was made."""
        self._remove_print_folder()
        self._print_folder = Path(tempfile.mkdtemp(prefix="netralitas-cetak-"))
        self._printing = False
        if self.output.make(self._print_folder / "Sertifikat.pdf", per_person=False, then=self._print_ready) is None:
            self._remove_print_folder()
            return
        self.output.runner.busy_changed.connect(self._print_run_ended)

    def _print_run_ended(self, busy: bool) -> None:
        if busy:
            return
        self.output.runner.busy_changed.disconnect(self._print_run_ended)
        if not self._printing:  # failed or cancelled: nothing to print
            self._remove_print_folder()

    def _print_ready(self, result: CertificateResult) -> None:
        from .print_offsets import CertificatePrintDialog  # Qt's print support loads on first use

        self._printing = True
        dialog = CertificatePrintDialog(result.path, self)
        dialog.finished.connect(lambda _result: self._remove_print_folder())
        self._open_dialog(dialog)

    def _remove_print_folder(self) -> None:
        self._printing = False
        folder, self._print_folder = getattr(self, "_print_folder", None), None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    def _made(self, _result: CertificateResult) -> None:
        self.refresh()
        self.changed.emit()

    # Files ---------------------------------------------------------------------------------
    def export_design(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Ekspor templat sertifikat"),
            str(Path.home() / "Templat sertifikat.json"),
            self.tr("Templat sertifikat (*.json)"),
        )
        if path:
            self.export_design_to(path if path.lower().endswith(".json") else f"{path}.json")

    def export_design_to(self, path: str) -> None:
        try:
            export_template(self.event_id, path)
        except USER_FACING as err:
            show_error(self, self.tr("Ekspor templat"), err)
            return
        show_info(self, self.tr("Ekspor templat"), self.tr("Templat tersimpan di {0}").format(path))

    def import_design(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Impor templat sertifikat"), str(Path.home()), self.tr("Templat sertifikat (*.json)")
        )
        if path:
            self.import_design_from(path)

    def import_design_from(self, path: str) -> bool:
        try:
            import_template(self.event_id, path)
        except DesignError as err:
            show_error(self, self.tr("Impor templat"), err)
            return False
        self.refresh()
        self.changed.emit()
        return True

    def export_key(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Ekspor kunci publik"),
            str(Path.home() / "kunci-publik-sertifikat.pem"),
            self.tr("Kunci publik (*.pem)"),
        )
        if path:
            self.export_key_to(path)

    def export_key_to(self, path: str) -> None:
        try:
            export_public_key(path)
        except USER_FACING as err:
            show_error(self, self.tr("Ekspor kunci publik"), err)
            return
        show_info(
            self,
            self.tr("Ekspor kunci publik"),
            self.tr(
                "Kunci publik tersimpan di {0}.\nSidik kunci: {1}\nBerikan berkas ini kepada siapa pun yang "
                "perlu memeriksa keaslian sertifikat tanpa basis data. Kunci privat tidak ikut diekspor."
            ).format(path, active_key().fingerprint),
        )


__all__ = ["CertificatesTab"]

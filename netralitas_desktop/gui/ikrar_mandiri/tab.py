"""The "Ikrar Mandiri" view: receive signed forms by scan, see who still owes one (and who attended
but signed no pledge: a list of its own, who may be given forms too), print the forms.

A thin layer over ``core/pledges/returns.py`` and ``ikrar_mandiri.py``. A USB scanner types
the form's code plus Enter into the scan field; the banner answers green / amber / red as
at the check-in desk. A photo or scan chosen before the scan is attached to that form.
Lists and counters load off the GUI thread through the window's live-refresh helper
(``common/live.py``: one load in flight, polled while shown, reloaded when any desk changed
something), so receipts from other desks appear.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from peewee import PeeweeException
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.documents import safe_filename
from ...core.errors import USER_FACING
from ...core.events import ValidationError
from ...core.nip import format_nip
from ...core.pledges import returns
from ...core.pledges.mandiri_attachment import Attachment, load_attachment
from ...core.reports.status import STATUS_LABELS
from ...core.statuses import method_label
from ..common.core_labels import core_label
from ..common.dates import clock_time, long_date
from ..common.errors import show_error
from ..common.files import open_file
from ..common.jobs import FunctionJob, JobHandle, JobRunner
from ..common.live import LiveRefresh
from ..common.registration_search import fill_quickly, selected_id
from ..common.result_banner import ResultBanner
from ..common.return_banner import DESK_STATUS, show_return
from ..common.scan_input import ScanLineEdit
from ..common.sounds import DeskSounds
from ..common.tabs import EventTabBase
from ..common.widgets import number, read_only_table, with_buttons
from .forms import IkrarMandiriFormsBox

REFRESH_MS = 5000
BUSY_SHARE = 0.1  # a large event takes a while to load: poll less often, loading at most a tenth of the time
FILE_FILTER = QT_TRANSLATE_NOOP(
    "IkrarMandiriTab", "Foto atau pindaian (*.jpg *.jpeg *.png *.pdf *.tif *.tiff *.webp *.bmp);;Semua berkas (*)"
)


def _id_text(nip: str, nik: str) -> str:
    return format_nip(nip) if nip else nik


class IkrarMandiriTab(QWidget, EventTabBase):
    result_shown = Signal(object)  # ReturnResult
    loaded = Signal(object)  # returns.Overview
    changed = Signal()  # a form was received or a receipt undone (for other tabs)

    def __init__(self, event_id: int, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self._actor = actor
        self.snapshot: returns.Overview | None = None
        self.pending_attachment: Attachment | None = None
        self.last_result: returns.ReturnResult | None = None
        self.sounds = DeskSounds(self)
        self.attachments = JobRunner(self, title=self.tr("Lampiran tidak dapat dipakai"))  # a photo loading
        self.live = LiveRefresh(self, lambda: returns.overview(event_id), interval_ms=REFRESH_MS, busy_share=BUSY_SHARE)
        self._build()
        self.live.loaded.connect(self._loaded)
        self.live.failed.connect(
            lambda message: self.required_label.setText(self.tr("Daftar belum dapat dimuat: {0}").format(message))
        )
        self.live.refresh()

    # Layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.scanner = ScanLineEdit()
        self.scanner.setPlaceholderText(
            self.tr("Pindai QR formulir ikrar mandiri yang sudah ditandatangani, lalu Enter")
        )
        font = self.scanner.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.scanner.setFont(font)
        self.scanner.returnPressed.connect(self._scanner_entered)
        self.banner = ResultBanner(scale=0.8)
        self.banner.show_idle(self.tr("Pindai QR pada formulir ikrar mandiri yang kembali, lalu tekan Enter."))

        self.attachment_label = QLabel()
        self.attach_button = QPushButton(self.tr("Lampirkan foto/pindaian…"))
        self.attach_button.clicked.connect(self.choose_attachment)
        self.clear_attachment_button = QPushButton(self.tr("Tanpa lampiran"))
        self.clear_attachment_button.clicked.connect(lambda: self.set_pending_attachment(None))
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attachment_label, 1)
        attach_row.addWidget(self.attach_button)
        attach_row.addWidget(self.clear_attachment_button)

        self.required_label, self.returned_label, self.owed_label = QLabel(), QLabel(), QLabel()
        self.unsigned_label = QLabel()
        counters = QHBoxLayout()
        counters.setSpacing(32)
        for label in (self.required_label, self.returned_label, self.owed_label, self.unsigned_label):
            bold = label.font()
            bold.setPointSizeF(bold.pointSizeF() * 1.3)
            bold.setBold(True)
            label.setFont(bold)
            counters.addWidget(label)
        counters.addStretch(1)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Cari nama, NIP, atau unit kerja…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._show_lists)
        self.owed_table = read_only_table(
            [self.tr("Nama"), self.tr("NIP/NIK"), self.tr("Keterangan"), self.tr("Unit kerja")]
        )
        self.unsigned_table = read_only_table(
            [self.tr("Nama"), self.tr("NIP/NIK"), self.tr("Keterangan"), self.tr("Unit kerja")]
        )
        self.returned_table = read_only_table(
            [
                self.tr("Diterima"),
                self.tr("Nama"),
                self.tr("NIP/NIK"),
                self.tr("Cara"),
                self.tr("Meja"),
                self.tr("Lampiran"),
                self.tr("Unit kerja"),
            ]
        )
        self.manual_button = QPushButton(self.tr("Terima tanpa pindai"))
        self.manual_button.setToolTip(self.tr("Untuk formulir yang QR-nya rusak: terima formulir peserta terpilih."))
        self.manual_button.clicked.connect(self.receive_selected)
        self.unsigned_manual_button = QPushButton(self.tr("Terima tanpa pindai"))
        self.unsigned_manual_button.setToolTip(self.manual_button.toolTip())
        self.unsigned_manual_button.clicked.connect(lambda: self.receive_selected(self.unsigned_table))
        self.open_attachment_button = QPushButton(self.tr("Buka lampiran"))
        self.open_attachment_button.clicked.connect(self.open_selected_attachment)
        self.replace_attachment_button = QPushButton(self.tr("Tambah lampiran…"))
        self.replace_attachment_button.clicked.connect(self.replace_selected_attachment)
        self.undo_button = QPushButton(self.tr("Batalkan penerimaan…"))
        self.undo_button.clicked.connect(self.undo_selected)
        self.lists = QTabWidget()
        self.lists.addTab(with_buttons(self.owed_table, self.manual_button), "")
        self.lists.addTab(
            with_buttons(
                self.returned_table, self.open_attachment_button, self.replace_attachment_button, self.undo_button
            ),
            "",
        )
        self.lists.addTab(with_buttons(self.unsigned_table, self.unsigned_manual_button), "")
        for table in (self.owed_table, self.returned_table, self.unsigned_table):
            table.itemSelectionChanged.connect(self._update_buttons)

        self.forms = IkrarMandiriFormsBox(self.event_id, self._actor)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scanner)
        layout.addLayout(attach_row)
        layout.addWidget(self.banner)
        layout.addLayout(counters)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.lists, 1)
        layout.addWidget(self.forms)
        for widget in (
            self.owed_table,
            self.returned_table,
            self.unsigned_table,
            self.unsigned_manual_button,
            self.manual_button,
            self.open_attachment_button,
            self.replace_attachment_button,
            self.undo_button,
            self.attach_button,
            self.clear_attachment_button,
        ):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the next scan must land in the scan field
        self.set_pending_attachment(None)
        self._show_counts()
        self._update_buttons()

    # Focus and refresh -------------------------------------------------------------------
    def focus_scanner(self) -> None:
        self.scanner.setFocus()
        QTimer.singleShot(0, self.scanner.setFocus)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.focus_scanner()

    def _loaded(self, snapshot: returns.Overview) -> None:
        self.snapshot = snapshot
        self._show_counts()
        self._show_lists()
        self.loaded.emit(snapshot)

    def _show_counts(self) -> None:
        view = self.snapshot
        required, returned_count, owed = (view.required, len(view.returned), len(view.owed)) if view else (0, 0, 0)
        unsigned = len(view.present_unsigned) if view else 0
        self.required_label.setText(self.tr("Wajib: {0}").format(number(required)))
        self.returned_label.setText(self.tr("Sudah kembali: {0}").format(number(returned_count)))
        self.owed_label.setText(self.tr("Belum: {0}").format(number(owed)))
        self.unsigned_label.setText(self.tr("Hadir belum tanda tangan: {0}").format(number(unsigned)))
        self.lists.setTabText(0, self.tr("Belum kembali ({0})").format(number(owed)))
        self.lists.setTabText(1, self.tr("Sudah kembali ({0})").format(number(returned_count)))
        self.lists.setTabText(2, self.tr("Hadir, belum tanda tangan ({0})").format(number(unsigned)))

    def _show_lists(self) -> None:
        view = self.snapshot
        if view is None:
            return
        query = self.filter_edit.text()
        for table, rows in ((self.owed_table, view.owed), (self.unsigned_table, view.present_unsigned)):
            shown = [rows[i] for i in view.matching(rows, query)]
            fill_quickly(
                table,
                [
                    (row.full_name, _id_text(row.nip, row.nik), core_label(STATUS_LABELS[row.status]), row.unit_kerja)
                    for row in shown
                ],
                [row.registration_id for row in shown],
            )
        returned = [view.returned[i] for i in view.matching(view.returned, query)]
        fill_quickly(
            self.returned_table,
            [
                (
                    f"{long_date(row.returned_at.date())} {clock_time(row.returned_at.time())}",
                    row.full_name,
                    _id_text(row.nip, row.nik),
                    core_label(method_label(row.method, short=True)),
                    " · ".join(part for part in (row.desk, row.operator) if part),
                    "\u2713" if row.has_attachment else "\u2013",
                    row.unit_kerja,
                )
                for row in returned
            ],
            [row.registration_id for row in returned],
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.manual_button.setEnabled(selected_id(self.owed_table) is not None)
        self.unsigned_manual_button.setEnabled(selected_id(self.unsigned_table) is not None)
        chosen = self._selected_returned()
        for button in (self.replace_attachment_button, self.undo_button):
            button.setEnabled(chosen is not None)
        has_attachment = chosen is not None and chosen.has_attachment
        self.open_attachment_button.setEnabled(has_attachment)
        self.replace_attachment_button.setText(
            self.tr("Ganti lampiran…") if has_attachment else self.tr("Tambah lampiran…")
        )

    def _selected_returned(self) -> returns.ReturnedRow | None:
        registration_id = selected_id(self.returned_table)
        if registration_id is None or self.snapshot is None:
            return None
        return next((row for row in self.snapshot.returned if row.registration_id == registration_id), None)

    # Receiving ---------------------------------------------------------------------------
    def _scanner_entered(self) -> None:
        text = self.scanner.text()
        self.scanner.clear()
        self.submit_code(text)

    def submit_code(self, text: str) -> returns.ReturnResult | None:
        """Receive the form whose code a scanner (or keyboard) produced."""
        if not text.strip():
            self.focus_scanner()
            return None
        return self._show(
            self._guarded(returns.receive_by_code, self.event_id, text, self._actor(), self.pending_attachment)
        )

    def receive_selected(self, table=None) -> returns.ReturnResult | None:
        """Receive the form of the person selected in a list (a torn or unreadable code)."""
        registration_id = selected_id(table or self.owed_table)
        if registration_id is None:
            return None
        return self._show(
            self._guarded(returns.receive_registration, registration_id, self._actor(), self.pending_attachment)
        )

    def _guarded(self, call: Callable[..., returns.ReturnResult], *args) -> returns.ReturnResult:
        try:
            return call(*args)
        except PeeweeException as err:
            return returns.ReturnResult(
                returns.ReturnStatus.REJECTED,
                self.tr(
                    "Basis data tidak dapat dipakai saat ini ({0}). Formulir belum tercatat; periksa koneksi lalu "
                    "pindai lagi."
                ).format(err),
            )

    def _show(self, result: returns.ReturnResult) -> returns.ReturnResult:
        self.last_result = result
        show_return(self.banner, result)
        self.sounds.play(DESK_STATUS[result.status])
        if result.attachment_stored:
            self.set_pending_attachment(None)  # used for this form; otherwise kept for the right one
        if result.ok:
            self.live.refresh()
            self.changed.emit()
        self.result_shown.emit(result)
        self.focus_scanner()
        return result

    # Attachments -------------------------------------------------------------------------
    def set_pending_attachment(self, attachment: Attachment | None) -> None:
        self.pending_attachment = attachment
        if attachment is None:
            self.attachment_label.setText(self.tr("Lampiran: tidak ada (opsional)"))
        else:
            self.attachment_label.setText(
                self.tr("Lampiran untuk formulir berikutnya: <b>{0}</b> ({1} KB)").format(
                    attachment.filename, number(max(1, len(attachment.data) // 1000))
                )
            )
        self.clear_attachment_button.setVisible(attachment is not None)

    def choose_attachment(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih foto atau pindaian formulir"),
            "",
            QCoreApplication.translate("IkrarMandiriTab", FILE_FILTER),
        )
        if path:
            self.load_attachment_file(path, self.set_pending_attachment)
        self.focus_scanner()

    def load_attachment_file(self, path: str, then: Callable[[Attachment], None]) -> JobHandle | None:
        """Read and shrink a photo off the GUI thread (a phone photo takes a second), then call ``then``."""
        self.attachment_label.setText(self.tr("Memuat lampiran {0}…").format(Path(path).name))

        def failed(message: str) -> None:
            self.set_pending_attachment(self.pending_attachment)
            show_error(self, self.tr("Lampiran tidak dapat dipakai"), message)

        def loaded(attachment: Attachment) -> None:
            self.set_pending_attachment(self.pending_attachment)  # the label said "Memuat…"
            then(attachment)

        return self.attachments.start(FunctionJob(load_attachment, path), done=loaded, failed=failed, replace=True)

    def replace_selected_attachment(self) -> None:
        chosen = self._selected_returned()
        if chosen is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Lampiran formulir {0}").format(chosen.full_name),
            "",
            QCoreApplication.translate("IkrarMandiriTab", FILE_FILTER),
        )
        if path:
            self.load_attachment_file(path, lambda attachment: self.attach_to(chosen.registration_id, attachment))
        self.focus_scanner()

    def attach_to(self, registration_id: int, attachment: Attachment | None) -> bool:
        try:
            returns.set_attachment(registration_id, attachment, self._actor())
        except USER_FACING as err:
            show_error(self, self.tr("Lampiran tidak tersimpan"), err)
            return False
        self.live.refresh()
        return True

    def attachment_file(self, registration_id: int) -> Path | None:
        """The stored photo/scan written to a temporary file, for the system's viewer."""
        attachment = returns.get_attachment(registration_id)
        if attachment is None:
            return None
        folder = Path(tempfile.mkdtemp(prefix="ikrar-mandiri-"))
        target = folder / safe_filename(Path(attachment.filename).stem, Path(attachment.filename).suffix or ".jpg")
        target.write_bytes(attachment.data)
        return target

    def open_selected_attachment(self) -> None:
        chosen = self._selected_returned()
        if chosen is None:
            return
        try:
            path = self.attachment_file(chosen.registration_id)
        except USER_FACING as err:
            show_error(self, self.tr("Lampiran tidak dapat dibuka"), err)
            return
        if path is not None:
            open_file(path)

    # Undo --------------------------------------------------------------------------------
    def undo_selected(self) -> bool:
        chosen = self._selected_returned()
        if chosen is None:
            return False
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Batalkan penerimaan"),
            self.tr("Alasan membatalkan penerimaan formulir {0} (wajib, tercatat di log):").format(chosen.full_name),
        )
        done = self.undo(chosen.registration_id, reason, chosen.full_name) if ok else False
        self.focus_scanner()
        return done

    def undo(self, registration_id: int, reason: str, name: str = "") -> bool:
        try:
            returns.undo_return(registration_id, reason=reason, actor=self._actor())
        except ValidationError as err:
            show_error(self, self.tr("Alasan wajib diisi"), "\n".join(err.errors.values()))
            return False
        except USER_FACING as err:
            show_error(self, self.tr("Tidak dapat dibatalkan"), err)
            self.live.refresh()
            return False
        self.last_result = None
        self.banner.show_idle(
            self.tr("Penerimaan formulir {0} dibatalkan; ia kembali tercatat belum mengembalikan.").format(name)
        )
        self.live.refresh()
        self.changed.emit()
        return True

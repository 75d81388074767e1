"""The Dokumen tab: pledge forms, the collective sheet, the daftar hadir in its two kinds (to sign;
rekap kehadiran) and ikrar mandiri forms (for the absent, those who attended unsigned, or both).

Pick a document on the left; its options, a preview of its first page and "Buat…" are on
the right. Making runs as a core Job off the GUI thread with progress and cancel
(``common/jobs.JobRunner``), then the file (or folder) opens. The preview is the core's own
first page rendered with PDFium (``pdf_pages``): PySide6's wheels have no QtPdf, and this
shows exactly the PDF that will be written. It is a live view (``common/live.LiveRefresh``):
re-rendered when the options change and, while the tab is shown, when any desk changed the
event's people (an import of 2,000 is seen without reopening the tab).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMargins, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.documents import Paper, safe_filename
from ...core.events import NotFoundError, get_event
from ...core.jobs import Job
from ...core.pledges.attendance_list import AttendanceListJob, preview_attendance_list
from ...core.pledges.collective_sheet import PledgeSheetJob, preview_pledge_sheet
from ...core.pledges.document_common import DocumentResult
from ...core.pledges.document_settings import load_document_settings
from ...core.pledges.ikrar_mandiri import Audience, IkrarMandiriFormsJob, preview_ikrar_mandiri
from ...core.pledges.pledge_files import PledgeFormsJob, PledgeOptions, preview_pledge_form
from ...core.pledges.signing_list import ListKind, ListOptions
from ..common.jobs import JobHandle, JobRunner
from ..common.live import LiveRefresh
from ..common.pdf_pages import render_page
from ..common.tabs import EventTabBase
from ..common.widgets import JobPanel, number
from .settings_dialog import DocumentSettingsDialog

PREVIEW_DPI = 110  # sharp enough when the page fills a large window; scaled down to fit
PREVIEW_POLL_MS = 3000
PREVIEW_BUSY_SHARE = 0.1  # rendering takes a moment: while the desks are busy, re-render at most a tenth of the time


@dataclass(frozen=True)
class Options:
    paper: Paper
    landscape: bool = False
    group_by_unit: bool = False
    only_present: bool = False
    signatures: bool = True
    meterai: bool = False
    audience: Audience = Audience.ABSENT

    def list_options(self, kind: ListKind = ListKind.SIGNING) -> ListOptions:
        return ListOptions(self.paper, self.landscape, self.group_by_unit, self.only_present, self.signatures, kind)


@dataclass(frozen=True)
class DocumentChoice:
    key: str
    title: str
    description: str
    options: frozenset[str]  # which option boxes apply: landscape, group, present, signatures, meterai, audience
    file_stem: str
    folder: bool = False  # one file per person, into a folder

    @property
    def shown_title(self) -> str:
        """The title in the UI language (``CHOICES`` marks it for lupdate)."""
        return QCoreApplication.translate("DocumentsTab", self.title)

    @property
    def shown_description(self) -> str:
        return QCoreApplication.translate("DocumentsTab", self.description)

    def job(self, event_id: int, path: Path, options: Options, actor: Actor) -> Job[DocumentResult]:
        if self.key in ("pledges", "pledges_per_person"):
            pledge = PledgeOptions(options.paper, self.folder, options.meterai)
            return PledgeFormsJob(event_id, path, pledge, actor=actor)
        if self.key == "sheet":
            return PledgeSheetJob(event_id, path, options.list_options(), actor=actor)
        if self.key in ATTENDANCE_KINDS:
            return AttendanceListJob(event_id, path, options.list_options(ATTENDANCE_KINDS[self.key]), actor=actor)
        return IkrarMandiriFormsJob(event_id, path, options.paper, audience=options.audience, actor=actor)

    def preview(self, event_id: int, options: Options) -> bytes:
        if self.key in ("pledges", "pledges_per_person"):
            return preview_pledge_form(event_id, PledgeOptions(options.paper, meterai=options.meterai))
        if self.key == "sheet":
            return preview_pledge_sheet(event_id, options.list_options())
        if self.key in ATTENDANCE_KINDS:
            return preview_attendance_list(event_id, options.list_options(ATTENDANCE_KINDS[self.key]))
        return preview_ikrar_mandiri(event_id, options.paper, options.audience)


ATTENDANCE_KINDS = {"attendance": ListKind.SIGNING, "attendance_recap": ListKind.RECAP}
_LISTS = frozenset({"landscape", "present", "signatures"})
CHOICES = (  # title and description are shown translated (DocumentsTab context); file names stay Indonesian
    DocumentChoice(
        "pledges",
        QT_TRANSLATE_NOOP("DocumentsTab", "Pakta integritas bertanda tangan (satu PDF)"),
        QT_TRANSLATE_NOOP(
            "DocumentsTab",
            "Satu halaman per peserta yang sudah tanda tangan di meja registrasi, "
            "dengan data diri, teks pakta integritas dan tanda tangannya, semua dalam satu berkas.",
        ),
        frozenset({"meterai"}),
        "Pakta integritas",
    ),
    DocumentChoice(
        "pledges_per_person",
        QT_TRANSLATE_NOOP("DocumentsTab", "Pakta integritas bertanda tangan (satu berkas per peserta)"),
        QT_TRANSLATE_NOOP(
            "DocumentsTab",
            "Seperti di atas, tetapi satu berkas PDF per peserta (NIP_Nama.pdf) di dalam folder pilihan.",
        ),
        frozenset({"meterai"}),
        "Pakta integritas",
        folder=True,
    ),
    DocumentChoice(
        "sheet",
        QT_TRANSLATE_NOOP("DocumentsTab", "Lembar ikrar bersama"),
        QT_TRANSLATE_NOOP(
            "DocumentsTab", "Teks ikrar yang dibacakan bersama, lalu daftar peserta dengan kolom tanda tangan."
        ),
        _LISTS,
        "Lembar ikrar bersama",
    ),
    DocumentChoice(
        "attendance",
        QT_TRANSLATE_NOOP("DocumentsTab", "Daftar hadir untuk ditandatangani"),
        QT_TRANSLATE_NOOP(
            "DocumentsTab",
            "Dicetak sebelum atau saat acara: No, Nama / NIP, Jabatan, Unit Kerja dan ruang Tanda Tangan "
            "yang kosong (nomor ganjil di kiri, genap di kanan); judul berulang di setiap halaman.",
        ),
        frozenset({"landscape", "present", "group"}),
        "Daftar hadir",
    ),
    DocumentChoice(
        "attendance_recap",
        QT_TRANSLATE_NOOP("DocumentsTab", "Rekap kehadiran (daftar hadir setelah acara)"),
        QT_TRANSLATE_NOOP(
            "DocumentsTab",
            "Catatan setelah acara: kolom Keterangan (Hadir dengan jamnya, Daring, Izin, Sakit, Dinas Luar, "
            "Tidak hadir) sesuai Ringkasan dan ekspor Excel, tanda tangan dari meja registrasi, dan jumlahnya.",
        ),
        _LISTS | {"group"},
        "Rekap kehadiran",
    ),
    DocumentChoice(
        "ikrar_mandiri",
        QT_TRANSLATE_NOOP("DocumentsTab", "Formulir ikrar mandiri"),
        QT_TRANSLATE_NOOP(
            "DocumentsTab",
            "Formulir berkode QR untuk peserta yang belum berikrar, diisi dan "
            "ditandatangani sendiri lalu dikembalikan.",
        ),
        frozenset({"audience"}),
        "Ikrar mandiri",
    ),
)


class PagePreview(QLabel):
    """A page image scaled to fit the label whole, on a grey desk, as a viewer shows a page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(200, 260)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet("background: #6b6b6b;")

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.image.isNull():
            self.setPixmap(QPixmap())
            return
        room = self.size().shrunkBy(QMargins(8, 8, 8, 8))
        self.setPixmap(
            QPixmap.fromImage(self.image).scaled(
                room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )


class DocumentsTab(QWidget, EventTabBase):
    """One event's documents: a live first-page preview and one document job at a time."""

    def __init__(self, event_id: int, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self._actor = actor
        self.last_result: DocumentResult | None = None
        self._preview_timer = QTimer(self, singleShot=True, interval=250)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._build()
        self.runner = JobRunner(
            self,
            self.job_panel,
            controls=[self.make_button, self.choices, self.settings_button],
            open_button=self.open_button,
        )
        self.preview = LiveRefresh(
            self,
            self._render_preview,
            inputs=lambda: (self.choice, self.options()),
            interval_ms=PREVIEW_POLL_MS,
            busy_share=PREVIEW_BUSY_SHARE,
        )
        self.preview.loaded.connect(self._show_preview)
        self.preview.failed.connect(self._preview_failed)
        self.load_defaults()
        self.choices.setCurrentRow(0)

    # --- layout --------------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.choices = QListWidget()
        for choice in CHOICES:
            self.choices.addItem(choice.shown_title)
        self.choices.currentRowChanged.connect(self._choice_changed)
        self.choices.setMaximumHeight(self.choices.sizeHintForRow(0) * (len(CHOICES) + 1) + 6)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.paper = QComboBox()
        for paper in Paper:
            self.paper.addItem(paper.label, paper)
        self.landscape = QCheckBox(self.tr("Kertas mendatar (lanskap)"))
        self.group = QCheckBox(self.tr("Kelompokkan per unit kerja"))
        self.present = QCheckBox(self.tr("Hanya peserta yang sudah hadir"))
        self.signatures = QCheckBox(self.tr("Cetak tanda tangan dari meja registrasi"))
        self.signatures.setChecked(True)
        self.meterai = QCheckBox(self.tr("Kotak meterai di tempat tanda tangan"))
        self.audience = QComboBox()
        self.audience.addItem(self.tr("Untuk yang tidak hadir"), Audience.ABSENT)
        self.audience.addItem(self.tr("Untuk yang hadir tetapi belum tanda tangan"), Audience.PRESENT_UNSIGNED)
        self.audience.addItem(self.tr("Untuk keduanya"), Audience.BOTH)
        self.audience.currentIndexChanged.connect(self.schedule_preview)
        self._option_boxes = {
            "landscape": self.landscape,
            "group": self.group,
            "present": self.present,
            "signatures": self.signatures,
            "meterai": self.meterai,
            "audience": self.audience,
        }
        self.paper.currentIndexChanged.connect(self.schedule_preview)
        for box in self._option_boxes.values():
            if isinstance(box, QCheckBox):
                box.toggled.connect(self.schedule_preview)
        options = QGroupBox(self.tr("Pilihan"))
        form = QFormLayout(options)
        form.addRow(self.tr("Kertas"), self.paper)
        for box in self._option_boxes.values():
            form.addRow("", box)
        self.settings_button = QPushButton(self.tr("Pengaturan dokumen…"))
        self.settings_button.setToolTip(
            self.tr(
                "Teks pakta dan ikrar, isian data diri, kop surat, tanda tangan "
                "dan stempel penanda tangan, kertas bawaan"
            )
        )
        self.settings_button.clicked.connect(self.edit_settings)
        self.make_button = QPushButton(self.tr("Buat…"))
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.choose_target)
        self.open_after = QCheckBox(self.tr("Buka setelah selesai"))
        self.open_after.setChecked(True)
        self.open_button = QPushButton(self.tr("Buka"))
        self.job_panel = JobPanel()
        self.job_panel.stop()
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.open_after)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.settings_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Dokumen")))
        left_layout.addWidget(self.choices)
        left_layout.addWidget(self.description)
        left_layout.addWidget(options)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.job_panel)
        left_layout.addStretch(1)
        self.preview_image = PagePreview()
        self.preview_status = QLabel()
        self.preview_status.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Pratinjau halaman pertama")))
        right_layout.addWidget(self.preview_status)
        right_layout.addWidget(self.preview_image, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    @property
    def choice(self) -> DocumentChoice:
        return CHOICES[max(0, self.choices.currentRow())]

    def options(self) -> Options:
        applies = self.choice.options
        return Options(
            self.paper.currentData(),
            landscape="landscape" in applies and self.landscape.isChecked(),
            group_by_unit="group" in applies and self.group.isChecked(),
            only_present="present" in applies and self.present.isChecked(),
            signatures="signatures" not in applies or self.signatures.isChecked(),
            meterai="meterai" in applies and self.meterai.isChecked(),
            audience=self.audience.currentData() if "audience" in applies else Audience.ABSENT,
        )

    def select(self, key: str) -> None:
        self.choices.setCurrentRow(next(i for i, choice in enumerate(CHOICES) if choice.key == key))

    def load_defaults(self) -> None:
        """The event's paper and meterai settings as this tab's starting options."""
        try:
            settings = load_document_settings(self.event_id)
        except NotFoundError:
            return
        self.paper.setCurrentIndex(list(Paper).index(settings.paper))
        self.meterai.setChecked(settings.meterai)

    def _choice_changed(self, row: int) -> None:
        if row < 0:
            return
        choice = CHOICES[row]
        self.description.setText(choice.shown_description)
        for key, box in self._option_boxes.items():
            box.setVisible(key in choice.options)
        self.make_button.setText(self.tr("Buat ke folder…") if choice.folder else self.tr("Buat PDF…"))
        self.schedule_preview()

    # --- preview -------------------------------------------------------------------------------------------------

    def schedule_preview(self) -> None:
        self._preview_timer.start()

    def refresh_preview(self) -> None:
        """Make and render the first page off the GUI thread (a result for older options is dropped)."""
        self.preview_status.setText(self.tr("Memuat pratinjau…"))
        self.preview.refresh()

    def _render_preview(self, choice: DocumentChoice, options: Options) -> QImage:  # off the GUI thread
        return render_page(choice.preview(self.event_id, options), 0, PREVIEW_DPI)

    def _show_preview(self, image: QImage) -> None:
        self.preview_status.setText("")
        self.preview_image.set_image(image)

    def _preview_failed(self, message: str) -> None:
        self.preview_image.set_image(QImage())
        self.preview_status.setText(message)

    # --- making --------------------------------------------------------------------------------------------------

    def choose_target(self) -> None:
        choice = self.choice
        try:
            title = get_event(self.event_id).title
        except NotFoundError:
            title = ""
        stem = safe_filename(f"{choice.file_stem} - {title}" if title else choice.file_stem)
        if choice.folder:
            path = QFileDialog.getExistingDirectory(
                self, self.tr("Pilih folder untuk berkas per peserta"), str(Path.home())
            )
            if path:
                self.make_document(str(Path(path) / stem))
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan {0}").format(choice.shown_title),
            str(Path.home() / f"{stem}.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if path:
            self.make_document(path if path.lower().endswith(".pdf") else f"{path}.pdf")

    def make_document(self, path: str) -> JobHandle | None:
        """Start the selected document into ``path`` (a PDF, or a folder for one file per person)."""
        choice = self.choice
        return self.runner.start(
            choice.job(self.event_id, Path(path), self.options(), self._actor()),
            self.tr("Membuat {0}…").format(choice.shown_title.lower()),
            done=self._done,
            cancelled=self.tr("Dibatalkan; berkas lama (bila ada) tidak diubah."),
            open_when_done=self.open_after.isChecked,
        )

    def cancel(self) -> None:
        self.runner.cancel()

    def _done(self, result: DocumentResult) -> str:
        self.last_result = result
        what = (
            self.tr("{0} berkas").format(number(result.files))
            if result.format != "pdf"
            else self.tr("{0} halaman").format(number(result.pages))
        )
        self.open_button.setText(self.tr("Buka folder") if result.format == "folder" else self.tr("Buka berkas"))
        return self.tr("Selesai: {0} peserta, {1}, tersimpan di {2}").format(number(result.count), what, result.path)

    def edit_settings(self) -> DocumentSettingsDialog:
        dialog = DocumentSettingsDialog(self.event_id, self, actor=self._actor)
        dialog.accepted.connect(self._settings_saved)
        dialog.open()
        return dialog

    def _settings_saved(self) -> None:
        self.load_defaults()
        self.schedule_preview()


__all__ = ["CHOICES", "DocumentChoice", "DocumentsTab", "Options"]

"""Offline desks: make the event package, import it on a laptop, send check-ins back, merge.

One dialog for both ends, in the order the committee works: on the office PC "Buat paket"
and later "Gabungkan kehadiran"; on a desk laptop "Impor paket" and at the end "Buat
berkas kehadiran". Each step runs off the GUI thread; the result is shown as a report,
with the conflicts of a merge listed by name. Each end shows the fingerprint of its own
signing key; the first file from another computer shows that computer's fingerprint and is
taken only once the person confirms both screens show the same. The laptops' walk-ins wait
below, for the office to approve (``WalkInReview``).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.events import list_events
from ...core.jobs import Job
from ...core.offline import (
    KIND_CHECKINS,
    KIND_EVENT,
    ExportCheckinsJob,
    ExportEventJob,
    ExportResult,
    ImportPackageJob,
    ImportResult,
    KeyNotConfirmedError,
    MergeJob,
    MergeReport,
    default_filename,
    desk_fingerprint_of_event,
    imported_event_ids,
    office_fingerprint,
)
from ..common.jobs import BackgroundWork, JobRunner
from ..common.settings import PACKAGE_FOLDER, current_actor, remember_folder, remembered_folder
from ..common.widgets import JobPanel, fill_table, localize_buttons, number, read_only_table
from .walk_in_review import WalkInReview

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class PackageDialog(QDialog, BackgroundWork):
    changed = Signal(int)  # an event's data changed here (imported or merged): views must reload

    def __init__(self, parent: QWidget | None = None, event_id: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Meja offline"))
        self.resize(760, 560)
        self.imported: set[int] = set()
        self._build()
        self.reload_events(event_id)

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "Untuk meja registrasi tanpa jaringan: (1) di komputer kantor buat paket kegiatan, (2) salin ke "
                "laptop meja dan impor, (3) catat kehadiran seperti biasa, (4) di laptop buat berkas kehadiran, (5) di "
                "komputer kantor gabungkan. Menggabungkan dua kali aman: tidak ada yang tercatat ganda."
            )
        )
        intro.setWordWrap(True)
        self.event_combo = QComboBox()
        self.event_combo.currentIndexChanged.connect(self._update_buttons)
        self.export_button = QPushButton(self.tr("Buat paket untuk laptop meja…"))
        self.export_button.clicked.connect(self._ask_export)
        self.merge_button = QPushButton(self.tr("Gabungkan kehadiran dari laptop…"))
        self.merge_button.clicked.connect(self._ask_merge)
        self.import_button = QPushButton(self.tr("Impor paket dari kantor…"))
        self.import_button.clicked.connect(self._ask_import)
        self.checkins_button = QPushButton(self.tr("Buat berkas kehadiran untuk kantor…"))
        self.checkins_button.clicked.connect(self._ask_export_checkins)
        self.office_key_label = QLabel()
        self.desk_key_label = QLabel()
        for label in (self.office_key_label, self.desk_key_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        office = QGroupBox(self.tr("Di komputer kantor"))
        office_layout = QVBoxLayout(office)
        office_layout.addWidget(self.export_button)
        office_layout.addWidget(self.merge_button)
        office_layout.addWidget(self.office_key_label)
        laptop = QGroupBox(self.tr("Di laptop meja"))
        laptop_layout = QVBoxLayout(laptop)
        laptop_layout.addWidget(self.import_button)
        laptop_layout.addWidget(self.checkins_button)
        laptop_layout.addWidget(self.desk_key_label)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Kegiatan")), 0, 0)
        grid.addWidget(self.event_combo, 0, 1, 1, 2)
        grid.addWidget(office, 1, 1)
        grid.addWidget(laptop, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        self.panel = JobPanel()
        self.panel.stop()
        self.runner = JobRunner(self, self.panel)
        self.runner.busy_changed.connect(lambda _busy: self._update_buttons())
        self.report = QPlainTextEdit(readOnly=True)
        self.report.setPlaceholderText(self.tr("Laporan langkah terakhir tampil di sini."))
        self.conflicts_label = QLabel(self.tr("Konflik (pencatatan ganda dari dua meja):"))
        self.conflicts = read_only_table([self.tr("Nama"), self.tr("Keterangan")])
        self.conflicts_label.hide()
        self.conflicts.hide()
        self.walk_ins = WalkInReview()
        self.walk_ins.changed.connect(self.changed)
        self.walk_ins.finished.connect(self._reviewed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        localize_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.panel)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.conflicts_label)
        layout.addWidget(self.conflicts, 1)
        layout.addWidget(self.walk_ins, 1)
        layout.addWidget(buttons)

    def reload_events(self, select: int | None = None) -> None:
        select = self.event_combo.currentData() if select is None else select
        self.imported = imported_event_ids()
        self.events = {event.id: event for event in list_events()}
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        for event in self.events.values():
            origin = self.tr(" — dari paket kantor") if event.id in self.imported else ""
            self.event_combo.addItem(f"{event.title} ({event.date:%d-%m-%Y}){origin}", event.id)
        if select is not None:
            self.event_combo.setCurrentIndex(max(self.event_combo.findData(select), 0))
        self.event_combo.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        event_id = self.event_combo.currentData()
        idle = not self.busy
        self.export_button.setEnabled(idle and event_id is not None and event_id not in self.imported)
        self.checkins_button.setEnabled(idle and event_id in self.imported)
        self.merge_button.setEnabled(idle)
        self.import_button.setEnabled(idle)
        self._show_keys(event_id)
        if self.walk_ins.event_id != event_id:
            self.walk_ins.set_event(event_id if event_id not in self.imported else None)

    def _show_keys(self, event_id: int | None) -> None:
        """Each end's own fingerprint, for the other end to compare when it receives a file."""
        office = office_fingerprint() if event_id not in self.imported else None
        self.office_key_label.setText(_fingerprint_html(self.tr("Sidik jari kunci kantor ini:"), office))
        desk = desk_fingerprint_of_event(event_id) if event_id in self.imported else None
        self.desk_key_label.setText(_fingerprint_html(self.tr("Sidik jari laptop ini untuk kegiatan ini:"), desk))

    # Asking for files ----------------------------------------------------------------------------

    def _filter(self) -> str:
        return self.tr("Paket Netralitas (*.netralitas);;Semua berkas (*)")

    def _ask_save(self, kind: str) -> Path | None:
        event = self.events.get(self.event_combo.currentData())
        if event is None:
            return None
        name = default_filename(event.title, event.date, kind, current_actor().desk)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan berkas"), str(Path(remembered_folder(PACKAGE_FOLDER)) / name), self._filter()
        )
        if path:
            remember_folder(PACKAGE_FOLDER, path)
        return Path(path) if path else None

    def _ask_open(self, title: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, title, remembered_folder(PACKAGE_FOLDER), self._filter())
        if path:
            remember_folder(PACKAGE_FOLDER, path)
        return Path(path) if path else None

    def _ask_export(self) -> None:
        path = self._ask_save(KIND_EVENT)
        if path:
            self.export_package(path)

    def _ask_export_checkins(self) -> None:
        path = self._ask_save(KIND_CHECKINS)
        if path:
            self.export_checkins(path)

    def _ask_import(self) -> None:
        path = self._ask_open(self.tr("Pilih paket kegiatan dari kantor"))
        if path:
            self.import_package(path)

    def _ask_merge(self) -> None:
        path = self._ask_open(self.tr("Pilih berkas kehadiran dari laptop meja"))
        if path:
            self.merge(path)

    # Steps ---------------------------------------------------------------------------------------
    def export_package(self, path: Path) -> None:
        self._run(ExportEventJob(self.event_combo.currentData(), path, current_actor()), self._exported)

    def export_checkins(self, path: Path) -> None:
        self._run(ExportCheckinsJob(self.event_combo.currentData(), path, current_actor()), self._exported)

    def import_package(self, path: Path, confirmed: str | None = None) -> None:
        job = ImportPackageJob(path, current_actor(), confirmed, ask=True)
        self._run(
            job, lambda result: self._answered(result, self._imported, lambda key: self.import_package(path, key))
        )

    def merge(self, path: Path, confirmed: str | None = None) -> None:
        job = MergeJob(path, current_actor(), confirmed, ask=True)
        self._run(job, lambda result: self._answered(result, self._merged, lambda key: self.merge(path, key)))

    def _answered(self, result, done, again) -> str | None:
        """A key met for the first time comes back as a question: ask whether both screens show its
        fingerprint, then run the step again with it; anything else is the step's result."""
        if not isinstance(result, KeyNotConfirmedError):
            return done(result)
        if ask_fingerprint(self, result.role, result.fingerprint):
            again(result.fingerprint)
            return None
        self.panel.stop(error=self.tr("Dibatalkan: sidik jari tidak dicocokkan; tidak ada yang berubah."))
        return None

    def _run(self, job: Job, on_result) -> None:
        self.runner.start(
            job, job.title + "…", done=on_result, cancelled=self.tr("Dibatalkan; tidak ada yang berubah.")
        )

    def _exported(self, result: ExportResult) -> str:
        c = result.counts
        if result.kind == KIND_EVENT:
            lines = [
                self.tr("Paket kegiatan \u201c{0}\u201d tersimpan:").format(result.title),
                result.path,
                "",
                self.tr("Pendaftaran: {0}").format(number(c["registrations"])),
                self.tr("Sudah hadir: {0}").format(number(c["checkins"])),
                self.tr("Tanda tangan: {0}").format(number(c["signatures"])),
                "",
                self.tr(
                    "Salin berkas ini ke setiap laptop meja, lalu pilih \u201cImpor paket dari kantor\u201d "
                    "di sana. Kunci QR tidak ikut dalam paket."
                ),
                self.tr(
                    "Sidik jari kunci kantor: {0} (laptop menampilkannya untuk dicocokkan saat impor pertama)."
                ).format(result.fingerprint),
            ]
        else:
            lines = [
                self.tr("Berkas kehadiran \u201c{0}\u201d tersimpan:").format(result.title),
                result.path,
                "",
                self.tr("Kehadiran: {0}").format(number(c["checkins"])),
                self.tr("Tanpa undangan: {0}").format(number(c["walk_ins"])),
                self.tr("Tanda tangan: {0}").format(number(c["signatures"])),
                "",
                self.tr(
                    "Bawa berkas ini ke komputer kantor, lalu pilih \u201cGabungkan kehadiran dari "
                    "laptop\u201d di sana."
                ),
                self.tr("Sidik jari laptop ini: {0} (kantor mencocokkannya saat menggabungkan).").format(
                    result.fingerprint
                ),
            ]
        return self._finish(self.tr("Selesai."), lines)

    def _imported(self, result: ImportResult) -> str:
        c = result.counts
        how = self.tr("dibuat") if result.created else self.tr("diperbarui")
        lines = [
            self.tr("Kegiatan \u201c{0}\u201d {1} di komputer ini.").format(result.title, how),
            "",
            self.tr("Peserta baru: {0}").format(number(c["registrations_new"])),
            self.tr("Peserta diperbarui: {0}").format(number(c["registrations_updated"])),
            self.tr("Dihapus di kantor (dibatalkan di sini): {0}").format(number(c["registrations_removed"])),
            self.tr("Kehadiran dari kantor: {0}").format(number(c["checkins_added"])),
            *(
                [self.tr("Tanda tangan rusak, tidak diimpor: {0}").format(number(c["signatures_refused"]))]
                if c["signatures_refused"]
                else []
            ),
            "",
            self.tr("Meja ini sekarang menerima kode QR undangan kegiatan ini."),
            self.tr("Kunci kantor: {0}").format(result.office_fingerprint),
            self.tr(
                "Sidik jari laptop ini: {0} — kantor mencocokkannya saat menggabungkan berkas kehadiran dari "
                "laptop ini."
            ).format(result.desk_fingerprint),
        ]
        self.reload_events(result.event_id)
        self.changed.emit(result.event_id)
        return self._finish(self.tr("Paket diimpor."), lines)

    def _merged(self, report: MergeReport) -> str:
        self.walk_ins.set_event(report.event_id)
        self.changed.emit(report.event_id)
        return self._finish(self.tr("Kehadiran digabung."), report.lines(), report.conflicts)

    def _reviewed(self, text: str) -> None:
        self.report.setPlainText(text)
        self._update_buttons()

    def _finish(self, status: str, lines: list[str], conflicts: list | None = None) -> str:
        """Show the step's report; ``status`` is the panel's line."""
        self.report.setPlainText("\n".join(lines))
        fill_table(self.conflicts, [(conflict.name, conflict.description) for conflict in conflicts or []])
        self.conflicts_label.setVisible(bool(conflicts))
        self.conflicts.setVisible(bool(conflicts))
        return status


def _fingerprint_html(caption: str, fingerprint: str | None) -> str:
    """The caption, then the code on a line of its own, large enough to read across a desk."""
    if not fingerprint:
        return ""
    return f"{escape(caption)}<br><span style='font-family: monospace; font-size: large'><b>{fingerprint}</b></span>"


def ask_fingerprint(parent: QWidget | None, role: str, fingerprint: str) -> bool:
    """Whether the person sees the same fingerprint on the other computer's screen."""
    if role == "office":
        where = translate(
            "PackageDialog",
            "di komputer kantor (menu Berkas \u2192 Meja offline, bagian \u201cDi komputer kantor\u201d)",
        )
        whose = translate("PackageDialog", "kunci kantor yang menandatangani paket ini")
    else:
        where = translate("PackageDialog", "di laptop meja yang membuat berkas ini (menu Berkas \u2192 Meja offline)")
        whose = translate("PackageDialog", "kunci laptop meja yang menandatangani berkas ini")
    box = QMessageBox(QMessageBox.Icon.Question, translate("PackageDialog", "Cocokkan sidik jari"), "", parent=parent)
    box.setText(
        translate(
            "PackageDialog",
            "Berkas ini datang dari komputer yang belum dikenal. Sidik jari {0}:\n\n{1}\n\nBandingkan dengan sidik "
            "jari yang tampil {2}. Hanya bila sama persis, pilih \u201cSama\u201d. Bila berbeda, berkas ini bukan dari "
            "komputer itu: pilih Batal.",
        ).format(whose, fingerprint, where)
    )
    same = box.addButton(translate("PackageDialog", "Sama"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(translate("PackageDialog", "Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is same

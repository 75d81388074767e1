"""Deleting an event's personal data, confirmed by typing the event's title; the retention reminder.

The dialog says what goes and what stays (the counts, for reports), lists the backups that
hold the event and will be deleted with it (``purge_files``, read off the GUI thread), and the
button only wakes up once the title is typed, so a slip of the mouse deletes nothing.
``show_retention_reminder`` is the start-up message for events kept past the retention period.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core import purge, purge_files
from ..common.errors import error_message
from ..common.jobs import BackgroundWork, FunctionJob, JobRunner, run_job
from ..common.settings import current_actor
from ..common.widgets import JobPanel, fill_table, localize_buttons, number, read_only_table, show_info


class PurgeDialog(QDialog, BackgroundWork):
    purged = Signal(int)  # the event whose personal data is gone: views must reload

    def __init__(self, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self.setWindowTitle(self.tr("Hapus data pribadi peserta"))
        self.resize(680, 480)
        self.files: purge_files.FilePlan | None = None
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.backups_label = QLabel()
        self.backups_label.setWordWrap(True)
        self.backups_table = read_only_table([self.tr("Cadangan"), self.tr("Alasan")])
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.title_edit = QLineEdit()
        self.title_edit.textChanged.connect(self._update_button)
        self.purge_button = QPushButton(self.tr("Hapus data pribadi"))
        self.purge_button.setStyleSheet("QPushButton:enabled { color: #b3261e; font-weight: bold; }")
        self.purge_button.clicked.connect(self.start_purge)
        self.panel = JobPanel()
        self.panel.stop()
        self.runner = JobRunner(self, self.panel)

        self.retention = QSpinBox()
        self.retention.setRange(1, purge.MAX_RETENTION_DAYS)
        self.retention.setValue(purge.retention_days())
        self.retention.setSuffix(self.tr(" hari"))
        self.save_retention_button = QPushButton(self.tr("Simpan"))
        self.save_retention_button.clicked.connect(self.save_retention)
        retention_row = QHBoxLayout()
        retention_row.addWidget(QLabel(self.tr("Ingatkan kegiatan yang masih menyimpan data pribadi setelah")))
        retention_row.addWidget(self.retention)
        retention_row.addWidget(self.save_retention_button)
        retention_row.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        localize_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.backups_label)
        layout.addWidget(self.backups_table, 1)
        layout.addWidget(self.prompt)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.purge_button)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        layout.addLayout(retention_row)
        layout.addWidget(buttons)

    def refresh(self) -> None:
        """The counts at once; which backups hold the event is read off the GUI thread (large files)."""
        self.preview = purge.preview(self.event_id)
        self.files = None
        self._show_preview()
        run_job(
            FunctionJob(purge_files.plan, self.event_id),
            on_result=self._planned,
            on_error=lambda err: self.panel.stop(error=error_message(err)),
            owner=self,
        )

    def _planned(self, files: purge_files.FilePlan) -> None:
        self.files = files
        self._show_preview()

    @property
    def ready(self) -> bool:
        """The backups are known (the confirmation lists them): the purge may start."""
        return self.files is not None

    @property
    def has_something_to_delete(self) -> bool:
        files = self.files
        return self.preview.has_personal_data or (files is not None and bool(files.backups or files.temp_folders))

    def _show_backups(self) -> None:
        """The backups holding this event: deleted with it (a fresh one is made right after)."""
        if self.files is None:
            self.backups_label.setText(self.tr("Memeriksa cadangan mana yang berisi data kegiatan ini…"))
            self.backups_table.hide()
            return
        held = self.files.backups
        if held:
            self.backups_label.setText(
                self.tr(
                    "Cadangan berikut berisi data pribadi kegiatan ini dan ikut dihapus ({0}). Sesudahnya dibuat satu "
                    "cadangan baru tanpa data pribadi kegiatan ini. Folder cetak sementara juga dibersihkan."
                ).format(number(len(held)))
            )
        else:
            self.backups_label.setText(self.tr("Tidak ada cadangan yang berisi data kegiatan ini."))
        fill_table(self.backups_table, [(item.name, item.reason) for item in held])
        self.backups_table.setVisible(bool(held))

    def _show_preview(self) -> None:
        p = self.preview
        when = p.date.strftime("%d-%m-%Y")
        self._show_backups()
        if not self.has_something_to_delete:
            self.summary.setText(
                self.tr(
                    "Kegiatan \u201c{0}\u201d ({1}) tidak menyimpan data pribadi peserta lagi. Jumlah terdaftar dan "
                    "hadir tetap tersedia untuk laporan."
                ).format(p.title, when)
            )
            self.prompt.hide()
            self.title_edit.hide()
            self.purge_button.hide()
            return
        self.prompt.show()
        self.title_edit.show()
        self.purge_button.show()
        earlier = (
            self.tr(" Data pribadi kegiatan ini pernah dihapus pada {0}; jumlahnya akan ditambahkan.").format(
                p.purged_before
            )
            if p.purged_before
            else ""
        )
        self.summary.setText(
            self.tr(
                "Dari kegiatan \u201c{0}\u201d ({1}) akan dihapus: {2} pendaftaran beserta kehadiran ({3}), tanda "
                "tangan ({4}), sertifikat ({5}), ikrar, keterangan tidak hadir dan kehadiran daring; {6} orang yang "
                "hanya terdaftar di kegiatan ini; alasan yang diketik di log audit kegiatan ini; baris laporan rapat "
                "daring ({9}) dan peserta tanpa undangan yang menunggu pemeriksaan ({10}). {7} orang tetap "
                "tersimpan karena terdaftar di kegiatan lain.\n\nYang tetap: kegiatannya dan jumlah terdaftar, hadir "
                "dan daring per OPD dan per jenis pegawai, untuk laporan. Penghapusan tidak dapat dibatalkan.{8}"
            ).format(
                p.title,
                when,
                number(p.registrations),
                number(p.checkins),
                number(p.signatures),
                number(p.certificates),
                number(p.people_deleted),
                number(p.people_kept),
                earlier,
                number(p.online_rows),
                number(p.pending_walk_ins),
            )
        )
        self.prompt.setText(self.tr("Untuk memastikan, ketik nama kegiatan: {0}").format(p.title))
        self._update_button()

    def _update_button(self) -> None:
        self.purge_button.setEnabled(
            not self.busy
            and self.ready
            and self.has_something_to_delete
            and purge.title_matches(self.event_id, self.title_edit.text())
        )

    def start_purge(self) -> None:
        if not self.purge_button.isEnabled():
            return
        self.title_edit.setEnabled(False)
        self.runner.start(  # one transaction: it finishes or changes nothing, so no Batal
            FunctionJob(purge_files.purge_everywhere, self.event_id, actor=current_actor(), files=self.files),
            self.tr("Menghapus data pribadi…"),
            done=self._done,
            failed=self._failed,
            cancellable=False,
        )
        self._update_button()

    def _done(self, outcome: purge_files.PurgeOutcome) -> None:
        files = outcome.files
        self.refresh()
        lines = []
        if outcome.summary:
            total = outcome.summary["total"]
            lines.append(
                self.tr(
                    "Data pribadi dihapus. Tersimpan untuk laporan: {0} terdaftar, {1} hadir di ruangan, {2} daring."
                ).format(number(total["registered"]), number(total["hadir"]), number(total["daring"]))
            )
        else:
            lines.append(self.tr("Berkas yang masih menyimpan data pribadi kegiatan ini dibersihkan."))
        lines.append(self.tr("Cadangan dihapus: {0}.").format(number(len(files.backups_deleted))))
        if files.new_backup:
            lines.append(self.tr("Cadangan baru: {0}.").format(files.new_backup))
        self.panel.stop("\n".join(lines), error="\n".join(files.problems))  # what could not be removed, by name
        self.purged.emit(self.event_id)

    def _failed(self, message: str) -> None:
        self.panel.stop(error=message)
        self.title_edit.setEnabled(True)
        self._update_button()

    def save_retention(self) -> None:
        purge.set_retention_days(self.retention.value(), actor=current_actor())
        self.panel.stop(
            self.tr("Pengingat: kegiatan yang lebih tua dari {0} hari.").format(number(self.retention.value()))
        )


def show_retention_reminder(parent: QWidget | None = None) -> bool:
    """At start-up: tell about events kept past the retention period; False when there are none."""
    message = purge.retention_message(purge.events_due_for_purge())
    if message is None:
        return False
    show_info(parent, QCoreApplication.translate("PurgeDialog", "Masa simpan data pribadi"), message)
    return True

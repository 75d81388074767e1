"""Deleting an event's personal data, confirmed by typing the event's title; the retention reminder.

The dialog says what goes and what stays (the counts, for reports), and the button only
wakes up once the title is typed, so a slip of the mouse deletes nothing.
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

from ...core import purge
from ..common.jobs import BackgroundWork, FunctionJob, JobRunner
from ..common.settings import current_actor
from ..common.widgets import JobPanel, localize_buttons, number, show_info


class PurgeDialog(QDialog, BackgroundWork):
    purged = Signal(int)  # the event whose personal data is gone: views must reload

    def __init__(self, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self.setWindowTitle(self.tr("Hapus data pribadi peserta"))
        self.resize(620, 360)
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
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
        layout.addWidget(self.prompt)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.purge_button)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        layout.addLayout(retention_row)
        layout.addWidget(buttons)

    def refresh(self) -> None:
        self.preview = purge.preview(self.event_id)
        p = self.preview
        when = p.date.strftime("%d-%m-%Y")
        if not p.has_personal_data:
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
                "hanya terdaftar di kegiatan ini; alasan yang diketik di log audit kegiatan ini. {7} orang tetap "
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
            )
        )
        self.prompt.setText(self.tr("Untuk memastikan, ketik nama kegiatan: {0}").format(p.title))
        self._update_button()

    def _update_button(self) -> None:
        self.purge_button.setEnabled(
            not self.busy
            and self.preview.has_personal_data
            and purge.title_matches(self.event_id, self.title_edit.text())
        )

    def start_purge(self) -> None:
        if not self.purge_button.isEnabled():
            return
        self.title_edit.setEnabled(False)
        self.runner.start(  # one transaction: it finishes or changes nothing, so no Batal
            FunctionJob(purge.purge_event, self.event_id, actor=current_actor()),
            self.tr("Menghapus data pribadi…"),
            done=self._done,
            failed=self._failed,
            cancellable=False,
        )
        self._update_button()

    def _done(self, summary: dict) -> str:
        total = summary["total"]
        self.refresh()
        self.purged.emit(self.event_id)
        return self.tr(
            "Data pribadi dihapus. Tersimpan untuk laporan: {0} terdaftar, {1} hadir di ruangan, {2} daring."
        ).format(number(total["registered"]), number(total["hadir"]), number(total["daring"]))

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

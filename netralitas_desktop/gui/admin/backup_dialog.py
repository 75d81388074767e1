""" "Cadangan & pemulihan…": list the copies of the database file, make one, check, restore.

Making a copy and checking run off the GUI thread. A restore first lets every running
query finish and closes this thread's connection, then swaps the file in a job
(``database.restore_backup``: verify, keep the current file, swap, reopen); the window
refreshes on ``restored``. ``offer_recovery`` is the start-up question when the file is
damaged. After either restore, ``offer_carry_over`` offers the check-ins recorded since the
backup, read from the kept copy of the replaced file (``core.carry_over``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core import backups, database
from ...core.carry_over import CarryOverError, carry_over, newer_checkins
from ...core.database import DatabaseLocation
from ..common.errors import show_error
from ..common.jobs import BackgroundWork, FunctionJob, JobRunner, wait_all
from ..common.settings import current_actor
from ..common.widgets import JobPanel, confirm, fill_table, localize_buttons, read_only_table, show_info

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
_restored_at_start: list[Path] = []  # the copy kept by a restore before the database was open


class BackupDialog(QDialog, BackgroundWork):
    restored = Signal()  # the database now holds a backup's data: views must reload

    def __init__(self, location: DatabaseLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.setWindowTitle(self.tr("Cadangan & pemulihan"))
        self.resize(760, 460)
        self.items: list[backups.BackupInfo] = []
        self._build()
        if location.sqlite_path is None:
            self.intro.setText(database.POSTGRES_BACKUP_MESSAGE)  # a core message, Indonesian
            for widget in (
                self.table,
                self.backup_button,
                self.check_button,
                self.restore_button,
                self.restore_file_button,
                self.keep,
                self.interval,
                self.save_settings_button,
            ):
                widget.setEnabled(False)
            return
        self.folder = backups.folder_for(location.sqlite_path)
        self.intro.setText(
            self.tr(
                "Salinan berkas basis data disimpan di folder {0}. Cadangan otomatis dibuat saat aplikasi dibuka "
                "dan sebelum pembaruan skema."
            ).format(self.folder)
        )
        keep, interval = backups.backup_settings()
        self.keep.setValue(keep)
        self.interval.setValue(round(interval))
        self.reload()

    def _build(self) -> None:
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = read_only_table([self.tr("Waktu"), self.tr("Jenis"), self.tr("Ukuran"), self.tr("Berkas")])
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.keep = QSpinBox()
        self.keep.setRange(1, 1000)
        self.interval = QSpinBox()
        self.interval.setRange(0, 24 * 30)
        self.save_settings_button = QPushButton(self.tr("Simpan pengaturan"))
        self.save_settings_button.clicked.connect(self.save_settings)
        settings_row = QHBoxLayout()
        settings_row.addWidget(QLabel(self.tr("Simpan")))
        settings_row.addWidget(self.keep)
        settings_row.addWidget(QLabel(self.tr("cadangan terbaru; cadangan otomatis paling sering tiap")))
        settings_row.addWidget(self.interval)
        settings_row.addWidget(QLabel(self.tr("jam")))
        settings_row.addStretch(1)
        settings_row.addWidget(self.save_settings_button)

        self.backup_button = QPushButton(self.tr("Buat cadangan sekarang"))
        self.backup_button.clicked.connect(self.make_backup)
        self.check_button = QPushButton(self.tr("Periksa basis data"))
        self.check_button.clicked.connect(self.check_database)
        self.restore_button = QPushButton(self.tr("Pulihkan cadangan terpilih…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Pulihkan dari berkas lain…"))
        self.restore_file_button.clicked.connect(self.restore_other)
        actions = QHBoxLayout()
        for button in (self.backup_button, self.check_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.restore_button, self.restore_file_button):
            actions.addWidget(button)

        self.panel = JobPanel()
        self.panel.stop()
        self.runner = JobRunner(self, self.panel)
        self.runner.busy_changed.connect(lambda _busy: self._update_buttons())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        localize_buttons(close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(settings_row)
        layout.addLayout(actions)
        layout.addWidget(self.panel)
        layout.addWidget(close)
        self._update_buttons()

    # Listing -------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.items = backups.list_backups(self.folder)
        fill_table(self.table, [(i.when, i.kind_label, i.size_label, i.path.name) for i in self.items])
        self._update_buttons()

    def selected_backup(self) -> backups.BackupInfo | None:
        row = self.table.currentRow()
        if not self.table.selectionModel().hasSelection() or not 0 <= row < len(self.items):
            return None
        return self.items[row]

    def _update_buttons(self) -> None:
        sqlite = self.location.sqlite_path is not None
        idle = not self.busy
        for button in (self.backup_button, self.check_button, self.restore_file_button, self.save_settings_button):
            button.setEnabled(sqlite and idle)
        self.restore_button.setEnabled(sqlite and idle and self.selected_backup() is not None)

    # Actions -------------------------------------------------------------------------------------
    def save_settings(self) -> None:
        keep, interval = backups.set_backup_settings(keep=self.keep.value(), interval_hours=self.interval.value())
        self.panel.stop(
            self.tr("Pengaturan disimpan: {0} cadangan terbaru, otomatis paling sering tiap {1:g} jam.").format(
                keep, interval
            )
        )

    def _run(self, message: str, func, *args, on_result) -> None:
        # Copies and checks are short and safe to let finish: no Batal.
        self.runner.start(FunctionJob(func, *args), message, done=on_result, cancellable=False)

    def make_backup(self) -> None:
        self._run(
            self.tr("Membuat cadangan…"),
            _backup_now,
            self.location.sqlite_path,
            self.keep.value(),
            on_result=self._backed_up,
        )

    def _backed_up(self, path: Path) -> str:
        self.reload()
        return self.tr("Cadangan dibuat: {0}").format(path.name)

    def check_database(self) -> None:
        self._run(
            self.tr("Memeriksa keutuhan basis data…"),
            backups.inspect,
            self.location.sqlite_path,
            on_result=self._checked,
        )

    def _checked(self, damage: backups.Damage | None) -> str | None:
        if damage is None:
            return self.tr("Basis data utuh (PRAGMA quick_check: ok).")
        advice = (
            self.tr("Cadangan baik terakhir: {0}.").format(damage.latest_good.when)
            if damage.latest_good
            else self.tr("Tidak ada cadangan yang baik.")
        )
        self.panel.stop(
            error=self.tr("Basis data rusak: {0}. {1}").format(backups.describe_problems(damage.problems), advice)
        )
        return None

    def restore_selected(self) -> None:
        info = self.selected_backup()
        if info is not None:
            self.restore(info.path)

    def restore_other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih berkas cadangan"),
            str(self.folder),
            self.tr("Basis data SQLite (*.db *.sqlite3);;Semua berkas (*)"),
        )
        if path:
            self.restore(Path(path))

    def restore(self, path: Path, *, ask: bool = True) -> None:
        """Replace the database with ``path`` (after a confirmation); the current file is kept."""
        if ask and not confirm(
            self,
            self.tr("Pulihkan cadangan"),
            self.tr(
                "Ganti isi basis data dengan cadangan {0}? Yang dicatat sesudah cadangan itu dibuat tidak ada di "
                "dalamnya. Berkas yang sekarang disimpan dulu di folder cadangan, dan kehadiran yang lebih baru "
                "ditawarkan untuk dibawa dari sana."
            ).format(path.name),
            self.tr("Pulihkan"),
        ):
            return
        wait_all()  # no query may still run against the file being replaced
        database.close_database()
        self._run(
            self.tr("Memulihkan dari {0}…").format(path.name),
            database.restore_backup,
            self.location,
            path,
            on_result=self._restored,
        )

    def _restored(self, result: backups.RestoreResult) -> str:
        self.reload()
        kept = (
            self.tr(" Berkas sebelumnya disimpan sebagai {0}.").format(result.previous_copy.name)
            if result.previous_copy
            else ""
        )
        added = offer_carry_over(result.previous_copy, self) if result.previous_copy is not None else 0
        self.restored.emit()
        if added:
            return self.tr("Dipulihkan dari {0}.{1} {2} kehadiran yang lebih baru ikut dibawa.").format(
                result.restored_from.name, kept, added
            )
        return self.tr("Dipulihkan dari {0}.{1}").format(result.restored_from.name, kept)


def _backup_now(path: Path, keep: int) -> Path:
    return backups.backup_file(path, backups.MANUAL, keep=keep)


def offer_recovery(damage: backups.Damage, parent: QWidget | None = None) -> Path | None:
    """Start-up: the file is damaged. Returns the backup to restore, or None to quit."""
    good = damage.latest_good
    box = QMessageBox(QMessageBox.Icon.Critical, translate("Cadangan", "Basis data rusak"), "", parent=parent)
    box.setText(
        translate(
            "Cadangan",
            "Berkas basis data {0} rusak dan tidak aman dipakai ({1}).\n\n"
            "Cadangan baik terakhir dibuat {2} ({3}). Bila dipulihkan, yang dicatat sesudah waktu itu tidak ada "
            "di dalamnya; berkas yang rusak disimpan di folder cadangan untuk diperiksa.",
        ).format(damage.path, backups.describe_problems(damage.problems), good.when, good.kind_label)
    )
    latest = box.addButton(translate("Cadangan", "Pulihkan cadangan terakhir"), QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton(translate("Cadangan", "Pilih cadangan lain…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(translate("Cadangan", "Keluar"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(latest)
    box.exec()
    if box.clickedButton() is latest:
        return good.path
    if box.clickedButton() is other:
        path, _ = QFileDialog.getOpenFileName(
            parent,
            translate("Cadangan", "Pilih berkas cadangan"),
            str(good.path.parent),
            translate("Cadangan", "Basis data SQLite (*.db *.sqlite3);;Semua berkas (*)"),
        )
        return Path(path) if path else None
    return None


def restore_at_start(damage: backups.Damage, parent: QWidget | None = None) -> bool:
    """Ask, then restore before anything opens the file; False when the user quits or it fails."""
    while True:
        backup = offer_recovery(damage, parent)
        if backup is None:
            return False
        try:
            result = backups.restore_file(damage.path, backup)
        except backups.BackupError as err:
            show_error(parent, translate("Cadangan", "Pemulihan gagal"), err)
            continue
        kept = (
            translate("Cadangan", " Berkas yang rusak disimpan sebagai {0}.").format(result.previous_copy)
            if result.previous_copy
            else ""
        )
        show_info(
            parent,
            translate("Cadangan", "Basis data dipulihkan"),
            translate("Cadangan", "Basis data dipulihkan dari {0}.{1}").format(result.restored_from.name, kept),
        )
        if result.previous_copy is not None:
            _restored_at_start.append(result.previous_copy)
        return True


def offer_pending_carry_over(parent: QWidget | None = None) -> None:
    """After a restore at start-up, once the database is open: offer the newer check-ins."""
    while _restored_at_start:
        offer_carry_over(_restored_at_start.pop(), parent)


def offer_carry_over(copy: Path, parent: QWidget | None = None) -> int:
    """Offer the check-ins recorded after the restored backup, found in ``copy``; returns how many were added."""
    try:
        newer = newer_checkins(copy)
    except CarryOverError:  # the replaced file was too damaged to read: nothing can be offered from it
        return 0
    if not newer.checkins:
        return 0
    shown = "\n".join(
        f"\u2022 {item.name} \u2014 {item.event_title}, {item.checked_in_at:%d-%m-%Y %H.%M} ({item.desk})"
        for item in newer.checkins[:10]
    )
    more = (
        translate("Cadangan", "\n… dan {0} lainnya.").format(len(newer.checkins) - 10)
        if len(newer.checkins) > 10
        else ""
    )
    partial = (
        translate("Cadangan", "\n\nSebagian salinan rusak; yang terbaca saja yang dapat dibawa.")
        if newer.partial
        else ""
    )
    box = QMessageBox(QMessageBox.Icon.Question, translate("Cadangan", "Kehadiran yang lebih baru"), "", parent=parent)
    box.setText(
        translate(
            "Cadangan",
            "{0} kehadiran tercatat sesudah cadangan itu dibuat dan tidak ada di basis data yang dipulihkan. "
            "Kehadiran itu masih ada di salinan {1}. Bawa ke basis data sekarang?\n\n{2}{3}{4}",
        ).format(len(newer.checkins), copy.name, shown, more, partial)
    )
    bring = box.addButton(translate("Cadangan", "Bawa kehadiran"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Cadangan", "Jangan bawa"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(bring)
    box.exec()
    if box.clickedButton() is not bring:
        return 0
    return carry_over(newer.checkins, actor=current_actor(), source=copy.name)


__all__ = ["BackupDialog", "offer_carry_over", "offer_pending_carry_over", "offer_recovery", "restore_at_start"]

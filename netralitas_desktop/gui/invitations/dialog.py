"""The invitations window: QR invitations for everyone, the people chosen, one unit, or only
those whose invitation has not gone out, as printable cards (PDF, A4/F4) or one PNG per person
in a ZIP for WhatsApp.

The window counts any choice at once from ``invitation_delivery.invitees`` (loaded off the GUI
thread), so "Buat…" says how many cards it will make before a file is chosen. Making runs the
core job through ``JobRunner`` (progress, Batal, the file opened when done); a finished run
marks its people sent unless "Tandai … terkirim" is cleared (a proof print), and ``changed``
tells the event page to reload what shows the marks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.documents import Paper, safe_filename
from ...core.events import get_event
from ...core.invitation_delivery import Invitee, invitees
from ...core.invitations import InvitationImagesJob, InvitationPdfJob, InvitationResult, Selection
from ...core.names import fold
from ...core.pledges.document_settings import load_document_settings
from ..common.jobs import BackgroundWork, JobHandle, JobRunner
from ..common.live import LiveRefresh
from ..common.settings import INVITATIONS_FOLDER, remember_folder, remembered_folder
from ..common.widgets import JobPanel, number

ALL, CHOSEN, UNIT = 0, 1, 2
PDF, ZIP = 0, 1


@dataclass(frozen=True)
class InvitationData:
    """What the window shows, loaded together off the GUI thread."""

    title: str
    paper: Paper
    people: list[Invitee]


def load_invitation_data(event_id: int) -> InvitationData:
    event = get_event(event_id)
    return InvitationData(event.title, load_document_settings(event_id).paper, invitees(event_id))


class InvitationsDialog(QDialog, BackgroundWork):
    """``changed`` after a run marked people sent (the Peserta tab's "Undangan" column)."""

    changed = Signal()

    def __init__(
        self,
        event_id: int,
        actor: Callable[[], Actor],
        chosen: Iterable[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self._actor = actor
        self.chosen = frozenset(chosen)
        self.data: InvitationData | None = None
        self.last_result: InvitationResult | None = None
        self.setWindowTitle(self.tr("Undangan ber-QR"))
        self._build()
        self.runner = JobRunner(
            self, self.panel, controls=[self.make_button, self.who_box, self.form_box], open_button=self.open_button
        )
        self.runner.busy_changed.connect(lambda _busy: self._update())
        self.live = LiveRefresh(self, lambda: load_invitation_data(event_id))
        self.live.loaded.connect(self._loaded)
        self.live.failed.connect(lambda message: self.panel.stop(error=message))
        self.live.refresh()

    # --- layout --------------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.counts_label = QLabel(self.tr("Memuat peserta…"))
        self.counts_label.setWordWrap(True)

        self.who_box = QGroupBox(self.tr("Untuk siapa"))
        self.who = QButtonGroup(self)
        self.all_radio = QRadioButton()
        self.chosen_radio = QRadioButton()
        self.unit_radio = QRadioButton(self.tr("Satu unit kerja:"))
        self.unit_combo = QComboBox()
        self.unit_combo.setMinimumContentsLength(24)
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for code, radio in ((ALL, self.all_radio), (CHOSEN, self.chosen_radio), (UNIT, self.unit_radio)):
            self.who.addButton(radio, code)
        self.unsent_only = QCheckBox(self.tr("Hanya yang undangannya belum dikirim"))
        who = QGridLayout(self.who_box)
        who.addWidget(self.all_radio, 0, 0, 1, 2)
        who.addWidget(self.chosen_radio, 1, 0, 1, 2)
        who.addWidget(self.unit_radio, 2, 0)
        who.addWidget(self.unit_combo, 2, 1)
        who.addWidget(self.unsent_only, 3, 0, 1, 2)
        who.setColumnStretch(1, 1)

        self.form_box = QGroupBox(self.tr("Bentuk"))
        self.form = QButtonGroup(self)
        self.pdf_radio = QRadioButton(self.tr("Kartu untuk dicetak (PDF, 8 kartu per halaman), kertas:"))
        self.paper = QComboBox()
        for paper in Paper:
            self.paper.addItem(paper.label, paper)
        self.zip_radio = QRadioButton(self.tr("Gambar per orang untuk WhatsApp (PNG, dalam satu berkas ZIP)"))
        self.form.addButton(self.pdf_radio, PDF)
        self.form.addButton(self.zip_radio, ZIP)
        self.pdf_radio.setChecked(True)
        form = QGridLayout(self.form_box)
        form.addWidget(self.pdf_radio, 0, 0)
        form.addWidget(self.paper, 0, 1)
        form.addWidget(self.zip_radio, 1, 0, 1, 2)
        form.setColumnStretch(2, 1)

        self.mark_sent = QCheckBox(self.tr("Tandai undangan yang dibuat sebagai sudah dikirim"))
        self.mark_sent.setChecked(True)
        self.mark_sent.setToolTip(
            self.tr(
                "Undangan dianggap terkirim begitu dibuat untuk dibagikan. Kosongkan untuk cetak coba; "
                "tanda terkirim dapat diubah lewat klik kanan di tab Peserta."
            )
        )
        self.open_after = QCheckBox(self.tr("Buka setelah selesai"))
        self.open_after.setChecked(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.panel = JobPanel()
        self.panel.stop()

        self.make_button = QPushButton(self.tr("Buat…"))
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.choose_target)
        self.open_button = QPushButton(self.tr("Buka berkas"))
        self.close_button = QPushButton(self.tr("Tutup"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.who_box)
        layout.addWidget(self.form_box)
        layout.addWidget(self.mark_sent)
        layout.addWidget(self.open_after)
        layout.addWidget(self.summary)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        layout.addLayout(buttons)

        for signal in (self.who.idToggled, self.form.idToggled):
            signal.connect(lambda _id, _on: self._update())
        self.unit_combo.currentIndexChanged.connect(self._unit_chosen)
        self.unsent_only.toggled.connect(self._update)

    # --- data ----------------------------------------------------------------------------------------------------

    def _loaded(self, data: InvitationData) -> None:
        first = self.data is None
        self.data = data
        self.heading.setText(data.title)
        people = data.people
        sent = sum(1 for person in people if person.sent)
        self.counts_label.setText(
            self.tr("Dari {0} peserta, {1} undangan sudah ditandai terkirim dan {2} belum.").format(
                number(len(people)), number(sent), number(len(people) - sent)
            )
        )
        active = {person.registration_id for person in people}
        chosen = len(self.chosen & active)
        self.all_radio.setText(self.tr("Semua peserta ({0})").format(number(len(people))))
        self.chosen_radio.setText(self.tr("Peserta yang dipilih di tab Peserta ({0})").format(number(chosen)))
        self.chosen_radio.setEnabled(chosen > 0)
        self._fill_units(people)
        if first:
            self.paper.setCurrentIndex(list(Paper).index(data.paper))
            (self.chosen_radio if chosen else self.all_radio).setChecked(True)
            self.unsent_only.setChecked(not chosen and 0 < sent < len(people))
        elif self.who.checkedId() == CHOSEN and not chosen:
            self.all_radio.setChecked(True)
        self._update()

    def _fill_units(self, people: list[Invitee]) -> None:
        counts: dict[str, tuple[str, int]] = {}
        for person in people:
            key = fold(person.unit_kerja)
            shown, count = counts.get(key, (person.unit_kerja, 0))
            counts[key] = (shown, count + 1)
        current = self.unit_combo.currentData()
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        for key, (shown, count) in sorted(counts.items(), key=lambda item: (not item[0], item[0])):
            label = shown or self.tr("(tanpa unit kerja)")
            self.unit_combo.addItem(f"{label} ({number(count)})", key)
        index = self.unit_combo.findData(current)
        self.unit_combo.setCurrentIndex(max(index, 0))
        self.unit_combo.blockSignals(False)
        self.unit_radio.setEnabled(bool(counts))

    def _unit_chosen(self) -> None:
        self.unit_radio.setChecked(True)
        self._update()

    def selection(self) -> Selection:
        """The choice as the core takes it."""
        who = self.who.checkedId()
        unit = None
        if who == UNIT and self.data is not None:
            key = self.unit_combo.currentData()
            unit = next((p.unit_kerja for p in self.data.people if fold(p.unit_kerja) == key), None)
        chosen = self.chosen if who == CHOSEN else None
        return Selection(chosen, unit, self.unsent_only.isChecked())

    def chosen_people(self) -> list[Invitee]:
        """Who the current choice makes invitations for."""
        if self.data is None:
            return []
        who = self.who.checkedId()
        key = self.unit_combo.currentData()
        return [
            person
            for person in self.data.people
            if (who != CHOSEN or person.registration_id in self.chosen)
            and (who != UNIT or fold(person.unit_kerja) == key)
            and not (self.unsent_only.isChecked() and person.sent)
        ]

    def _update(self) -> None:
        """Say what "Buat…" will make; it is enabled only when that is someone."""
        self.unit_combo.setEnabled(self.who.checkedId() == UNIT)
        self.paper.setEnabled(self.form.checkedId() == PDF)
        if self.data is None:
            self.make_button.setEnabled(False)
            return
        count = len(self.chosen_people())
        if not self.data.people:
            text = self.tr("Kegiatan ini belum memiliki peserta; tambahkan atau impor peserta dahulu.")
        elif not count and self.unsent_only.isChecked():
            text = self.tr("Semua undangan dalam pilihan ini sudah ditandai terkirim.")
        elif not count:
            text = self.tr("Tidak ada peserta dalam pilihan ini.")
        elif self.form.checkedId() == PDF:
            pages = -(-count // 8)
            text = self.tr("Akan dibuat {0} kartu undangan dalam {1} halaman.").format(number(count), number(pages))
        else:
            text = self.tr("Akan dibuat {0} gambar undangan dalam satu berkas ZIP.").format(number(count))
        self.summary.setText(text)
        self.make_button.setEnabled(bool(count) and not self.runner.busy)

    # --- making --------------------------------------------------------------------------------------------------

    def choose_target(self) -> None:
        as_pdf = self.form.checkedId() == PDF
        title = self.data.title if self.data else ""
        stem = safe_filename(f"Undangan - {title}" if title else "Undangan")
        suffix = ".pdf" if as_pdf else ".zip"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan undangan"),
            str(Path(remembered_folder(INVITATIONS_FOLDER)) / f"{stem}{suffix}"),
            self.tr("PDF (*.pdf)") if as_pdf else self.tr("Arsip ZIP (*.zip)"),
        )
        if path:
            remember_folder(INVITATIONS_FOLDER, path)
            self.make(path if path.lower().endswith(suffix) else f"{path}{suffix}")

    def make(self, path: str) -> JobHandle | None:
        """Make the invitations of the current choice into ``path`` (a .pdf or .zip)."""
        options = dict(selection=self.selection(), mark_sent=self.mark_sent.isChecked(), actor=self._actor())
        if self.form.checkedId() == PDF:
            job = InvitationPdfJob(self.event_id, path, paper=self.paper.currentData(), **options)
            message = self.tr("Membuat kartu undangan…")
        else:
            job = InvitationImagesJob(self.event_id, path, **options)
            message = self.tr("Membuat gambar undangan…")
        return self.runner.start(
            job,
            message,
            done=self._done,
            cancelled=self.tr("Dibatalkan; tidak ada berkas yang dibuat dan tidak ada yang ditandai terkirim."),
            open_when_done=self.open_after.isChecked,
        )

    def _done(self, result: InvitationResult) -> str:
        self.last_result = result
        if result.marked:
            self.changed.emit()
        self.live.refresh()
        what = (
            self.tr("{0} kartu dalam {1} halaman").format(number(result.count), number(result.pages))
            if result.format == "pdf"
            else self.tr("{0} gambar").format(number(result.count))
        )
        marked = (
            self.tr("{0} ditandai terkirim").format(number(result.marked))
            if result.marked
            else self.tr("tidak ada yang ditandai terkirim")
        )
        return self.tr("Selesai: {0}, {1}. Tersimpan di {2}").format(what, marked, result.path)

    def reject(self) -> None:
        """Tutup or Esc while making: stop the run instead (nothing is written or marked)."""
        if self.runner.busy:
            self.runner.cancel()
            return
        super().reject()


__all__ = ["InvitationData", "InvitationsDialog", "load_invitation_data"]

"""Mark the selected participants Izin / Sakit / Dinas Luar with a note, or clear their reason.

The dialog saves through ``core.reports.absence`` itself, so its caller only refreshes.
Several people can be marked at once (five staff of one office on duty travel); anyone who
cannot be (already checked in, cancelled) is named with the reason, and the rest are saved.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.events import NotFoundError, ValidationError
from ...core.reports.absence import NOTE_LIMIT, REASON_LABELS, clear_absence, get_absence, mark_absent_many
from ..common.core_labels import core_label
from ..common.widgets import ErrorLabel, localize_buttons, show_info

MAX_NAMES_SHOWN = 5


class AbsenceDialog(QDialog):
    """``people``: (registration id, full name). ``exec()`` returns Accepted after a save or a clear."""

    def __init__(
        self, people: list[tuple[int, str]], *, actor: Actor | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if not people:
            raise ValueError("AbsenceDialog needs at least one participant")
        self.people = people
        self.actor = actor
        self.names = dict(people)
        self.setWindowTitle(self.tr("Alasan tidak hadir"))
        self.setMinimumWidth(460)
        self._build()
        self._load()

    def _build(self) -> None:
        shown = [name for _, name in self.people[:MAX_NAMES_SHOWN]]
        more = len(self.people) - len(shown)
        who = ", ".join(shown) + (self.tr(" dan {0} lainnya").format(more) if more else "")
        self.who_label = QLabel(who)
        self.who_label.setWordWrap(True)
        self.reason_group = QButtonGroup(self)
        reasons = QHBoxLayout()
        self.reason_buttons: dict[str, QRadioButton] = {}
        for reason, label in REASON_LABELS.items():
            button = QRadioButton(core_label(label))
            self.reason_group.addButton(button)
            self.reason_buttons[reason] = button
            reasons.addWidget(button)
        reasons.addStretch(1)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(NOTE_LIMIT)
        self.note_edit.setPlaceholderText(self.tr("mis. Rapat di provinsi; surat izin menyusul"))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(
            self.tr("Peserta:") if len(self.people) == 1 else self.tr("{0} peserta:").format(len(self.people)),
            self.who_label,
        )
        form.addRow(self.tr("Alasan:"), reasons)
        form.addRow(self.tr("Keterangan:"), self.note_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        localize_buttons(self.buttons)
        self.clear_button = QPushButton(self.tr("Hapus alasan"))
        self.clear_button.setToolTip(self.tr("Kembalikan status menjadi Tidak Hadir (tanpa keterangan)"))
        self.buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.clear_button.clicked.connect(self.clear)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _load(self) -> None:
        """Show a single person's recorded reason; offer "Hapus alasan" when anyone has one."""
        recorded = [info for info in (get_absence(rid) for rid, _ in self.people) if info is not None]
        self.clear_button.setEnabled(bool(recorded))
        if len(self.people) == 1 and recorded:
            self.reason_buttons[recorded[0].reason].setChecked(True)
            self.note_edit.setText(recorded[0].note)

    def chosen_reason(self) -> str | None:
        return next((reason for reason, button in self.reason_buttons.items() if button.isChecked()), None)

    def save(self) -> None:
        reason = self.chosen_reason()
        if reason is None:
            self.error.show_message(self.tr("Pilih alasannya: Izin, Sakit atau Dinas Luar."))
            return
        ids = [registration_id for registration_id, _ in self.people]
        try:
            refused = mark_absent_many(ids, reason, self.note_edit.text(), actor=self.actor)
        except ValidationError as err:
            self.error.show_message(" ".join(err.errors.values()))
            return
        if len(refused) == len(ids):
            self.error.show_message(self._refusals(refused))
            return
        if refused:
            show_info(
                self,
                self.tr("Sebagian tidak dicatat"),
                self.tr("{0} peserta dicatat {1}. Yang tidak dapat dicatat:\n{2}").format(
                    len(ids) - len(refused), core_label(REASON_LABELS[reason]), self._refusals(refused)
                ),
            )
        self.accept()

    def clear(self) -> None:
        for registration_id, _ in self.people:
            try:
                clear_absence(registration_id, actor=self.actor)
            except NotFoundError:
                continue  # removed meanwhile at another desk
        self.accept()

    def _refusals(self, refused: dict[int, str]) -> str:
        return "\n".join(f"\u2022 {self.names.get(rid, rid)}: {message}" for rid, message in refused.items())

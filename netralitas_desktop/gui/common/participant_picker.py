"""Pick one participant of the event by name, unit or NIP (the desk's search, reused).

The online import's review screen uses it to assign a meeting participant nobody could
match. ``ManualSearch`` searches off the GUI thread; a full NIP or NIK typed here (which
the desk would treat as a scan) simply looks that number up.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...core.nip import normalize_id
from .registration_search import ManualSearch, selected_id
from .widgets import localize_buttons


class ParticipantPicker(QDialog):
    def __init__(self, event_id: int, prompt: str = "", query: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pilih peserta"))
        self.resize(720, 460)
        self.registration_id: int | None = None
        self.search = ManualSearch(event_id)
        self.search.setTitle(self.tr("Cari peserta"))
        self.search.button.setText(self.tr("Pilih"))
        self.search.check_in_requested.connect(self._picked)
        self.search.code_entered.connect(self._number_typed)
        self.search.leave_requested.connect(self.reject)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        localize_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if prompt:
            label = QLabel(prompt)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self.search, 1)
        layout.addWidget(buttons)
        if query:
            self.search.edit.setText(query)
            self.search.run_search()
        self.search.focus()

    def _picked(self, registration_id: int) -> None:
        self.registration_id = registration_id
        self.accept()

    def _number_typed(self, text: str) -> None:
        digits = normalize_id(text)
        self.search.edit.setText(digits)
        self.search.run_search()
        if self.search.table.rowCount() == 1 and selected_id(self.search.table) is not None:
            self._picked(selected_id(self.search.table))

    def choose(self, registration_id: int) -> None:
        """For tests and callers that already know the answer."""
        self._picked(registration_id)

"""Signing at the desk, for events that ask for it (``Event.signature_required``).

After a green check-in (any path: scanner, camera, search list, walk-in, kiosk) the pad
opens for that person; an amber scan of someone who has not signed opens it too. The
check-in itself is already recorded, so "Batal" only leaves the signature missing: the
banner and the recent list ("TTD") say so, and "Tanda tangan…" captures it later.
The dialog is opened with ``open()`` (window-modal, not blocking), over the kiosk
when the kiosk is showing, and the scanner gets the keyboard back when it closes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from peewee import PeeweeException
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton

from ...core.audit import Actor
from ...core.checkin import ALREADY, CHECKED_IN, CheckinResult
from ...core.errors import USER_FACING
from ...core.signatures import has_signature, save_signature, signature_required
from ..common.errors import show_error
from ..common.registration_search import selected_id
from ..common.signature_pad import SignatureDialog

if TYPE_CHECKING:
    from .tab import DeskTab

SIGNED_MARK = "✓"
MISSING_MARK = "—"
SIGNED_COLUMN = 5  # "TTD" in the desk's recent list


class DeskSignatures(QObject):
    """Decides when to ask for a signature, opens the pad and stores what was signed."""

    finished = Signal(int, bool)  # registration id, signature saved

    def __init__(self, desk: DeskTab, actor: Callable[[], Actor]) -> None:
        super().__init__(desk)
        self.desk = desk
        self._actor = actor
        self.required = False
        self.dialog: SignatureDialog | None = None
        self._registration_id: int | None = None
        self.button = QPushButton(self.tr("Tanda tangan…"))
        self.button.setToolTip(self.tr("Minta (atau ulangi) tanda tangan peserta yang dipilih"))
        self.button.clicked.connect(self.sign_selected)

    def sync(self) -> bool:
        """Read the event's setting and show or hide the "TTD" column and button."""
        with contextlib.suppress(PeeweeException):  # keep the last setting; the scan itself reports the failure
            self.required = signature_required(self.desk.event_id)
        self.desk.recent_table.setColumnHidden(SIGNED_COLUMN, not self.required)
        self.button.setVisible(self.required)
        return self.required

    def after_result(self, result: CheckinResult) -> bool:
        """Open the pad when this result calls for a signature; True when it opened."""
        if result.registration_id is None or result.status not in (CHECKED_IN, ALREADY):
            return False
        if not self.sync():
            return False
        note = ""
        if result.status == ALREADY:
            try:
                if has_signature(result.registration_id):
                    return False
            except PeeweeException:
                return False
            note = self.tr("Sudah hadir, tetapi belum tanda tangan.")
        self.open(result.registration_id, result.person.full_name if result.person else "", note)
        return True

    def sign_selected(self) -> bool:
        """The "Tanda tangan…" button: sign (or sign again) for the selected recent row."""
        table = self.desk.recent_table
        registration_id = selected_id(table)
        if registration_id is None:
            self.desk.focus_scanner()
            return False
        signed = table.item(table.currentRow(), SIGNED_COLUMN).text() == SIGNED_MARK
        note = self.tr("Tanda tangan yang tersimpan akan diganti.") if signed else ""
        self.open(registration_id, table.item(table.currentRow(), 1).text(), note)
        return True

    def open(self, registration_id: int, name: str, note: str = "") -> SignatureDialog:
        if self.dialog is not None:  # e.g. the camera read the next card: the earlier one stays unsigned
            self.dialog.reject()
        kiosk = self.desk.kiosk
        parent = kiosk if kiosk is not None and kiosk.isVisible() else self.desk.window()
        dialog = SignatureDialog(name, parent)
        if note:
            dialog.layout().insertWidget(0, QLabel(note))
        self.dialog, self._registration_id = dialog, registration_id
        dialog.finished.connect(lambda code, d=dialog, r=registration_id: self._closed(d, r, code))
        dialog.open()
        return dialog

    def _closed(self, dialog: SignatureDialog, registration_id: int, code: int) -> None:
        if self.dialog is dialog:
            self.dialog, self._registration_id = None, None
        png = dialog.signature_png() if code else b""
        dialog.deleteLater()
        saved = bool(png) and self._save(registration_id, png)
        self._note(registration_id, self.tr("tanda tangan tersimpan") if saved else self.tr("belum tanda tangan"))
        self.desk.refresher.refresh()
        self.finished.emit(registration_id, saved)
        QTimer.singleShot(0, self._focus_scanner)  # once the closing dialog has handed the window back

    def _focus_scanner(self) -> None:
        if self.dialog is None:  # not when the pad has meanwhile opened for the next person
            self.desk.focus_scanner()

    def _save(self, registration_id: int, png: bytes) -> bool:
        try:
            save_signature(registration_id, png, actor=self._actor())
        except USER_FACING as err:
            show_error(self.desk.window(), self.tr("Tanda tangan belum tersimpan"), err)
            return False
        return True

    def _note(self, registration_id: int, note: str) -> None:
        """Mark the banner(s) when they still show this person."""
        last = self.desk.last_result
        if last is None or last.registration_id != registration_id:
            return
        self.desk.banner.show_note(note)
        if self.desk.kiosk is not None:
            self.desk.kiosk.banner.show_note(note)

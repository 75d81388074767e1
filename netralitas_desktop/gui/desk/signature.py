"""Signing at the desk, for events that ask for it (``Event.signature_required``), without ever
holding up the next scan.

The pad is part of the desk (the tab, the kiosk) or of a window of its own for a second screen
or a tablet (``signature_window.SignatureWindow``) — never a dialog that takes the keyboard: the pad and its
buttons take no keyboard focus, so the scanner keeps typing into the desk. Whoever should sign
joins the desk session's queue; the pad shows the newest arrival (or stays with someone already
signing), "Simpan" stores the signature and moves on, "Nanti" leaves the person in the queue to
sign later, and a click on a name in the queue puts that person on the pad. One pad is live at
a time: the newest window that opened one (signature window, then kiosk, then tab); the others
show the queue and say where the signing happens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import USER_FACING
from ..common.errors import show_error
from ..common.signature_pad import SignaturePad
from ..common.widgets import number
from .recent_model import keyed_changes
from .session import DeskSession
from .signing_queue import Signer

ID_ROLE = Qt.ItemDataRole.UserRole
QUEUE_SHOWN = 200  # the newest; the count says how many more there are


class SignaturePanel(QGroupBox):
    """Who signs, the pad (when this view hosts it), Hapus / Nanti / Simpan, and the queue."""

    def __init__(
        self, session: DeskSession, *, scale: float = 1.0, show_queue: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("Tanda tangan peserta"))
        self.name_label = QLabel()
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4 * scale)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setWordWrap(True)
        self.pad = SignaturePad()
        self.pad.setMinimumSize(int(240 * min(scale, 1.2)), int(110 * scale))  # fits a 1024-wide kiosk
        self.pad.changed.connect(self._ink_changed)
        self.elsewhere_label = QLabel(self.tr("Tanda tangan dilakukan di layar tanda tangan."))
        self.elsewhere_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.elsewhere_label.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Hapus"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.later_button = QPushButton(self.tr("Nanti"))
        self.later_button.setToolTip(self.tr("Peserta ini menandatangani nanti; ia tetap di daftar belum tanda tangan"))
        self.later_button.clicked.connect(session.signing.defer)
        self.save_button = QPushButton(self.tr("Simpan tanda tangan"))
        self.save_button.clicked.connect(self.save)
        self.queue_label = QLabel()
        self.queue_list = QListWidget()
        self.queue_list.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.queue_list.setUniformItemSizes(True)  # every entry is two lines: no measuring of each
        self.queue_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long lines elide
        self.queue_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.queue_list.itemClicked.connect(lambda item: session.choose_signer(item.data(ID_ROLE)))
        for widget in (self.clear_button, self.later_button, self.save_button, self.queue_list, self.pad):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner keeps the keyboard
        if scale > 1:  # a kiosk or a tablet: buttons a finger can hit
            for button in (self.clear_button, self.later_button, self.save_button):
                font = button.font()
                font.setPointSizeF(font.pointSizeF() * scale)
                button.setFont(font)

        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        signing = QVBoxLayout()
        signing.setSpacing(4)
        signing.addWidget(self.name_label)
        signing.addWidget(self.pad, 1)
        signing.addWidget(self.elsewhere_label, 1)
        signing.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(signing, 3)
        if show_queue:
            queue = QVBoxLayout()
            queue.setSpacing(4)
            queue.addWidget(self.queue_label)
            queue.addWidget(self.queue_list, 1)
            layout.addLayout(queue, 1)
        else:
            self.queue_label.hide()
            self.queue_list.hide()

        self.signing = session.signing
        self.signing.signer_changed.connect(self._signer_changed)
        self.signing.queue_changed.connect(self._show_queue)
        self.signing.pad_host_changed.connect(self._host_changed)
        self._signer_changed(self.signing.signer)
        self._show_queue()
        self._host_changed()

    @property
    def hosts_pad(self) -> bool:
        return self.signing.pad_host is self

    def claim(self) -> None:
        self.signing.claim_pad(self)

    def release(self) -> None:
        self.signing.release_pad(self)

    def save(self) -> bool:
        signer = self.signing.signer
        if signer is None or self.pad.is_empty():
            return False
        try:
            self.session.save_signature(signer.registration_id, self.pad.signature_png())
        except USER_FACING as err:
            show_error(self.window(), self.tr("Tanda tangan belum tersimpan"), err)
            return False
        return True

    def _ink_changed(self) -> None:
        if self.hosts_pad:
            self.signing.set_ink(not self.pad.is_empty())
        self._update_buttons()

    def _signer_changed(self, signer: Signer | None) -> None:
        self.pad.clear()
        if signer is None:
            self.name_label.setText(self.tr("Tidak ada yang sedang menandatangani."))
        elif signer.signed_before:
            self.name_label.setText(self.tr("{0} — tanda tangan yang tersimpan akan diganti").format(signer.name))
        else:
            self.name_label.setText(signer.name)
        self._mark_signer()
        self._update_buttons()

    def _show_queue(self) -> None:
        """The queue, newest first, changed row by row (a rebuild costs milliseconds a scan)."""
        if not self.queue_list.isVisibleTo(self) and self.queue_list.count() == 0 and not self.signing.queue:
            return
        self.queue_label.setText(self.tr("Belum tanda tangan ({0})").format(number(self.signing.waiting_count)))
        queue = self.signing.queue[:QUEUE_SHOWN]
        shown = [self.queue_list.item(row).data(ID_ROLE) for row in range(self.queue_list.count())]
        changes = keyed_changes(shown, [signer.registration_id for signer in queue])
        if changes is None:
            self.queue_list.clear()
            changes = ([], list(range(len(queue))))
        removals, insertions = changes
        for row in removals:
            self.queue_list.takeItem(row)
        for row in insertions:
            signer = queue[row]
            item = QListWidgetItem(f"{signer.name}\n{signer.unit_kerja}" if signer.unit_kerja else signer.name)
            item.setData(ID_ROLE, signer.registration_id)
            item.setToolTip(item.text())
            self.queue_list.insertItem(row, item)
        self._mark_signer()

    def _mark_signer(self) -> None:
        current = self.signing.signer.registration_id if self.signing.signer is not None else None
        row = next((r for r in range(self.queue_list.count()) if self.queue_list.item(r).data(ID_ROLE) == current), -1)
        if row != self.queue_list.currentRow() or (row >= 0) != bool(self.queue_list.selectedItems()):
            self.queue_list.setCurrentRow(row)  # -1 clears it

    def _host_changed(self) -> None:
        hosting = self.hosts_pad
        self.pad.setVisible(hosting)
        self.elsewhere_label.setVisible(not hosting)
        self._update_buttons()

    def _update_buttons(self) -> None:
        live = self.hosts_pad and self.signing.signer is not None
        self.save_button.setEnabled(live and not self.pad.is_empty())
        self.clear_button.setEnabled(live and not self.pad.is_empty())
        self.later_button.setEnabled(live)
        for button in (self.save_button, self.clear_button, self.later_button):
            button.setVisible(self.hosts_pad)


__all__ = ["SignaturePanel"]

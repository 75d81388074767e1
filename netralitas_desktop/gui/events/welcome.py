"""The first page of a database without events: three ways to begin, nothing made unasked.

"Buat kegiatan" opens the event form; "Impor daftar peserta" opens it too and then the import
wizard for the new event; "Coba dengan data contoh" makes the fictional example event
(``core.demo``: its title starts with ``[CONTOH]``, its people are invented) off the GUI thread
and opens it. A desk that should join a shared server has a smaller fourth way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCommandLinkButton, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.audit import Actor
from ...core.demo import create_demo_event
from ..common.jobs import FunctionJob, JobRunner
from ..common.widgets import JobPanel


class WelcomePage(QWidget):
    """``new_requested``, ``import_requested`` and ``connect_requested`` ask the event list / window;
    ``example_created(event_id)`` follows the example event made by the third choice."""

    new_requested = Signal()
    import_requested = Signal()
    connect_requested = Signal()
    example_created = Signal(int)

    def __init__(self, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actor = actor
        heading = QLabel(self.tr("Selamat datang di Netralitas Desktop"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "Registrasi peserta, ikrar, sertifikat dan laporan Sosialisasi Netralitas ASN. "
                "Belum ada kegiatan di basis data ini; pilih cara memulai:"
            )
        )
        intro.setWordWrap(True)
        self.new_button = QCommandLinkButton(
            self.tr("Buat kegiatan"),
            self.tr("Isi nama kegiatan, tanggal, tempat dan penanda tangan, lalu tambahkan peserta."),
        )
        self.import_button = QCommandLinkButton(
            self.tr("Impor daftar peserta"),
            self.tr("Buat kegiatan, lalu langsung impor daftar undangan atau ekspor SIASN (berkas CSV atau Excel)."),
        )
        self.example_button = QCommandLinkButton(
            self.tr("Coba dengan data contoh"),
            self.tr(
                "Kegiatan contoh berisi 300 peserta fiktif untuk mencoba meja registrasi, dokumen dan "
                "sertifikat. Judulnya diawali [CONTOH]; hapus kapan saja."
            ),
        )
        self.connect_button = QPushButton(self.tr("Meja tambahan? Sambungkan ke server bersama…"))
        self.connect_button.setFlat(True)
        self.new_button.clicked.connect(self.new_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.example_button.clicked.connect(self.create_example)
        self.connect_button.clicked.connect(self.connect_requested)
        self.panel = JobPanel()
        self.panel.stop()
        self.runner = JobRunner(
            self, self.panel, controls=[self.new_button, self.import_button, self.example_button, self.connect_button]
        )

        column = QVBoxLayout()
        column.addWidget(heading)
        column.addWidget(intro)
        column.addSpacing(8)
        for button in (self.new_button, self.import_button, self.example_button):
            column.addWidget(button)
        column.addWidget(self.panel)
        column.addSpacing(8)
        column.addWidget(self.connect_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        centred = QHBoxLayout(self)
        centred.addStretch(1)
        centred.addLayout(column, 4)
        centred.addStretch(1)

    def create_example(self) -> None:
        """Make the example event off the GUI thread, then ask for it to be opened."""
        actor: Actor = self._actor()
        self.runner.start(
            FunctionJob(create_demo_event, actor=actor),
            self.tr("Membuat kegiatan contoh…"),
            done=self._example_done,
            cancellable=False,
        )

    def _example_done(self, event_id: int) -> str:
        self.example_created.emit(event_id)
        return ""


__all__ = ["WelcomePage"]

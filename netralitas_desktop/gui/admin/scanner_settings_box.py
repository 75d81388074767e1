"""Pengaturan → Pemindai: how this laptop tells a USB scanner from typing, and how the desk banner behaves.

The values are per laptop (``common.settings.ScannerSettings``); the desk reads them at each
scan, so a change applies at once.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QFormLayout, QGroupBox, QSpinBox, QWidget

from ...core.scan_codes import INVITATION, MANDIRI, NIK, NIP, SHAPES
from ..common.settings import ScannerSettings, save_scanner_settings, scanner_settings

SHAPE_LABELS = {
    INVITATION: QT_TRANSLATE_NOOP("ScannerSettingsBox", "QR undangan (NTR1…)"),
    MANDIRI: QT_TRANSLATE_NOOP("ScannerSettingsBox", "QR formulir ikrar mandiri (NTM1…)"),
    NIP: QT_TRANSLATE_NOOP("ScannerSettingsBox", "NIP / NI PPPK (18 angka)"),
    NIK: QT_TRANSLATE_NOOP("ScannerSettingsBox", "NIK (16 angka)"),
}


class ScannerSettingsBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Pemindai dan meja registrasi"))
        value = scanner_settings()
        limits = ScannerSettings.LIMITS
        self.key_gap = QSpinBox()
        self.key_gap.setRange(int(limits["key_gap_ms"][0]), int(limits["key_gap_ms"][1]))
        self.key_gap.setSuffix(self.tr(" ms"))
        self.key_gap.setValue(value.key_gap_ms)
        self.key_gap.setToolTip(
            self.tr(
                "Tombol yang datang lebih rapat dari ini dianggap pemindai, bukan orang mengetik. "
                "Pemindai USB: 1–15 ms per tombol."
            )
        )
        self.shapes = {
            shape: QCheckBox(QCoreApplication.translate("ScannerSettingsBox", SHAPE_LABELS[shape])) for shape in SHAPES
        }
        for shape, box in self.shapes.items():
            box.setChecked(shape in value.shapes)
        self.ready_after = QDoubleSpinBox()
        self.ready_after.setRange(*limits["ready_after_s"])
        self.ready_after.setDecimals(0)
        self.ready_after.setSuffix(self.tr(" detik"))
        self.ready_after.setValue(value.ready_after_s)
        self.repeat_window = QDoubleSpinBox()
        self.repeat_window.setRange(*limits["repeat_window_s"])
        self.repeat_window.setDecimals(1)
        self.repeat_window.setSuffix(self.tr(" detik"))
        self.repeat_window.setValue(value.repeat_window_s)
        form = QFormLayout(self)
        form.addRow(self.tr("Jeda antartombol pemindai paling lama:"), self.key_gap)
        form.addRow(self.tr("Dikenali sebagai pindaian:"), self.shapes[INVITATION])
        for shape in (MANDIRI, NIP, NIK):
            form.addRow("", self.shapes[shape])
        form.addRow(self.tr("Spanduk kembali ke SIAP setelah:"), self.ready_after)
        form.addRow(self.tr("Kode sama terbaca lagi dalam (pindai ganda):"), self.repeat_window)

    def value(self) -> ScannerSettings:
        return replace(
            scanner_settings(),
            key_gap_ms=self.key_gap.value(),
            shapes=frozenset(shape for shape, box in self.shapes.items() if box.isChecked()),
            ready_after_s=self.ready_after.value(),
            repeat_window_s=self.repeat_window.value(),
        )

    def save(self) -> None:
        save_scanner_settings(self.value())

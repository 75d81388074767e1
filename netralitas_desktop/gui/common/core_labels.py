"""English on screen for the core's short label tables (event kinds, statuses, reasons).

The core is Qt-free and Indonesian: its labels also go into PDFs, spreadsheets and the CLI,
which stay Indonesian. The screen shows a label through ``core_label(text)``; the marks
below let lupdate collect the Indonesian labels, and tests/test_gui_settings.py checks them
against the core tables, so a label added to the core cannot slip by untranslated.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "CoreLabels"

MARKED = (
    # core.events.KIND_LABELS
    QT_TRANSLATE_NOOP("CoreLabels", "Sosialisasi"),
    QT_TRANSLATE_NOOP("CoreLabels", "Ikrar / Pakta Integritas"),
    QT_TRANSLATE_NOOP("CoreLabels", "Sosialisasi dan Ikrar"),
    # core.participants.EMPLOYMENT_LABELS, MODE_LABELS, SOURCE_LABELS
    QT_TRANSLATE_NOOP("CoreLabels", "PNS"),
    QT_TRANSLATE_NOOP("CoreLabels", "PPPK"),
    QT_TRANSLATE_NOOP("CoreLabels", "PPNPN (PTT/GTT)"),
    QT_TRANSLATE_NOOP("CoreLabels", "Non-ASN"),
    QT_TRANSLATE_NOOP("CoreLabels", "Luring (di ruangan)"),
    QT_TRANSLATE_NOOP("CoreLabels", "Daring"),
    QT_TRANSLATE_NOOP("CoreLabels", "Undangan"),
    QT_TRANSLATE_NOOP("CoreLabels", "Tanpa undangan"),
    # core.reports.status.STATUS_LABELS and core.reports.absence.REASON_LABELS
    QT_TRANSLATE_NOOP("CoreLabels", "Hadir"),
    QT_TRANSLATE_NOOP("CoreLabels", "Izin"),
    QT_TRANSLATE_NOOP("CoreLabels", "Sakit"),
    QT_TRANSLATE_NOOP("CoreLabels", "Dinas Luar"),
    QT_TRANSLATE_NOOP("CoreLabels", "Tidak Hadir"),
    QT_TRANSLATE_NOOP("CoreLabels", "Dibatalkan"),
    QT_TRANSLATE_NOOP("CoreLabels", "(Tanpa unit kerja)"),
    QT_TRANSLATE_NOOP("CoreLabels", "Jumlah"),
    # core.reports.status.PLEDGE_LABELS (one pledge category per person)
    QT_TRANSLATE_NOOP("CoreLabels", "TTD di meja registrasi"),
    QT_TRANSLATE_NOOP("CoreLabels", "Ikrar mandiri sudah kembali"),
    QT_TRANSLATE_NOOP("CoreLabels", "Hadir, belum menandatangani ikrar"),
    QT_TRANSLATE_NOOP("CoreLabels", "Tidak hadir, ikrar mandiri belum kembali"),
    # core.event_settings.TIME_ZONES
    QT_TRANSLATE_NOOP("CoreLabels", "Waktu Indonesia Barat (UTC+7)"),
    QT_TRANSLATE_NOOP("CoreLabels", "Waktu Indonesia Tengah (UTC+8)"),
    QT_TRANSLATE_NOOP("CoreLabels", "Waktu Indonesia Timur (UTC+9)"),
    # core.reports.online.STATUS_LABELS
    QT_TRANSLATE_NOOP("CoreLabels", "Cocok"),
    QT_TRANSLATE_NOOP("CoreLabels", "Di bawah batas menit"),
    QT_TRANSLATE_NOOP("CoreLabels", "Meragukan"),
    QT_TRANSLATE_NOOP("CoreLabels", "Tidak dikenali"),
    # check-in and ikrar mandiri receipt methods (core.statuses.METHOD_LABELS, short and full)
    QT_TRANSLATE_NOOP("CoreLabels", "QR"),
    QT_TRANSLATE_NOOP("CoreLabels", "QR undangan"),
    QT_TRANSLATE_NOOP("CoreLabels", "NIP"),
    QT_TRANSLATE_NOOP("CoreLabels", "NIK"),
    QT_TRANSLATE_NOOP("CoreLabels", "Manual"),
    QT_TRANSLATE_NOOP("CoreLabels", "Pencarian nama"),
    # core.certificates.design.PLACEHOLDERS and SPECIAL_KEYS (the certificate designer's fields)
    QT_TRANSLATE_NOOP("CoreLabels", "Nama dengan gelar"),
    QT_TRANSLATE_NOOP("CoreLabels", "NIP/NIK (dengan label)"),
    QT_TRANSLATE_NOOP("CoreLabels", "Jabatan"),
    QT_TRANSLATE_NOOP("CoreLabels", "Unit kerja"),
    QT_TRANSLATE_NOOP("CoreLabels", "Pangkat/golongan"),
    QT_TRANSLATE_NOOP("CoreLabels", "Nomor sertifikat"),
    QT_TRANSLATE_NOOP("CoreLabels", "Nama kegiatan"),
    QT_TRANSLATE_NOOP("CoreLabels", "Tanggal kegiatan"),
    QT_TRANSLATE_NOOP("CoreLabels", "Hari dan tanggal"),
    QT_TRANSLATE_NOOP("CoreLabels", "Jumlah JP"),
    QT_TRANSLATE_NOOP("CoreLabels", "Tempat kegiatan"),
    QT_TRANSLATE_NOOP("CoreLabels", "Kota (tanggal surat)"),
    QT_TRANSLATE_NOOP("CoreLabels", "Penyelenggara"),
    QT_TRANSLATE_NOOP("CoreLabels", "Instansi"),
    QT_TRANSLATE_NOOP("CoreLabels", "Petunjuk pemeriksaan keaslian"),
    QT_TRANSLATE_NOOP("CoreLabels", "Kode QR verifikasi"),
    QT_TRANSLATE_NOOP("CoreLabels", "Logo instansi"),
    QT_TRANSLATE_NOOP("CoreLabels", "Penanda tangan 1"),
    QT_TRANSLATE_NOOP("CoreLabels", "Penanda tangan 2"),
    QT_TRANSLATE_NOOP("CoreLabels", "Ruang tanda tangan elektronik (TTE)"),
)


def core_label(text: str) -> str:
    """``text`` (an Indonesian label from a core table) in the UI language; unknown text as is."""
    return QCoreApplication.translate(CONTEXT, text)


__all__ = ["CONTEXT", "MARKED", "core_label"]

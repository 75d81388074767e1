"""The campaign core's short labels (routes, states, excuse reasons, import outcomes) on screen.

The core keeps them Indonesian for the PDFs, the workbook and the CLI; the screen shows them
through ``campaign_label`` so the English UI translates them. tests/test_gui_campaigns.py
checks every core label is marked here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "CampaignLabels"

MARKED = (
    # core.campaigns.coverage.ROUTE_LABELS and STATE_LABELS
    QT_TRANSLATE_NOOP("CampaignLabels", "TTD di meja registrasi"),
    QT_TRANSLATE_NOOP("CampaignLabels", "Ikrar bersama (hadir)"),
    QT_TRANSLATE_NOOP("CampaignLabels", "Daring"),
    QT_TRANSLATE_NOOP("CampaignLabels", "Ikrar mandiri"),
    QT_TRANSLATE_NOOP("CampaignLabels", "Sudah ikrar"),
    QT_TRANSLATE_NOOP("CampaignLabels", "Dikecualikan"),
    QT_TRANSLATE_NOOP("CampaignLabels", "Belum ikrar"),
    # core.campaigns.service.EXCUSE_REASONS
    QT_TRANSLATE_NOOP("CampaignLabels", "Cuti"),
    QT_TRANSLATE_NOOP("CampaignLabels", "Sakit berkepanjangan"),
    QT_TRANSLATE_NOOP("CampaignLabels", "Tugas belajar"),
    QT_TRANSLATE_NOOP("CampaignLabels", "Penugasan di luar instansi"),
    QT_TRANSLATE_NOOP("CampaignLabels", "Lainnya"),
    # core.campaigns.master_roster.OUTCOME_LABELS
    QT_TRANSLATE_NOOP("CampaignLabels", "baru"),
    QT_TRANSLATE_NOOP("CampaignLabels", "diperbarui"),
    QT_TRANSLATE_NOOP("CampaignLabels", "pindah OPD"),
    QT_TRANSLATE_NOOP("CampaignLabels", "kembali aktif"),
    QT_TRANSLATE_NOOP("CampaignLabels", "tetap"),
    QT_TRANSLATE_NOOP("CampaignLabels", "keluar"),
    QT_TRANSLATE_NOOP("CampaignLabels", "ditolak"),
)


def campaign_label(text: str) -> str:
    """``text`` (an Indonesian label of the campaign core) in the UI language."""
    return QCoreApplication.translate(CONTEXT, text)


__all__ = ["CONTEXT", "MARKED", "campaign_label"]

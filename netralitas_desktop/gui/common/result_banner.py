"""The large result banner of the check-in desk: green HADIR, amber SUDAH HADIR, red DITOLAK.

Colour, a one-word headline and the person's name are readable from a few metres;
the detail line carries the unit, the time and, when refused, the reason.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ...core.checkin import CheckinResult, CheckinStatus
from ...core.statuses import Method
from .core_reasons import refusal_text
from .dates import clock_time

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

IDLE = "idle"
# status -> (background, text colour)
COLOURS = {
    CheckinStatus.CHECKED_IN: ("#1e7e34", "#ffffff"),
    CheckinStatus.ALREADY: ("#f0a500", "#1f1f1f"),
    CheckinStatus.REJECTED: ("#b3261e", "#ffffff"),
    IDLE: ("#eceff1", "#37474f"),
}


def banner_texts(result: CheckinResult) -> tuple[str, str, str]:
    """(headline, name line, detail line) for a result."""
    person = result.person
    name = person.full_name if person else ""
    unit = person.unit_kerja if person else ""
    when = clock_time(result.checked_in_at.time()) if result.checked_in_at else ""
    if result.status == CheckinStatus.CHECKED_IN:
        detail = " · ".join(part for part in (unit, translate("ResultBanner", "pukul {0}").format(when)) if part)
        if result.method == Method.WALK_IN:
            detail += " · " + translate("ResultBanner", "tanpa undangan")
        return translate("ResultBanner", "HADIR"), name, detail
    if result.status == CheckinStatus.ALREADY:
        where = translate("ResultBanner", " di {0}").format(result.desk) if result.desk else ""
        by = f" ({result.operator})" if result.operator else ""
        detail = translate("ResultBanner", "Sudah tercatat hadir pukul {0}{1}{2}").format(when, where, by)
        return translate("ResultBanner", "SUDAH HADIR"), name, " · ".join(part for part in (unit, detail) if part)
    return translate("ResultBanner", "DITOLAK"), name, refusal_text(result.refusal, result.reason)


class ResultBanner(QFrame):
    """Shows one check-in result; ``scale`` enlarges the fonts (kiosk)."""

    def __init__(self, scale: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = IDLE
        self.setObjectName("resultBanner")
        self.headline = QLabel()
        self.name_label = QLabel()
        self.detail_label = QLabel()
        base = self.font().pointSizeF()
        for label, factor, bold in (
            (self.headline, 2.6, True),
            (self.name_label, 2.0, True),
            (self.detail_label, 1.3, False),
        ):
            font = label.font()
            font.setPointSizeF(base * factor * scale)
            font.setBold(bold)
            label.setFont(font)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.headline)
        layout.addWidget(self.name_label)
        layout.addWidget(self.detail_label)
        self.setMinimumHeight(int(170 * scale))
        self.show_idle()

    def show_idle(self, text: str | None = None) -> None:
        self._paint(IDLE)
        self.headline.setText(self.tr("SIAP"))
        self.name_label.setText("")
        self.name_label.hide()
        self.detail_label.setText(text or self.tr("Pindai QR undangan atau ketik NIP/NIK, lalu tekan Enter."))

    def show_result(self, result: CheckinResult) -> None:
        self.show_texts(result.status, *banner_texts(result))

    def show_texts(self, status: str, headline: str, name: str, detail: str) -> None:
        """Any result in the colours of a desk ``status`` (unknown ones show as refused);
        other views (ikrar mandiri receipts) bring their own wording."""
        self._paint(status if status in COLOURS else CheckinStatus.REJECTED)
        self.headline.setText(headline)
        self.name_label.setText(name)
        self.name_label.setVisible(bool(name))
        self.detail_label.setText(detail)
        self._detail = detail

    def show_note(self, note: str) -> None:
        """Add a short note (e.g. "belum tanda tangan") to the detail line of the result shown."""
        base = getattr(self, "_detail", "")
        self.detail_label.setText(" · ".join(part for part in (base, note) if part))

    def _paint(self, status: str) -> None:
        if status == getattr(self, "status", None) and self.styleSheet():
            return  # restyling costs a few milliseconds a scan; the colours are already right
        self.status = status
        background, colour = COLOURS[status]
        self.setStyleSheet(
            f"#resultBanner {{ background: {background}; border-radius: 10px; }}"
            f"#resultBanner QLabel {{ color: {colour}; background: transparent; }}"
        )

"""An ikrar mandiri receipt on the desk's big banner: green DITERIMA, amber SUDAH DITERIMA, red DITOLAK.

The check-in desk and the Ikrar Mandiri view share ``ResultBanner`` (and its sounds), so a
returned form looks and sounds like a check-in result but says what happened.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...core import checkin
from ...core.pledges.returns import ReturnResult, ReturnStatus
from .core_reasons import refusal_text
from .dates import clock_time
from .result_banner import ResultBanner

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

# Receipt status -> the desk status whose colour and tone it takes.
DESK_STATUS = {
    ReturnStatus.RECEIVED: checkin.CheckinStatus.CHECKED_IN,
    ReturnStatus.ALREADY: checkin.CheckinStatus.ALREADY,
    ReturnStatus.REJECTED: checkin.CheckinStatus.REJECTED,
}


def return_banner_texts(result: ReturnResult) -> tuple[str, str, str]:
    """(headline, name line, detail line) for a receipt."""
    if result.status == ReturnStatus.RECEIVED:
        when = clock_time(result.returned_at.time()) if result.returned_at else ""
        detail = translate("IkrarMandiriBanner", "Formulir ikrar mandiri diterima pukul {0}").format(when)
        if result.attachment_name:
            detail += translate("IkrarMandiriBanner", " · dengan lampiran")
        details = " · ".join(p for p in (result.unit_kerja, detail) if p)
        return translate("IkrarMandiriBanner", "DITERIMA"), result.full_name, details
    if result.status == ReturnStatus.ALREADY:
        return (
            translate("IkrarMandiriBanner", "SUDAH DITERIMA"),
            result.full_name,
            " · ".join(p for p in (result.unit_kerja, result.reason[:1].upper() + result.reason[1:]) if p),
        )
    return translate("IkrarMandiriBanner", "DITOLAK"), result.full_name, refusal_text(result.refusal, result.reason)


def show_return(banner: ResultBanner, result: ReturnResult) -> None:
    """Show a receipt on a desk banner (the check-in tab can call this for an ``NTM1`` scan)."""
    banner.show_texts(DESK_STATUS.get(result.status, checkin.CheckinStatus.REJECTED), *return_banner_texts(result))


__all__ = ["DESK_STATUS", "return_banner_texts", "show_return"]

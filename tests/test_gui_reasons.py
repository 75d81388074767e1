"""Refusals on screen in the interface's language: the core gives a reason code, the GUI translates it.

The core's Indonesian text (``result.reason``, the CLI and the audit log) stays as it was; the
desk's banner renders the same code through the English translator when English is chosen.
"""

from __future__ import annotations

import datetime as dt
import string

import pytest
from PySide6.QtCore import QCoreApplication

from netralitas_desktop.core import checkin
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.core.pledges import returns
from netralitas_desktop.core.reasons import TEMPLATES, ReasonCode
from netralitas_desktop.gui.common.core_reasons import MARKED, reason_text
from netralitas_desktop.gui.common.result_banner import ResultBanner
from netralitas_desktop.gui.common.return_banner import show_return

ACTOR = Actor("Meja 1", "Rina")


@pytest.fixture
def event_id(db):
    event = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)), actor=ACTOR)
    add_participant(event, PersonData(nama="Budi Santoso", nip="198609262015051001"), actor=ACTOR)
    return event


def _banner_detail(qtbot, result: checkin.CheckinResult) -> tuple[str, str]:
    banner = ResultBanner()
    qtbot.addWidget(banner)
    banner.show_result(result)
    return banner.headline.text(), banner.detail_label.text()


def test_a_rejected_scan_reads_in_indonesian_by_default(qtbot, event_id):
    result = checkin.check_in(event_id, "199001012015011002", actor=ACTOR)
    assert result.status == checkin.CheckinStatus.REJECTED and result.refusal is not None
    assert result.refusal.code == ReasonCode.NOT_REGISTERED
    assert result.reason == "NIP 19900101 201501 1 002 tidak terdaftar pada kegiatan ini."
    assert _banner_detail(qtbot, result) == ("DITOLAK", result.reason)


def test_a_rejected_scan_reads_in_english_with_the_english_translator(qtbot, event_id, english):
    unknown = checkin.check_in(event_id, "199001012015011002", actor=ACTOR)
    assert _banner_detail(qtbot, unknown) == (
        "REFUSED",
        "NIP 19900101 201501 1 002 is not registered for this event.",
    )
    invalid = checkin.check_in(event_id, "198613262015051001", actor=ACTOR)  # month 13
    assert invalid.refusal is not None and invalid.refusal.code == ReasonCode.BIRTH_DATE
    assert (
        _banner_detail(qtbot, invalid)[1]
        == "NIP is not valid: the first 8 digits (19861326) are not a real birth date."
    )
    forged = checkin.check_in(event_id, "NTR1" + "0" * 23, actor=ACTOR)
    assert forged.refusal is not None
    assert _banner_detail(qtbot, forged)[1] == reason_text(forged.refusal) != forged.reason
    # The core's own text (CLI, JSON, audit) stays Indonesian whatever the screen shows.
    assert unknown.reason == "NIP 19900101 201501 1 002 tidak terdaftar pada kegiatan ini."
    assert "refusal" not in unknown.to_dict() and unknown.to_dict()["reason"] == unknown.reason


def test_a_refused_ikrar_mandiri_form_reads_in_english(qtbot, event_id, english):
    result = returns.receive_registration(987654, ACTOR)
    assert result.status == returns.ReturnStatus.REJECTED and result.reason == "Peserta nomor 987654 tidak ditemukan."
    banner = ResultBanner()
    qtbot.addWidget(banner)
    show_return(banner, result)
    assert banner.detail_label.text() == "Participant number 987654 not found."


def test_every_reason_template_is_marked_and_translated(qapp, english):
    """lupdate collects every template, and each has an English translation with the same placeholders."""
    assert set(TEMPLATES.values()) <= set(MARKED)
    for code, template in TEMPLATES.items():
        translated = reason_text_template(code)
        assert translated != template, f"{code} has no English translation"
        assert _placeholders(translated) == _placeholders(template), code


def reason_text_template(code: ReasonCode) -> str:
    return QCoreApplication.translate("CoreReasons", TEMPLATES[code])


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}

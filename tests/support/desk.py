"""The check-in desk in a real main window, for the desk tests.

Registered as a plugin (tests/conftest.py): ``window`` (the main window over the test's
database) and ``desk`` (its Meja Registrasi tab, counters loaded) for a module's ``event_id``
(usually ``desk_event()``).
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.participants import PersonData, add_participant, list_participants
from netralitas_desktop.gui.main_window import MainWindow

ACTOR = Actor(desk="Meja 1", operator="Ani")
OTHER_DESK = Actor(desk="Meja 2", operator="Budi")

PEOPLE = [
    PersonData(
        gelar_depan="Drs. H.",
        nama="Budi Santoso",
        gelar_belakang="M.Si.",
        nip="198609262015051001",
        golongan="III/b",
        jabatan="Kepala Seksi",
        unit_kerja="Dinas Kesehatan",
    ),
    PersonData(
        nama="Siti Aminah",
        gelar_belakang="S.Pd.",
        nip="199001012015032002",
        golongan="III/a",
        unit_kerja="Dinas Pendidikan",
    ),
    PersonData(nama="Dewi Lestari", nip="200012312024211001", golongan="IX", unit_kerja="Kecamatan Sukamaju"),
    PersonData(nama="Rina Wulandari", nik="3306124507900001", employment_type="NON_ASN", unit_kerja="Desa Mekarsari"),
]


@pytest.fixture
def window(qtbot, db, event_id):
    window = MainWindow(db, actor=lambda: ACTOR)
    qtbot.addWidget(window)
    window.show()
    yield window
    desk = window.event_page.desk if window.event_page is not None else None
    if desk is not None:  # no background refresh may outlive the test's database
        desk.shutdown()
        qtbot.waitUntil(lambda: not desk.busy)


@pytest.fixture
def desk(qtbot, window, event_id):
    window.open_event(event_id)
    window.open_desk()
    desk = window.event_page.desk
    qtbot.waitUntil(lambda: desk.counters_view.counters is not None)
    return desk


def desk_event(*, signature_required: bool = False) -> int:
    """The desks' usual event (1 July 2024) with ``PEOPLE`` invited: what a module's ``event_id`` returns."""
    event_id = create_event(
        EventData(
            title="Sosialisasi Netralitas ASN 2024", date=dt.date(2024, 7, 1), signature_required=signature_required
        )
    )
    for person in PEOPLE:
        add_participant(event_id, person, actor=ACTOR)
    return event_id


def registration_id(event_id: int, nama: str) -> int:
    return next(row.registration_id for row in list_participants(event_id) if row.nama == nama)


def scan(qtbot, desk, text: str) -> None:
    qtbot.keyClicks(desk.scanner, text)
    qtbot.keyClick(desk.scanner, Qt.Key.Key_Return)


def present(qtbot, desk, expected: int) -> None:
    qtbot.waitUntil(lambda: desk.counters_view.counters.present == expected)

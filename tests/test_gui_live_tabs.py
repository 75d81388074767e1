"""Every tab shows current data without reopening (issue 12, item 7; the live-refresh helper of issue 16).

Seen at a venue: the Dokumen tab said "belum memiliki peserta" after 2,000 were imported, and the
Sertifikat tab said "0 hadir" while 34 were present, until the event was opened again. Here the
window stays open on that tab while the change happens elsewhere (the roster import and the
check-ins of another desk, through core, on the same SQLite file): the tab is not told, it notices.
"""

from __future__ import annotations

import datetime as dt

import pytest

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.checkin import check_in
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.roster.importer import import_roster
from netralitas_desktop.gui.common.jobs import wait_all
from netralitas_desktop.gui.main_window import MainWindow

PANITIA = Actor("Meja Panitia", "Ani")
OTHER_DESK = Actor("Meja 2", "Budi")
NOTICED_WITHIN_MS = 20_000  # a poll interval plus one load, on two shared cores


def nip(index: int) -> str:
    """Valid, distinct PNS NIPs: born 1 Jan 1970 + index days, TMT March 2005, serial 001."""
    born = dt.date(1970, 1, 1) + dt.timedelta(days=index)
    return f"{born:%Y%m%d}200503{1 + index % 2}001"


def roster_file(tmp_path, count: int):
    lines = ["Nama,NIP,Unit Kerja"]
    lines += [f"Peserta Nomor {index},{nip(index)},Unit Kerja {index % 40 + 1:02d}" for index in range(count)]
    path = tmp_path / "peserta.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot, db):
    widget = MainWindow(db, actor=lambda: PANITIA)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    yield widget
    page = widget.event_page
    if page is not None:
        page.shutdown()
        qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
    wait_all()


def test_documents_tab_sees_an_import_of_2000_without_reopening(qtbot, window, tmp_path):
    event_id = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)))
    page = window.open_event(event_id)
    page.tabs.setCurrentWidget(page.documents)
    tab = page.documents
    tab.select("attendance")
    qtbot.waitUntil(lambda: "belum memiliki peserta" in tab.preview_status.text(), timeout=NOTICED_WITHIN_MS)

    assert import_roster(event_id, roster_file(tmp_path, 2000), actor=OTHER_DESK).added == 2000

    qtbot.waitUntil(lambda: not tab.preview_image.image.isNull(), timeout=NOTICED_WITHIN_MS)
    assert "belum memiliki peserta" not in tab.preview_status.text()


def test_certificates_tab_counts_check_ins_without_reopening(qtbot, window, tmp_path):
    event_id = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)))
    import_roster(event_id, roster_file(tmp_path, 40))
    page = window.open_event(event_id)
    page.tabs.setCurrentWidget(page.certificates)
    tab = page.certificates
    qtbot.waitUntil(lambda: tab.counts_label.text().startswith("0 hadir"), timeout=NOTICED_WITHIN_MS)

    for index in range(34):
        assert check_in(event_id, nip(index), actor=OTHER_DESK).status == "checked_in"

    qtbot.waitUntil(lambda: tab.counts_label.text().startswith("34 hadir"), timeout=NOTICED_WITHIN_MS)
    assert "34 sertifikat" in tab.counts_label.text()

"""The audit log viewer on real entries: filters, paging, details, CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from PySide6.QtCore import QDate

from netralitas_desktop.core import checkin
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.gui.admin.audit_viewer import AuditViewer


@pytest.fixture
def entries(db):
    """One event with a real check-in and undo, and 450 older entries from two desks."""
    event = create_event(EventData(title="Sosialisasi Netralitas Kecamatan", date=dt.date(2024, 7, 1)))
    other = create_event(EventData(title="Apel Siaga", date=dt.date(2024, 7, 2)))
    reg = add_participant(event, PersonData(nama="Rina", nik="3305014107900001"))
    checkin.check_in_registration(reg, actor=Actor("Meja Depan", "Wulan"))
    checkin.undo_check_in(reg, reason="salah orang", actor=Actor("Meja Depan", "Wulan"))
    start = dt.datetime(2024, 6, 1, 8, 0)
    AuditLog.insert_many(
        [
            {
                "at": start + dt.timedelta(minutes=index),
                "action": "export",
                "event": other,
                "desk": ("Meja 1", "Meja 2")[index % 2],
                "operator": "Sari",
                "detail": json.dumps({"rows": index}),
            }
            for index in range(450)
        ]
    ).execute()
    return {"event": event, "other": other}


def rows(viewer: AuditViewer) -> list[list[str]]:
    table = viewer.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_pages_filters_and_details(qtbot, entries):
    viewer = AuditViewer()
    qtbot.addWidget(viewer)
    total = viewer.total
    assert total == AuditLog.select().count() and viewer.table.rowCount() == 200
    assert viewer.page_label.text() == f"Halaman 1 dari 3 · {total} entri"
    assert not viewer.previous_button.isEnabled()
    viewer.next_button.click()
    viewer.next_button.click()
    assert viewer.table.rowCount() == total - 400 and not viewer.next_button.isEnabled()

    viewer.event_combo.setCurrentIndex(viewer.event_combo.findData(entries["event"]))
    shown = rows(viewer)
    assert viewer.page == 0 and {row[1] for row in shown} == {"Sosialisasi Netralitas Kecamatan"}
    assert [row[2] for row in shown][:2] == ["Kehadiran dibatalkan", "Hadir (check-in)"]
    viewer.table.selectRow(0)
    text = viewer.detail.toPlainText()
    assert "Aksi: Kehadiran dibatalkan (checkin.undo)" in text and "Alasan: salah orang" in text
    assert "Meja: Meja Depan" in text and "Petugas: Wulan" in text

    viewer.event_combo.setCurrentIndex(0)
    viewer.desk_combo.setCurrentIndex(viewer.desk_combo.findData("Meja 2"))
    assert viewer.total == 225 and {row[3] for row in rows(viewer)} == {"Meja 2"}
    viewer.desk_combo.setCurrentIndex(0)
    viewer.action_combo.setCurrentIndex(viewer.action_combo.findData("checkin"))
    assert viewer.total == 2  # the group: check-in and its undo

    viewer.action_combo.setCurrentIndex(0)
    qtbot.keyClicks(viewer.text_edit, "wulan")
    qtbot.waitUntil(lambda: viewer.total == 2, timeout=3000)  # after a pause in typing
    assert {row[4] for row in rows(viewer)} == {"Wulan"}
    viewer.text_edit.clear()
    viewer.from_date.setDate(QDate(2024, 6, 1))
    viewer.to_date.setDate(QDate(2024, 6, 1))
    viewer.from_check.setChecked(True)
    viewer.to_check.setChecked(True)
    assert viewer.total == 450 and viewer.page_count == 3


def test_csv_export_writes_every_filtered_entry(qtbot, entries, tmp_path):
    viewer = AuditViewer(event_id=entries["other"])
    qtbot.addWidget(viewer)
    assert viewer.event_combo.currentData() == entries["other"] and viewer.total == 451  # with event.create
    target = tmp_path / "log.csv"
    viewer.export_csv(target)
    qtbot.waitUntil(lambda: not viewer.busy, timeout=10_000)
    assert "451 entri tersimpan" in viewer.panel.status.text()
    with open(target, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
    assert len(lines) == 452 and lines[1][1] == "Apel Siaga" and lines[1][2] == "Berkas diekspor"
    assert lines[1][6] == "Baris: 449"
    assert AuditLog.select().order_by(AuditLog.id.desc()).first().action == "export"  # the export is audited


def test_a_failed_export_says_why(qtbot, entries, tmp_path):
    viewer = AuditViewer()
    qtbot.addWidget(viewer)
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    viewer.export_csv(blocker / "log.csv")
    qtbot.waitUntil(lambda: not viewer.busy, timeout=10_000)
    assert "tidak dapat diekspor" in viewer.panel.error.text()
    assert viewer.export_button.isEnabled()

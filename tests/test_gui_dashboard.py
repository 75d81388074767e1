"""The Ringkasan tab: live counts while desks check in, chart by OPD, online import, minimum minutes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRect

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.checkin import check_in
from netralitas_desktop.core.event_settings import online_min_minutes
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.models import Attendance, Person, Registration
from netralitas_desktop.core.reports.absence import mark_absent
from netralitas_desktop.core.reports.online import import_online
from netralitas_desktop.core.roster.importer import import_roster
from netralitas_desktop.gui.common.jobs import wait_all
from netralitas_desktop.gui.dashboard.chart import SEGMENTS, SORT_LOWEST
from netralitas_desktop.gui.dashboard.tab import DashboardTab
from support.pdf_checks import dark_pixels
from support.widget_images import box, grab, pixel, rgb

DESK_2 = Actor("Meja 2", "Budi")
PANITIA = Actor("Meja Panitia", "Ani")
UNITS = 45


def nip(index: int) -> str:
    """Valid, distinct PNS NIPs: born 1 Jan 1980 + index days, TMT March 2005, serial 001."""
    born = dt.date(1980, 1, 1) + dt.timedelta(days=index)
    return f"{born:%Y%m%d}200503{1 + index % 2}001"


@pytest.fixture
def many_units(db, tmp_path) -> int:
    """45 OPDs of 2 to 6 people: more units than fit on a screen."""
    lines = ["Nama,NIP,Unit Kerja"]
    index = 0
    for unit in range(UNITS):
        for _ in range(2 + unit % 5):
            lines.append(f"Peserta {index},{nip(index)},Unit Kerja Nomor {unit + 1:02d}")
            index += 1
    path = tmp_path / "peserta.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    event = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)))
    assert import_roster(event, path).added == index
    return event


@pytest.fixture
def siasn_event(db, fixtures_dir) -> int:
    event = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)))
    import_roster(event, fixtures_dir / "siasn_export_sukamakmur.csv")
    return event


def show_tab(qtbot, event_id: int) -> DashboardTab:
    tab = DashboardTab(event_id, lambda: PANITIA)
    qtbot.addWidget(tab)
    tab.resize(1100, 760)
    tab.show()
    qtbot.waitUntil(lambda: tab.snapshot is not None, timeout=10_000)
    return tab


def test_counts_follow_desk_check_ins_within_seconds(qtbot, many_units):
    tab = show_tab(qtbot, many_units)
    registered = tab.snapshot.units.total.registered
    assert registered == sum(2 + u % 5 for u in range(UNITS))
    assert tab.present_tile.value.text() == f"0 / {registered}  (0,0%)"
    assert len(tab.chart.groups) == UNITS and tab.live.polling
    # Another desk checks two people in; the dashboard is not told, it notices.
    assert check_in(many_units, nip(0), actor=DESK_2).status == "checked_in"
    assert check_in(many_units, nip(1), actor=DESK_2).status == "checked_in"
    qtbot.waitUntil(lambda: tab.present_tile.value.text().startswith("2 / "), timeout=6_000)
    assert tab.room_tile.value.text() == "2"
    first_unit = next(g for g in tab.chart.groups if g.label == "Unit Kerja Nomor 01")
    assert (first_unit.present, first_unit.registered) == (2, 2)
    tab.hide()
    assert not tab.live.polling
    wait_all()


def test_refreshes_while_a_count_runs_are_coalesced(qtbot, many_units):
    tab = show_tab(qtbot, many_units)
    qtbot.waitUntil(lambda: not tab.busy)
    counts: list = []
    tab.loaded.connect(counts.append)
    for _ in range(5):
        tab.refresh()  # the first counts; the others wait for it and become one more count
    # Idle means nothing is left to load: a refresh asked for during a count starts the moment it ends.
    qtbot.waitUntil(lambda: not tab.busy and len(counts) >= 1)
    assert len(counts) == 2
    wait_all()


def test_absences_and_pledge_line(qtbot, many_units):
    from netralitas_desktop.core.checkin import search_registrations

    first = search_registrations(many_units, nip(2))[0].registration_id
    second = search_registrations(many_units, nip(3))[0].registration_id
    mark_absent(first, "sakit", "Rawat inap", actor=PANITIA)
    mark_absent(second, "dinas_luar", actor=PANITIA)
    check_in(many_units, nip(0), actor=DESK_2)
    tab = show_tab(qtbot, many_units)
    assert tab.reason_tile.value.text() == "0 · 1 · 1"
    assert tab.absent_tile.value.text() == str(tab.snapshot.units.total.registered - 3)
    assert tab.pledge_label.text().startswith("Ikrar: 0 dari 1 yang hadir menandatangani di meja")
    wait_all()


def test_online_import_and_minimum_from_the_dashboard(qtbot, siasn_event, fixtures_dir):
    tab = show_tab(qtbot, siasn_event)
    assert tab.minimum_spin.value() == 60
    tab.import_button.click()
    dialog = tab.import_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.load_file(fixtures_dir / "laporan_peserta_daring.csv")
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=20_000)
    # 47 matched at 60 minutes or more (explained in tests/test_online_import.py).
    qtbot.waitUntil(lambda: tab.online_tile.value.text() == "47", timeout=6_000)
    dialog.accept()
    tab.minimum_spin.setValue(45)
    tab.minimum_button.click()
    # At 45 minutes: 57 (see test_online_import.test_the_minimum_re_evaluates_online_check_ins_only).
    qtbot.waitUntil(lambda: tab.online_tile.value.text() == "57", timeout=6_000)
    assert online_min_minutes(siasn_event) == 45 and "10 kehadiran daring ditambah" in tab.minimum_status.text()
    assert Attendance.select().where(Attendance.method == "online").count() == 57
    wait_all()


def test_screenshot_with_many_opds(qtbot, siasn_event, fixtures_dir, tmp_path):
    """What the committee sees: one legible row per OPD, lowest attendance first, each bar drawn in
    the colours of its counts (in the room, online, excused, not yet) and as long as the unit is large."""
    import_online(siasn_event, fixtures_dir / "laporan_peserta_daring.csv", actor=PANITIA)
    for number in ("197211021996121001", "198310292007052011", "199704122023081001", "196611042000022001"):
        check_in(siasn_event, number, actor=DESK_2)
    excused = (
        Registration.select(Registration.id)
        .join(Person)
        .where((Registration.event == siasn_event) & (Person.unit_kerja == "Dinas Komunikasi dan Informatika"))
        .limit(3)
    )
    for registration, reason in zip(excused, ("sakit", "izin", "dinas_luar"), strict=True):
        mark_absent(registration.id, reason, actor=PANITIA)
    tab = show_tab(qtbot, siasn_event)
    tab.sort_combo.setCurrentIndex(SORT_LOWEST)
    chart = tab.chart
    percentages = [group.percentage for group in chart.groups]
    assert chart.sort == SORT_LOWEST and percentages == sorted(percentages) and len(chart.groups) > 20
    image = grab(tab)
    image.save(tmp_path / "ringkasan.png")  # for a person to look at

    viewport = tab.chart_scroll.viewport()
    rows = [
        (index, group)
        for index, group in enumerate(chart.groups)
        if chart.mapTo(viewport, QPoint(0, 4 + index * chart.row_height)).y() >= 0
        and chart.mapTo(viewport, QPoint(0, 4 + (index + 1) * chart.row_height)).y() <= viewport.height()
    ]
    assert len(rows) >= 10  # rows keep their height: the rest scroll
    label_width, bar_width, figure_width = chart._columns()  # the chart's three columns at this size
    longest = max(group.registered for group in chart.groups)
    colours = {label: rgb(colour) for label, colour, _count in SEGMENTS}
    drawn_kinds = set()
    for index, group in rows:
        middle = 4 + index * chart.row_height + chart.row_height // 2
        x, full = float(label_width), bar_width * group.registered / longest
        for label, _colour, count in SEGMENTS:
            width = full * max(0, count(group)) / group.registered
            left, right = round(x), round(x + width)  # the segment's pixels, one person being a few
            if right > left:
                assert pixel(image, tab, chart, (left + right - 1) // 2, middle) == colours[label], (group.label, label)
                drawn_kinds.add(label)
            x += width
        if full + 6 < bar_width:  # past the bar's end nothing of it is drawn
            assert pixel(image, tab, chart, int(label_width + full + 4), middle) not in colours.values()
        text_band = (middle - 4, 8)
        name = box(image, tab, chart, QRect(0, text_band[0], label_width - 8, text_band[1]))
        figure = box(image, tab, chart, QRect(label_width + bar_width + 8, text_band[0], figure_width, text_band[1]))
        assert dark_pixels(image, name) > 10 and dark_pixels(image, figure) > 10, group.label
    assert drawn_kinds == set(colours)  # in the room, online, excused and not yet: all on screen
    assert rows[0][1].present == 0 and percentages[0] == 0  # lowest first: an OPD nobody from came yet
    tooltip_group = tab.chart.group_at(tab.chart.row_height * 2 + 6)
    assert tooltip_group is tab.chart.groups[2]
    wait_all()

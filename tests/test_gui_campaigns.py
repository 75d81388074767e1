"""The campaign page over real SQLite with pytest-qt: live figures while another desk checks in, drill-down
to an OPD, excuses, a returned form scanned, the roster import dialog, files from the view's numbers."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt

from netralitas_desktop.core.campaigns import coverage as cov
from netralitas_desktop.core.campaigns import service
from netralitas_desktop.core.campaigns.master_roster import OUTCOME_LABELS, import_master_roster
from netralitas_desktop.core.campaigns.service import EXCUSE_REASONS
from netralitas_desktop.core.checkin import check_in
from netralitas_desktop.core.models import Person, Registration
from netralitas_desktop.core.pledges import mandiri_code
from netralitas_desktop.core.reports.xlsx_sheets import HEADER_ROW
from netralitas_desktop.core.roster.importer import import_roster
from netralitas_desktop.gui.campaigns.coverage_view import ALL_NAMES_LIMIT
from netralitas_desktop.gui.campaigns.dialogs import CampaignDialog, ExcuseDialog
from netralitas_desktop.gui.campaigns.labels import MARKED
from netralitas_desktop.gui.campaigns.page import CampaignPage
from netralitas_desktop.gui.main_window import MainWindow
from support.campaigns import DESK, make_event, siasn, write_siasn
from support.gui import when_modal
from support.pdf_text import pdf_pages

pytestmark = pytest.mark.usefixtures("no_sounds")


@pytest.fixture
def scene(db, tmp_path):
    header, rows = siasn()
    import_master_roster(write_siasn(tmp_path / "induk.csv", header, rows[:400]), actor=DESK)
    event_id = make_event("Sosialisasi Netralitas per OPD", dt.date(2024, 9, 2), letterhead=True)
    import_roster(event_id, write_siasn(tmp_path / "undangan.csv", header, rows[:300]))
    for row in rows[:150]:
        check_in(event_id, row.nip, actor=DESK)
    campaign = service.create_campaign(service.CampaignData("Netralitas ASN Pilkada 2024", dt.date(2024, 11, 1)))
    service.add_event(campaign, event_id)
    return {"db": db, "rows": rows, "header": header, "event": event_id, "campaign": campaign}


@pytest.fixture
def page(qtbot, scene):
    page = CampaignPage(lambda: DESK)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    qtbot.waitUntil(lambda: page.coverage.data is not None, timeout=20_000)
    yield page
    page.shutdown()
    qtbot.waitUntil(lambda: not page.busy, timeout=20_000)


def next_load(qtbot, page: CampaignPage, condition=lambda data: True):
    seen = []
    page.coverage.loaded.connect(seen.append)
    qtbot.waitUntil(lambda: any(condition(data) for data in seen), timeout=20_000)
    page.coverage.loaded.disconnect(seen.append)
    return seen[-1]


def test_the_main_window_opens_the_campaign_page(qtbot, scene):
    window = MainWindow(scene["db"], actor=lambda: DESK)
    qtbot.addWidget(window)
    assert window.campaign_action.shortcut().toString() == "Ctrl+K"
    window.campaign_action.trigger()
    page = window.campaign_page
    assert window.stack.currentWidget() is page and window.list_action.isEnabled()
    qtbot.waitUntil(lambda: page.coverage.data is not None, timeout=20_000)
    page.back_button.click()
    assert window.stack.currentWidget() is window.event_list
    window.close()
    qtbot.waitUntil(lambda: window.campaign_page is None and not page.busy, timeout=20_000)


def test_figures_and_bars_follow_a_desk_live(qtbot, page, scene):
    data = page.coverage.data
    assert data.coverage.total.target == 400 and data.coverage.total.covered == 150
    assert page.coverage.covered_tile.value.text() == "150  (37,5%)"
    assert page.coverage.owing_tile.value.text() == "250"
    assert page.coverage.chart.groups and page.coverage.unit_combo.count() == len(data.coverage.units) + 1
    assert page.coverage.owing_model.rowCount() == 250  # few enough to list for all OPDs
    # Another desk checks ten more in: the view recounts by itself.
    for row in scene["rows"][150:160]:
        check_in(scene["event"], row.nip, actor=DESK)
    after = next_load(qtbot, page, lambda d: d.coverage.total.covered == 160)
    assert page.coverage.covered_tile.value.text() == "160  (40,0%)"
    assert after.seconds < 5


def test_clicking_an_opd_lists_its_names_still_owing(qtbot, page):
    chart = page.coverage.chart
    group = chart.groups[0]  # the lowest percentage first
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.rect().topLeft() + _row_centre(chart, 0))
    data = next_load(qtbot, page, lambda d: d.unit_key == group.key)
    assert page.coverage.unit_combo.currentData() == group.key
    assert page.coverage.owing_model.rowCount() == group.owing == len(data.owing)
    assert {row.unit_kerja for row in data.owing} == {group.label}
    assert page.coverage.target_tile.value.text() == str(group.target)
    assert group.label in page.coverage.actions.forms_button.text()
    page.coverage.search_edit.setText(data.owing[0].full_name)
    assert page.coverage.owing_table.model().rowCount() >= 1
    page.coverage.search_edit.setText(data.owing[0].nip[:8])
    assert page.coverage.owing_table.model().rowCount() >= 1


def _row_centre(chart, index: int):
    from PySide6.QtCore import QPoint

    return QPoint(chart.width() // 2, 4 + index * chart.row_height + chart.row_height // 2)


def test_excusing_and_taking_it_back(qtbot, page, monkeypatch):
    view = page.coverage
    view.owing_table.selectRow(0)
    chosen = view.owing_model.rows[0]

    def fill(dialog: ExcuseDialog) -> int:
        dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("tugas_belajar"))
        return 1

    monkeypatch.setattr(ExcuseDialog, "exec", fill)
    view.excuse_selected()
    data = next_load(qtbot, page, lambda d: d.coverage.total.excused == 1)
    assert [row.member_id for row in data.excused] == [chosen.member_id]
    assert view.lists.tabText(1) == "Dikecualikan (1)"
    view.excused_table.selectRow(0)
    view.unexcuse_selected()
    next_load(qtbot, page, lambda d: d.coverage.total.excused == 0)


def test_a_returned_form_scanned_in_the_view_counts_at_once(qtbot, page, scene, tmp_path):
    view = page.coverage
    group = max(view.data.coverage.units, key=lambda g: g.owing)
    view.select_unit(group.key)
    next_load(qtbot, page, lambda d: d.unit_key == group.key)
    handle = view.actions.make_forms(str(tmp_path / "opd.pdf"))
    qtbot.waitUntil(lambda: not handle.running, timeout=60_000)
    assert (tmp_path / "opd.pdf").exists(), view.actions.job_panel.error.text()
    member = view.data.owing[0]
    mandiri = service.get_campaign(scene["campaign"]).mandiri_event_id
    registration = (
        Registration.select(Registration.id)
        .join(Person)
        .where((Registration.event == mandiri) & (Person.nip == member.nip))
        .scalar()
    )
    qtbot.keyClicks(view.actions.scanner, mandiri_code.encode(mandiri, registration))
    qtbot.keyClick(view.actions.scanner, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.actions.banner.headline.text() == "DITERIMA", timeout=20_000)
    data = next_load(qtbot, page, lambda d: d.coverage.unit(group.key).covered == group.covered + 1)
    assert member.member_id not in {row.member_id for row in data.owing}


def test_files_carry_the_numbers_on_screen(qtbot, page, tmp_path):
    view = page.coverage
    shown = view.data.coverage
    handle = view.actions.export_xlsx(str(tmp_path / "rekap.xlsx"))
    qtbot.waitUntil(lambda: not handle.running, timeout=60_000)
    sheet = openpyxl.load_workbook(tmp_path / "rekap.xlsx")["Rekap per OPD"]
    total = [cell.value for cell in list(sheet.iter_rows(min_row=HEADER_ROW + 1))[-1]]
    assert total[1:6] == ["JUMLAH", shown.total.target, shown.total.covered, shown.total.excused, shown.total.owing]
    handle = view.actions.export_pdf(str(tmp_path / "ringkasan.pdf"))
    qtbot.waitUntil(lambda: not handle.running, timeout=60_000)
    (summary,) = pdf_pages(tmp_path / "ringkasan.pdf", flat_text=True)  # one page, with the figures on screen
    total = shown.total
    for label, figure in (
        ("Target (pegawai aktif)", total.target),
        ("Sudah ikrar", total.covered),
        ("Dikecualikan", total.excused),
        ("Belum ikrar", total.owing),
    ):
        assert f"{label} {figure:,}".replace(",", ".") in summary, label
    assert "RINGKASAN CAKUPAN IKRAR" in summary and "Netralitas ASN Pilkada 2024" in summary
    assert view.actions.open_button.isVisible()


def test_events_are_counted_by_ticking_them(qtbot, page, scene):
    setup = page.setup
    page.tabs.setCurrentWidget(setup)
    other = make_event("Sosialisasi Daring", dt.date(2024, 9, 9))
    setup.reload()
    qtbot.waitUntil(lambda: setup.events_table.rowCount() == 2, timeout=20_000)
    row = next(r for r in range(2) if setup.events_table.item(r, 4).text() == "Sosialisasi Daring")
    setup.events_table.item(row, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: other in service.get_campaign(scene["campaign"]).event_ids, timeout=20_000)


def test_the_master_roster_dialog_previews_then_saves(qtbot, page, scene, tmp_path):
    header, rows = scene["header"], scene["rows"]
    moved = [row.moved_to("Dinas Kesehatan") if index < 3 else row for index, row in enumerate(rows[:420])]
    path = write_siasn(tmp_path / "induk_baru.csv", header, moved[:390] + moved[395:])
    dialog = page.setup.open_import()
    qtbot.addWidget(dialog)
    dialog.set_file(str(path))
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    counts = dialog.plan.counts()
    assert counts["added"] == 20 and counts["left"] == 5
    assert dialog.tabs.tabText(1) == "Keluar (5)" and dialog.leaving_table.rowCount() == 5
    assert dialog.save_button.isEnabled()
    saved = []
    dialog.imported.connect(saved.append)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(saved), timeout=20_000)
    data = next_load(qtbot, page, lambda d: d.coverage.total.target == 415)
    assert data.coverage.left_members == 5
    qtbot.waitUntil(lambda: "415 pegawai aktif" in page.setup.roster_label.text(), timeout=20_000)


def test_a_new_campaign_through_its_dialog(qtbot, page):
    def fill(dialog: CampaignDialog) -> None:
        dialog.accept()  # empty name: refused, the dialog stays
        assert dialog.isVisible() and dialog.errors._labels["name"].isVisible()
        dialog.name_edit.setText("Netralitas ASN Pemilu 2029")
        dialog.accept()

    when_modal(CampaignDialog, fill)
    page.new_campaign()
    assert page.campaign_combo.currentText() == "Netralitas ASN Pemilu 2029"
    qtbot.waitUntil(
        lambda: page.coverage.data is not None and page.coverage.data.coverage.campaign.id == page.campaign_id,
        timeout=20_000,
    )
    assert page.coverage.data.coverage.total.covered == 0


def test_every_core_label_on_screen_is_marked_for_translation():
    tables = (cov.ROUTE_LABELS, cov.STATE_LABELS, EXCUSE_REASONS, OUTCOME_LABELS)
    assert {label for table in tables for label in table.values()} - set(MARKED) == set()
    assert ALL_NAMES_LIMIT >= 1000

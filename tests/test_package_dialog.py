"""The offline-desk dialog on an office database and a laptop database (real files, real jobs)."""

from __future__ import annotations

import re

from netralitas_desktop.core import checkin
from netralitas_desktop.core.models import Attendance, Registration
from netralitas_desktop.gui.admin.package_dialog import PackageDialog
from support.gui import answer_message_box
from support.offline import DESK_A, OFFICE, Site, at, make_office, set_checkin_time


def run_step(qtbot, dialog: PackageDialog, step, *args) -> None:
    step(*args)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)


def test_export_import_return_and_merge_through_the_dialog(qtbot, tmp_path):
    office = make_office(tmp_path)
    laptop = Site(tmp_path / "laptop.db")
    package, back = tmp_path / "paket.netralitas", tmp_path / "kembali.netralitas"
    target = office.registrations[1]

    with office.site.open():
        dialog = PackageDialog(event_id=office.event_id)
        qtbot.addWidget(dialog)
        assert dialog.event_combo.currentData() == office.event_id
        assert dialog.export_button.isEnabled() and not dialog.checkins_button.isEnabled()
        run_step(qtbot, dialog, dialog.export_package, package)
        assert package.exists() and dialog.panel.status.text() == "Selesai."
        assert "Kunci QR tidak ikut" in dialog.report.toPlainText() and "Pendaftaran: 13" in dialog.report.toPlainText()
        assert (
            office.fingerprint in dialog.office_key_label.text() and office.fingerprint in dialog.report.toPlainText()
        )
        # Meanwhile the office checks in one person at 8.00.
        checkin.check_in(office.event_id, office.codes[target], actor=OFFICE)
        set_checkin_time(target, at(8))

    with laptop.open():
        dialog = PackageDialog()
        qtbot.addWidget(dialog)
        asked = answer_message_box("Sama")  # the person compares the office's screen and confirms
        with qtbot.waitSignal(dialog.changed, timeout=20_000) as changed:
            dialog.import_package(package)
        qtbot.waitUntil(lambda: not dialog.busy)
        assert office.fingerprint in asked["text"] and "kunci kantor" in asked["text"]
        event_id = changed.args[0]
        assert dialog.event_combo.currentData() == event_id
        assert dialog.event_combo.currentText().endswith("— dari paket kantor")
        assert dialog.checkins_button.isEnabled() and not dialog.export_button.isEnabled()
        assert "Peserta baru: 13" in dialog.report.toPlainText()
        desk_key = re.search(r"[0-9A-F]{4}(?:-[0-9A-F]{4}){4}", dialog.desk_key_label.text()).group()
        assert desk_key in dialog.report.toPlainText()
        for reg in office.registrations[1:4]:
            result = checkin.check_in(event_id, office.codes[reg], actor=DESK_A)
            set_checkin_time(result.registration_id, at(9))
        run_step(qtbot, dialog, dialog.export_checkins, back)
        assert "Kehadiran: 4" in dialog.report.toPlainText()  # three here, one from the office

    with office.site.open():
        dialog = PackageDialog(event_id=office.event_id)
        qtbot.addWidget(dialog)
        asked = answer_message_box("Sama")
        with qtbot.waitSignal(dialog.changed, timeout=20_000):
            dialog.merge(back)
        qtbot.waitUntil(lambda: not dialog.busy)
        assert desk_key in asked["text"] and "laptop meja" in asked["text"]
        report = dialog.report.toPlainText()
        assert "Kehadiran baru: 2" in report and "Konflik dilaporkan: 1" in report and desk_key in report
        assert not dialog.conflicts.isHidden() and dialog.conflicts.rowCount() == 1
        assert "tidak menggantikannya" in dialog.conflicts.item(0, 1).text()
        assert Attendance.get(Attendance.registration == target).desk == "Kantor BKPSDM"
        run_step(qtbot, dialog, dialog.merge, back)
        assert "Tidak ada yang berubah." in dialog.report.toPlainText() and dialog.conflicts.isHidden()
        assert Attendance.select().join(Registration).where(Registration.event == office.event_id).count() == 4


def test_a_bad_file_is_a_message_and_nothing_changes(qtbot, tmp_path):
    office = make_office(tmp_path)
    broken = tmp_path / "rusak.netralitas"
    broken.write_text("bukan paket")
    with office.site.open():
        dialog = PackageDialog()
        qtbot.addWidget(dialog)
        run_step(qtbot, dialog, dialog.merge, broken)
        assert "bukan paket Netralitas" in dialog.panel.error.text()
        run_step(qtbot, dialog, dialog.import_package, tmp_path / "hilang.netralitas")
        assert "tidak ditemukan" in dialog.panel.error.text()
        assert dialog.merge_button.isEnabled() and dialog.import_button.isEnabled()


def test_a_fingerprint_not_confirmed_imports_nothing(qtbot, tmp_path):
    office = make_office(tmp_path)
    package = tmp_path / "paket.netralitas"
    with office.site.open():
        dialog = PackageDialog(event_id=office.event_id)
        qtbot.addWidget(dialog)
        run_step(qtbot, dialog, dialog.export_package, package)
    with Site(tmp_path / "laptop.db").open():
        dialog = PackageDialog()
        qtbot.addWidget(dialog)
        asked = answer_message_box("Batal")  # the fingerprints differ, or the person is unsure
        dialog.import_package(package)
        qtbot.waitUntil(lambda: "Dibatalkan" in dialog.panel.error.text(), timeout=20_000)
        assert office.fingerprint in asked["text"] and asked["buttons"] == ["Sama", "Batal"]
        assert dialog.event_combo.count() == 0 and not dialog.busy


def test_walk_ins_from_a_laptop_wait_in_the_review_list(qtbot, tmp_path):
    from netralitas_desktop.core.models import Person
    from netralitas_desktop.core.offline import export_checkins
    from netralitas_desktop.core.participants import PersonData
    from support.offline import export_package, merge, new_laptop

    office = make_office(tmp_path)
    laptop, event_id = new_laptop(tmp_path, "laptop-a", export_package(office, tmp_path))
    with laptop.open():
        for nama in ("Rina Marlina", "Joko Susilo", "Tamu Tak Dikenal"):
            checkin.walk_in(event_id, PersonData(nama=nama, unit_kerja="Desa Sukamaju"), actor=DESK_A)
        back = export_checkins(event_id, tmp_path / "kembali.netralitas", actor=DESK_A).path
    with office.site.open():
        merge(back)
        dialog = PackageDialog(event_id=office.event_id)
        qtbot.addWidget(dialog)
        review = dialog.walk_ins
        assert not review.isHidden() and review.table.rowCount() == 3
        assert "menunggu pemeriksaan (3)" in review.title.text()
        assert {review.table.item(row, 0).text() for row in range(3)} == {
            "Rina Marlina",
            "Joko Susilo",
            "Tamu Tak Dikenal",
        }
        assert review.table.item(0, 3).text() == "Meja A"
        review.table.selectRow(2)
        asked = answer_message_box("Tolak")
        review.reject_button.click()
        qtbot.waitUntil(lambda: review.table.rowCount() == 2, timeout=20_000)
        assert "Tolak 1 peserta" in asked["text"] and "ditolak" in dialog.report.toPlainText()
        with qtbot.waitSignal(dialog.changed, timeout=20_000) as changed:
            review.approve_all_button.click()
        qtbot.waitUntil(lambda: review.isHidden(), timeout=20_000)
        assert changed.args == [office.event_id]
        assert "Peserta tanpa undangan didaftarkan: 2" in dialog.report.toPlainText()
        names = {p.nama for p in Person.select().where(Person.unit_kerja == "Desa Sukamaju")}
        assert {"Rina Marlina", "Joko Susilo"} <= names and "Tamu Tak Dikenal" not in names
        walk_ins = Registration.select().where(
            (Registration.event == office.event_id) & (Registration.source == "walk_in")
        )
        assert Attendance.select().where(Attendance.registration.in_(walk_ins)).count() == 2

"""The offline-desk dialog on an office database and a laptop database (real files, real jobs)."""

from __future__ import annotations

from gui_helpers import answer_message_box
from test_offline_desks import DESK_A, OFFICE, Site, at, make_office, set_checkin_time

from netralitas_desktop.core import checkin
from netralitas_desktop.core.models import Attendance, Registration
from netralitas_desktop.gui.admin.package_dialog import PackageDialog


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
        assert office.fingerprint in dialog.office_key_label.text() and office.fingerprint in dialog.report.toPlainText()
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
        desk_key = dialog.desk_key_label.text().rsplit(" ", 1)[1]
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

"""Open every top-level window and dialog of the program on a small screen and report what does not fit.

Run as a program (tests/test_screen_fit.py starts it in a fresh process, because the screen's size
is chosen when Qt starts): ``python tests/support/screen_check.py OUT_DIR [WIDTH HEIGHT]``. Qt's
offscreen platform gets one screen of WIDTH × HEIGHT (default 1024 × 768) from a config file; the
program's own start-up steps run (Indonesian translations, ``screen.install_screen_fit``), then
each window is opened as the user opens it, on a database with the example event, and checked:

- the window (its frame) lies inside the screen's free area;
- every visible button, field and tab is wholly on screen and not cut off by its window, unless
  it sits in a scroll area (reachable by scrolling);
- no text on it is one of Qt's English strings (a standard button left untranslated).

Each window is also drawn onto a picture of the screen, ``OUT_DIR/<name>.png``, to look at. The
result is one JSON line per window on stdout: ``{"name", "size", "problems"}``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def configure_screen(width: int, height: int) -> None:
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(
        json.dumps(
            {
                "synchronousWindowSystemEvents": True,
                "windowFrameMargins": False,
                "screens": [
                    {"name": "layar", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
                ],
            }
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def main(out_dir: Path, width: int, height: int) -> int:
    configure_screen(width, height)
    from PySide6.QtCore import QCoreApplication, QSettings

    out_dir.mkdir(parents=True, exist_ok=True)
    QCoreApplication.setOrganizationName("NetralitasScreenCheck")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(out_dir / "settings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    from netralitas_desktop.core import database
    from netralitas_desktop.gui import app as gui_app
    from netralitas_desktop.gui.common.i18n import install_translations
    from netralitas_desktop.gui.common.screen import install_screen_fit

    application = gui_app.ensure_application([sys.argv[0]])
    install_translations(application, "id")
    if not os.environ.get("NETRALITAS_NO_SCREEN_FIT"):  # a negative control: without the fit, problems show
        install_screen_fit(application)
    location = database.open_database(f"sqlite:///{out_dir / 'layar.db'}")
    checker = Checker(application, out_dir)
    for name, opener in scenarios(location, out_dir):
        checker.run(name, opener)
    database.close_database()
    return 0


class Checker:
    def __init__(self, app, out_dir: Path) -> None:
        self.app = app
        self.out_dir = out_dir

    def settle(self, window, seconds: float = 10.0) -> None:
        """Let the window load (background jobs, layouts) before it is looked at."""
        from netralitas_desktop.gui.common.jobs import busy_within

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.app.processEvents()
            if not busy_within(window):
                break
            time.sleep(0.02)
        for _ in range(5):
            self.app.processEvents()

    def run(self, name: str, opener: Callable[[], object]) -> None:
        problems: list[str] = []
        size = None
        try:
            window = opener()
            self.settle(window)
            size = [window.frameGeometry().width(), window.frameGeometry().height()]
            problems = self.problems(window)
            self.screenshot(name, window)
            window.close()
            self.app.processEvents()
        except Exception as err:  # reported as a problem of this window, the others still run
            import traceback

            problems = [f"tidak dapat dibuka: {err!r}", traceback.format_exc()]
        print(json.dumps({"name": name, "size": size, "problems": problems}), flush=True)

    def problems(self, window) -> list[str]:
        from PySide6.QtCore import QPoint, QRect
        from PySide6.QtWidgets import (
            QAbstractButton,
            QAbstractSpinBox,
            QComboBox,
            QLineEdit,
            QScrollArea,
            QTabBar,
        )

        screen = window.screen().availableGeometry()
        found = []
        frame = window.frameGeometry()
        if not screen.contains(frame):
            found.append(f"jendela {rect_text(frame)} melewati layar {rect_text(screen)}")
        window_rect = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
        controls = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QTabBar)
        widgets = {id(w): w for kind in controls for w in window.findChildren(kind)}
        for widget in widgets.values():
            if not widget.isVisibleTo(window) or widget.window() is not window or widget.width() <= 0:
                continue
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # a combo box's or spin box's own field: the box is checked
            if any(isinstance(ancestor, QScrollArea) for ancestor in ancestors(widget, window)):
                continue  # reachable by scrolling
            rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
            label = describe(widget)
            if not window_rect.contains(rect) or not screen.contains(rect):
                found.append(f"{label} di luar jendela atau layar: {rect_text(rect)}")
            elif widget.visibleRegion().boundingRect().size() != widget.size():
                found.append(f"{label} terpotong: tampak {rect_text(widget.visibleRegion().boundingRect())}")
        found += [f"teks bahasa Inggris: \u201c{text}\u201d" for text in english_texts(window)]
        return found

    def screenshot(self, name: str, window) -> None:
        """The screen as the user sees it: the window drawn where it is, what lies outside cut off."""
        from PySide6.QtGui import QColor, QImage, QPainter

        screen = window.screen().geometry()
        picture = QImage(screen.size(), QImage.Format.Format_RGB32)
        picture.fill(QColor("#4b5563"))
        painter = QPainter(picture)
        painter.drawPixmap(window.frameGeometry().topLeft() - screen.topLeft(), window.grab())
        painter.end()
        picture.save(str(self.out_dir / f"{name}.png"))


def _plain(text: str) -> str:
    import re

    return re.sub(r"&(?!&)", "", text.split("\t")[0]).strip().rstrip(":.").strip()


def qt_english() -> set[str]:
    """Qt's own English texts that Indonesian writes differently (from our qtbase_id.ts)."""
    import xml.etree.ElementTree as ET

    english = set()
    for message in ET.parse(ROOT / "resources" / "translations" / "qtbase_id.ts").getroot().iter("message"):
        source, translation = _plain(message.findtext("source") or ""), _plain(message.findtext("translation") or "")
        if source != translation and len(source) > 1:
            english.add(source)
    return english


_ENGLISH: set[str] = set()


def english_texts(window) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    if not _ENGLISH:
        _ENGLISH.update(qt_english())
    texts = [window.windowTitle()]
    for kind in (QAbstractButton, QLabel):
        texts += [widget.text() for widget in window.findChildren(kind) if widget.isVisibleTo(window)]
    texts += [box.title() for box in window.findChildren(QGroupBox) if box.isVisibleTo(window)]
    return sorted({text for text in texts if text and _plain(text) in _ENGLISH})


def ancestors(widget, window):
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        yield parent
        parent = parent.parentWidget()


def describe(widget) -> str:
    text = ""
    for attribute in ("text", "placeholderText", "currentText"):
        getter = getattr(widget, attribute, None)
        if callable(getter):
            try:
                text = getter()
            except TypeError:
                continue
            if text:
                break
    return f"{type(widget).__name__} \u201c{text}\u201d" if text else f"{type(widget).__name__} {widget.objectName()}"


def rect_text(rect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"


# --- what is opened ---------------------------------------------------------------------------------


def scenarios(location, out_dir: Path):
    """(name, opener) for every top-level window and dialog, in the order a committee meets them."""
    from netralitas_desktop.core.audit import Actor
    from netralitas_desktop.core.demo import create_demo_event
    from netralitas_desktop.core.participants import list_participants
    from netralitas_desktop.gui.main_window import MainWindow

    actor = Actor("Meja 1", "Rina")
    state: dict = {}

    def window():
        if "window" not in state:
            state["window"] = MainWindow(location, actor=lambda: actor)
        main = state["window"]
        main.show()
        return main

    def welcome():
        return window()

    def event_list():
        state["event_id"] = create_demo_event(actor=actor)
        main = window()
        main.show_list()
        return main

    def event_page(tab: str):
        def open_tab():
            main = window()
            page = main.event_page or main.open_event(state["event_id"])
            page.tabs.setCurrentWidget(getattr(page, tab))
            return main

        return open_tab

    def page():
        return state["window"].event_page

    def dialog(build):
        def open_dialog():
            widget = build()
            widget.show()
            return widget

        return open_dialog

    def event_dialog():
        from netralitas_desktop.gui.events.event_dialog import EventDialog

        return EventDialog(state["event_id"], actor=actor, parent=state["window"])

    def participant_dialog():
        from netralitas_desktop.gui.common.participant_dialog import ParticipantDialog

        first = list_participants(state["event_id"])[0]
        return ParticipantDialog(state["event_id"], registration_id=first.registration_id, actor=actor)

    def walk_in_dialog():
        from netralitas_desktop.gui.desk.dialogs import WalkInDialog

        return WalkInDialog(state["event_id"], actor=actor, parent=state["window"])

    def absence_dialog():
        from netralitas_desktop.gui.participants.absence_dialog import AbsenceDialog

        rows = list_participants(state["event_id"])[:3]
        return AbsenceDialog([(row.registration_id, row.full_name) for row in rows], actor=actor)

    def import_wizard():
        from netralitas_desktop.gui.participants.import_wizard import ImportWizard

        wizard = ImportWizard(state["event_id"], actor=actor, parent=state["window"])
        state["wizard"] = wizard
        return wizard

    def import_preview():
        wizard = state["wizard"]
        wizard.show()
        wizard.file_page.path_edit.setText(str(ROOT / "tests" / "fixtures" / "siasn_export_sukamakmur.csv"))
        wizard.next()
        return wizard

    def invitations():
        return page().open_invitations([])

    def document_settings():
        from netralitas_desktop.gui.documents.settings_dialog import DocumentSettingsDialog

        return DocumentSettingsDialog(state["event_id"], state["window"], actor=lambda: actor)

    def designer():
        from netralitas_desktop.gui.certificates.designer import CertificateDesigner

        return CertificateDesigner(state["event_id"], state["window"])

    def designer_with_a_field():
        designer = dialog(lambda: state.setdefault("designer", designer_build()))()
        designer.canvas.select("text")  # a text field: the most settings (font, size, colour, alignment)
        return designer

    def designer_build():
        from netralitas_desktop.gui.certificates.designer import CertificateDesigner

        return CertificateDesigner(state["event_id"], state["window"])

    def online_import_with_a_report():
        online = dialog(online_import)()
        online.load_file(ROOT / "tests" / "fixtures" / "laporan_peserta_daring.csv")
        return online

    def verify():
        from netralitas_desktop.gui.certificates.verify_dialog import VerifyDialog

        return VerifyDialog(state["window"])

    def revoke():
        from netralitas_desktop.gui.certificates.dialogs import RevokeDialog

        return RevokeDialog(lambda: actor, state["window"])

    def certificate_preview():
        from PySide6.QtGui import QColor, QImage

        from netralitas_desktop.gui.certificates.dialogs import PreviewDialog

        images = []
        for _ in range(3):
            image = QImage(1123, 794, QImage.Format.Format_RGB32)
            image.fill(QColor("white"))
            images.append(image)
        return PreviewDialog(images, state["window"])

    def certificate_print():
        from netralitas_desktop.gui.certificates.print_offsets import CertificatePrintDialog

        pdf = out_dir / "sertifikat.pdf"
        if not pdf.exists():
            _write_certificates(state["event_id"], pdf)
        return CertificatePrintDialog(pdf, state["window"])

    def audit_log():
        from netralitas_desktop.gui.admin.audit_viewer import AuditViewer

        return AuditViewer(state["window"], event_id=state["event_id"])

    def connection():
        from netralitas_desktop.gui.admin.connection_dialog import ConnectionDialog

        return ConnectionDialog(state["window"])

    def backups():
        from netralitas_desktop.gui.admin.backup_dialog import BackupDialog

        return BackupDialog(location, state["window"])

    def packages():
        from netralitas_desktop.gui.admin.package_dialog import PackageDialog

        return PackageDialog(state["window"], event_id=state["event_id"])

    def purge():
        from netralitas_desktop.gui.admin.purge_dialog import PurgeDialog

        return PurgeDialog(state["event_id"], state["window"])

    def settings():
        from netralitas_desktop.gui.admin.settings_dialog import SettingsDialog

        return SettingsDialog(state["window"])

    def online_import():
        from netralitas_desktop.gui.dashboard.online_import_dialog import OnlineImportDialog

        return OnlineImportDialog(state["event_id"], actor, state["window"])

    def desk_identity():
        from netralitas_desktop.gui.desk.dialogs import DeskIdentityDialog

        return DeskIdentityDialog(actor, state["window"])

    def signature():
        from netralitas_desktop.gui.common.signature_pad import SignatureDialog

        return SignatureDialog("Drs. H. Muhammad Abdurrahman Syahputra Wicaksono, S.H., M.H.", state["window"])

    def participant_picker():
        from netralitas_desktop.gui.common.participant_picker import ParticipantPicker

        return ParticipantPicker(state["event_id"], "Pilih peserta untuk nama di laporan rapat daring", "", state["window"])

    def about():
        return state["window"].about_box()

    def kiosk():
        main = window()
        page().open_desk(kiosk=True)
        return page().desk.kiosk

    return [
        ("01_sambutan", welcome),
        ("02_daftar_kegiatan", event_list),
        ("03_tab_peserta", event_page("participants")),
        ("04_tab_meja", event_page("desk")),
        ("05_tab_ringkasan", event_page("dashboard")),
        ("06_tab_dokumen", event_page("documents")),
        ("07_tab_ikrar_mandiri", event_page("ikrar_mandiri")),
        ("08_tab_sertifikat", event_page("certificates")),
        ("09_tab_laporan", event_page("reports")),
        ("10_kegiatan", dialog(event_dialog)),
        ("11_peserta", dialog(participant_dialog)),
        ("12_tanpa_undangan", dialog(walk_in_dialog)),
        ("13_tidak_hadir", dialog(absence_dialog)),
        ("14_impor_berkas", dialog(import_wizard)),
        ("15_impor_pratinjau", import_preview),
        ("16_undangan", invitations),
        ("17_pengaturan_dokumen", dialog(document_settings)),
        ("18_desain_sertifikat", dialog(designer)),
        ("18b_desain_sertifikat_kolom", designer_with_a_field),
        ("19_periksa_sertifikat", dialog(verify)),
        ("20_cabut_sertifikat", dialog(revoke)),
        ("21_pratinjau_sertifikat", dialog(certificate_preview)),
        ("22_cetak_sertifikat", dialog(certificate_print)),
        ("23_log_audit", dialog(audit_log)),
        ("24_server", dialog(connection)),
        ("25_cadangan", dialog(backups)),
        ("26_meja_offline", dialog(packages)),
        ("27_hapus_data_pribadi", dialog(purge)),
        ("28_pengaturan", dialog(settings)),
        ("29_kehadiran_daring", dialog(online_import)),
        ("29b_kehadiran_daring_laporan", online_import_with_a_report),
        ("30_identitas_meja", dialog(desk_identity)),
        ("31_tanda_tangan", dialog(signature)),
        ("32_pilih_peserta", dialog(participant_picker)),
        ("33_tentang", dialog(about)),
        ("34_kios", kiosk),
    ]


def _write_certificates(event_id: int, pdf: Path) -> None:
    """A real certificate PDF for the print dialog: three people present, three certificates."""
    from netralitas_desktop.core.audit import Actor
    from netralitas_desktop.core.certificates.bulk import CertificatesJob
    from netralitas_desktop.core.checkin import check_in_registration
    from netralitas_desktop.core.participants import list_participants

    actor = Actor("Meja 1", "Rina")
    for row in list_participants(event_id)[:3]:
        check_in_registration(row.registration_id, actor=actor)
    CertificatesJob(event_id, pdf, actor=actor).run()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    target = Path(arguments[0]) if arguments else Path(tempfile.mkdtemp())
    size = (int(arguments[1]), int(arguments[2])) if len(arguments) >= 3 else (1024, 768)
    sys.exit(main(target, *size))

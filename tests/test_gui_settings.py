"""The Pengaturan dialog and the UI language."""

from PySide6.QtCore import QCoreApplication, QSettings

from netralitas_desktop.gui.admin.settings_dialog import SettingsDialog
from netralitas_desktop.gui.common import i18n
from netralitas_desktop.gui.common.settings import DESK_NAME_KEY, current_actor, default_paper
from netralitas_desktop.gui.common.sounds import sounds_enabled


def test_settings_dialog_saves_desk_paper_language_and_sounds(qtbot):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.paper.currentData() == "A4" and dialog.language.currentData() == "id"
    dialog.desk.setText("  Meja   2 ")
    dialog.operator.setText("Sri Wahyuni")
    dialog.paper.setCurrentIndex(dialog.paper.findData("F4"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert not dialog.restart_note.isHidden()
    dialog.sounds.setChecked(False)
    dialog.save()
    assert QSettings().value(DESK_NAME_KEY) == "Meja 2"
    assert current_actor().operator == "Sri Wahyuni"
    assert default_paper() == "F4"
    assert i18n.current_language() == "en"
    assert not sounds_enabled()


def test_english_translation_loads_and_indonesian_is_the_source(qapp):
    try:
        assert i18n.install_translations(qapp, "en")
        assert QCoreApplication.translate("EventPage", "Peserta") == "Participants"
        assert QCoreApplication.translate("MainWindow", "&Kegiatan") == "&Events"
    finally:
        assert not i18n.install_translations(qapp, "id")
    assert QCoreApplication.translate("EventPage", "Peserta") == "Peserta"


def test_every_ui_string_has_an_english_translation():
    """The .ts file holds every tr() string of the GUI, each translated (none unfinished),
    and the compiled .qm beside it is up to date."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    ts = root / "resources" / "translations" / "netralitas_en.ts"
    bin_dir = Path(sys.executable).parent
    fresh = Path(__import__("tempfile").mkdtemp()) / "fresh.ts"
    sources = sorted(str(p) for p in (root / "netralitas_desktop" / "gui").glob("*.py"))
    subprocess.run([str(bin_dir / "pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)

    def strings(path):
        tree = ET.parse(path)
        return {
            (ctx.findtext("name"), msg.findtext("source")): msg.find("translation")
            for ctx in tree.getroot().iter("context")
            for msg in ctx.iter("message")
        }

    committed, wanted = strings(ts), strings(fresh)
    missing = sorted(set(wanted) - set(committed))
    assert not missing, f"run scripts/update_translations.sh and translate: {missing[:10]}"
    untranslated = sorted(
        key for key in wanted if committed[key].get("type") == "unfinished" or not (committed[key].text or "").strip()
    )
    assert not untranslated, f"{len(untranslated)} strings lack an English translation, e.g. {untranslated[:10]}"
    qm = ts.with_suffix(".qm")
    assert qm.stat().st_mtime >= ts.stat().st_mtime - 1, "netralitas_en.qm is older than the .ts: run lrelease"


def test_main_window_opens_settings_from_the_menu(qtbot, db, monkeypatch):
    from netralitas_desktop.gui.admin import settings_dialog
    from netralitas_desktop.gui.main_window import MainWindow

    opened = []
    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    window.settings_action.trigger()
    assert len(opened) == 1 and opened[0].windowTitle() == "Pengaturan"


def test_core_label_tables_are_marked_for_translation(qapp):
    """Every label the core shows on screen is in gui/core_labels.MARKED, so lupdate collects it."""
    from netralitas_desktop.core import event_settings, events, participants, statuses
    from netralitas_desktop.core.certificates import design
    from netralitas_desktop.core.reports import absence, online, status
    from netralitas_desktop.gui.common.core_labels import MARKED, core_label

    tables = (
        events.KIND_LABELS,
        participants.EMPLOYMENT_LABELS,
        participants.MODE_LABELS,
        participants.SOURCE_LABELS,
        status.STATUS_LABELS,
        status.PLEDGE_LABELS,
        event_settings.TIME_ZONES,
        absence.REASON_LABELS,
        online.STATUS_LABELS,
        {method: label.short for method, label in statuses.METHOD_LABELS.items()},
        {method: label.full for method, label in statuses.METHOD_LABELS.items()},
        design.PLACEHOLDERS,
        design.SPECIAL_KEYS,
    )
    labels = {label for table in tables for label in table.values()} | {status.NO_UNIT}
    assert labels - set(MARKED) == set()
    try:
        assert i18n.install_translations(qapp, "en")
        assert core_label("Dinas Luar") == "Official duty" and core_label("Bagian Umum") == "Bagian Umum"
    finally:
        i18n.install_translations(qapp, "id")
    assert core_label("Dinas Luar") == "Dinas Luar"

"""Indonesian everywhere in the Indonesian UI, Qt's own widgets included (issue 12), and English
dates and numbers in the English UI.

Qt ships no Indonesian translation of its own widgets, so ``resources/translations/qtbase_id``
is ours. These tests open Qt's file, colour, print and input dialogs, message boxes, button
boxes, a wizard, the context menus of text fields and the calendar with the translations
installed as the program installs them, read every text a user can see, and check that none
is one of Qt's English strings."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QColorDialog,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QSpinBox,
    QTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)

from netralitas_desktop.core import dates as core_dates
from netralitas_desktop.gui.common import dates, i18n

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "qtbase_id.ts"
sys.path.insert(0, str(ROOT / "scripts"))
import qtbase_strings  # noqa: E402


def _plain(text: str) -> str:
    """A text as read: without mnemonics (``&``), a shortcut after a tab, or trailing dots and colons."""
    return re.sub(r"&(?!&)", "", text.split("\t")[0]).strip().rstrip(":.").strip()


def _english_strings() -> set[str]:
    """Qt's English texts that Indonesian writes differently (``OK``, ``A4``, ``Folder`` stay)."""
    english = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.findtext("translation") or ""
        if _plain(source) != _plain(translation) and len(_plain(source)) > 1:
            english.add(_plain(source))
    return english


ENGLISH = _english_strings()


@pytest.fixture
def indonesian(qapp):
    """The translators the program installs at start-up for the Indonesian UI."""
    i18n.install_translations(qapp, "id")
    yield qapp
    i18n.install_translations(qapp, "id")


def seen_texts(widget: QWidget) -> list[str]:
    """Every text a user can read on ``widget``: labels, buttons, group titles, tooltips, list
    and combo items, column headers, action texts, the window title."""
    texts = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        texts.append(child.toolTip())
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QComboBox):
            texts += [child.itemText(index) for index in range(child.count())]
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    texts += [action.text() for action in widget.findChildren(QAction)]
    return [text for text in texts if text and text.strip()]


def assert_indonesian(texts: list[str]) -> None:
    english = sorted({text for text in texts if _plain(text) in ENGLISH})
    assert english == [], f"English text in the Indonesian UI: {english}"


# --- the translation file ---------------------------------------------------------------------------


def test_every_qt_string_of_the_widgets_we_show_is_translated_and_compiled(tmp_path):
    wanted = set(qtbase_strings.qt_strings())
    messages = {}
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            key = (context.findtext("name"), message.findtext("source"), message.findtext("comment") or "")
            messages[key] = message.find("translation")
    assert wanted <= set(messages), sorted(wanted - set(messages))[:10]
    unfinished = [key for key, translation in messages.items() if translation.get("type") or not translation.text]
    assert unfinished == []
    fresh = tmp_path / "qtbase_id.qm"
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == (TS.with_suffix(".qm")).read_bytes(), "run scripts/update_translations.sh"


def test_the_indonesian_ui_installs_it_before_any_window(indonesian):
    assert i18n.ui_language() == "id"
    assert QApplication.translate("QFileDialog", "&Look in:") == "&Cari di:"
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Batal"


# --- Qt's dialogs ------------------------------------------------------------------------------------


def test_file_dialogs(qtbot, indonesian, tmp_path):
    dialog = QFileDialog(None, "Pilih berkas daftar peserta", str(tmp_path), "Daftar peserta (*.csv *.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # what Qt draws itself (Linux without a portal)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = seen_texts(dialog)
    assert {"&Cari di:", "&Nama berkas:", "&Jenis berkas:", "&Buka", "Batal"} <= set(texts)
    assert {"Nama", "Ukuran", "Jenis", "Tanggal diubah"} <= set(texts)
    assert {"Kembali", "Maju", "Folder induk", "Buat folder baru", "Tampilan daftar", "Tampilan rinci"} <= set(texts)
    assert_indonesian(texts)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    assert "&Simpan" in seen_texts(dialog)
    assert_indonesian(seen_texts(dialog))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    assert "&Pilih" in seen_texts(dialog)
    assert_indonesian(seen_texts(dialog))


def test_message_boxes_button_boxes_input_and_progress_dialogs(qtbot, indonesian):
    box = QMessageBox(QMessageBox.Icon.Question, "Judul", "Lanjutkan?")
    every = (
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Close
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Retry
    )
    box.setStandardButtons(every)
    box.setDetailedText("rincian")
    qtbot.addWidget(box)
    texts = [button.text() for button in box.buttons()]
    assert {"&Ya", "&Tidak", "OK", "Batal", "Simpan", "Tutup", "Buang", "Coba lagi"} <= set(texts)
    assert "Tampilkan rincian..." in texts
    assert_indonesian(texts)

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Apply
        | QDialogButtonBox.StandardButton.Reset
        | QDialogButtonBox.StandardButton.Help
        | QDialogButtonBox.StandardButton.RestoreDefaults
        | QDialogButtonBox.StandardButton.Open
    )
    qtbot.addWidget(buttons)
    texts = [button.text() for button in buttons.buttons()]
    assert set(texts) == {"OK", "Batal", "Terapkan", "Atur ulang", "Bantuan", "Kembalikan bawaan", "Buka"}

    dialog = QInputDialog()
    dialog.setLabelText("Alasan pembatalan:")
    qtbot.addWidget(dialog)
    dialog.show()
    assert {"OK", "Batal"} <= set(seen_texts(dialog))
    assert_indonesian(seen_texts(dialog))

    progress = QProgressDialog()
    qtbot.addWidget(progress)
    assert "Batal" in seen_texts(progress)


def test_colour_and_print_dialogs(qtbot, indonesian):
    colour = QColorDialog()
    colour.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
    qtbot.addWidget(colour)
    colour.show()
    texts = seen_texts(colour)
    assert {"Pilih warna", "&Warna dasar", "M&erah:", "&Hijau:", "B&iru:", "OK", "Batal"} <= set(texts)
    assert_indonesian(texts)

    printer = QPrinter()  # kept: the dialog does not own it
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = seen_texts(dialog)
    assert {"Cetak", "&Cetak", "Batal", "Salinan:", "Rentang cetak", "Cetak semua"} <= set(texts)
    assert_indonesian(texts)


def test_wizard_buttons(qtbot, indonesian):
    wizard = QWizard()
    qtbot.addWidget(wizard)
    for _ in range(2):
        wizard.addPage(QWizardPage())
    wizard.show()
    texts = {wizard.buttonText(button) for button in QWizard.WizardButton if int(button.value) < 7}
    assert {"< &Kembali", "&Lanjut >", "Batal", "&Selesai"} <= texts
    assert_indonesian(list(texts))


# --- context menus -----------------------------------------------------------------------------------


def menu_texts(menu: QMenu) -> list[str]:
    texts = []
    for action in menu.actions():
        texts.append(action.text())
        if action.menu() is not None:
            texts += menu_texts(action.menu())
    return [text for text in texts if text]


@pytest.mark.parametrize("kind", [QLineEdit, QPlainTextEdit, QTextEdit])
def test_text_field_context_menus(qtbot, indonesian, kind):
    field = kind()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    texts = menu_texts(menu)
    plain = {_plain(text) for text in texts}
    assert {"Urungkan", "Ulangi", "Potong", "Salin", "Tempel", "Hapus", "Pilih semua"} <= plain
    assert_indonesian(texts)


def test_number_field_context_menu(qtbot, indonesian):
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.show()
    seen: list[str] = []

    def read_and_close() -> None:
        popup = QApplication.activePopupWidget()
        if not isinstance(popup, QMenu):
            QTimer.singleShot(10, read_and_close)
            return
        seen.extend(menu_texts(popup))
        popup.close()

    QTimer.singleShot(0, read_and_close)
    QApplication.sendEvent(
        spin, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), spin.mapToGlobal(QPoint(5, 5)))
    )
    assert {"Naikkan", "Turunkan", "Pilih semua"} <= {_plain(text) for text in seen}
    assert_indonesian(seen)


def test_calendar_speaks_indonesian(qtbot, indonesian):
    calendar = QCalendarWidget()
    calendar.setSelectedDate(QDate(2024, 7, 1))
    qtbot.addWidget(calendar)
    calendar.show()
    texts = [button.text() for button in calendar.findChildren(QAbstractButton)]
    assert "Juli" in texts and "July" not in texts
    view = calendar.findChild(QAbstractItemView)
    model = view.model()  # the day names are the first row of the calendar's table
    days = [str(model.data(model.index(0, column))) for column in range(model.columnCount())]
    assert "Sen" in days and "Min" in days and not {"Mon", "Sun"} & set(days)


# --- dates and numbers --------------------------------------------------------------------------------


def test_the_english_ui_writes_dates_and_numbers_in_english_and_documents_stay_indonesian(qapp):
    day = dt.date(2024, 7, 1)
    try:
        assert i18n.install_translations(qapp, "en")
        assert i18n.ui_language() == "en"
        assert dates.day_and_date(day) == "Monday, 1 July 2024"
        assert dates.long_date(day) == "1 July 2024"
        assert dates.clock_time(dt.time(8, 5)) == "08:05"
        assert (dates.number(2000), dates.number(1_234_567)) == ("2,000", "1,234,567")
        assert dates.percent(208, 300) == "69.3%"
        assert core_dates.day_and_date(day) == "Senin, 1 Juli 2024"  # what documents print
        assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancel"  # Qt's own English
    finally:
        i18n.install_translations(qapp, "id")
    assert dates.day_and_date(day) == "Senin, 1 Juli 2024"
    assert (dates.clock_time(dt.time(8, 5)), dates.number(2000)) == ("08.05", "2.000")
    assert dates.percent(208, 300) == "69,3%"


def test_the_english_window_shows_english_dates_and_numbers(qtbot, qapp, db):
    from netralitas_desktop.core.audit import Actor
    from netralitas_desktop.core.events import EventData, create_event
    from netralitas_desktop.core.participants import PersonData, add_participant
    from netralitas_desktop.gui.main_window import MainWindow

    event_id = create_event(EventData(title="Sosialisasi", date=dt.date(2024, 7, 1), start_time=dt.time(8, 0)))
    add_participant(event_id, PersonData(nama="Budi Santoso", unit_kerja="Dinas Kesehatan"))
    try:
        assert i18n.install_translations(qapp, "en")
        window = MainWindow(db, actor=lambda: Actor("Meja 1", "Rina"))
        qtbot.addWidget(window)
        window.show()
        assert window.event_list.table.item(0, 0).text() == "Monday, 1 July 2024"
        page = window.open_event(event_id)
        assert page.details_label.text().startswith("Monday, 1 July 2024 · at 08:00")
        qtbot.waitUntil(lambda: not page.participants.busy)
        assert page.participants.count_label.text() == "Showing 1 of 1 participants"
        page.shutdown()
    finally:
        i18n.install_translations(qapp, "id")


def test_the_window_writes_dates_only_through_its_language():
    """Every GUI module takes dates from ``gui/common/dates`` (the UI language), none from ``core.dates``
    (Indonesian, for documents): a new tab cannot slip an Indonesian date into the English window."""
    gui = ROOT / "netralitas_desktop" / "gui"
    offenders = [
        str(path.relative_to(gui))
        for path in gui.rglob("*.py")
        if path != gui / "common" / "dates.py" and re.search(r"core\.dates import|core import dates", path.read_text())
    ]
    assert offenders == []

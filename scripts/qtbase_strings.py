"""Collect the strings of Qt's own widgets into resources/translations/qtbase_id.ts.

Qt ships no Indonesian translation of its own widgets (file dialog, message box buttons, the
context menu of a text field, colour and print dialogs, wizards), so we keep one. The source
texts must match Qt's byte for byte; rather than copy them by hand, this script reads them
from the ``qtbase_*.qm`` files installed with PySide6 (a .qm keeps each message's context and
source text), keeps only the contexts of widgets our window can show (``CONTEXTS``), and
merges them into the .ts: existing Indonesian translations stay, new strings arrive marked
``unfinished`` for a person to translate, strings Qt no longer has are dropped.

Run it after a Qt upgrade:  .venv/bin/python scripts/qtbase_strings.py
then translate the unfinished entries and run scripts/update_translations.sh (which compiles
qtbase_id.qm). tests/test_qt_indonesian.py fails while an entry is unfinished.
"""

from __future__ import annotations

import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "qtbase_id.ts"

# Qt's contexts for the widgets and dialogs the window can show.
CONTEXTS = (
    "CloseButton",  # a tab's close button
    "Print Device Input Slot",
    "Print Device Output Bin",
    "QAbstractFileIconProvider",  # file types in the file dialog
    "QAbstractSpinBox",  # a number field's context menu
    "QColorDialog",
    "QComboBox",
    "QCupsJobWidget",  # print dialog (Linux)
    "QCupsPrinterSupport",
    "QDialog",
    "QDialogButtonBox",
    "QDockWidget",
    "QErrorMessage",
    "QFileDialog",
    "QFileSystemModel",
    "QFontDialog",
    "QGnomeTheme",  # standard button texts under GNOME
    "QInputDialog",
    "QKeySequenceEdit",
    "QLineEdit",  # a text field's context menu
    "QMessageBox",
    "QPageSetupWidget",
    "QPlatformTheme",  # standard button texts: OK, Cancel, Yes, No, …
    "QPrintDialog",
    "QPrintPreviewDialog",
    "QPrintPropertiesDialog",
    "QPrintPropertiesWidget",
    "QPrintSettingsOutput",
    "QPrintWidget",
    "QProgressDialog",
    "QScrollBar",  # a scroll bar's context menu
    "QTabBar",
    "QUnicodeControlCharacterMenu",
    "QWhatsThisAction",
    "QWidgetTextControl",  # a text area's context menu
    "QWizard",
)

# "About Qt" (its licence texts and title): our window never shows it.
NEVER_SHOWN = ("<h3>About Qt", "<p>Qt is a C++", "About Qt")

_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES = 0x69
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8


def read_qm(path: Path) -> list[tuple[str, str, str]]:
    """(context, source text, comment) of every message in a .qm file."""
    data = path.read_bytes()
    if not data.startswith(_MAGIC):
        return []
    position, messages = len(_MAGIC), b""
    while position < len(data):
        tag, length = data[position], struct.unpack(">I", data[position + 1 : position + 5])[0]
        position += 5
        if tag == _MESSAGES:
            messages = data[position : position + length]
        position += length
    found, current, index = [], {}, 0
    while index < len(messages):
        tag = messages[index]
        index += 1
        if tag == _END:
            if "source" in current:
                found.append((current.get("context", ""), current["source"], current.get("comment", "")))
            current = {}
            continue
        if tag == _OBSOLETE1:
            index += 4
            continue
        length = struct.unpack(">I", messages[index : index + 4])[0]
        index += 4
        if length == 0xFFFFFFFF:  # a null translation
            continue
        value = messages[index : index + length]
        index += length
        if tag == _SOURCE:
            current["source"] = value.decode("utf-8")
        elif tag == _CONTEXT:
            current["context"] = value.decode("utf-8")
        elif tag == _COMMENT:
            current["comment"] = value.decode("utf-8")
    return found


def qt_strings() -> dict[tuple[str, str, str], bool]:
    """Every (context, source, comment) of ``CONTEXTS`` found in Qt's installed translations, and
    whether it is a plural (numerus) message."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    strings: dict[tuple[str, str, str], bool] = {}
    for path in sorted(folder.glob("qtbase_*.qm")):
        for key in read_qm(path):
            if key[0] in CONTEXTS and not key[1].startswith(NEVER_SHOWN):
                strings.setdefault(key, "%n" in key[1])
    return strings


def existing(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    if not ts.is_file():
        return {}
    messages = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            messages[key] = message.find("translation")
    return messages


def write_ts(strings: dict[tuple[str, str, str], bool], known: dict[tuple[str, str, str], ET.Element]) -> int:
    root = ET.Element("TS", version="2.1", language="id_ID", sourcelanguage="en")
    unfinished = 0
    for name in sorted({key[0] for key in strings}):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for key in sorted(k for k in strings if k[0] == name):
            _, source, comment = key
            message = (
                ET.SubElement(context, "message", numerus="yes") if strings[key] else ET.SubElement(context, "message")
            )
            ET.SubElement(message, "source").text = source
            if comment:
                ET.SubElement(message, "comment").text = comment
            old = known.get(key)
            if old is not None and old.get("type") != "unfinished":
                message.append(old)
            else:
                translation = ET.SubElement(message, "translation", type="unfinished")
                if strings[key]:
                    ET.SubElement(translation, "numerusform")
                unfinished += 1
    ET.indent(root)
    TS.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n",
        encoding="utf-8",
    )
    return unfinished


def main() -> int:
    strings = qt_strings()
    unfinished = write_ts(strings, existing(TS))
    print(f"{TS.relative_to(ROOT)}: {len(strings)} strings, {unfinished} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())

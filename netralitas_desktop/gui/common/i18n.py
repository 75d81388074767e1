"""UI language: Bahasa Indonesia in the source, English from ``resources/translations``.

Source strings are Indonesian (``self.tr("Peserta")``), so Indonesian needs no file of ours;
English is ``netralitas_en.qm``, compiled from ``netralitas_en.ts`` by
``scripts/update_translations.sh``. The choice is read once at start-up: Qt widgets
translate their text when built, so a change applies after a restart.

Qt's own widgets (the file dialog, message box and dialog buttons, the context menu of a
text field, the colour and print dialogs, wizards) speak English unless a ``qtbase``
translation is installed. Qt ships none for Indonesian, so we ship ``qtbase_id.qm``
(``qtbase_id.ts``, see ``scripts/qtbase_strings.py``); for English Qt's own text is already
English. ``ui_language()`` is the language in force, for dates and numbers (``dates.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ...resources import resource_path
from .settings import LANGUAGE_KEY

DEFAULT_LANGUAGE = "id"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}

_installed: list[QTranslator] = []
_language = DEFAULT_LANGUAGE  # the language of the translators installed last


def current_language() -> str:
    """The saved choice (applies from the next start)."""
    value = str(QSettings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def ui_language() -> str:
    """The language the window speaks now (set by ``install_translations``)."""
    return _language


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(language)
    QSettings().setValue(LANGUAGE_KEY, language)


def translation_file(language: str):
    return resource_path("translations", f"netralitas_{language}.qm")


def qt_translation_file(language: str):
    """Our translation of Qt's own strings (Qt ships none for this language)."""
    return resource_path("translations", f"qtbase_{language}.qm")


def install_translations(app: QCoreApplication, language: str | None = None) -> bool:
    """Install the translators for ``language`` (default: the saved choice).

    Returns True when a translation of our own strings loaded (English); Indonesian is the
    source language and returns False, with Qt's own strings in Indonesian from
    ``qtbase_id.qm``. Replaces translators installed earlier, so tests may switch back and forth.
    """
    global _language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language or current_language()
    _language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Indonesian if language == "id" else QLocale.Language.English, QLocale.Country.Indonesia
        )
    )
    qt_own = QTranslator(app)  # Qt's own dialogs (file chooser, print dialog) in the same language
    if qt_own.load(str(qt_translation_file(language))) or qt_own.load(
        QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    if language == DEFAULT_LANGUAGE:
        return False
    ours = QTranslator(app)
    if not ours.load(str(translation_file(language))):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    return True

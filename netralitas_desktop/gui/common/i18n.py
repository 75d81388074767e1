"""UI language: Bahasa Indonesia in the source, English from ``resources/translations``.

Source strings are Indonesian (``self.tr("Peserta")``), so Indonesian needs no file;
English is ``netralitas_en.qm``, compiled from ``netralitas_en.ts`` by
``scripts/update_translations.sh``. The choice is read once at start-up: Qt widgets
translate their text when built, so a change applies after a restart.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ...resources import resource_path
from .settings import LANGUAGE_KEY

DEFAULT_LANGUAGE = "id"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}

_installed: list[QTranslator] = []


def current_language() -> str:
    value = str(QSettings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(language)
    QSettings().setValue(LANGUAGE_KEY, language)


def translation_file(language: str):
    return resource_path("translations", f"netralitas_{language}.qm")


def install_translations(app: QCoreApplication, language: str | None = None) -> bool:
    """Install the translators for ``language`` (default: the saved choice); True if one loaded.

    Replaces translators installed earlier, so tests may switch back and forth.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language or current_language()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Indonesian if language == "id" else QLocale.Language.English, QLocale.Country.Indonesia
        )
    )
    if language == DEFAULT_LANGUAGE:
        return False
    ours = QTranslator(app)
    if not ours.load(str(translation_file(language))):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator(app)  # Qt's own dialogs (file chooser, print dialog) in the same language
    if qt_own.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return True

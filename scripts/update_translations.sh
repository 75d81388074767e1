#!/usr/bin/env bash
# Collect the UI strings into resources/translations/netralitas_en.ts (keeping existing
# translations) and compile it to netralitas_en.qm. Run after changing UI text, then fill
# in the new <translation> entries (Qt Linguist: pyside6-linguist, or any text editor).
# No source line numbers in the .ts: editing code elsewhere does not churn it. Terms: GLOSSARY.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"
TS=resources/translations/netralitas_en.ts
"$BIN/pyside6-lupdate" -no-obsolete -locations none -source-language id_ID -target-language en_US \
    $(find netralitas_desktop/gui -name "*.py" | sort) -ts "$TS"
"$BIN/pyside6-lrelease" "$TS" -qm resources/translations/netralitas_en.qm
# Qt's own widgets in Indonesian (Qt ships no qtbase_id): strings from scripts/qtbase_strings.py.
"$BIN/pyside6-lrelease" resources/translations/qtbase_id.ts -qm resources/translations/qtbase_id.qm

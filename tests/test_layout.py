"""The package layout holds: core never imports Qt or the GUI, and a GUI feature package imports
only ``gui.common`` and ``core`` (``app``, ``main_window`` and ``event_page`` put features together)."""

from __future__ import annotations

from support.package_imports import PACKAGE, imported_modules

GUI = PACKAGE / "gui"


def test_core_imports_neither_qt_nor_the_gui():
    offenders = {
        str(path.relative_to(PACKAGE)): name
        for path in (PACKAGE / "core").rglob("*.py")
        for name in imported_modules(path)
        if name.startswith(("PySide6", "netralitas_desktop.gui"))
    }
    assert offenders == {}


def test_feature_packages_import_only_common_and_core():
    features = sorted(p.name for p in GUI.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    assert "common" in features and len(features) >= 10
    offenders = []
    for feature in features:
        allowed = {feature} if feature != "common" else {"common"}
        allowed.add("common")
        for path in (GUI / feature).rglob("*.py"):
            for name in imported_modules(path):
                if name.startswith("netralitas_desktop.gui."):
                    target = name.split(".")[2]
                    if target not in allowed and (GUI / target).is_dir():
                        offenders.append(f"{path.relative_to(GUI)} -> {name}")
    assert offenders == []


def test_only_a_handful_of_modules_at_the_top_of_gui():
    top = sorted(p.name for p in GUI.glob("*.py"))
    assert top == ["__init__.py", "app.py", "event_page.py", "main_window.py"]

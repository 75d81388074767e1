"""What the application's modules import and which resource files they read, from their source
(nothing is executed)."""

from __future__ import annotations

import ast
from pathlib import Path

import netralitas_desktop

PACKAGE = Path(netralitas_desktop.__file__).resolve().parent


def imported_modules(path: Path) -> list[str]:
    """Absolute names of every module ``path`` imports, anywhere in it (relative imports resolved)."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = parts[:-1]
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.append(module)
            names.extend(f"{module}.{alias.name}" for alias in node.names)
    return names


def top_level_imports(path: Path) -> set[str]:
    """The distributions ``path`` imports from: ``pypdf`` for ``from pypdf.generic import …``."""
    return {name.split(".")[0] for name in imported_modules(path)}


def modules_of_the_package() -> list[str]:
    """Dotted names of every module of the application, ``__main__`` (which runs the program) left out."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts[-1] != "__main__":
            names.append(".".join(parts))
    return names


def resources_read() -> dict[tuple[str | None, ...], list[str]]:
    """The arguments of every ``resource_path(…)`` call (None for a part computed at run time, such as
    a language code), with the modules that make it: what build.spec must ship under resources/."""
    found: dict[tuple[str | None, ...], list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "resource_path" and node.args:
                parts = tuple(arg.value if isinstance(arg, ast.Constant) else None for arg in node.args)
                found.setdefault(parts, []).append(path.relative_to(PACKAGE).as_posix())
    return found


__all__ = ["PACKAGE", "imported_modules", "modules_of_the_package", "resources_read", "top_level_imports"]

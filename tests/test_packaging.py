"""What the PyInstaller bundle needs, checked without building it (tests/test_bundle.py runs the bundle).

build.spec leaves pypdf out, so no module may import it, not even inside a function; every module
must import in an interpreter where pypdf is missing; and the resources the program reads must
be the ones build.spec ships.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib

from support.package_imports import PACKAGE, modules_of_the_package, resources_read, top_level_imports

ROOT = PACKAGE.parent
SPEC = ROOT / "build.spec"


def _requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[=<>~!\[; ]", requirement, maxsplit=1)[0].lower() for requirement in requirements}


def test_no_module_imports_pypdf_anywhere():
    users = sorted(
        path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py") if "pypdf" in top_level_imports(path)
    )
    assert users == []


def test_every_module_imports_with_pypdf_blocked():
    """Each module imported in a fresh interpreter whose ``import pypdf`` fails, as in the bundle."""
    modules = modules_of_the_package()
    script = """
import importlib, json, sys
sys.modules["pypdf"] = None  # any import of pypdf now raises ImportError
failed = {}
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
    except Exception as err:
        failed[name] = f"{type(err).__name__}: {err}"
print(json.dumps({"imported": sorted(n for n in sys.modules if n.startswith("netralitas_desktop")), "failed": failed}))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(modules)], capture_output=True, text=True, env=env, timeout=240
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["failed"] == {}
    assert set(modules) <= set(result["imported"])
    assert len(modules) > 200  # the whole package, not an empty walk


def test_pypdf_is_for_the_tests_only():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "pypdf" not in _requirement_names(project["dependencies"])
    assert "pypdf" in _requirement_names(project["optional-dependencies"]["test"])
    assert "pypdfium2" in _requirement_names(project["dependencies"])  # what the program reads PDFs with
    spec = SPEC.read_text(encoding="utf-8")
    excludes = re.search(r"^excludes = .*?\]\n", spec, re.S | re.M).group(0)
    assert '"pypdf"' in excludes


def test_build_spec_ships_every_resource_folder_the_program_reads():
    read = resources_read()
    folders = {parts[0] for parts in read}
    assert None not in folders, "resource_path's first argument (the folder) must be a literal"
    assert {"fonts", "templates", "translations", "verification-site", "icons"} <= folders
    shipped = re.search(r"for folder in \(([^)]*)\):", SPEC.read_text(encoding="utf-8")).group(1)
    assert folders - set(re.findall(r'"([^"]+)"', shipped)) == set()
    for parts in read:
        known = [part for part in parts if part is not None]
        assert (ROOT / "resources").joinpath(*(known if None not in parts else known[:1])).exists(), parts

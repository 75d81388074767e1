"""The frozen program: build the PyInstaller one-folder bundle and smoke-test it offscreen.

PyInstaller drops a module or a data file silently when no hook names it; only running the
frozen program finds that. The build reuses ``build/pyinstaller`` between runs (a rebuild
with few changes takes seconds); the bundle lands in ``build/dist/Netralitas``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "build" / "dist"
BUNDLE = DIST / "Netralitas"


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="module")
def bundle() -> Path:
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    if not pyinstaller.exists():
        if os.environ.get("CI"):
            pytest.fail("PyInstaller is missing: scripts/test.sh installs the [test] extras, which include it")
        pytest.skip("PyInstaller is not installed (pip install -e .[test])")
    subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            "--distpath",
            str(DIST),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=900,
    )
    size_mb = _folder_size(BUNDLE) / 1e6
    (ROOT / "build" / "bundle-size.txt").write_text(f"{size_mb:.0f} MB\n")
    print(f"\nbundle: {BUNDLE} {size_mb:.0f} MB")
    return BUNDLE


def _run(bundle: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(bundle / "netralitas-cli"), *args], capture_output=True, text=True, env=env, timeout=120)


def test_frozen_version(bundle):
    from netralitas_desktop import __version__

    done = _run(bundle, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Netralitas Desktop {__version__}"


def test_frozen_selftest(bundle):
    done = _run(bundle, "selftest", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout)
    assert result["ok"] and [s["step"] for s in result["steps"]] == [
        "buka basis data",
        "buat kegiatan dan peserta",
        "QR undangan",
        "check-in",
        "sertifikat dan verifikasi QR",
        "tanda tangan digital",
    ]


def test_frozen_bundle_carries_resources_and_leaves_out_unused_qt(bundle):
    internal = bundle / "_internal"
    assert (internal / "resources" / "fonts").is_dir()
    assert list((internal / "resources" / "fonts").glob("*.ttf"))
    assert not list(internal.rglob("*WebEngine*")) and not list(internal.rglob("libQt6Quick3D*"))

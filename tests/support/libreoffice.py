"""LibreOffice Calc reading a workbook the app wrote: every sheet to CSV (cells as shown), or a PDF as printed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

# Tokens: comma, double quote, UTF-8, from line 1, -, -, -, -, cells as shown, -, -, every sheet.
CSV_EVERY_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice(source: Path, tmp_path: Path, convert_to: str, out: Path) -> None:
    """Convert ``source`` with LibreOffice (its own throw-away profile) into the folder ``out``."""
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run(
        [
            soffice(),
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            convert_to,
            "--outdir",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr


def libreoffice_pdf(source: Path, tmp_path: Path) -> Path:
    """The workbook as LibreOffice prints it."""
    libreoffice(source, tmp_path, "pdf", tmp_path / "lo-pdf")
    return tmp_path / "lo-pdf" / f"{source.stem}.pdf"

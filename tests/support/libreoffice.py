"""LibreOffice Calc reading a workbook the app wrote: every sheet converted to CSV, cells as shown."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

# Tokens: comma, double quote, UTF-8, from line 1, -, -, -, -, cells as shown, -, -, every sheet.
CSV_EVERY_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_sheets_to_csv(source: Path, out: Path, profile: Path) -> subprocess.CompletedProcess:
    """``<stem>-<sheet>.csv`` per sheet of ``source`` into ``out``, with a fresh user profile."""
    return subprocess.run(
        [
            soffice(),
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            CSV_EVERY_SHEET,
            "--outdir",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )

"""``python -m netralitas_desktop`` and the PyInstaller entry point (hence the absolute import)."""

import multiprocessing
import os

from netralitas_desktop.cli import main
from netralitas_desktop.core.jobs import FREEZE_SUPPORT_ENV

if __name__ == "__main__":
    # A frozen program starts its worker processes (certificates use both cores) by running
    # itself again; freeze_support() turns such a start into the worker instead of the app.
    multiprocessing.freeze_support()
    os.environ[FREEZE_SUPPORT_ENV] = "1"  # read by core.certificates.bulk, imported only when needed
    raise SystemExit(main())

"""``python -m netralitas_desktop`` and the PyInstaller entry point (hence the absolute import)."""

from netralitas_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

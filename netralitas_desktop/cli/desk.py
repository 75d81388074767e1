"""``netralitas desk --event ID [--kiosk]``: the window, opened straight at one event's Meja Registrasi.

For a shortcut on the venue laptop's desktop: one double-click and the desk is ready to scan
(``--kiosk``: full screen). It opens the window, so it has no ``--json``; ``main`` hands it to
the GUI with ``args.desk_event`` and ``args.kiosk``.
"""

from __future__ import annotations

import argparse

from .common import positive_int

HELP = "buka jendela aplikasi langsung di Meja Registrasi sebuah kegiatan (untuk pintasan di desktop)"
EPILOG = (
    "Contoh pintasan: netralitas --db sqlite:///D:/acara/pilkada.db desk --event 3 --kiosk. "
    "Bila kegiatan itu tidak ada, daftar kegiatan dibuka dengan pesannya."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("desk", help=HELP, description=HELP, epilog=EPILOG)
    parser.add_argument(
        "--event", dest="desk_event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan"
    )
    parser.add_argument("--kiosk", action="store_true", help="langsung layar penuh (seperti F5)")
    parser.set_defaults(func=None)  # no command function: main() opens the window

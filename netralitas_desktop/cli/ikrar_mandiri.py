"""CLI: ikrar-mandiri forms and returns."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Adds no command yet."""

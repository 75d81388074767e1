"""Offline desks: event packages exported to desk laptops and their check-ins merged back.

Office PC: ``export_event_package`` → USB stick → desk laptop: ``import_package``, check in
with the normal desk (``core.checkin``), ``export_checkins`` → office: ``merge_checkins``,
then review the laptops' walk-ins (``pending_walk_ins``, ``approve_walk_ins``). Both ways
are signed and the keys confirmed by fingerprint (``keys``). The jobs below run each step
off the GUI thread with progress and cancel.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .models import ImportedEvent

# Public names and the submodule each lives in. They load on first use (PEP 562), so that
# check-in — which needs only ``models`` to accept an office's codes — and the program's start
# do not pull in the package writer and the document layer behind it.
_LAZY = {
    "ExportResult": "export",
    "default_filename": "export",
    "export_checkins": "export",
    "export_event_package": "export",
    "ImportResult": "importer",
    "import_package": "importer",
    "Conflict": "merge_report",
    "MergeReport": "merge_report",
    "merge_checkins": "merge",
    "KeyMismatchError": "keys",
    "KeyNotConfirmedError": "keys",
    "office_fingerprint": "keys",
    "desk_fingerprint": "keys",
    "desk_fingerprint_of_event": "keys",
    "WalkIn": "walk_ins",
    "approve_walk_ins": "walk_ins",
    "reject_walk_ins": "walk_ins",
    "pending_walk_ins": "walk_ins",
    "FILE_EXTENSION": "package_file",
    "KIND_CHECKINS": "package_file",
    "KIND_EVENT": "package_file",
    "PackageError": "package_file",
    "database_id": "package_file",
    "read_package": "package_file",
    "ExportEventJob": "jobs",
    "ExportCheckinsJob": "jobs",
    "ImportPackageJob": "jobs",
    "MergeJob": "jobs",
}


_RENAMED = {"approve_walk_ins": "approve", "reject_walk_ins": "reject"}

if TYPE_CHECKING:  # the same names for type checkers; at run time they load on first use
    from .export import ExportResult, default_filename, export_checkins, export_event_package
    from .importer import ImportResult, import_package
    from .jobs import ExportCheckinsJob, ExportEventJob, ImportPackageJob, MergeJob
    from .keys import (
        KeyMismatchError,
        KeyNotConfirmedError,
        desk_fingerprint,
        desk_fingerprint_of_event,
        office_fingerprint,
    )
    from .merge import merge_checkins
    from .merge_report import Conflict, MergeReport
    from .package_file import FILE_EXTENSION, KIND_CHECKINS, KIND_EVENT, PackageError, database_id, read_package
    from .walk_ins import WalkIn, pending_walk_ins
    from .walk_ins import approve as approve_walk_ins
    from .walk_ins import reject as reject_walk_ins


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), _RENAMED.get(name, name))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def imported_event_ids() -> set[int]:
    """Events on this computer that came from an office package (a desk laptop's events)."""
    return {event_id for (event_id,) in ImportedEvent.select(ImportedEvent.event).tuples()}


__all__ = [
    "FILE_EXTENSION",
    "KIND_CHECKINS",
    "KIND_EVENT",
    "Conflict",
    "ExportCheckinsJob",
    "ExportEventJob",
    "ExportResult",
    "ImportPackageJob",
    "ImportResult",
    "KeyMismatchError",
    "KeyNotConfirmedError",
    "MergeJob",
    "MergeReport",
    "PackageError",
    "WalkIn",
    "approve_walk_ins",
    "database_id",
    "default_filename",
    "desk_fingerprint",
    "desk_fingerprint_of_event",
    "export_checkins",
    "export_event_package",
    "import_package",
    "imported_event_ids",
    "merge_checkins",
    "office_fingerprint",
    "pending_walk_ins",
    "read_package",
    "reject_walk_ins",
]

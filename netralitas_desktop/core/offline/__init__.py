"""Offline desks: event packages exported to desk laptops and their check-ins merged back.

Office PC: ``export_event_package`` → USB stick → desk laptop: ``import_package``, check in
with the normal desk (``core.checkin``), ``export_checkins`` → office: ``merge_checkins``.
The jobs below run each step off the GUI thread with progress and cancel.
"""

from __future__ import annotations

from pathlib import Path

from .. import audit
from ..jobs import Job
from .export import ExportResult, default_filename, export_checkins, export_event_package
from .importer import ImportResult, import_package
from .merge import Conflict, MergeReport, merge_checkins
from .models import ImportedEvent
from .package_file import FILE_EXTENSION, KIND_CHECKINS, KIND_EVENT, PackageError, database_id, read_package


def imported_event_ids() -> set[int]:
    """Events on this computer that came from an office package (a desk laptop's events)."""
    return {event_id for (event_id,) in ImportedEvent.select(ImportedEvent.event).tuples()}


class ExportEventJob(Job[ExportResult]):
    title = "Membuat paket kegiatan"

    def __init__(self, event_id: int, target: str | Path, actor: audit.Actor | None = None) -> None:
        super().__init__()
        self.event_id, self.target, self.actor = event_id, target, actor

    def run(self) -> ExportResult:
        return export_event_package(self.event_id, self.target, actor=self.actor, progress=self)


class ExportCheckinsJob(ExportEventJob):
    title = "Membuat berkas kehadiran"

    def run(self) -> ExportResult:
        return export_checkins(self.event_id, self.target, actor=self.actor, progress=self)


class ImportPackageJob(Job[ImportResult]):
    title = "Mengimpor paket kegiatan"

    def __init__(self, source: str | Path, actor: audit.Actor | None = None) -> None:
        super().__init__()
        self.source, self.actor = source, actor

    def run(self) -> ImportResult:
        return import_package(self.source, actor=self.actor, progress=self)


class MergeJob(ImportPackageJob):
    title = "Menggabungkan kehadiran"

    def run(self) -> MergeReport:  # type: ignore[override]
        return merge_checkins(self.source, actor=self.actor, progress=self)


__all__ = [
    "ExportResult", "ImportResult", "MergeReport", "Conflict", "PackageError", "export_event_package",
    "export_checkins", "import_package", "merge_checkins", "read_package", "database_id", "default_filename",
    "ExportEventJob", "ExportCheckinsJob", "ImportPackageJob", "MergeJob", "FILE_EXTENSION", "KIND_EVENT",
    "KIND_CHECKINS", "imported_event_ids",
]

"""Jobs that run each offline-package step off the GUI thread with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .. import audit
from ..jobs import Job
from .export import ExportResult, export_checkins, export_event_package
from .importer import ImportResult, import_package
from .keys import KeyNotConfirmedError
from .merge import merge_checkins
from .merge_report import MergeReport

T = TypeVar("T")
R = TypeVar("R")


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


class _KeyAskingJob(Job[T]):
    """``confirmed``: the other computer's key fingerprint the person compared (first file only).

    With ``ask`` a key seen for the first time is a question, not a failure: the job returns the
    ``KeyNotConfirmedError`` (carrying the fingerprint to show), and nothing has changed.
    """

    def __init__(
        self, source: str | Path, actor: audit.Actor | None = None, confirmed: str | None = None, *, ask: bool = False
    ) -> None:
        super().__init__()
        self.source, self.actor, self.confirmed, self.ask = source, actor, confirmed, ask

    def _asking(self, step: Callable[[], R]) -> R | KeyNotConfirmedError:
        try:
            return step()
        except KeyNotConfirmedError as question:
            if not self.ask:
                raise
            return question


class ImportPackageJob(_KeyAskingJob[ImportResult | KeyNotConfirmedError]):
    title = "Mengimpor paket kegiatan"

    def run(self) -> ImportResult | KeyNotConfirmedError:
        return self._asking(
            lambda: import_package(self.source, actor=self.actor, progress=self, office_key=self.confirmed)
        )


class MergeJob(_KeyAskingJob[MergeReport | KeyNotConfirmedError]):
    title = "Menggabungkan kehadiran"

    def run(self) -> MergeReport | KeyNotConfirmedError:
        return self._asking(
            lambda: merge_checkins(self.source, actor=self.actor, progress=self, desk_key=self.confirmed)
        )

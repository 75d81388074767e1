"""Daftar hadir: the attendance list, signed on paper or already signed at the check-in desk.

The layout (heading on every page, alternating signing space, grouping by unit, page x
of y) is ``signing_list``'s; this module names the document and writes it as a job.
"""

from __future__ import annotations

import io
from pathlib import Path

from .. import audit
from ..documents import atomic_output
from ..jobs import Job, Progress
from .document_common import DocumentResult, record_export
from .signing_list import ListOptions, load_signing_list, render_signing_list

TITLE = "DAFTAR HADIR"
FOOTER_NAME = "Daftar Hadir"
AttendanceOptions = ListOptions


def write_attendance_list(
    event_id: int,
    target: str | Path,
    options: ListOptions | None = None,
    *,
    progress: Progress | None = None,
    actor: audit.Actor | None = None,
) -> DocumentResult:
    """Write the whole list to ``target`` (replaced only when complete) and record the export."""
    spec, _ = load_signing_list(event_id, options or ListOptions(), title=TITLE, footer_name=FOOTER_NAME)
    with atomic_output(target) as temp:
        pages = render_signing_list(temp, spec, progress=progress)
    result = DocumentResult("attendance_list", len(spec.rows), pages, str(target), "pdf")
    record_export(result, event_id=event_id, actor=actor)
    return result


def preview_attendance_list(event_id: int, options: ListOptions | None = None) -> bytes:
    """The first page as PDF bytes, for the Dokumen tab's preview (no file, no audit entry)."""
    spec, _ = load_signing_list(event_id, options or ListOptions(), title=TITLE, footer_name=FOOTER_NAME)
    buffer = io.BytesIO()
    render_signing_list(buffer, spec, max_pages=1)
    return buffer.getvalue()


class AttendanceListJob(Job[DocumentResult]):
    title = "Membuat daftar hadir"

    def __init__(
        self, event_id: int, path: str | Path, options: ListOptions | None = None, *, actor: audit.Actor | None = None
    ) -> None:
        super().__init__()
        self.event_id, self.path, self.options, self.actor = event_id, Path(path), options, actor

    def run(self) -> DocumentResult:
        return write_attendance_list(self.event_id, self.path, self.options, progress=self, actor=self.actor)


__all__ = ["TITLE", "AttendanceListJob", "AttendanceOptions", "preview_attendance_list", "write_attendance_list"]

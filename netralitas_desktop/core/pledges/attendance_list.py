"""Daftar hadir in two kinds: *untuk ditandatangani* (blank signing space, printed before or at
the event) and *rekap kehadiran* (after it: Keterangan per person and the signatures captured
at the desk).

The list is ``signing_list``'s and its pages ``list_pages``'; this module names the document and
writes it as a job.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from .. import audit
from ..documents import atomic_output
from ..jobs import Job, Progress
from .document_common import DocumentResult, record_export
from .list_pages import render_signing_list
from .signing_list import ListKind, ListOptions, SigningList, load_signing_list

TITLES = {ListKind.SIGNING: "DAFTAR HADIR", ListKind.RECAP: "DAFTAR HADIR\nREKAP KEHADIRAN PESERTA"}
FOOTER_NAMES = {ListKind.SIGNING: "Daftar Hadir", ListKind.RECAP: "Rekap Kehadiran"}
DOCUMENTS = {ListKind.SIGNING: "attendance_list", ListKind.RECAP: "attendance_recap"}
TITLE = TITLES[ListKind.SIGNING]
FOOTER_NAME = FOOTER_NAMES[ListKind.SIGNING]
AttendanceOptions = ListOptions


def load_attendance_list(event_id: int, options: ListOptions | None = None) -> SigningList:
    """The list of ``options.kind``; the signing kind leaves every signing space blank."""
    options = options or ListOptions()
    if options.kind is ListKind.SIGNING:
        options = replace(options, signatures=False)
    spec, _ = load_signing_list(event_id, options, title=TITLES[options.kind], footer_name=FOOTER_NAMES[options.kind])
    return spec


def write_attendance_list(
    event_id: int,
    target: str | Path,
    options: ListOptions | None = None,
    *,
    progress: Progress | None = None,
    actor: audit.Actor | None = None,
) -> DocumentResult:
    """Write the whole list to ``target`` (replaced only when complete) and record the export."""
    spec = load_attendance_list(event_id, options)
    with atomic_output(target) as temp:
        pages = render_signing_list(temp, spec, progress=progress)
    result = DocumentResult(DOCUMENTS[spec.options.kind], len(spec.rows), pages, str(target), "pdf")
    record_export(result, event_id=event_id, actor=actor)
    return result


def preview_attendance_list(event_id: int, options: ListOptions | None = None) -> bytes:
    """The first page as PDF bytes, for the Dokumen tab's preview (no file, no audit entry)."""
    buffer = io.BytesIO()
    render_signing_list(buffer, load_attendance_list(event_id, options), max_pages=1)
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


__all__ = [
    "FOOTER_NAMES",
    "TITLE",
    "TITLES",
    "AttendanceListJob",
    "AttendanceOptions",
    "ListKind",
    "load_attendance_list",
    "preview_attendance_list",
    "write_attendance_list",
]

"""Signed pledge forms as files: one PDF for everyone who signed, or one PDF per person.

Only registrations with a signature captured at the desk get a form here (the unsigned
get ikrar mandiri forms instead). Per-person files go into a folder, or a ZIP when the
target ends in ``.zip``, named ``NIP_Nama.pdf`` and safe on Windows. Signatures are
read a batch at a time, so 2,000 forms do not hold 2,000 images in memory.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .. import audit
from ..documents import DocumentError, PageSpec, Paper, PdfTarget, UniqueNames, atomic_output, new_canvas, safe_filename
from ..jobs import Job, Progress
from ..participants import ParticipantRow
from ..signatures import signed_registration_ids
from .document_common import DocumentResult, NothingToPrint, listed_rows, record_export, save_canvas, signatures_of
from .pledge_forms import PledgeContext, draw_pledge_form, form_page, load_pledge_context, pledge_form

BATCH = 100
NOBODY_SIGNED = (
    "Belum ada peserta yang menandatangani di meja registrasi, jadi belum ada pakta integritas "
    "bertanda tangan. Untuk peserta yang belum tanda tangan, buat formulir ikrar mandiri."
)


@dataclass(frozen=True)
class PledgeOptions:
    paper: Paper | None = None  # None: the event's paper setting
    per_person: bool = False  # one PDF per person (a folder, or a .zip target)
    meterai: bool | None = None  # None: the event's setting


def signed_rows(event_id: int) -> list[ParticipantRow]:
    signed = signed_registration_ids(event_id)
    return [row for row in listed_rows(event_id) if row.registration_id in signed]


def _context(event_id: int, options: PledgeOptions) -> PledgeContext:
    context = load_pledge_context(event_id)
    if options.meterai is not None:
        context = replace(context, settings=context.settings.with_changes(meterai=options.meterai))
    return context


def file_stem(row: ParticipantRow) -> str:
    digits = row.nip or row.nik
    return f"{digits}_{row.nama}" if digits else row.nama


def _batches(rows: list[ParticipantRow]) -> Iterator[tuple[ParticipantRow, bytes | None]]:
    """(row, signature PNG) pairs, the signatures loaded ``BATCH`` at a time."""
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        pngs = signatures_of(row.registration_id for row in chunk)
        for row in chunk:
            yield row, pngs.get(row.registration_id)


def write_pledge_forms(
    event_id: int,
    target: str | Path,
    options: PledgeOptions | None = None,
    *,
    progress: Progress | None = None,
    actor: audit.Actor | None = None,
) -> DocumentResult:
    """Write the forms of everyone who signed; returns what was written and records the export."""
    options = options or PledgeOptions()
    progress = progress or Progress()
    rows = signed_rows(event_id)
    if not rows:
        raise NothingToPrint(NOBODY_SIGNED)
    context = _context(event_id, options)
    page = form_page(options.paper or context.settings.paper)
    target = Path(target)
    title = f"{context.settings.pledge_title.splitlines()[0]} \u2013 {context.event.title}"
    total = len(rows)
    if not options.per_person:
        with atomic_output(target) as temp:
            canvas = new_canvas(
                temp,
                page,
                title=title,
                subject="Pakta integritas bertanda tangan",
                author=context.event.organizer or context.event.instansi,
            )
            for index, (row, png) in enumerate(_batches(rows)):
                progress.check_cancelled()
                draw_pledge_form(canvas, page, pledge_form(context, row, signature_png=png))
                canvas.showPage()
                progress.report(index + 1, total, f"Pakta integritas {index + 1} dari {total}")
            save_canvas(canvas, "pakta integritas")
        result = DocumentResult("pledge_forms", total, total, str(target), "pdf")
    else:
        kind = _write_per_person(context, page, rows, target, title, progress)
        result = DocumentResult("pledge_forms", total, total, str(target), kind, files=total)
    record_export(result, event_id=event_id, actor=actor)
    return result


def _one_pdf(
    context: PledgeContext, page: PageSpec, row: ParticipantRow, png: bytes | None, title: str, out: PdfTarget
) -> None:
    canvas = new_canvas(
        out,
        page,
        title=f"{title} \u2013 {row.full_name}",
        subject="Pakta integritas bertanda tangan",
        author=context.event.organizer or context.event.instansi,
    )
    draw_pledge_form(canvas, page, pledge_form(context, row, signature_png=png))
    canvas.showPage()
    save_canvas(canvas, "pakta integritas")


def _write_per_person(
    context: PledgeContext, page: PageSpec, rows: list[ParticipantRow], target: Path, title: str, progress: Progress
) -> str:
    names = UniqueNames()
    total = len(rows)
    if target.suffix.lower() == ".zip":
        with atomic_output(target) as temp, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
            for index, (row, png) in enumerate(_batches(rows)):
                progress.check_cancelled()
                buffer = io.BytesIO()
                _one_pdf(context, page, row, png, title, buffer)
                archive.writestr(names.take(safe_filename(file_stem(row), "pdf")), buffer.getvalue())
                progress.report(index + 1, total, f"Pakta integritas {index + 1} dari {total}")
        return "zip"
    if target.suffix.lower() == ".pdf":
        raise DocumentError("Untuk satu berkas per peserta, pilih sebuah folder (atau berkas .zip), bukan berkas .pdf.")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DocumentError(f"Folder {target} tidak bisa dibuat: {err.strerror or err}.") from err
    for index, (row, png) in enumerate(_batches(rows)):
        progress.check_cancelled()
        with atomic_output(target / names.take(safe_filename(file_stem(row), "pdf"))) as temp:
            _one_pdf(context, page, row, png, title, temp)
        progress.report(index + 1, total, f"Pakta integritas {index + 1} dari {total}")
    return "folder"


def preview_pledge_form(event_id: int, options: PledgeOptions | None = None) -> bytes:
    """The first signed person's form as PDF bytes; before anyone signed, the first participant's, unsigned."""
    options = options or PledgeOptions()
    rows = signed_rows(event_id) or listed_rows(event_id)
    if not rows:
        raise NothingToPrint("Kegiatan ini belum memiliki peserta; tambahkan atau impor peserta dahulu.")
    context = _context(event_id, options)
    page = form_page(options.paper or context.settings.paper)
    buffer = io.BytesIO()
    png = signatures_of([rows[0].registration_id]).get(rows[0].registration_id)
    _one_pdf(context, page, rows[0], png, "Pratinjau", buffer)
    return buffer.getvalue()


class PledgeFormsJob(Job[DocumentResult]):
    title = "Membuat pakta integritas bertanda tangan"

    def __init__(
        self, event_id: int, path: str | Path, options: PledgeOptions | None = None, *, actor: audit.Actor | None = None
    ) -> None:
        super().__init__()
        self.event_id, self.path, self.options, self.actor = event_id, Path(path), options, actor

    def run(self) -> DocumentResult:
        return write_pledge_forms(self.event_id, self.path, self.options, progress=self, actor=self.actor)


__all__ = [
    "NOBODY_SIGNED",
    "PledgeFormsJob",
    "PledgeOptions",
    "file_stem",
    "preview_pledge_form",
    "signed_rows",
    "write_pledge_forms",
]

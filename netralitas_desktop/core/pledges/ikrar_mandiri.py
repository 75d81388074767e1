"""Ikrar mandiri forms: one pre-filled pledge form per person who still owes one, in one PDF.

Who gets a form (``Audience``): those absent who have not returned one (the default), those who
attended but signed no pledge (``PledgeStatus.PRESENT_UNSIGNED``), or both.

Each page is the event's pledge form (``pledge_forms.draw_pledge_form``: same text, fields
and kop as the forms signed at the desk) with a signed ``NTM1`` QR code at its foot, so the
returned paper is received by one scan (``returns.receive_by_code``). The date of the
place-date line is left blank: the person signs on the day they sign, not on the event's.
Pages run by unit kerja then name (``document_common.listed_rows``), so the stack can be
sent out per office.
"""

from __future__ import annotations

import enum
import io
from pathlib import Path

from .. import audit
from ..documents import Paper, PdfTarget, atomic_output, new_canvas
from ..jobs import Job, Progress
from ..participants import ParticipantRow
from . import mandiri_code
from .document_common import DocumentResult, NothingToPrint, listed_rows, record_export, save_canvas
from .pledge_forms import PledgeContext, PledgeForm, draw_pledge_form, form_page, load_pledge_context, pledge_form
from .returns import owed_rows, unsigned_present_rows

DOCUMENT = "ikrar_mandiri"
BLANK_DATE = "." * 32
NOBODY_OWES = (
    "Tidak ada peserta yang wajib ikrar mandiri: semua peserta hadir, sudah menandatangani, "
    "atau formulirnya sudah kembali."
)
NOBODY_UNSIGNED = (
    "Tidak ada peserta hadir yang belum menandatangani ikrar: semua yang hadir sudah tanda tangan "
    "di meja registrasi atau formulirnya sudah kembali."
)


class Audience(enum.StrEnum):
    """Whose forms to print."""

    ABSENT = "tidak-hadir"  # absent, no form back yet (they owe one)
    PRESENT_UNSIGNED = "hadir-belum-ttd"  # attended, but signed no pledge
    BOTH = "semua"

    @property
    def label(self) -> str:
        return {
            Audience.ABSENT: "peserta tidak hadir yang belum mengembalikan",
            Audience.PRESENT_UNSIGNED: "peserta hadir yang belum menandatangani ikrar",
            Audience.BOTH: "keduanya",
        }[self]


def caption(organizer: str) -> str:
    """The words beside the QR code: what to do with the form."""
    to = organizer.strip() or "panitia"
    return f"IKRAR MANDIRI. Setelah ditandatangani, serahkan formulir ini kepada {to}."


def code_line(code: str) -> str:
    """The code under the caption, whole and grouped, to type when the QR will not scan."""
    return f"Kode formulir: {mandiri_code.grouped(code)}"


def blank_place_date(place: str) -> str:
    """``Purworejo, ................................``: the signer writes the date."""
    return f"{place.strip()}, {BLANK_DATE}" if place and place.strip() else BLANK_DATE


def owed_participants(event_id: int, audience: Audience = Audience.ABSENT) -> list[ParticipantRow]:
    """Who gets a form (``returns.owed_rows`` / ``unsigned_present_rows``), as roster rows in print order."""
    wanted: set[int] = set()
    if audience in (Audience.ABSENT, Audience.BOTH):
        wanted |= {row.registration_id for row in owed_rows(event_id)}
    if audience in (Audience.PRESENT_UNSIGNED, Audience.BOTH):
        wanted |= {row.registration_id for row in unsigned_present_rows(event_id)}
    return [row for row in listed_rows(event_id) if row.registration_id in wanted]


def mandiri_form(context: PledgeContext, row: ParticipantRow) -> PledgeForm:
    assert context.event.id is not None, "a stored event"
    code = mandiri_code.encode(context.event.id, row.registration_id)
    organizer = context.event.organizer or context.event.instansi
    return pledge_form(
        context,
        row,
        qr_text=code,
        qr_caption=caption(organizer),
        qr_code_line=code_line(code),
        place_date=blank_place_date(context.event.place_name),
    )


def _draw(context: PledgeContext, rows: list[ParticipantRow], out: PdfTarget, paper: Paper, progress: Progress) -> None:
    page = form_page(paper)
    event = context.event
    canvas = new_canvas(
        out,
        page,
        title=f"Ikrar Mandiri \u2013 {event.title}",
        subject="Formulir ikrar mandiri dengan kode QR",
        author=event.organizer or event.instansi,
    )
    for index, row in enumerate(rows):
        progress.check_cancelled()
        draw_pledge_form(canvas, page, mandiri_form(context, row))
        canvas.showPage()
        progress.report(index + 1, len(rows), f"Formulir {index + 1} dari {len(rows)}")
    save_canvas(canvas, "formulir ikrar mandiri")


def write_ikrar_mandiri(
    event_id: int,
    target: str | Path,
    *,
    paper: Paper | None = None,
    audience: Audience = Audience.ABSENT,
    progress: Progress | None = None,
    actor: audit.Actor | None = None,
) -> DocumentResult:
    """The forms of ``audience`` into ``target`` (replaced only when complete); records the export."""
    progress = progress or Progress()
    progress.report(0, 0, "Menyiapkan formulir…")
    context = load_pledge_context(event_id)
    rows = owed_participants(event_id, audience)
    if not rows:
        raise NothingToPrint(NOBODY_UNSIGNED if audience is Audience.PRESENT_UNSIGNED else NOBODY_OWES)
    with atomic_output(target) as temp:
        _draw(context, rows, temp, paper or context.settings.paper, progress)
    result = DocumentResult(DOCUMENT, len(rows), len(rows), str(target), "pdf")
    record_export(result, event_id=event_id, actor=actor)
    return result


def preview_ikrar_mandiri(event_id: int, paper: Paper | None = None, audience: Audience = Audience.ABSENT) -> bytes:
    """The first form as PDF bytes; when nobody owes one, the first participant's, as a sample."""
    rows = owed_participants(event_id, audience) or listed_rows(event_id)
    if not rows:
        raise NothingToPrint("Kegiatan ini belum memiliki peserta; tambahkan atau impor peserta dahulu.")
    context = load_pledge_context(event_id)
    buffer = io.BytesIO()
    _draw(context, rows[:1], buffer, paper or context.settings.paper, Progress())
    return buffer.getvalue()


class IkrarMandiriFormsJob(Job[DocumentResult]):
    title = "Membuat formulir ikrar mandiri (PDF)"

    def __init__(
        self,
        event_id: int,
        path: str | Path,
        paper: Paper | None = None,
        *,
        audience: Audience = Audience.ABSENT,
        actor: audit.Actor | None = None,
    ) -> None:
        super().__init__()
        self.event_id, self.path, self.paper, self.actor = event_id, Path(path), paper, actor
        self.audience = audience

    def run(self) -> DocumentResult:
        return write_ikrar_mandiri(
            self.event_id, self.path, paper=self.paper, audience=self.audience, progress=self, actor=self.actor
        )


__all__ = [
    "DOCUMENT",
    "NOBODY_OWES",
    "NOBODY_UNSIGNED",
    "Audience",
    "IkrarMandiriFormsJob",
    "blank_place_date",
    "caption",
    "code_line",
    "mandiri_form",
    "owed_participants",
    "preview_ikrar_mandiri",
    "write_ikrar_mandiri",
]

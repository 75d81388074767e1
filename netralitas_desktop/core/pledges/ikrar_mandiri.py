"""Ikrar mandiri forms: one pre-filled pledge form per person who still owes one, in one PDF.

Each page is the event's pledge form (``pledge_forms.draw_pledge_form``: same text, fields
and kop as the forms signed at the desk) with a signed ``NTM1`` QR code at its foot, so the
returned paper is received by one scan (``returns.receive_by_code``). The date of the
place-date line is left blank: the person signs on the day they sign, not on the event's.
Pages run by unit kerja then name, so the stack can be sent out per office.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import audit
from ..documents import DocumentError, Paper, atomic_output, new_canvas
from ..jobs import Job, Progress
from ..participants import ParticipantRow, list_participants
from . import mandiri_code
from .pledge_forms import PledgeContext, PledgeForm, draw_pledge_form, form_page, load_pledge_context, pledge_form
from .returns import owed_rows

BLANK_DATE = "." * 32


class IkrarMandiriError(ValueError):
    """Nothing to make (nobody owes a form); the message is for the user."""


@dataclass(frozen=True)
class IkrarMandiriResult:
    count: int
    path: str

    def to_dict(self) -> dict:
        return {"ok": True, "count": self.count, "pages": self.count, "path": self.path}


def caption(code: str, organizer: str) -> str:
    """The words beside the QR code: what to do with the form, and the code to type if it will not scan."""
    to = organizer.strip() or "panitia"
    return f"IKRAR MANDIRI. Setelah ditandatangani, serahkan formulir ini kepada {to}. Kode: {code}"


def blank_place_date(place: str) -> str:
    """``Purworejo, ................................``: the signer writes the date."""
    return f"{place.strip()}, {BLANK_DATE}" if place and place.strip() else BLANK_DATE


def load_forms(event_id: int, context: PledgeContext | None = None) -> list[PledgeForm]:
    """The forms of everyone who owes one, in print order; raises ``IkrarMandiriError`` when nobody does."""
    context = context or load_pledge_context(event_id)
    owed = owed_rows(event_id)
    if not owed:
        raise IkrarMandiriError(
            "Tidak ada peserta yang wajib ikrar mandiri: semua peserta hadir, sudah menandatangani, "
            "atau formulirnya sudah kembali.")
    by_id: dict[int, ParticipantRow] = {row.registration_id: row for row in list_participants(event_id)}
    return [_form(context, by_id[row.registration_id]) for row in owed if row.registration_id in by_id]


def _form(context: PledgeContext, row: ParticipantRow) -> PledgeForm:
    code = mandiri_code.encode(context.event.id, row.registration_id)
    organizer = context.event.organizer or context.event.instansi
    return pledge_form(context, row, qr_text=code, qr_caption=caption(code, organizer),
                       place_date=blank_place_date(context.event.place_name))


def write_forms_pdf(forms: list[PledgeForm], target: str | Path, *, paper: Paper = Paper.A4,
                    progress: Progress | None = None) -> None:
    """One page per form into ``target``, replaced only when complete."""
    progress = progress or Progress()
    page = form_page(paper)
    event = forms[0].event
    with atomic_output(target) as temp:
        canvas = new_canvas(temp, page, title=f"Ikrar Mandiri \u2013 {event.title}",
                            subject="Formulir ikrar mandiri dengan kode QR", author=event.organizer or event.instansi)
        for index, form in enumerate(forms):
            progress.check_cancelled()
            draw_pledge_form(canvas, page, form)
            canvas.showPage()
            progress.report(index + 1, len(forms), f"Formulir {index + 1} dari {len(forms)}")
        try:
            canvas.save()
        except OSError as err:
            raise DocumentError(f"Berkas formulir tidak bisa disimpan: {err.strerror or err}.") from err


class IkrarMandiriFormsJob(Job[IkrarMandiriResult]):
    title = "Membuat formulir ikrar mandiri (PDF)"

    def __init__(self, event_id: int, path: str | Path, paper: Paper | None = None,
                 actor: audit.Actor | None = None) -> None:
        super().__init__()
        self.event_id, self.path, self.paper, self.actor = event_id, Path(path), paper, actor

    def run(self) -> IkrarMandiriResult:
        self.report(0, 0, "Menyiapkan formulir…")
        context = load_pledge_context(self.event_id)
        forms = load_forms(self.event_id, context)
        paper = self.paper or context.settings.paper
        write_forms_pdf(forms, self.path, paper=paper, progress=self)
        audit.record("export", actor=self.actor, event_id=self.event_id, document="ikrar_mandiri",
                     count=len(forms), paper=paper.label)
        return IkrarMandiriResult(len(forms), str(self.path))


__all__ = [
    "IkrarMandiriFormsJob", "IkrarMandiriResult", "IkrarMandiriError", "load_forms", "write_forms_pdf", "caption",
    "blank_place_date",
]

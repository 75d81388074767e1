"""QR invitations: printable cards (PDF, A4/F4, 2 × 4 per page) and one PNG per person.

Each card carries the event, the invitee's name with titles, NIP (or the NIK, masked unless the
event shows NIKs in full: a card passes through other hands), unit kerja and a signed QR code
(``qr_payload``, which holds ids only, no personal data) that the check-in desk scans. The text
beside the code keeps out of its quiet zone (4 modules), however long a name is; the event's
lines are at least 8 pt and the venue never smaller than the date (small labels such as
"Kepada Yth." stay at 7 pt). Cards are sorted by unit then
name, so the printed stack can be handed out per office. The PNGs are for WhatsApp. Every
written run leaves an ``export`` entry in the audit trail (counts only, ``audit.record_export``).

A run is for everyone, for chosen registrations, for one unit, and/or only for those whose
invitation has not gone out yet; a finished run marks its people sent (``invitation_delivery``
has the rule), unless told not to (a proof print).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypedDict, Unpack

from . import audit, qr_payload
from .dates import clock_time, day_and_date
from .documents import (
    MIN_TEXT_SIZE,
    SANS,
    CardGrid,
    DocumentError,
    FittedText,
    Margins,
    PageSpec,
    Paper,
    UniqueNames,
    atomic_output,
    draw_cut_marks,
    draw_fitted,
    draw_qr,
    fit_pdf_text,
    mm,
    new_canvas,
    qr_image,
    qr_matrix,
    safe_filename,
)
from .documents.fit import LEADING, FontSizes
from .documents.page import Rect
from .documents.raster import draw_image_text, draw_image_text_box, fit_image_text
from .documents.table import draw_page_footer
from .errors import UserError
from .event_settings import nik_masked
from .events import EventData, get_event
from .invitation_delivery import deliveries, record_deliveries
from .jobs import Job, Progress
from .models import Registration
from .names import fold, name_key
from .nip import format_nip, mask_nik
from .participants import ParticipantRow, list_participants

if TYPE_CHECKING:
    from PIL import Image
    from reportlab.pdfgen.canvas import Canvas

INSTRUCTION = "Tunjukkan kode QR ini di meja registrasi."
ACCENT = (0.11, 0.24, 0.42)  # dark blue: prints well in colour and in grey
GRID_COLUMNS, GRID_ROWS = 2, 4
# A sheet of cards is cut apart, not filed: it keeps narrow margins for large cards, and the page
# footer sits in a wider bottom margin, clear of what a printer cannot reach (documents.page).
CARD_MARGINS = Margins(top=10, right=10, bottom=18, left=10)
LABEL_SIZE = 7.0  # "UNDANGAN", "Kepada Yth." and the instruction: labels, not text to read


class InvitationError(UserError, ValueError):
    """Nothing to make (no participants, unknown unit); the message is for the user."""


@dataclass(frozen=True)
class Invitation:
    registration_id: int
    name: str  # with titles, as printed
    nama: str  # without titles, for file names
    id_label: str  # "NIP", "NI PPPK", "NIK" or ""
    id_digits: str
    unit_kerja: str
    payload: str
    mask_nik: bool = True

    @property
    def id_text(self) -> str:
        """``NIP 19860926 201505 1 001`` or ``NIK 3306**********01`` (the full NIK when not masked)."""
        if not self.id_digits:
            return ""
        if self.id_label == "NIK":
            return f"NIK {mask_nik(self.id_digits) if self.mask_nik else self.id_digits}"
        return f"{self.id_label} {format_nip(self.id_digits)}"

    @property
    def file_stem(self) -> str:
        """``NIP_Nama``; a masked NIK stays out of the file name."""
        if not self.id_digits or (self.id_label == "NIK" and self.mask_nik):
            return self.nama
        return f"{self.id_digits}_{self.nama}"


@dataclass(frozen=True)
class InvitationResult:
    count: int
    pages: int
    path: str
    format: str  # "pdf", "png" (a folder) or "zip"
    marked: int = 0  # registrations marked sent by this run

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": True,
            "count": self.count,
            "pages": self.pages,
            "path": self.path,
            "format": self.format,
            "marked_sent": self.marked,
        }


@dataclass(frozen=True)
class Selection:
    """Who a run is for: everyone by default; ``registration_ids`` (chosen in the Peserta tab),
    one ``unit``, and ``only_unsent`` narrow it, together."""

    registration_ids: frozenset[int] | None = None
    unit: str | None = None
    only_unsent: bool = False

    @property
    def kind(self) -> str:
        """For the audit entry: how the people were chosen (no names)."""
        parts = ["terpilih" if self.registration_ids is not None else "semua"]
        if self.unit and self.unit.strip():
            parts.append("unit")
        if self.only_unsent:
            parts.append("belum_terkirim")
        return "+".join(parts)


def unit_counts(event_id: int) -> list[tuple[str, int]]:
    """(unit kerja, participants) of an event, for a 'print one unit' choice."""
    counts: dict[str, tuple[str, int]] = {}
    for row in list_participants(event_id):
        key = fold(row.unit_kerja)
        shown, count = counts.get(key, (row.unit_kerja, 0))
        counts[key] = (shown, count + 1)
    return sorted(counts.values(), key=lambda item: (not item[0], fold(item[0])))


def load_invitations(
    event_id: int, unit: str | None = None, *, selection: Selection | None = None
) -> tuple[EventData, list[Invitation]]:
    """The event and its invitations sorted by unit then name, for everyone or a ``selection``."""
    selection = selection or Selection(unit=unit)
    if unit and not selection.unit:
        selection = Selection(selection.registration_ids, unit, selection.only_unsent)
    event = get_event(event_id)
    cancelled = _cancelled_registrations(event_id)
    rows = [row for row in list_participants(event_id) if row.registration_id not in cancelled]
    if not rows:
        raise InvitationError("Kegiatan ini belum memiliki peserta; tambahkan atau impor peserta dahulu.")
    rows = _selected(event_id, rows, selection)
    rows.sort(key=lambda row: (not row.unit_kerja, fold(row.unit_kerja), name_key(row.full_name), row.registration_id))
    masked = nik_masked(event_id)
    return event, [_invitation(row, masked) for row in rows]


def _selected(event_id: int, rows: list[ParticipantRow], selection: Selection) -> list[ParticipantRow]:
    """Narrow the event's (not cancelled) participants to the selection; an empty result is explained."""
    if selection.registration_ids is not None:
        rows = [row for row in rows if row.registration_id in selection.registration_ids]
        if not rows:
            raise InvitationError(
                "Peserta yang dipilih tidak dapat diberi undangan (pendaftarannya dibatalkan atau sudah dihapus)."
            )
    unit = selection.unit.strip() if selection.unit else ""
    if unit:
        wanted = fold(unit)
        rows = [row for row in rows if fold(row.unit_kerja) == wanted]
        if not rows:
            raise InvitationError(f"Tidak ada peserta dari unit kerja \u201c{unit}\u201d pada kegiatan ini.")
    if selection.only_unsent:
        sent = deliveries(event_id)
        rows = [row for row in rows if row.registration_id not in sent]
        if not rows:
            raise InvitationError(
                "Semua undangan untuk peserta ini sudah ditandai terkirim; tidak ada yang belum dikirim. "
                "Hapus tanda terkirim di tab Peserta bila ada undangan yang perlu dibuat ulang."
            )
    return rows


def _cancelled_registrations(event_id: int) -> set[int]:
    """A cancelled registration cannot check in, so it gets no invitation."""
    query = Registration.select(Registration.id).where(
        (Registration.event == event_id) & Registration.cancelled_at.is_null(False)
    )
    return {registration_id for (registration_id,) in query.tuples()}


def _invitation(row: ParticipantRow, masked: bool = True) -> Invitation:
    if row.nip:
        label, digits = ("NI PPPK" if row.employment_type == "PPPK" else "NIP"), row.nip
    elif row.nik:
        label, digits = "NIK", row.nik
    else:
        label, digits = "", ""
    return Invitation(
        row.registration_id,
        row.full_name,
        row.nama,
        label,
        digits,
        row.unit_kerja,
        qr_payload.payload_for(row.registration_id),
        masked,
    )


def time_text(event: EventData) -> str:
    """``08.00 – 12.00 WIB`` or ``08.00 WIB – selesai``; empty when no start time is set.

    Every printed time carries the event's zone (WIB / WITA / WIT): a briefing streamed to
    offices in another zone must not be read an hour off.
    """
    if not event.start_time:
        return ""
    if event.end_time:
        return f"{clock_time(event.start_time)} \u2013 {clock_time(event.end_time)} {event.time_zone}"
    return f"{clock_time(event.start_time)} {event.time_zone} \u2013 selesai"


def _when(event: EventData) -> str:
    when = day_and_date(event.date) if event.date else ""
    times = time_text(event)
    return f"{when}, pukul {times}" if times else when


# --- PDF cards -------------------------------------------------------------------------------------------


def card_grid(paper: Paper) -> CardGrid:
    return CardGrid(PageSpec(paper, margins=CARD_MARGINS), GRID_COLUMNS, GRID_ROWS)


def write_invitations_pdf(
    event: EventData,
    invitations: list[Invitation],
    target: str | Path,
    *,
    paper: Paper = Paper.A4,
    progress: Progress | None = None,
) -> int:
    """Write the cards to ``target`` (replaced only when complete); returns the page count."""
    progress = progress or Progress()
    grid = card_grid(paper)
    pages = grid.page_count(len(invitations))
    layout = card_layout(event, *grid.card_size)
    with atomic_output(target) as temp:
        canvas = new_canvas(
            temp,
            grid.page,
            title=f"Undangan \u2013 {event.title}",
            subject="Undangan dengan kode QR",
            author=event.organizer or event.instansi,
        )
        for index, invitation in enumerate(invitations):
            progress.check_cancelled()
            slot = index % grid.per_page
            if index and slot == 0:
                canvas.showPage()
            if slot == 0:
                _draw_page_footer(canvas, grid, event, index // grid.per_page + 1, pages)
            cell = grid.cell(slot)
            draw_cut_marks(canvas, cell)
            draw_card(canvas, cell, event, invitation, layout)
            progress.report(index + 1, len(invitations), f"Undangan {index + 1} dari {len(invitations)}")
        canvas.showPage()
        try:
            canvas.save()
        except OSError as err:
            raise DocumentError(f"Berkas undangan tidak bisa disimpan: {err.strerror or err}.") from err
    return pages


def _draw_page_footer(canvas: Canvas, grid: CardGrid, event: EventData, page: int, pages: int) -> None:
    draw_page_footer(canvas, grid.page, page, pages, f"Undangan \u2013 {event.title}")


@dataclass(frozen=True)
class CardLayout:
    """What is the same on every card of a run, fitted once: the event's lines, the QR's place.

    Offsets are from the card's top-left corner; every card of a grid has the same size.
    """

    width: float
    title: FittedText
    when: FittedText
    venue: FittedText | None
    instruction: FittedText
    rule_offset: float  # from the card's top down to the rule under the event
    qr_size: float
    column_width: float  # left of the QR, for the invitee's lines


CARD_PAD = 4 * mm


def card_layout(event: EventData, width: float, height: float) -> CardLayout:
    inner_width = width - 2 * CARD_PAD
    title = fit_pdf_text(event.title, SANS.bold, inner_width, max_size=10.5, min_size=MIN_TEXT_SIZE, max_lines=2)
    when = fit_pdf_text(_when(event), SANS.regular, inner_width, max_size=8.5, min_size=MIN_TEXT_SIZE, max_lines=2)
    # The venue at the date's size, wrapped (never shrunk below it, as it was on F4).
    venue = (
        fit_pdf_text(event.venue, SANS.regular, inner_width, max_size=when.size, min_size=when.size, max_lines=2)
        if event.venue
        else None
    )
    if venue is not None and venue.truncated:
        venue = fit_pdf_text(
            event.venue, SANS.regular, inner_width, max_size=when.size, min_size=MIN_TEXT_SIZE, max_lines=3
        )
    rule_offset = CARD_PAD + 9 + title.height + 1.5 + when.height + (venue.height if venue else 0) + 1.5 * mm
    # The QR's own quiet zone is its margin, so the square may reach close to the card edge.
    qr_size = min(height - rule_offset - 1 * mm, 36 * mm)
    # The invitee's lines end where the quiet zone begins (the square's edge), less a gap.
    column_width = width - CARD_PAD - qr_size - 1 * mm - 1.5 * mm
    instruction = fit_pdf_text(
        INSTRUCTION, SANS.italic, column_width, max_size=LABEL_SIZE, min_size=LABEL_SIZE, max_lines=2
    )
    return CardLayout(width, title, when, venue, instruction, rule_offset, qr_size, column_width)


def draw_card(
    canvas: Canvas, cell: Rect, event: EventData, invitation: Invitation, layout: CardLayout | None = None
) -> None:
    """One invitation card inside ``cell``: event above, invitee and QR below."""
    layout = layout or card_layout(event, cell.width, cell.height)
    left, top = cell.x + CARD_PAD, cell.top - CARD_PAD
    inner_width = cell.width - 2 * CARD_PAD
    canvas.saveState()
    canvas.setFillColorRGB(*ACCENT)
    canvas.setFont(SANS.bold, LABEL_SIZE)
    canvas.drawString(left, top - 6.5, "UNDANGAN", charSpace=1.2)
    y = draw_fitted(canvas, layout.title, SANS.bold, left, top - 9, inner_width)
    canvas.setFillColorRGB(0.15, 0.15, 0.15)
    y = draw_fitted(canvas, layout.when, SANS.regular, left, y - 1.5, inner_width)
    if layout.venue:
        draw_fitted(canvas, layout.venue, SANS.regular, left, y, inner_width)
    rule_y = cell.top - layout.rule_offset
    canvas.setStrokeColorRGB(*ACCENT)
    canvas.setLineWidth(0.6)
    canvas.line(left, rule_y, left + inner_width, rule_y)
    draw_qr(
        canvas,
        invitation.payload,
        cell.right - layout.qr_size - 1 * mm,
        cell.y + 1 * mm,
        layout.qr_size,
        background=False,
    )

    width = layout.column_width
    canvas.setFillColorRGB(0.4, 0.4, 0.4)
    label = fit_pdf_text("Kepada Yth.", SANS.italic, width, max_size=LABEL_SIZE, min_size=LABEL_SIZE)
    y = draw_fitted(canvas, label, SANS.italic, left, rule_y - 2 * mm, width)
    instruction_top = cell.y + CARD_PAD + layout.instruction.height
    name, identity, unit = _invitee_lines(invitation, width, y - instruction_top - 1 * mm)
    canvas.setFillColorRGB(0, 0, 0)
    y = draw_fitted(canvas, name, SANS.bold, left, y, width)
    if identity is not None:
        y = draw_fitted(canvas, identity, SANS.regular, left, y - 0.5, width)
    if unit is not None:
        draw_fitted(canvas, unit, SANS.regular, left, y, width)
    canvas.setFillColorRGB(*ACCENT)
    draw_fitted(canvas, layout.instruction, SANS.italic, left, instruction_top, width)
    canvas.restoreState()


def _invitee_lines(
    invitation: Invitation, width: float, room: float
) -> tuple[FittedText, FittedText | None, FittedText | None]:
    """Name, id and unit kerja fitted into ``room`` above the instruction: the name as large as
    it fits (11 pt down to 8 pt, wrapping), every line at least 8 pt; only a name and unit too long
    for the card at 8 pt are cut, never run over the instruction."""
    identity = (
        fit_pdf_text(invitation.id_text, SANS.regular, width, max_size=8.5, min_size=MIN_TEXT_SIZE)
        if invitation.id_text
        else None
    )
    fixed = (identity.height + 0.5) if identity else 0.0
    unit_options: FontSizes = {"max_size": MIN_TEXT_SIZE, "min_size": MIN_TEXT_SIZE}
    for size in (11, 10, 9, MIN_TEXT_SIZE):
        name = fit_pdf_text(invitation.name, SANS.bold, width, max_size=size, min_size=size, max_lines=4)
        unit = (
            fit_pdf_text(invitation.unit_kerja, SANS.regular, width, max_lines=3, **unit_options)
            if invitation.unit_kerja
            else None
        )
        used = name.height + fixed + (unit.height if unit else 0.0)
        if used <= room and not name.truncated and not (unit and unit.truncated):
            return name, identity, unit
    line = MIN_TEXT_SIZE * LEADING
    name_lines = max(1, min(4, int((room - fixed - (line if invitation.unit_kerja else 0)) // line)))
    name = fit_pdf_text(
        invitation.name, SANS.bold, width, max_size=MIN_TEXT_SIZE, min_size=MIN_TEXT_SIZE, max_lines=name_lines
    )
    unit_lines = int((room - fixed - name.height) // line)
    unit = (
        fit_pdf_text(invitation.unit_kerja, SANS.regular, width, max_lines=unit_lines, **unit_options)
        if invitation.unit_kerja and unit_lines > 0
        else None
    )
    return name, identity, unit


# --- PNG cards -------------------------------------------------------------------------------------------

PNG_WIDTH = 1000
_ACCENT_RGB: tuple[int, ...] = tuple(round(c * 255) for c in ACCENT)


def render_invitation_png(event: EventData, invitation: Invitation) -> Image.Image:
    """A portrait card image, ``PNG_WIDTH`` pixels wide, for a phone screen."""
    from PIL import Image, ImageDraw

    pad = 56
    width = PNG_WIDTH - 2 * pad
    image = Image.new("RGB", (PNG_WIDTH, 2400), "white")
    draw = ImageDraw.Draw(image)
    # Fit the band's text first: the band's height depends on how many lines the title takes.
    label = fit_image_text("UNDANGAN", SANS.bold, width, max_size=26, min_size=26)
    title = fit_image_text(event.title, SANS.bold, width, max_size=46, min_size=32, max_lines=3)
    band_bottom = pad + label.height + 6 + title.height + pad - 16
    draw.rectangle((0, 0, PNG_WIDTH, band_bottom), fill=_ACCENT_RGB)
    y = draw_image_text(draw, label, SANS.bold, pad, pad - 8, width, fill=(190, 205, 230)) + 6
    draw_image_text(draw, title, SANS.bold, pad, y, width, fill="white")
    y = band_bottom + 40
    for caption, value, lines in (
        ("Hari, tanggal", day_and_date(event.date) if event.date else "", 1),
        ("Pukul", time_text(event), 1),
        ("Tempat", event.venue, 3),
    ):
        if not value:
            continue
        y = draw_image_text_box(
            draw, caption, SANS.regular, pad, y, width, fill=(110, 110, 110), max_size=26, min_size=26
        )
        y = (
            draw_image_text_box(
                draw,
                value,
                SANS.bold,
                pad,
                y,
                width,
                fill=(30, 30, 30),
                max_size=34,
                min_size=28 if lines > 1 else 24,
                max_lines=lines,
            )
            + 14
        )
    draw.line((pad, y + 8, PNG_WIDTH - pad, y + 8), fill=_ACCENT_RGB, width=3)
    y += 34
    y = draw_image_text_box(
        draw, "Kepada Yth.", SANS.italic, pad, y, width, fill=(110, 110, 110), max_size=28, min_size=28
    )
    y = draw_image_text_box(draw, invitation.name, SANS.bold, pad, y, width, max_size=48, min_size=32, max_lines=2)
    if invitation.id_text:
        y = draw_image_text_box(draw, invitation.id_text, SANS.regular, pad, y + 4, width, max_size=34, min_size=26)
    if invitation.unit_kerja:
        y = draw_image_text_box(
            draw,
            invitation.unit_kerja,
            SANS.regular,
            pad,
            y,
            width,
            fill=(60, 60, 60),
            max_size=30,
            min_size=24,
            max_lines=2,
        )
    matrix = qr_matrix(invitation.payload)
    code = qr_image(matrix, max(4, 560 // (len(matrix) + 8)))
    image.paste(code.convert("RGB"), ((PNG_WIDTH - code.width) // 2, int(y) + 16))
    y += 16 + code.height
    y = draw_image_text_box(
        draw,
        INSTRUCTION,
        SANS.bold,
        pad,
        y,
        width,
        fill=_ACCENT_RGB,
        align="center",
        max_size=30,
        min_size=24,
        max_lines=2,
    )
    organizer = event.organizer or event.instansi
    if organizer:
        y = draw_image_text_box(
            draw,
            organizer,
            SANS.regular,
            pad,
            y + 10,
            width,
            fill=(110, 110, 110),
            align="center",
            max_size=24,
            min_size=20,
            max_lines=2,
        )
    return image.crop((0, 0, PNG_WIDTH, int(y) + pad))


def _save_png(image: Image.Image, target: Path | BinaryIO) -> None:
    """16 colours are plenty for this card: a third of the size, and faster than full RGB."""
    from PIL import Image

    image.quantize(colors=16, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(
        target, "PNG", compress_level=6
    )


def write_invitation_images(
    event: EventData, invitations: list[Invitation], target: str | Path, *, progress: Progress | None = None
) -> str:
    """One PNG per invitation into a folder, or into a ZIP when ``target`` ends in ``.zip``.

    Returns the format written: ``png`` or ``zip``. File names are ``NIP_Nama.png``.
    """
    progress = progress or Progress()
    target = Path(target)
    names = UniqueNames()
    as_zip = target.suffix.lower() == ".zip"
    if as_zip:
        with atomic_output(target) as temp, zipfile.ZipFile(temp, "w", zipfile.ZIP_STORED) as archive:
            for index, invitation in enumerate(invitations):
                progress.check_cancelled()
                buffer = io.BytesIO()
                _save_png(render_invitation_png(event, invitation), buffer)
                archive.writestr(names.take(safe_filename(invitation.file_stem, "png")), buffer.getvalue())
                progress.report(index + 1, len(invitations), f"Gambar {index + 1} dari {len(invitations)}")
        return "zip"
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DocumentError(f"Folder {target} tidak bisa dibuat: {err.strerror or err}.") from err
    for index, invitation in enumerate(invitations):
        progress.check_cancelled()
        name = names.take(safe_filename(invitation.file_stem, "png"))
        with atomic_output(target / name) as temp:
            _save_png(render_invitation_png(event, invitation), temp)
        progress.report(index + 1, len(invitations), f"Gambar {index + 1} dari {len(invitations)}")
    return "png"


# --- Jobs ------------------------------------------------------------------------------------------------


class _InvitationJob(Job[InvitationResult]):
    """What both kinds of run share: the selection, the marks, the audit entry."""

    def __init__(
        self,
        event_id: int,
        path: str | Path,
        *,
        unit: str | None = None,
        selection: Selection | None = None,
        mark_sent: bool = True,
        actor: audit.Actor | None = None,
    ):
        super().__init__()
        self.event_id, self.path, self.actor, self.mark_sent = event_id, Path(path), actor, mark_sent
        self.selection = selection or Selection(unit=unit)

    def _finish(self, invitations: list[Invitation], kind: str, pages: int, files: int) -> InvitationResult:
        """The file is complete: mark its people sent and leave the audit entry."""
        marked = 0
        if self.mark_sent:
            ids = [invitation.registration_id for invitation in invitations]
            marked = record_deliveries(self.event_id, ids, kind, actor=self.actor)
        audit.record_export(
            self.event_id,
            "invitations",
            count=len(invitations),
            pages=pages,
            format=kind,
            files=files,
            actor=self.actor,
            selection=self.selection.kind,
            marked_sent=marked,
        )
        return InvitationResult(len(invitations), pages, str(self.path), kind, marked)


class _JobOptions(TypedDict, total=False):
    """``_InvitationJob``'s keywords, passed on by a job that adds its own."""

    unit: str | None
    selection: Selection | None
    mark_sent: bool
    actor: audit.Actor | None


class InvitationPdfJob(_InvitationJob):
    title = "Membuat undangan (PDF)"

    def __init__(
        self, event_id: int, path: str | Path, *, paper: Paper = Paper.A4, **options: Unpack[_JobOptions]
    ) -> None:
        super().__init__(event_id, path, **options)
        self.paper = paper

    def run(self) -> InvitationResult:
        event, invitations = load_invitations(self.event_id, selection=self.selection)
        pages = write_invitations_pdf(event, invitations, self.path, paper=self.paper, progress=self)
        return self._finish(invitations, "pdf", pages, 1)


class InvitationImagesJob(_InvitationJob):
    title = "Membuat gambar undangan (PNG)"

    def run(self) -> InvitationResult:
        event, invitations = load_invitations(self.event_id, selection=self.selection)
        kind = write_invitation_images(event, invitations, self.path, progress=self)
        return self._finish(invitations, kind, len(invitations), len(invitations))


__all__ = [
    "INSTRUCTION",
    "Invitation",
    "InvitationError",
    "InvitationImagesJob",
    "InvitationPdfJob",
    "InvitationResult",
    "Selection",
    "card_grid",
    "draw_card",
    "load_invitations",
    "render_invitation_png",
    "time_text",
    "unit_counts",
    "write_invitation_images",
    "write_invitations_pdf",
]

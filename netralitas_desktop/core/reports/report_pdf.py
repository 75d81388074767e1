"""Laporan penyelenggara: the organiser's report to the Sekda, as a PDF (A4 or F4, portrait).

Kop surat (when set), the event's facts, the attendance counts (overall and per employment
type), a bar chart of attendance by OPD over as many pages as it needs, the pledge status
(every registered person in one category: signed at the desk, ikrar mandiri back, attended
but not signed, absent and owing a form), and the signatory block. Optionally the rekap
kehadiran follows as its *Lampiran*, drawn into the same document with the page numbers
running on (tata naskah dinas: "nomor halaman lampiran merupakan nomor lanjutan").

Every figure — report, chart and Lampiran — comes from one ``ReportSnapshot`` and every
percentage from ``status.percentage`` (one rounding rule, as the dashboard and the XLSX).

Pages are laid out twice with the same code: a measuring pass counts them, so every page
can say "Halaman x dari y"; the drawing pass then draws.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .. import audit
from ..dates import day_and_date, place_and_date
from ..documents import (
    MIN_TEXT_SIZE,
    SANS,
    DocumentError,
    Letterhead,
    PageSpec,
    Paper,
    PdfTarget,
    atomic_output,
    draw_letterhead,
    draw_signatory,
    draw_text_box,
    mm,
    naskah_dinas_page,
    new_canvas,
    space_under_kop,
)
from ..documents.fit import FontSizes
from ..documents.table import Column, FittedRow, TableLayout, draw_page_footer
from ..event_settings import get_asset, nik_masked
from ..invitations import time_text
from ..jobs import Job, Progress
from ..participants import EMPLOYMENT_LABELS
from ..pledges.document_common import NothingToPrint
from ..pledges.document_settings import SIGNATORY_SIGNATURE, SIGNATORY_STAMP, letterhead_for
from ..statuses import AttendanceStatus, PledgeStatus, RegistrationSource
from .report_chart import chart_height, draw_legend, draw_unit_chart, rows_that_fit
from .status import STATUS_LABELS, percentage, persen
from .tables import ExportResult, ReportSnapshot, event_paper, load_snapshot, recap_groups, record_export

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from ..pledges.signing_list import SigningList

TITLE = "LAPORAN PELAKSANAAN KEGIATAN"
FOOTER = "Laporan Pelaksanaan"
LAMPIRAN_TITLE = "DAFTAR HADIR PESERTA\nREKAP KEHADIRAN"
TEXT = 10.5
SIGNATURE_BLOCK_HEIGHT = 58 * mm
MIN_CHART_ROWS = 8  # a chart chunk shorter than this (unless it is the end) moves to the next page
LABEL_WIDTH = 32 * mm


class _Measuring:
    """A canvas that draws nothing, for the pass that counts pages."""

    def __getattr__(self, name: str) -> Callable[..., float]:
        return lambda *args, **kwargs: 0.0


_MEASURING: Canvas = _Measuring()  # type: ignore[assignment]  # duck-typed: answers every Canvas call with 0


class _Flow:
    """Blocks down the page frame; a block that does not fit starts a new page."""

    def __init__(self, canvas: Canvas | None, page: PageSpec, footer: str, total_pages: int | None) -> None:
        self.drawing = total_pages is not None
        self.canvas = canvas if canvas is not None and self.drawing else _MEASURING
        self.page, self.frame, self.footer, self.total = page, page.frame, footer, total_pages
        self.number, self.y = 1, page.frame.top

    @property
    def room(self) -> float:
        return self.y - self.frame.y

    def ensure(self, height: float) -> None:
        if height > self.room and self.y < self.frame.top - 1:
            self.new_page()

    def new_page(self) -> None:
        self.finish_page()
        self.number += 1
        self.y = self.frame.top

    def finish_page(self) -> None:
        if self.total is not None:  # drawing
            draw_page_footer(self.canvas, self.page, self.number, self.total, self.footer)
            self.canvas.showPage()

    def text(
        self,
        text: str,
        *,
        bold: bool = False,
        size: float = TEXT,
        align: str = "left",
        indent: float = 0,
        lines: int = 3,
        after: float = 0,
    ) -> None:
        """Text wrapped at ``size`` (never shrunk below 8 pt)."""
        font = SANS.bold if bold else SANS.regular
        self.y = (
            draw_text_box(
                self.canvas,
                text,
                font,
                self.frame.x + indent,
                self.y,
                self.frame.width - indent,
                align=align,
                max_size=size,
                min_size=max(MIN_TEXT_SIZE, size),
                max_lines=lines,
            )
            - after
        )


def report_page(paper: Paper) -> PageSpec:
    return naskah_dinas_page(paper)


def render_report(
    target: PdfTarget,
    snapshot: ReportSnapshot,
    *,
    paper: Paper = Paper.A4,
    letterhead: Letterhead | None = None,
    signature: bytes | None = None,
    stamp: bytes | None = None,
    lampiran: SigningList | None = None,
    progress: Progress | None = None,
) -> int:
    """Draw the report (and its ``lampiran``, a ``signing_list.SigningList``) into ``target``; returns pages."""
    from ..pledges.list_pages import draw_list, layout_list

    page = report_page(paper)
    footer = f"{FOOTER} \u2013 {snapshot.event.title}"
    report_pages = _layout(
        _Flow(None, page, footer, None), snapshot, letterhead, signature, stamp, lampiran is not None
    )
    attached = layout_list(lampiran) if lampiran is not None else None
    total = report_pages + (attached.total if attached else 0)
    canvas = new_canvas(
        target,
        page,
        title=footer,
        subject="Laporan pelaksanaan kegiatan",
        author=snapshot.event.organizer or snapshot.event.instansi,
    )
    _layout(_Flow(canvas, page, footer, total), snapshot, letterhead, signature, stamp, attached is not None)
    if attached is not None:
        lampiran_footer = f"Lampiran {FOOTER} \u2013 {snapshot.event.title}"
        draw_list(
            canvas, attached, footer=lampiran_footer, first_number=report_pages + 1, total=total, progress=progress
        )
    try:
        canvas.save()
    except OSError as err:
        raise DocumentError(f"Berkas laporan tidak bisa disimpan: {err.strerror or err}.") from err
    return total


def _layout(
    flow: _Flow,
    snapshot: ReportSnapshot,
    letterhead: Letterhead | None,
    signature: bytes | None,
    stamp: bytes | None,
    with_lampiran: bool,
) -> int:
    if letterhead is not None:
        flow.y = draw_letterhead(flow.canvas, letterhead, flow.frame.x, flow.page.kop_top, flow.frame.width)
        flow.y -= space_under_kop(TEXT)
    flow.text(TITLE, bold=True, size=13, align="center")
    flow.text(snapshot.event.title, bold=True, size=12, align="center", after=5 * mm)
    _facts(flow, snapshot)
    _counts(flow, snapshot)
    _chart(flow, snapshot)
    _pledges(flow, snapshot, with_lampiran)
    _closing(flow, snapshot, signature, stamp)
    flow.finish_page()
    return flow.number


def _heading(flow: _Flow, text: str, need: float) -> None:
    flow.ensure(need + 9 * mm)
    flow.y -= 2 * mm
    flow.text(text, bold=True, size=11, after=2 * mm)


def _facts(flow: _Flow, snapshot: ReportSnapshot) -> None:
    event = snapshot.event
    when = day_and_date(event.date) if event.date else "-"
    times = time_text(event)
    speakers = [line.strip() for line in event.speakers.splitlines() if line.strip()]
    facts = [
        ("Kegiatan", [event.title]),
        ("Hari/Tanggal", [f"{when}, pukul {times}" if times else when]),
        ("Tempat", [event.venue or "-"]),
        ("Penyelenggara", [event.organizer or event.instansi or "-"]),
        ("Narasumber", [f"{i}. {s}" for i, s in enumerate(speakers, 1)] if len(speakers) > 1 else speakers or ["-"]),
    ]
    if event.election_name:
        facts.append(("Dalam rangka", [event.election_name]))
    _heading(flow, "I. Data Kegiatan", 30 * mm)
    fixed: FontSizes = {"max_size": TEXT, "min_size": TEXT}
    for label, values in facts:
        top = flow.y
        draw_text_box(flow.canvas, label, SANS.regular, flow.frame.x, top, LABEL_WIDTH, **fixed)
        draw_text_box(flow.canvas, ":", SANS.regular, flow.frame.x + LABEL_WIDTH, top, 3 * mm, **fixed)
        for value in values:  # wrapped at the text's size, each line beside its label
            flow.text(value, indent=LABEL_WIDTH + 4 * mm, lines=4)
    flow.y -= 3 * mm


def _tables(
    flow: _Flow, columns: list[Column], rows: list[list[str]]
) -> tuple[TableLayout, TableLayout, list[FittedRow]]:
    """The table's layout, its bold twin for the totals row, and the fitted rows (bold last)."""
    table = TableLayout(columns, flow.frame.x, flow.frame.width, size=9.5)
    bold = TableLayout([replace(column, bold=True) for column in columns], flow.frame.x, flow.frame.width, size=9.5)
    fitted = [table.fit_row(row) for row in rows[:-1]] + [bold.fit_row(rows[-1])] if rows else []
    return table, bold, fitted


def _table_height(flow: _Flow, columns: list[Column], rows: list[list[str]]) -> float:
    table, _, fitted = _tables(flow, columns, rows)
    return table.header_height + sum(row.height for row in fitted)


def _table(flow: _Flow, columns: list[Column], rows: list[list[str]]) -> None:
    """A table whose last row (the totals) is bold; kept on one page."""
    table, bold, fitted = _tables(flow, columns, rows)
    height = table.header_height + sum(row.height for row in fitted)
    flow.ensure(height)
    if flow.drawing:
        y = table.draw_header(flow.canvas, flow.y)
        for index, row in enumerate(fitted):
            y = (bold if index == len(fitted) - 1 else table).draw_row(flow.canvas, y, row)
    flow.y -= height + 4 * mm


def _share(part: int, whole: int) -> str:
    return persen(percentage(part, whole)) if whole else "-"


def _counts(flow: _Flow, snapshot: ReportSnapshot) -> None:
    total = snapshot.by_unit.total
    invited = sum(1 for row in snapshot.counted_rows if row.source == RegistrationSource.INVITED)
    registered = total.registered
    lines = [
        ("Peserta terdaftar", registered),
        ("\u2013 diundang", invited),
        ("\u2013 hadir tanpa undangan", registered - invited),
        ("Hadir di ruangan", total.in_room),
        ("Hadir daring", total.online),
        *(
            (STATUS_LABELS[key], total.counts[key])
            for key in (AttendanceStatus.EXCUSED, AttendanceStatus.SICK, AttendanceStatus.OFFICIAL_DUTY)
        ),
        ("Tidak hadir tanpa keterangan", total.counts[AttendanceStatus.ABSENT]),
        ("Jumlah hadir (di ruangan dan daring)", total.present),
    ]
    rows = [[label, str(count), _share(count, registered)] for label, count in lines]
    columns = [Column("Uraian", 5), Column("Jumlah", 1.4, "right"), Column("Persentase", 1.6, "right")]
    _heading(flow, "II. Kehadiran Peserta", _table_height(flow, columns, rows))
    _table(flow, columns, rows)
    if total.cancelled:
        flow.text(
            f"Pendaftaran dibatalkan ({total.cancelled} orang) tidak dihitung sebagai peserta.", size=9, after=2 * mm
        )
    groups = recap_groups(snapshot.by_employment)
    if groups:
        flow.text("Menurut jenis pegawai:", size=TEXT, after=1 * mm)
        columns = [
            Column("Jenis Pegawai", 3),
            Column("Terdaftar", 1.3, "right"),
            Column("Di ruangan", 1.3, "right"),
            Column("Daring", 1.3, "right"),
            Column("Tidak hadir", 1.4, "right"),
            Column("Persentase hadir", 1.6, "right"),
        ]
        rows = [
            [
                EMPLOYMENT_LABELS.get(g.key, g.label),
                str(g.registered),
                str(g.in_room),
                str(g.online),
                str(g.absent),
                g.percentage_text,
            ]
            for g in [*groups, snapshot.by_employment.total]
        ]
        rows[-1][0] = "Jumlah"
        _table(flow, columns, rows)


def _chart(flow: _Flow, snapshot: ReportSnapshot) -> None:
    groups = recap_groups(snapshot.by_unit)
    _heading(flow, "III. Kehadiran per Unit Kerja (OPD)", chart_height(min(len(groups), MIN_CHART_ROWS), legend=True))
    if not groups:
        flow.text("Belum ada peserta terdaftar.", after=3 * mm)
        return
    scale = max(group.registered for group in groups)
    start, first = 0, True
    while start < len(groups):
        count = rows_that_fit(flow.room, legend=first)
        if count < min(MIN_CHART_ROWS, len(groups) - start):  # no short stub of a chart at the foot of a page
            flow.new_page()
            flow.text("III. Kehadiran per Unit Kerja (OPD) \u2013 lanjutan", bold=True, size=11, after=2 * mm)
            count = rows_that_fit(flow.room, legend=first)
        left_over = len(groups) - start - count
        if 0 < left_over < MIN_CHART_ROWS // 2:  # no lone row or two on the next page either
            count = max(1, count - (MIN_CHART_ROWS // 2 - left_over))
        chunk = groups[start : start + count]
        if first:
            flow.y = draw_legend(flow.canvas, flow.frame.x, flow.y)
            first = False
        if flow.drawing:
            draw_unit_chart(flow.canvas, chunk, flow.frame.x, flow.y, flow.frame.width, scale)
        flow.y -= chart_height(len(chunk))
        start += len(chunk)
    flow.y -= 3 * mm


def _pledges(flow: _Flow, snapshot: ReportSnapshot, with_lampiran: bool) -> None:
    pledges = snapshot.pledges
    counts = pledges.by_status
    registered = pledges.registered
    unsigned_note = (
        "dapat diberi formulir ikrar mandiri"
        if snapshot.event.signature_required or counts[PledgeStatus.SIGNED]
        else "tanda tangan di meja tidak diminta; ikrar dibacakan bersama"
    )
    lines = [
        ("Menandatangani ikrar di meja registrasi", counts[PledgeStatus.SIGNED], f"dari {pledges.present} yang hadir"),
        ("Ikrar mandiri sudah dikembalikan", counts[PledgeStatus.RETURNED], "formulir diterima panitia"),
        ("Hadir, belum menandatangani ikrar", counts[PledgeStatus.PRESENT_UNSIGNED], unsigned_note),
        (
            "Tidak hadir, ikrar mandiri belum dikembalikan",
            counts[PledgeStatus.OWED],
            "perlu ditindaklanjuti" if counts[PledgeStatus.OWED] else "-",
        ),
    ]
    rows = [[label, str(count), _share(count, registered), note] for label, count, note in lines]
    rows.append(["Jumlah peserta terdaftar", str(registered), _share(registered, registered), ""])
    columns = [
        Column("Uraian", 4.4),
        Column("Jumlah", 1.2, "right"),
        Column("Persentase", 1.5, "right"),
        Column("Keterangan", 3),
    ]
    _heading(flow, "IV. Ikrar Netralitas", _table_height(flow, columns, rows))
    _table(flow, columns, rows)
    where = (
        "Kehadiran setiap peserta terdapat pada Lampiran (rekap kehadiran)."
        if with_lampiran
        else "Rincian peserta yang tidak hadir beserta status ikrarnya terdapat pada berkas ekspor "
        "(lembar \u201cTidak Hadir\u201d dan \u201cBelum Ikrar\u201d)."
    )
    flow.text(where, size=9.5, after=2 * mm)


def _closing(flow: _Flow, snapshot: ReportSnapshot, signature: bytes | None, stamp: bytes | None) -> None:
    event = snapshot.event
    if event.signatory1.is_empty:
        return
    flow.ensure(SIGNATURE_BLOCK_HEIGHT)
    width = min(flow.frame.width / 2, 85 * mm)
    left = flow.frame.right - width
    place_date = place_and_date(event.place_name, event.date) if event.date else ""
    y = flow.y - 6 * mm
    if flow.drawing:
        y = draw_signatory(
            flow.canvas,
            event.signatory1,
            left,
            y,
            width,
            place_date=place_date,
            signature=signature,
            stamp=stamp,
            size=TEXT,
            space=22 * mm,
        )
    else:
        y -= SIGNATURE_BLOCK_HEIGHT - 6 * mm
    flow.y = y


# --- Job -------------------------------------------------------------------------------------------------


def lampiran_of(
    snapshot: ReportSnapshot, paper: Paper, *, mask: bool, signature: bytes | None, stamp: bytes | None
) -> SigningList:
    """The rekap kehadiran of the same snapshot, labelled as the report's Lampiran."""
    from ..pledges.signing_list import ListKind, ListOptions, attachment_lines, recap_list

    if not snapshot.counted_rows:
        raise NothingToPrint("Kegiatan ini belum memiliki peserta; tambahkan atau impor peserta dahulu.")
    spec = recap_list(
        snapshot.event,
        snapshot.rows,
        ListOptions(paper=paper, kind=ListKind.RECAP),
        title=LAMPIRAN_TITLE,
        footer_name="Lampiran",
        mask=mask,
    )
    return replace(
        spec,
        signatory_signature=signature,
        signatory_stamp=stamp,
        attachment_lines=attachment_lines("Laporan Pelaksanaan Kegiatan", snapshot.event),
    )


class ReportPdfJob(Job[ExportResult]):
    """The report, optionally with the rekap kehadiran as its Lampiran; the event's paper unless ``paper``."""

    title = "Membuat laporan (PDF)"

    def __init__(
        self,
        event_id: int,
        path: str | Path,
        *,
        paper: Paper | None = None,
        with_attendance_list: bool = False,
        actor: audit.Actor | None = None,
    ) -> None:
        super().__init__()
        self.event_id, self.path, self.paper = event_id, Path(path), paper
        self.with_attendance_list, self.actor = with_attendance_list, actor

    def run(self) -> ExportResult:
        self.report(0, 0, "Membaca data kehadiran\u2026")
        snapshot = load_snapshot(self.event_id)
        paper = self.paper or event_paper(self.event_id)
        signature = get_asset(self.event_id, SIGNATORY_SIGNATURE)
        stamp = get_asset(self.event_id, SIGNATORY_STAMP)
        lampiran = None
        if self.with_attendance_list:
            lampiran = lampiran_of(snapshot, paper, mask=nik_masked(self.event_id), signature=signature, stamp=stamp)
        self.check_cancelled()
        self.report(0, 0, "Menyusun laporan\u2026")
        with atomic_output(self.path) as temp:
            pages = render_report(
                temp,
                snapshot,
                paper=paper,
                letterhead=letterhead_for(self.event_id),
                signature=signature,
                stamp=stamp,
                lampiran=lampiran,
                progress=self,
            )
            self.check_cancelled()
        result = ExportResult(str(self.path), "pdf", len(snapshot.rows), pages)
        record_export(self.event_id, result, self.actor, document="laporan")
        return result


__all__ = ["LAMPIRAN_TITLE", "TITLE", "ReportPdfJob", "lampiran_of", "render_report", "report_page"]

"""Laporan penyelenggara: the organiser's report to the Sekda, as a PDF (A4 or F4, portrait).

Kop surat (when set), the event's facts, the attendance counts (overall and per employment
type), a bar chart of attendance by OPD over as many pages as it needs, the pledge status,
and the signatory block. Optionally the attendance list (``pledges.attendance_list``'s
layout) follows, merged in with pypdf.

Pages are laid out twice with the same code: a measuring pass counts them, so every page
can say "Halaman x dari y"; the drawing pass then draws.
"""

from __future__ import annotations

import io
from pathlib import Path

from .. import audit
from ..dates import hari_tanggal, tempat_tanggal
from ..documents import (
    SANS,
    DocumentError,
    Letterhead,
    Margins,
    PageSpec,
    Paper,
    atomic_output,
    draw_letterhead,
    draw_signatory,
    draw_text_box,
    mm,
    new_canvas,
)
from ..documents.table import Column, TableLayout, draw_page_footer
from ..event_settings import get_asset
from ..invitations import time_text
from ..jobs import Job, Progress
from ..participants import EMPLOYMENT_LABELS
from ..pledges.document_settings import SIGNATORY_SIGNATURE, SIGNATORY_STAMP, letterhead_for
from .report_chart import chart_height, draw_legend, draw_unit_chart, persen, rows_that_fit
from .status import STATUS_LABELS
from .tables import ExportResult, ReportSnapshot, event_paper, load_snapshot, recap_groups, record_export

TITLE = "LAPORAN PELAKSANAAN KEGIATAN"
FOOTER = "Laporan Pelaksanaan"
MARGINS = Margins(top=15, right=20, bottom=18, left=25)
TEXT = 10
SIGNATURE_BLOCK_HEIGHT = 58 * mm
MIN_CHART_ROWS = 8  # a chart chunk shorter than this (unless it is the end) moves to the next page


class _Measuring:
    """A canvas that draws nothing, for the pass that counts pages."""

    def __getattr__(self, name):
        return lambda *args, **kwargs: 0.0


class _Flow:
    """Blocks down the page frame; a block that does not fit starts a new page."""

    def __init__(self, canvas, page: PageSpec, footer: str, total_pages: int | None) -> None:
        self.drawing = total_pages is not None
        self.canvas = canvas if self.drawing else _Measuring()
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
        if self.drawing:
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
                min_size=min(size, 8),
                max_lines=lines,
            )
            - after
        )


def report_page(paper: Paper) -> PageSpec:
    return PageSpec(paper, margins=MARGINS)


def render_report(
    target,
    snapshot: ReportSnapshot,
    *,
    paper: Paper = Paper.A4,
    letterhead: Letterhead | None = None,
    signature: bytes | None = None,
    stamp: bytes | None = None,
) -> int:
    """Draw the report into ``target`` (a path or a binary file); returns its page count."""
    page = report_page(paper)
    footer = f"{FOOTER} \u2013 {snapshot.event.title}"
    total = _layout(_Flow(None, page, footer, None), snapshot, letterhead, signature, stamp)
    canvas = new_canvas(
        target,
        page,
        title=footer,
        subject="Laporan pelaksanaan kegiatan",
        author=snapshot.event.organizer or snapshot.event.instansi,
    )
    _layout(_Flow(canvas, page, footer, total), snapshot, letterhead, signature, stamp)
    try:
        canvas.save()
    except OSError as err:
        raise DocumentError(f"Berkas laporan tidak bisa disimpan: {err.strerror or err}.") from err
    return total


def _layout(flow: _Flow, snapshot: ReportSnapshot, letterhead, signature, stamp) -> int:
    if letterhead is not None:
        flow.y = draw_letterhead(flow.canvas, letterhead, flow.frame.x, flow.y, flow.frame.width) - 5 * mm
    flow.text(TITLE, bold=True, size=13, align="center")
    flow.text(snapshot.event.title, bold=True, size=12, align="center", after=5 * mm)
    _facts(flow, snapshot)
    _counts(flow, snapshot)
    _chart(flow, snapshot)
    _pledges(flow, snapshot)
    _closing(flow, snapshot, signature, stamp)
    flow.finish_page()
    return flow.number


def _heading(flow: _Flow, text: str, need: float) -> None:
    flow.ensure(need + 9 * mm)
    flow.y -= 2 * mm
    flow.text(text, bold=True, size=11, after=2 * mm)


def _facts(flow: _Flow, snapshot: ReportSnapshot) -> None:
    event = snapshot.event
    when = hari_tanggal(event.date) if event.date else "-"
    times = time_text(event)
    speakers = [line.strip() for line in event.speakers.splitlines() if line.strip()]
    facts = [
        ("Kegiatan", event.title),
        ("Hari/Tanggal", f"{when}, pukul {times}" if times else when),
        ("Tempat", event.venue or "-"),
        ("Penyelenggara", event.organizer or event.instansi or "-"),
        (
            "Narasumber",
            "\n".join(f"{i}. {s}" for i, s in enumerate(speakers, 1))
            if len(speakers) > 1
            else (speakers[0] if speakers else "-"),
        ),
    ]
    if event.election_name:
        facts.append(("Dalam rangka", event.election_name))
    _heading(flow, "I. Data Kegiatan", 30 * mm)
    label_width = 32 * mm
    for label, value in facts:
        top = flow.y
        draw_text_box(flow.canvas, label, SANS.regular, flow.frame.x, top, label_width, max_size=TEXT, min_size=TEXT)
        draw_text_box(
            flow.canvas, ":", SANS.regular, flow.frame.x + label_width, top, 3 * mm, max_size=TEXT, min_size=TEXT
        )
        for line in value.split("\n"):
            flow.text(line, indent=label_width + 4 * mm, lines=3)
    flow.y -= 3 * mm


def _table(flow: _Flow, columns: list[Column], rows: list[list[str]], bold_last: bool = False) -> None:
    table = TableLayout(columns, flow.frame.x, flow.frame.width, size=9, min_size=7)
    fitted = [table.fit_row(row) for row in rows]
    bold = (
        TableLayout(
            [Column(c.title, c.weight, c.align, c.max_lines, True) for c in columns],
            flow.frame.x,
            flow.frame.width,
            size=9,
            min_size=7,
        )
        if bold_last
        else table
    )
    if bold_last and rows:
        fitted[-1] = bold.fit_row(rows[-1])
    flow.ensure(table.header_height + sum(row.height for row in fitted))
    if flow.drawing:
        y = table.draw_header(flow.canvas, flow.y)
        for index, row in enumerate(fitted):
            y = (bold if bold_last and index == len(fitted) - 1 else table).draw_row(flow.canvas, y, row)
    flow.y -= table.header_height + sum(row.height for row in fitted) + 4 * mm


def _counts(flow: _Flow, snapshot: ReportSnapshot) -> None:
    total = snapshot.by_unit.total
    invited = sum(1 for row in snapshot.counted_rows if row.source == "invited")
    share = (lambda n: persen(100 * n / total.registered)) if total.registered else (lambda n: "-")
    rows = [
        ["Peserta terdaftar", str(total.registered), share(total.registered)],
        ["\u2013 diundang", str(invited), share(invited)],
        ["\u2013 hadir tanpa undangan", str(total.registered - invited), share(total.registered - invited)],
        ["Hadir di ruangan", str(total.in_room), share(total.in_room)],
        ["Hadir daring", str(total.online), share(total.online)],
    ] + [
        [
            STATUS_LABELS[key] if key != "tidak_hadir" else "Tidak hadir tanpa keterangan",
            str(total.counts[key]),
            share(total.counts[key]),
        ]
        for key in ("izin", "sakit", "dinas_luar", "tidak_hadir")
    ]
    rows.append(["Jumlah hadir (di ruangan dan daring)", str(total.present), share(total.present)])
    _heading(flow, "II. Kehadiran Peserta", 60 * mm)
    columns = [Column("Uraian", 5), Column("Jumlah", 1.4, "right"), Column("Persentase", 1.6, "right")]
    _table(flow, columns, rows, bold_last=True)
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
            Column("Tidak hadir", 1.3, "right"),
            Column("Persentase hadir", 1.6, "right"),
        ]
        rows = [
            [
                EMPLOYMENT_LABELS.get(g.key, g.label),
                str(g.registered),
                str(g.in_room),
                str(g.online),
                str(g.absent),
                persen(g.percentage),
            ]
            for g in groups + [snapshot.by_employment.total]
        ]
        rows[-1][0] = "Jumlah"
        _table(flow, columns, rows, bold_last=True)


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
        chunk = groups[start : start + count]
        if first:
            flow.y = draw_legend(flow.canvas, flow.frame.x, flow.y)
            first = False
        if flow.drawing:
            draw_unit_chart(flow.canvas, chunk, flow.frame.x, flow.y, flow.frame.width, scale)
        flow.y -= chart_height(len(chunk))
        start += len(chunk)
    flow.y -= 3 * mm


def _pledges(flow: _Flow, snapshot: ReportSnapshot) -> None:
    pledges = snapshot.pledges
    rows = [
        [
            "Hadir dan menandatangani ikrar di meja registrasi",
            str(pledges.signed_at_desk),
            f"dari {pledges.present} yang hadir",
        ],
        [
            "Tidak hadir, ikrar mandiri sudah dikembalikan",
            str(pledges.ikrar_returned),
            f"dari {pledges.absent} yang tidak hadir",
        ],
        [
            "Tidak hadir, ikrar mandiri belum dikembalikan",
            str(pledges.absent - pledges.ikrar_returned),
            "perlu ditindaklanjuti" if pledges.absent - pledges.ikrar_returned else "-",
        ],
    ]
    _heading(flow, "IV. Ikrar Netralitas", 30 * mm)
    _table(flow, [Column("Uraian", 5), Column("Jumlah", 1.2, "right"), Column("Keterangan", 2.6)], rows)
    flow.text(
        "Rincian peserta yang tidak hadir beserta status ikrar mandirinya terdapat pada berkas ekspor "
        "(lembar \u201cTidak Hadir\u201d).",
        size=9,
        after=2 * mm,
    )


def _closing(flow: _Flow, snapshot: ReportSnapshot, signature: bytes | None, stamp: bytes | None) -> None:
    event = snapshot.event
    if event.signatory1.is_empty:
        return
    flow.ensure(SIGNATURE_BLOCK_HEIGHT)
    width = min(flow.frame.width / 2, 85 * mm)
    left = flow.frame.right - width
    place_date = tempat_tanggal(event.place_name, event.date) if event.date else ""
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
            size=10,
            space=22 * mm,
        )
    else:
        y -= SIGNATURE_BLOCK_HEIGHT - 6 * mm
    flow.y = y


# --- Job -------------------------------------------------------------------------------------------------


class ReportPdfJob(Job[ExportResult]):
    """The report, optionally followed by the attendance list; the event's paper unless ``paper``."""

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
        self.check_cancelled()
        self.report(0, 0, "Menyusun laporan\u2026")
        with atomic_output(self.path) as temp:
            pages = render_report(
                temp,
                snapshot,
                paper=paper,
                letterhead=letterhead_for(self.event_id),
                signature=get_asset(self.event_id, SIGNATORY_SIGNATURE),
                stamp=get_asset(self.event_id, SIGNATORY_STAMP),
            )
            if self.with_attendance_list:
                pages += _append_attendance_list(temp, self.event_id, paper, self)
            self.check_cancelled()
        result = ExportResult(str(self.path), "pdf", len(snapshot.rows), pages)
        record_export(self.event_id, result, self.actor, document="laporan")
        return result


def _append_attendance_list(report_path: Path, event_id: int, paper: Paper, progress: Progress) -> int:
    """Render the attendance list (its own layout and page numbers) and append it to the report."""
    from pypdf import PdfWriter

    from ..pledges.attendance_list import FOOTER_NAME
    from ..pledges.attendance_list import TITLE as LIST_TITLE
    from ..pledges.signing_list import ListOptions, load_signing_list, render_signing_list

    spec, _ = load_signing_list(event_id, ListOptions(paper=paper), title=LIST_TITLE, footer_name=FOOTER_NAME)
    buffer = io.BytesIO()
    pages = render_signing_list(buffer, spec, progress=progress)
    writer = PdfWriter()
    writer.append(io.BytesIO(report_path.read_bytes()))
    writer.append(io.BytesIO(buffer.getvalue()))
    with open(report_path, "wb") as handle:
        writer.write(handle)
    return pages


__all__ = ["TITLE", "ReportPdfJob", "render_report", "report_page"]

"""The campaign's workbook for the Sekda: coverage per OPD and employment type, and who still owes.

Sheets: Rekap per OPD (target, covered, excused, owing, percentage, and by which route),
Rekap Jenis Pegawai, Belum Ikrar (the names, OPD by OPD: each OPD starts a printed page,
so the pages can go to each head), Dikecualikan (with the reason) and Kegiatan (the events
counted). Numbers come from one ``coverage.load_coverage`` snapshot — the same the view and
the PDF show — and the sheets look like the event workbook's (``reports.xlsx_sheets``).

Identity column: the NIP (NI PPPK) grouped as printed, or for non-ASN staff the NIK masked
(UU PDP: the Sekda's list does not need it whole).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.worksheet.pagebreak import Break

from .. import audit
from ..dates import day_and_date, long_date
from ..documents import Paper
from ..jobs import Job, Progress
from ..reports.tables import Column, Row
from ..reports.xlsx_sheets import HEADER_ROW, discard, new_workbook, recap_sheet, save_workbook, table_sheet
from .coverage import EXCUSED, ROUTE_LABELS, ROUTES, Coverage, GroupCoverage, MemberRow, load_coverage, owing_rows
from .service import CampaignEventRow, campaign_events

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

DOCUMENT = "cakupan_ikrar"


def _route_count(route: str) -> Callable[[GroupCoverage], int]:
    return lambda group: group.routes.get(route, 0)


COVERAGE_COLUMNS = (
    ("Target (Pegawai Aktif)", lambda g: g.target, "number"),
    ("Sudah Ikrar", lambda g: g.covered, "number"),
    ("Dikecualikan", lambda g: g.excused, "number"),
    ("Belum Ikrar", lambda g: g.owing, "number"),
    ("Persentase", lambda g: float(g.percentage) / 100, "percent"),
    *((ROUTE_LABELS[route], _route_count(route), "number") for route in ROUTES),
)

OWING_COLUMNS: tuple[Column[MemberRow], ...] = (
    Column("Nama", lambda r: r.full_name, max_width=38),
    Column("NIP / NI PPPK / NIK", lambda r: r.printed_identity, "id"),
    Column("Jenis Pegawai", lambda r: r.employment_label, max_width=16),
    Column("Gol.", lambda r: r.golongan, max_width=8),
    Column("Jabatan", lambda r: r.jabatan, max_width=36),
    Column("Unit Kerja (OPD)", lambda r: r.unit_kerja, max_width=36),
    Column("Pindah dari", lambda r: r.previous_unit, max_width=30),
    Column("Keterangan", lambda r: r.full_note, max_width=40),
    Column("Nomor HP", lambda r: r.phone, "id"),
)

EXCUSED_COLUMNS: tuple[Column[MemberRow], ...] = (
    Column("Nama", lambda r: r.full_name, max_width=38),
    Column("NIP / NI PPPK / NIK", lambda r: r.printed_identity, "id"),
    Column("Jenis Pegawai", lambda r: r.employment_label, max_width=16),
    Column("Jabatan", lambda r: r.jabatan, max_width=36),
    Column("Unit Kerja (OPD)", lambda r: r.unit_kerja, max_width=36),
    Column("Alasan", lambda r: r.excuse_label, max_width=40),
)

EVENT_COLUMNS: tuple[Column[CampaignEventRow], ...] = (
    Column("Kegiatan", lambda e: e.title + (" (ikrar mandiri kampanye)" if e.is_mandiri else ""), max_width=60),
    Column("Tanggal", lambda e: day_and_date(e.date), max_width=30),
)


@dataclass(frozen=True)
class CampaignExportResult:
    path: str
    format: str
    people: int  # in the target
    owing: int  # names listed as still owing

    def to_dict(self) -> dict[str, Any]:
        return {"ok": True, **self.__dict__}


def facts_line(coverage: Coverage) -> str:
    campaign = coverage.campaign
    events = len(campaign.event_ids)
    return (
        f"Batas waktu {day_and_date(campaign.deadline)} \u00b7 {events} kegiatan \u00b7 "
        f"Keadaan data per {coverage.made_at:%d-%m-%Y %H.%M}"
    )


def write_campaign_xlsx(
    coverage: Coverage, target: str | Path, *, paper: Paper = Paper.A4, progress: Progress | None = None
) -> CampaignExportResult:
    progress = progress or Progress()
    progress.report(0, 0, "Membaca nama yang belum berikrar\u2026")
    owing = owing_rows(coverage)
    excused = owing_rows(coverage, state=EXCUSED)
    workbook = new_workbook(f"Cakupan Ikrar \u2013 {coverage.campaign.name}")
    name, facts = coverage.campaign.name, facts_line(coverage)
    done = [0]

    def step() -> None:
        done[0] += 1
        if done[0] % 500 == 0 or done[0] == len(owing):
            progress.check_cancelled()
            progress.report(done[0], len(owing), f"Menulis nama {done[0]} dari {len(owing)}")

    try:
        units = [group for group in coverage.units if group.target]
        for sheet_name, heading, group_header, groups in (
            ("Rekap per OPD", "PER OPD", "Unit Kerja (OPD)", units),
            ("Rekap Jenis Pegawai", "PER JENIS PEGAWAI", "Jenis Pegawai", coverage.employment),
        ):
            title = f"REKAPITULASI CAKUPAN IKRAR NETRALITAS {heading} \u2013 {name}"
            recap_sheet(
                workbook, paper, sheet_name, title, facts, group_header, groups, coverage.total, COVERAGE_COLUMNS
            )
        title = f"PEGAWAI YANG BELUM MENYATAKAN IKRAR NETRALITAS \u2013 {name}"
        sheet = _table(workbook, paper, "Belum Ikrar", title, facts, OWING_COLUMNS, owing, step)
        _break_per_unit(sheet, owing)
        title = f"PEGAWAI YANG DIKECUALIKAN \u2013 {name}"
        _table(workbook, paper, "Dikecualikan", title, facts, EXCUSED_COLUMNS, excused)
        title = f"KEGIATAN DALAM KAMPANYE \u2013 {name}"
        _table(workbook, paper, "Kegiatan", title, facts, EVENT_COLUMNS, campaign_events(coverage.campaign.id))
        progress.check_cancelled()
    except BaseException:
        discard(workbook)
        raise
    save_workbook(workbook, target)
    return CampaignExportResult(str(target), "xlsx", coverage.total.target, len(owing))


def _table(
    workbook: Workbook,
    paper: Paper,
    name: str,
    heading: str,
    facts: str,
    columns: Sequence[Column[Row]],
    rows: Sequence[Row],
    step: Callable[[], None] = lambda: None,
) -> Worksheet:
    values = [[column.value(row) for column in columns] for row in rows]
    return table_sheet(workbook, paper, name, heading, facts, columns, [c.header for c in columns], values, step)


def _break_per_unit(sheet: Worksheet, rows: list[MemberRow]) -> None:
    """A printed page break before each OPD after the first, so each OPD's names print apart."""
    for index in range(1, len(rows)):
        if rows[index].unit_kerja.casefold() != rows[index - 1].unit_kerja.casefold():
            sheet.row_breaks.append(Break(id=HEADER_ROW + index))


class CampaignFileJob(Job[CampaignExportResult]):
    """A file for the Sekda, from the view's coverage snapshot when given (else counted now)."""

    def __init__(
        self,
        campaign_id: int,
        path: str | Path,
        *,
        paper: Paper = Paper.A4,
        actor: audit.Actor | None = None,
        coverage: Coverage | None = None,
    ) -> None:
        super().__init__()
        self.campaign_id, self.path, self.paper, self.actor = campaign_id, Path(path), paper, actor
        self.coverage = coverage

    def snapshot(self) -> Coverage:
        self.report(0, 0, "Menghitung cakupan\u2026")
        return self.coverage or load_coverage(self.campaign_id)


class CampaignXlsxJob(CampaignFileJob):
    title = "Mengekspor cakupan ikrar (XLSX)"

    def run(self) -> CampaignExportResult:
        coverage = self.snapshot()
        result = write_campaign_xlsx(coverage, self.path, paper=self.paper, progress=self)
        record_campaign_export(coverage, result.format, result.owing, self.actor)
        return result


def record_campaign_export(coverage: Coverage, format: str, count: int, actor: audit.Actor | None) -> None:
    """Audited like every file with personal data: counts, no names."""
    audit.record(
        "export",
        actor=actor,
        document=DOCUMENT,
        campaign_id=coverage.campaign.id,
        count=count,
        format=format,
        made=long_date(coverage.made_at.date()),
    )


__all__ = [
    "COVERAGE_COLUMNS",
    "CampaignExportResult",
    "CampaignFileJob",
    "CampaignXlsxJob",
    "facts_line",
    "record_campaign_export",
    "write_campaign_xlsx",
]

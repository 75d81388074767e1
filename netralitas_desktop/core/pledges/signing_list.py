"""What a list of people to print is: the daftar hadir (two kinds) and the pledge sheet.

Columns: No, Nama / NIP (the NIP, or the masked NIK of non-ASN staff, under the name), Jabatan,
Unit Kerja, then by kind:

- ``ListKind.SIGNING`` (*untuk ditandatangani*, before or at the event): Tanda Tangan, the usual
  space with odd numbers signing left and even right;
- ``ListKind.RECAP`` (*rekap kehadiran*, after it): Keterangan — ``Hadir 07.45 WIB``, Daring, Izin,
  Sakit, Dinas Luar or Tidak hadir, by ``reports.status`` like the dashboard and the XLSX — and
  Tanda Tangan with the signature captured at the desk, printed large enough to read; a line of
  totals closes the table. People, Keterangan and totals come from one set of status rows.

This module loads a list (``load_signing_list``, ``recap_list``) and says what its columns are;
``list_pages`` lays it out over pages and draws it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..dates import long_date
from ..documents import Letterhead, PageSpec, Paper, naskah_dinas_page
from ..documents.table import Column
from ..event_settings import get_asset, nik_masked
from ..events import EventData, get_event
from ..nip import format_nip, mask_nik
from ..participants import ParticipantRow
from ..reports.status import StatusRow, attendance_remark, recap_rows, status_rows, totals_sentence
from ..signatures import signed_registration_ids
from .document_common import NothingToPrint, listed_rows, print_order
from .document_settings import (
    SIGNATORY_SIGNATURE,
    SIGNATORY_STAMP,
    DocumentSettings,
    letterhead_for,
    load_document_settings,
)


class ListKind(enum.StrEnum):
    """The two daftar hadir: one to sign on paper, one recording what happened."""

    SIGNING = "tanda-tangan"
    RECAP = "rekap"

    @property
    def label(self) -> str:
        return "untuk ditandatangani" if self is ListKind.SIGNING else "rekap kehadiran"


@dataclass(frozen=True)
class ListOptions:
    paper: Paper | None = None  # None: the event's paper setting
    landscape: bool = False
    group_by_unit: bool = False
    only_present: bool = False  # only those checked in (a record after the event)
    signatures: bool = True  # print signatures captured at the desk
    kind: ListKind = ListKind.SIGNING


ListedRow = ParticipantRow | StatusRow  # the recap lists status rows (same fields used)


@dataclass(frozen=True)
class SigningList:
    """Everything one list needs, loaded before drawing."""

    event: EventData
    rows: Sequence[ListedRow]
    options: ListOptions
    title: str
    footer_name: str  # "Daftar Hadir", at the foot of every page
    text: str = ""  # the collective pledge, above the table on page one
    letterhead: Letterhead | None = None  # page one only
    signatory_signature: bytes | None = None
    signatory_stamp: bytes | None = None
    mask_nik: bool = True
    remarks: Mapping[int, str] = field(default_factory=dict)  # RECAP: registration id -> Keterangan
    totals: str = ""  # RECAP: the line of totals under the table
    signed: frozenset[int] = frozenset()  # registrations with a captured signature
    attachment_lines: tuple[str, ...] = ()  # "LAMPIRAN …" at the top right of page one, instead of a kop

    @property
    def recap(self) -> bool:
        return self.options.kind is ListKind.RECAP

    @property
    def prints_signatures(self) -> bool:
        return self.options.signatures and any(row.registration_id in self.signed for row in self.rows)


def id_text(row: ListedRow, *, masked: bool = True) -> str:
    """``19860926 201505 1 001``; ``NIK 3306**********01`` for someone without a NIP (full when not ``masked``)."""
    if row.nip:
        return format_nip(row.nip)
    if row.nik:
        return f"NIK {mask_nik(row.nik) if masked else row.nik}"
    return ""


def columns(grouped: bool, landscape: bool, recap: bool = False) -> list[Column]:
    """Widths are millimetres of an A4 frame (the table scales them to the frame it gets)."""
    widths = {
        # portrait: 160 mm between the margins of tata naskah dinas; landscape: 247 mm
        (False, False): dict(no=8, name=46, jabatan=30, unit=40, remark=0, sign=36),
        (False, True): dict(no=7, name=38, jabatan=28, unit=35, remark=20, sign=32),
        (True, False): dict(no=8, name=62, jabatan=50, unit=70, remark=0, sign=57),
        (True, True): dict(no=8, name=62, jabatan=50, unit=70, remark=24, sign=33),
    }[(landscape, recap)]
    result = [
        Column("No", widths["no"], align="center", max_lines=1),
        Column("Nama / NIP", widths["name"], max_lines=6),
        Column("Jabatan", widths["jabatan"], max_lines=5),
    ]
    if not grouped:
        result.append(Column("Unit Kerja", widths["unit"], max_lines=5))
    if recap:
        result.append(Column("Keterangan", widths["remark"], max_lines=3))
    result.append(Column("Tanda Tangan", widths["sign"]))
    return result


def load_signing_list(
    event_id: int, options: ListOptions, *, title: str, footer_name: str
) -> tuple[SigningList, DocumentSettings]:
    """The event's people, kop and signatory images; the paper is the event's unless ``options`` names one."""
    event = get_event(event_id)
    settings = load_document_settings(event_id)
    if options.paper is None:
        options = replace(options, paper=settings.paper)
    masked = nik_masked(event_id)
    if options.kind is ListKind.RECAP:
        spec = recap_list(event, status_rows(event_id), options, title=title, footer_name=footer_name, mask=masked)
    else:
        rows = listed_rows(event_id, only_present=options.only_present)
        if not rows:
            raise NothingToPrint(_nobody(options))
        signed = frozenset(signed_registration_ids(event_id)) if options.signatures else frozenset()
        spec = SigningList(event, rows, options, title, footer_name, mask_nik=masked, signed=signed)
    spec = replace(
        spec,
        letterhead=letterhead_for(event_id, settings),
        signatory_signature=get_asset(event_id, SIGNATORY_SIGNATURE),
        signatory_stamp=get_asset(event_id, SIGNATORY_STAMP),
    )
    return spec, settings


def recap_list(
    event: EventData, statuses: list[StatusRow], options: ListOptions, *, title: str, footer_name: str, mask: bool
) -> SigningList:
    """A rekap kehadiran of these status rows (one snapshot: people, Keterangan and totals agree).

    Cancelled registrations are left out, as in every count; the report passes its own snapshot.
    """
    rows = sorted(
        (row for row in statuses if row.counted and (row.present or not options.only_present)), key=print_order
    )
    if not rows:
        raise NothingToPrint(_nobody(options))
    return SigningList(
        event,
        rows,
        replace(options, kind=ListKind.RECAP),
        title,
        footer_name,
        mask_nik=mask,
        remarks={row.registration_id: attendance_remark(row, event.time_zone) for row in rows},
        totals=totals_sentence(recap_rows(rows).total),
        signed=frozenset(row.registration_id for row in rows if row.signed) if options.signatures else frozenset(),
    )


def _nobody(options: ListOptions) -> str:
    if options.only_present:
        return "Belum ada peserta yang hadir pada kegiatan ini."
    return "Kegiatan ini belum memiliki peserta; tambahkan atau impor peserta dahulu."


def page_spec(options: ListOptions) -> PageSpec:
    return naskah_dinas_page(options.paper or Paper.A4, options.landscape)


def attachment_lines(document: str, event: EventData) -> tuple[str, ...]:
    """The Lampiran label of tata naskah dinas: what the list is attached to, and its date."""
    lines = ["LAMPIRAN", document.upper()]
    if event.date:
        lines.append(f"TANGGAL {long_date(event.date).upper()}")
    return tuple(lines)


__all__ = [
    "ListKind",
    "ListOptions",
    "SigningList",
    "attachment_lines",
    "columns",
    "id_text",
    "load_signing_list",
    "page_spec",
    "recap_list",
]

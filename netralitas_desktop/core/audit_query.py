"""Reading the audit log for the viewer and the CLI: filter, page, describe, export to CSV.

Entries are read a page at a time, newest first, so the viewer stays quick at 100,000
entries. Details are stored as JSON with ids and counts; ``detail_lines`` says them in
Bahasa Indonesia for a committee member, not a programmer.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import JOIN, fn

from . import audit
from .documents import DocumentError, atomic_output
from .jobs import Job, Progress
from .models import AuditLog, Event
from .reports.export_csv import DELIMITER, ENCODING
from .reports.tables import clean_text, needs_neutralising
from .statuses import method_label

if TYPE_CHECKING:
    from peewee import ColumnBase, Expression, ModelSelect

PAGE_SIZE = 200

ACTION_LABELS = {
    "checkin": "Hadir (check-in)",
    "checkin.walk_in": "Peserta tanpa undangan didaftarkan",
    "checkin.undo": "Kehadiran dibatalkan",
    "checkin.merge": "Hadir di meja offline (digabung)",
    "registration.cancel": "Pendaftaran dibatalkan",
    "registration.restore": "Pendaftaran dipulihkan",
    "participant.add": "Peserta ditambahkan",
    "participant.edit": "Data peserta diubah",
    "participant.delete": "Peserta dihapus dari kegiatan",
    "participant.demo": "Peserta contoh dibuat",
    "participant.merge": "Peserta dari meja offline didaftarkan",
    "roster.import": "Daftar peserta diimpor",
    "invitation.mark_sent": "Undangan ditandai terkirim",
    "invitation.unmark_sent": "Tanda terkirim undangan dihapus",
    "event.create": "Kegiatan dibuat",
    "event.edit": "Kegiatan diubah",
    "event.delete": "Kegiatan dihapus",
    "event.purge": "Data pribadi kegiatan dihapus",
    "signature.save": "Tanda tangan disimpan",
    "signature.delete": "Tanda tangan dihapus",
    "signature.merge": "Tanda tangan dari meja offline",
    "package.export": "Paket meja offline dibuat",
    "package.import": "Paket kegiatan diimpor",
    "package.export_checkins": "Berkas kehadiran meja offline dibuat",
    "package.merge": "Kehadiran meja offline digabung",
    "export": "Berkas diekspor",
    "import": "Data diimpor",
    "revoke": "Sertifikat dicabut",
    "absence.set": "Keterangan tidak hadir dicatat",
    "absence.clear": "Keterangan tidak hadir dihapus",
    "ikrar_mandiri.receive": "Ikrar mandiri diterima",
    "ikrar_mandiri.attach": "Lampiran ikrar mandiri disimpan",
    "ikrar_mandiri.undo": "Penerimaan ikrar mandiri dibatalkan",
    "documents.image": "Gambar dokumen diubah",
    "documents.settings": "Pengaturan dokumen diubah",
}

DETAIL_LABELS = {
    "registration_id": "Nomor pendaftaran",
    "method": "Cara",
    "reason": "Alasan",
    "count": "Jumlah",
    "checked_in_at": "Waktu hadir",
    "first_desk": "Meja pencatat pertama",
    "new_person": "Orang baru",
    "deleted_event_id": "Nomor kegiatan yang dihapus",
    "bytes": "Ukuran (byte)",
    "replaced": "Mengganti yang lama",
    "added": "Ditambahkan",
    "updated": "Diperbarui",
    "unchanged": "Tidak berubah",
    "rejected": "Ditolak",
    "skipped_empty": "Baris kosong dilewati",
    "package_id": "Kode paket",
    "source": "Asal",
    "merged_by_desk": "Digabung di meja",
    "merged_by_operator": "Digabung oleh",
    "replaced_desk": "Menggantikan meja",
    "walk_in": "Tanpa undangan",
    "desks": "Meja",
    "certificate_id": "Nomor sertifikat (internal)",
    "number": "Nomor sertifikat",
    "document": "Dokumen",
    "format": "Format",
    "pages": "Halaman",
    "file": "Berkas",
    "files": "Berkas",
    "rows": "Baris",
    "what": "Jenis",
    "created": "Dibuat",
    "removed": "Dihapus",
    "people": "Orang",
    "registrations": "Pendaftaran",
    "checkins": "Kehadiran",
    "signatures": "Tanda tangan",
    "entries": "Catatan",
    "checkins_new": "Kehadiran baru",
    "checkins_already": "Sudah ada",
    "earlier_wins": "Lebih awal (menggantikan)",
    "later_ignored": "Lebih lambat (diabaikan)",
    "conflicts": "Konflik",
    "walk_ins": "Tanpa undangan didaftarkan",
    "people_new": "Orang baru",
    "origin_event_id": "Nomor kegiatan di kantor",
    "people_deleted": "Orang dihapus",
    "minutes": "Menit",
    "minimum": "Menit minimum",
    "per_person": "Berkas per orang",
    "signed": "Ditandatangani",
    "cancelled_here": "Hadir tetapi dibatalkan di kantor",
    "walk_ins_known": "Tanpa undangan, sudah terdaftar",
    "registrations_recreated": "Pendaftaran dibuat ulang",
    "signatures_added": "Tanda tangan ditambahkan",
    "signatures_replaced": "Tanda tangan diganti",
    "signatures_kept": "Tanda tangan lama dipertahankan",
    "registrations_new": "Peserta baru",
    "registrations_updated": "Peserta diperbarui",
    "registrations_linked": "Tanpa undangan dikaitkan ke kantor",
    "registrations_removed": "Dihapus di kantor",
    "checkins_added": "Kehadiran dari kantor",
    "checkins_earlier": "Kehadiran kantor lebih awal",
    "ikrar_returns": "Ikrar mandiri",
    "certificates": "Sertifikat",
    "absences": "Keterangan tidak hadir",
    "online_attendance": "Kehadiran daring",
    "audit_entries_scrubbed": "Entri audit dibersihkan",
    "days": "Hari",
    "step": "Langkah",
    "report_id": "Nomor laporan",
    "assigned": "Dicocokkan",
    "previous": "Sebelumnya",
    "update_only": "Hanya memperbarui peserta yang sudah terdaftar",
    "not_on_list": "Tidak ada di daftar kegiatan (dilewati)",
    "selection": "Pilihan peserta",
    "marked_sent": "Ditandai terkirim",
}
SELECTION_LABELS = {
    "semua": "semua peserta",
    "terpilih": "peserta terpilih",
    "unit": "satu unit kerja",
    "belum_terkirim": "hanya yang belum terkirim",
}


@dataclass(frozen=True)
class AuditFilter:
    event_id: int | None = None
    action: str = ""  # an action, or a group ("checkin" takes in "checkin.undo" too)
    desk: str = ""
    text: str = ""  # anywhere: action (code or label), desk, operator, details, event title
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    action: str
    event_id: int | None
    event_title: str
    desk: str
    operator: str
    detail: dict[str, Any]

    @property
    def action_label(self) -> str:
        return action_label(self.action)

    @property
    def detail_text(self) -> str:
        return "; ".join(detail_lines(self.detail))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(sep=" "),
            "action": self.action,
            "action_label": self.action_label,
            "event_id": self.event_id,
            "event_title": self.event_title,
            "desk": self.desk,
            "operator": self.operator,
            "detail": self.detail,
        }


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def detail_lines(detail: dict[str, Any]) -> list[str]:
    """``Nomor pendaftaran: 12``, one line per detail, in Bahasa Indonesia."""
    return [
        f"{DETAIL_LABELS.get(key, key.replace('_', ' ').capitalize())}: {_value(key, value)}"
        for key, value in detail.items()
    ]


def _value(key: str, value: object) -> str:
    if value is True:
        return "ya"
    if value is False:
        return "tidak"
    if value is None or value == "":
        return "—"
    if key == "method":
        return method_label(str(value))
    if key == "selection":  # an invitation run's "semua+unit+belum_terkirim"
        return ", ".join(SELECTION_LABELS.get(part, part) for part in str(value).split("+"))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "—"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(k, v)}" for k, v in value.items())
    return str(value)


def _where(audit_filter: AuditFilter) -> list[Expression]:
    conditions: list[Expression] = []
    if audit_filter.event_id is not None:
        conditions.append(AuditLog.event == audit_filter.event_id)
    if audit_filter.action:
        conditions.append(
            (AuditLog.action == audit_filter.action) | AuditLog.action.startswith(f"{audit_filter.action}.")
        )
    if audit_filter.desk:
        conditions.append(AuditLog.desk == audit_filter.desk)
    if audit_filter.date_from:
        conditions.append(AuditLog.at >= dt.datetime.combine(audit_filter.date_from, dt.time()))
    if audit_filter.date_to:
        conditions.append(AuditLog.at < dt.datetime.combine(audit_filter.date_to + dt.timedelta(days=1), dt.time()))
    text = " ".join(audit_filter.text.split())
    if text:
        needle = text.casefold()
        labelled = [action for action, label in ACTION_LABELS.items() if needle in label.casefold()]
        condition = (
            AuditLog.action.contains(text)
            | AuditLog.desk.contains(text)
            | AuditLog.operator.contains(text)
            | AuditLog.detail.contains(text)
            | Event.title.contains(text)
        )
        if labelled:
            condition |= AuditLog.action.in_(labelled)
        conditions.append(condition)
    return conditions


def _query(audit_filter: AuditFilter, *columns: ColumnBase) -> ModelSelect[AuditLog]:
    query = AuditLog.select(*columns).join(Event, JOIN.LEFT_OUTER)
    conditions = _where(audit_filter)
    return query.where(*conditions) if conditions else query


def count_entries(audit_filter: AuditFilter = AuditFilter()) -> int:
    return _query(audit_filter, fn.COUNT(AuditLog.id)).scalar() or 0


def list_entries(
    audit_filter: AuditFilter = AuditFilter(), offset: int = 0, limit: int = PAGE_SIZE
) -> list[AuditEntry]:
    """One page of entries, newest first."""
    query = (
        _query(
            audit_filter,
            AuditLog.id,
            AuditLog.at,
            AuditLog.action,
            AuditLog.event,
            Event.title,
            AuditLog.desk,
            AuditLog.operator,
            AuditLog.detail,
        )
        .order_by(AuditLog.id.desc())
        .offset(max(offset, 0))
        .limit(limit)
        .tuples()
    )
    return [_entry(row) for row in query]


def _entry(row: tuple[Any, ...]) -> AuditEntry:
    entry_id, at, action, event_id, title, desk, operator, detail = row
    try:
        parsed = json.loads(detail) if detail else {}
    except ValueError:
        parsed = {"isi": detail}
    if not isinstance(parsed, dict):
        parsed = {"isi": parsed}
    return AuditEntry(entry_id, at, action, event_id, title or "", desk, operator, parsed)


def action_choices() -> list[tuple[str, str]]:
    """(action, label) of every action present in the log, by label."""
    actions = [action for (action,) in AuditLog.select(AuditLog.action).distinct().tuples()]
    return sorted(((action, action_label(action)) for action in actions), key=lambda item: item[1].casefold())


def desk_choices() -> list[str]:
    desks = [desk for (desk,) in AuditLog.select(AuditLog.desk).distinct().tuples() if desk]
    return sorted(desks, key=str.casefold)


CSV_HEADERS = ["Waktu", "Kegiatan", "Aksi", "Kode aksi", "Meja", "Petugas", "Rincian"]


def write_csv(
    audit_filter: AuditFilter, target: str | Path, *, actor: audit.Actor | None = None, progress: Progress | None = None
) -> int:
    """Every entry the filter shows, newest first, as a CSV for Excel; returns the rows written."""
    progress = progress or Progress()
    total = count_entries(audit_filter)
    written = 0
    with atomic_output(target) as temp:
        try:
            with open(temp, "w", encoding=ENCODING, newline="") as handle:
                writer = csv.writer(handle, delimiter=DELIMITER, lineterminator="\r\n")
                writer.writerow(CSV_HEADERS)
                last_id = None
                while True:  # by id, not OFFSET: a page costs the same at the end as at the start
                    page = _query(
                        audit_filter,
                        AuditLog.id,
                        AuditLog.at,
                        AuditLog.action,
                        AuditLog.event,
                        Event.title,
                        AuditLog.desk,
                        AuditLog.operator,
                        AuditLog.detail,
                    )
                    if last_id is not None:
                        page = page.where(AuditLog.id < last_id)
                    rows = [_entry(row) for row in page.order_by(AuditLog.id.desc()).limit(2000).tuples()]
                    if not rows:
                        break
                    for entry in rows:
                        writer.writerow(
                            [
                                _cell(value)
                                for value in (
                                    entry.at.strftime("%Y-%m-%d %H:%M:%S"),
                                    entry.event_title,
                                    entry.action_label,
                                    entry.action,
                                    entry.desk,
                                    entry.operator,
                                    entry.detail_text,
                                )
                            ]
                        )
                    written += len(rows)
                    last_id = rows[-1].id
                    progress.report(written, total, f"Menulis {written} dari {total} entri…")
                    progress.check_cancelled()
        except OSError as err:
            raise DocumentError(f"Berkas CSV tidak dapat ditulis: {err.strerror or err}.") from err
    audit.record(
        "export", actor=actor, event_id=audit_filter.event_id, what="audit_log", rows=written, file=Path(target).name
    )
    return written


def _cell(text: str) -> str:
    text = clean_text(text or "")
    return f"'{text}" if needs_neutralising(text) else text


class AuditCsvJob(Job[int]):
    title = "Mengekspor log audit"

    def __init__(self, audit_filter: AuditFilter, target: str | Path, actor: audit.Actor | None = None) -> None:
        super().__init__()
        self.audit_filter, self.target, self.actor = audit_filter, target, actor

    def run(self) -> int:
        return write_csv(self.audit_filter, self.target, actor=self.actor, progress=self)


__all__ = [
    "ACTION_LABELS",
    "CSV_HEADERS",
    "PAGE_SIZE",
    "AuditCsvJob",
    "AuditEntry",
    "AuditFilter",
    "action_choices",
    "action_label",
    "count_entries",
    "desk_choices",
    "detail_lines",
    "list_entries",
    "write_csv",
]

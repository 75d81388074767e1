"""What a merge did, in figures and in Bahasa Indonesia: the counts, the conflicts by name."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

COUNT_KEYS = (
    "entries",
    "checkins_new",
    "checkins_already",
    "office_kept",
    "cancelled_here",
    "refused_outside_day",
    "conflicts",
    "walk_ins_pending",
    "walk_ins_waiting",
    "walk_ins_rejected_before",
    "walk_ins",
    "walk_ins_known",
    "registrations_recreated",
    "people_new",
    "signatures_added",
    "signatures_kept",
    "signatures_refused",
)

CONFLICT_TEXT = {
    "office_kept": (
        "sudah hadir di {office_desk} ({office_at}); catatan {desk_desk} ({desk_at}) tidak menggantikannya"
    ),
    "cancelled": "pendaftarannya dibatalkan di kantor, tetapi tercatat hadir di {desk_desk} ({desk_at})",
    "outside_day": "kehadiran di {desk_desk} tercatat {desk_at}, di luar hari kegiatan; ditolak",
}

_LINES = (
    ("checkins_new", "Kehadiran baru"),
    ("checkins_already", "Sudah ada (tidak berubah)"),
    ("office_kept", "Sudah hadir di kantor (catatan kantor tetap)"),
    ("refused_outside_day", "Ditolak: di luar hari kegiatan"),
    ("conflicts", "Konflik dilaporkan"),
    ("walk_ins_pending", "Peserta tanpa undangan masuk daftar tunggu"),
    ("walk_ins_waiting", "Tanpa undangan, sudah di daftar tunggu"),
    ("walk_ins_rejected_before", "Tanpa undangan yang sudah ditolak sebelumnya"),
    ("walk_ins", "Peserta tanpa undangan didaftarkan"),
    ("walk_ins_known", "Tanpa undangan, sudah terdaftar"),
    ("registrations_recreated", "Pendaftaran dibuat ulang"),
    ("people_new", "Orang baru"),
    ("signatures_added", "Tanda tangan ditambahkan"),
    ("signatures_kept", "Tanda tangan kantor tetap"),
    ("signatures_refused", "Tanda tangan ditolak (gambar rusak)"),
)
_CHANGES = ("checkins_new", "walk_ins_pending", "walk_ins", "registrations_recreated", "people_new", "signatures_added")
_ALWAYS = ("checkins_new", "checkins_already", "conflicts", "walk_ins_pending")


@dataclass(frozen=True)
class Conflict:
    registration_id: int | None  # None: a walk-in not registered here
    name: str
    kind: str  # office_kept | cancelled | outside_day
    desk_at: str
    desk_desk: str
    desk_operator: str
    office_at: str = ""
    office_desk: str = ""
    office_operator: str = ""

    @property
    def description(self) -> str:
        """What happened, without the name (for a table with a name column)."""
        return CONFLICT_TEXT[self.kind].format(**asdict(self))

    @property
    def text(self) -> str:
        return f"{self.name}: {self.description}"


@dataclass
class MergeReport:
    event_id: int
    title: str
    source: str  # the laptop database id
    desks: list[str]
    merged_before: bool  # this very file was merged before
    desk_fingerprint: str = ""  # the laptop key that signed the file
    desk_key_confirmed: bool = False  # confirmed just now (the first file of this laptop)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_KEYS, 0))
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the office's data changed (refusals and kept office records change nothing)."""
        return any(self.counts[key] for key in _CHANGES)

    def lines(self) -> list[str]:
        """The report in Bahasa Indonesia, one line per figure worth saying."""
        c = self.counts
        desks = f" (meja: {', '.join(self.desks)})" if self.desks else ""
        lines = [f"Berkas kehadiran kegiatan \u201c{self.title}\u201d: {c['entries']} catatan{desks}."]
        if self.desk_fingerprint:
            lines.append(f"Ditandatangani laptop meja dengan sidik jari {self.desk_fingerprint}.")
        if self.merged_before:
            lines.append("Berkas ini sudah pernah digabung sebelumnya.")
        lines += [f"{label}: {c[key]}" for key, label in _LINES if c[key] or key in _ALWAYS]
        if c["walk_ins_pending"] or c["walk_ins_waiting"]:
            lines.append(
                "Peserta tanpa undangan baru terhitung setelah diperiksa dan disetujui (daftar tunggu di Meja offline)."
            )
        if not self.changed:
            lines.append("Tidak ada yang berubah.")
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "title": self.title,
            "source": self.source,
            "desks": self.desks,
            "merged_before": self.merged_before,
            "desk_fingerprint": self.desk_fingerprint,
            "desk_key_confirmed": self.desk_key_confirmed,
            "counts": self.counts,
            "changed": self.changed,
            "conflicts": [asdict(conflict) | {"text": conflict.text} for conflict in self.conflicts],
        }


__all__ = ["CONFLICT_TEXT", "COUNT_KEYS", "Conflict", "MergeReport"]

"""Each registration's attendance status, decided in one place, and the recaps built on it.

Every report (XLSX, CSV, PDF, the live dashboard, the Peserta tab's status column) reads
status from here, so a person is never "Hadir" in one file and "Tidak Hadir" in another.

Rules (``classify``):
  * an Attendance row with method ``online``  -> ``daring`` (the online import creates
    those only above the event's minimum minutes);
  * any other Attendance row                  -> ``hadir`` (in the room);
  * else an Absence row                       -> ``izin`` / ``sakit`` / ``dinas_luar``;
  * else                                      -> ``tidak_hadir``.
A cancelled registration is ``dibatalkan`` whatever else is recorded, and is left out of
every count ("registered" means registered and not cancelled, walk-ins included).

Stable API (the dashboard and the exports call these):
  * ``STATUSES``, ``COUNTED_STATUSES``, ``STATUS_LABELS``, ``classify(method, reason, cancelled)``
  * ``status_rows(event_id) -> list[StatusRow]``: every registration (cancelled ones too),
    sorted by unit kerja then name, with time, desk, note and pledge status.
  * ``status_by_registration(event_id) -> dict[registration_id, status]`` (cheap; Peserta tab).
  * ``unit_recap(event_id) -> Recap`` and ``employment_recap(event_id) -> Recap``: one
    aggregate query each, for the dashboard's refresh; ``Recap.groups`` (sorted) and
    ``Recap.total`` are ``GroupCount``s.
  * ``recap_rows(rows, by="unit"|"employment") -> Recap``: the same recap from rows already
    loaded (the exports use it, so every sheet of a file comes from one snapshot).
  * ``pledge_counts(rows) -> PledgeCounts``.

Pledge (ikrar) categories: every registered person is in exactly one (``pledge_status(row)``,
also ``StatusRow.pledge_status``), so the report, the XLSX, the Ikrar Mandiri tab and the
campaigns count the same people:
  * ``PledgeStatus.SIGNED``           signed at the check-in desk;
  * ``PledgeStatus.RETURNED``         an ikrar mandiri form came back (absent, or present but unsigned);
  * ``PledgeStatus.PRESENT_UNSIGNED`` attended (room or online) and signed nothing yet: may be given a form;
  * ``PledgeStatus.OWED``             absent (any reason) and no form back yet: to follow up.
``attended_unsigned(rows)`` lists the third category.

One rounding rule for every percentage shown or printed: ``percentage(part, whole)`` to one
decimal, halves rounded up (as a spreadsheet shows ``0.0%``), written ``persen(...)`` =
``69,3%``. ``attendance_remark(row, zone)`` is the Keterangan of the rekap kehadiran.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from peewee import JOIN, fn

from ..dates import clock_time
from ..models import Attendance, Person, Registration, Signature, db
from ..names import fold, full_name
from ..participants import EMPLOYMENT_LABELS
from ..pledges.models import IkrarReturn
from ..statuses import AbsenceReason, AttendanceStatus, Method, PledgeStatus
from .models import Absence, OnlineAttendance

if TYPE_CHECKING:
    from peewee import Field

STATUSES = tuple(AttendanceStatus)
COUNTED_STATUSES = STATUSES[:-1]  # what a registered (not cancelled) person can be
ABSENT_STATUSES = (
    AttendanceStatus.EXCUSED,
    AttendanceStatus.SICK,
    AttendanceStatus.OFFICIAL_DUTY,
    AttendanceStatus.ABSENT,
)
STATUS_LABELS: dict[str, str] = {
    AttendanceStatus.PRESENT: "Hadir",
    AttendanceStatus.ONLINE: "Daring",
    AttendanceStatus.EXCUSED: "Izin",
    AttendanceStatus.SICK: "Sakit",
    AttendanceStatus.OFFICIAL_DUTY: "Dinas Luar",
    AttendanceStatus.ABSENT: "Tidak Hadir",
    AttendanceStatus.CANCELLED: "Dibatalkan",
}
NO_UNIT = "(Tanpa unit kerja)"

PLEDGE_STATUSES = tuple(PledgeStatus)
PLEDGE_LABELS: dict[str, str] = {
    PledgeStatus.SIGNED: "TTD di meja registrasi",
    PledgeStatus.RETURNED: "Ikrar mandiri sudah kembali",
    PledgeStatus.PRESENT_UNSIGNED: "Hadir, belum menandatangani ikrar",
    PledgeStatus.OWED: "Tidak hadir, ikrar mandiri belum kembali",
}


def percentage(part: int, whole: int) -> Decimal:
    """``part`` of ``whole`` in percent, one decimal, halves up (``1 of 60`` -> 1.7); 0 for an empty whole."""
    if not whole:
        return Decimal("0.0")
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def persen(value: Decimal | float) -> str:
    """``69,3%``: one decimal with the Indonesian comma (``value`` already in percent)."""
    rounded = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{rounded}".replace(".", ",") + "%"


def classify(method: str | None, absence_reason: str | None, cancelled: bool = False) -> str:
    """The status from the attendance method (None: no check-in) and the absence reason."""
    if cancelled:
        return AttendanceStatus.CANCELLED
    if method is not None:
        return AttendanceStatus.ONLINE if method == Method.ONLINE else AttendanceStatus.PRESENT
    if absence_reason in tuple(AbsenceReason):
        return AttendanceStatus(absence_reason)
    return AttendanceStatus.ABSENT


@dataclass(frozen=True)
class StatusRow:
    registration_id: int
    full_name: str
    nip: str
    nik: str
    sex: str
    employment_type: str
    golongan: str
    jabatan: str
    unit_kerja: str
    source: str  # invited / walk_in
    mode: str  # onsite / online, as registered
    status: str  # one of STATUSES
    checked_in_at: dt.datetime | None
    desk: str
    operator: str
    method: str  # attendance method, "" without check-in
    note: str  # absence note, or the cancellation reason
    online_minutes: int | None
    signed: bool  # signed the pledge at the desk
    ikrar_mandiri_returned: bool  # the ikrar mandiri form came back
    phone: str = ""  # for following up the absent

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def employment_label(self) -> str:
        return EMPLOYMENT_LABELS.get(self.employment_type, self.employment_type)

    @property
    def counted(self) -> bool:
        return self.status != AttendanceStatus.CANCELLED

    @property
    def present(self) -> bool:
        return self.status in (AttendanceStatus.PRESENT, AttendanceStatus.ONLINE)

    @property
    def pledge_status(self) -> str | None:
        return pledge_status(self)


def pledge_status(row: StatusRow) -> str | None:
    """The row's pledge category (``PLEDGE_*``); None for a cancelled registration."""
    if not row.counted:
        return None
    if row.signed:
        return PledgeStatus.SIGNED
    if row.ikrar_mandiri_returned:
        return PledgeStatus.RETURNED
    return PledgeStatus.PRESENT_UNSIGNED if row.present else PledgeStatus.OWED


def attended_unsigned(rows: Iterable[StatusRow]) -> list[StatusRow]:
    """Those who attended (in the room or online) but signed no pledge, at the desk or on a form."""
    return [row for row in rows if pledge_status(row) == PledgeStatus.PRESENT_UNSIGNED]


REMARKS: dict[str, str] = {
    AttendanceStatus.ONLINE: "Daring",
    AttendanceStatus.EXCUSED: "Izin",
    AttendanceStatus.SICK: "Sakit",
    AttendanceStatus.OFFICIAL_DUTY: "Dinas Luar",
    AttendanceStatus.ABSENT: "Tidak hadir",
}


def attendance_remark(row: StatusRow, time_zone: str) -> str:
    """The Keterangan of the rekap kehadiran: ``Hadir`` with the time and zone on a second line,
    ``Daring``, ``Izin``, ``Sakit``, ``Dinas Luar``, ``Tidak hadir`` (``Dibatalkan`` for a cancelled one)."""
    if row.status == AttendanceStatus.PRESENT:
        return f"Hadir\n{clock_time(row.checked_in_at.time())} {time_zone}" if row.checked_in_at else "Hadir"
    return REMARKS.get(row.status, STATUS_LABELS[row.status])


def status_rows(event_id: int) -> list[StatusRow]:
    """Every registration of the event with its status, sorted by unit kerja then name."""
    query = (
        Registration.select(
            Registration.id,
            Person.gelar_depan,
            Person.nama,
            Person.gelar_belakang,
            Person.nip,
            Person.nik,
            Person.sex,
            Person.employment_type,
            Person.golongan,
            Person.jabatan,
            Person.unit_kerja,
            Person.phone,
            Registration.source,
            Registration.mode,
            Registration.cancelled_at,
            Registration.cancel_reason,
            Attendance.checked_in_at,
            Attendance.desk,
            Attendance.operator,
            Attendance.method,
            Absence.reason,
            Absence.note,
            OnlineAttendance.minutes,
        )
        .join(Person)
        .switch(Registration)
        .join(Attendance, JOIN.LEFT_OUTER)
        .switch(Registration)
        .join(Absence, JOIN.LEFT_OUTER)
        .switch(Registration)
        .join(OnlineAttendance, JOIN.LEFT_OUTER)
        .where(Registration.event == event_id)
        .order_by(Person.unit_kerja, Person.nama, Registration.id)
    )
    signed = _ids(Signature, event_id)
    returned = _ids(IkrarReturn, event_id)
    rows = []
    # The raw cursor skips peewee's per-row model building (see participants.list_participants).
    for (
        reg_id,
        depan,
        nama,
        belakang,
        nip,
        nik,
        sex,
        etype,
        gol,
        jabatan,
        unit,
        phone,
        source,
        mode,
        cancelled_at,
        cancel_reason,
        checked_in_at,
        desk,
        operator,
        method,
        reason,
        absence_note,
        minutes,
    ) in db.execute(query).fetchall():
        cancelled = cancelled_at is not None
        status = classify(method, reason, cancelled)
        note = (cancel_reason or "") if cancelled else (absence_note or "" if status in ABSENT_STATUSES else "")
        rows.append(
            StatusRow(
                reg_id,
                full_name(depan, nama, belakang),
                nip or "",
                nik or "",
                sex or "",
                etype or "",
                gol or "",
                jabatan or "",
                unit or "",
                source,
                mode,
                status,
                _as_datetime(checked_in_at),
                desk or "",
                operator or "",
                method or "",
                note,
                minutes,
                reg_id in signed,
                reg_id in returned,
                phone or "",
            )
        )
    return rows


def status_by_registration(event_id: int) -> dict[int, str]:
    """registration id -> status, for a status column next to an existing roster."""
    query = (
        Registration.select(Registration.id, Registration.cancelled_at, Attendance.method, Absence.reason)
        .switch(Registration)
        .join(Attendance, JOIN.LEFT_OUTER)
        .switch(Registration)
        .join(Absence, JOIN.LEFT_OUTER)
        .where(Registration.event == event_id)
    )
    return {
        reg_id: classify(method, reason, cancelled_at is not None)
        for reg_id, cancelled_at, method, reason in db.execute(query).fetchall()
    }


def _ids(model: type[Signature] | type[IkrarReturn], event_id: int) -> set[int]:
    query = model.select(model.registration).join(Registration).where(Registration.event == event_id).tuples()
    return {registration_id for (registration_id,) in query}


def _as_datetime(value: object) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


# --- Recaps ----------------------------------------------------------------------------------------------


@dataclass
class GroupCount:
    """Counts of one group (an OPD, an employment type, or the total); cancelled ones apart."""

    key: str  # folded unit name or employment type; "" for the total
    label: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))

    @property
    def registered(self) -> int:
        return sum(self.counts[s] for s in COUNTED_STATUSES)

    @property
    def in_room(self) -> int:
        return self.counts[AttendanceStatus.PRESENT]

    @property
    def online(self) -> int:
        return self.counts[AttendanceStatus.ONLINE]

    @property
    def present(self) -> int:
        return self.counts[AttendanceStatus.PRESENT] + self.counts[AttendanceStatus.ONLINE]

    @property
    def absent(self) -> int:
        return self.registered - self.present

    @property
    def cancelled(self) -> int:
        return self.counts[AttendanceStatus.CANCELLED]

    @property
    def percentage(self) -> float:
        """Present (in the room or online) per registered, 0–100; 0 for an empty group."""
        return 100.0 * self.present / self.registered if self.registered else 0.0

    @property
    def percentage_text(self) -> str:
        """``69,3%`` by the one rounding rule (``percentage`` / ``persen``)."""
        return persen(percentage(self.present, self.registered))

    def add(self, status: str, count: int = 1) -> None:
        self.counts[status] += count

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            **self.counts,
            "registered": self.registered,
            "present": self.present,
            "absent": self.absent,
            "percentage": float(percentage(self.present, self.registered)),
        }


@dataclass
class Recap:
    groups: list[GroupCount]
    total: GroupCount

    def to_dict(self) -> dict[str, Any]:
        return {"groups": [g.to_dict() for g in self.groups], "total": self.total.to_dict()}


def _tally(entries: Iterable[tuple[str, str, int]], by: str) -> Recap:
    """Fold (group value, status, count) into a Recap. Units group case- and accent-blind and
    show their most used spelling; employment types come in the order of EMPLOYMENT_LABELS."""
    groups: dict[str, GroupCount] = {}
    spellings: dict[str, Counter[str]] = {}
    total = GroupCount("", "Jumlah")
    for value, status, count in entries:
        value = (value or "").strip()
        if by == "unit":
            key, label = fold(value), value or NO_UNIT
            spellings.setdefault(key, Counter())[label] += count
        else:
            key, label = value, EMPLOYMENT_LABELS.get(value, value or "-")
        groups.setdefault(key, GroupCount(key, label)).add(status, count)
        total.add(status, count)
    for key, counter in spellings.items():
        groups[key].label = min(counter, key=lambda spelling: (-counter[spelling], spelling))
    if by == "unit":
        ordered = sorted(groups.values(), key=lambda g: (not g.key, g.key))
    else:
        order = list(EMPLOYMENT_LABELS)
        ordered = sorted(groups.values(), key=lambda g: (order.index(g.key) if g.key in order else len(order), g.key))
    return Recap(ordered, total)


def recap_rows(rows: Iterable[StatusRow], by: str = "unit") -> Recap:
    """Recap of rows already loaded (``by``: ``unit`` or ``employment``)."""
    attr = "unit_kerja" if by == "unit" else "employment_type"
    return _tally(((getattr(row, attr), row.status, 1) for row in rows), by)


def _aggregate(event_id: int, column: Field[Any], by: str) -> Recap:
    query = (
        Registration.select(
            column,
            Registration.cancelled_at.is_null(False),
            Attendance.method,
            Absence.reason,
            fn.COUNT(Registration.id),
        )
        .join(Person)
        .switch(Registration)
        .join(Attendance, JOIN.LEFT_OUTER)
        .switch(Registration)
        .join(Absence, JOIN.LEFT_OUTER)
        .where(Registration.event == event_id)
        .group_by(column, Registration.cancelled_at.is_null(False), Attendance.method, Absence.reason)
        .tuples()
    )
    return _tally(
        (
            (value, classify(method, reason, bool(cancelled)), count)
            for value, cancelled, method, reason, count in query
        ),
        by,
    )


def unit_recap(event_id: int) -> Recap:
    """Per unit kerja (OPD): registered, in the room, online, absent by reason, percentage."""
    return _aggregate(event_id, Person.unit_kerja, "unit")


def employment_recap(event_id: int) -> Recap:
    """Per employment type (PNS, PPPK, PPNPN, Non-ASN)."""
    return _aggregate(event_id, Person.employment_type, "employment")


@dataclass(frozen=True)
class PledgeCounts:
    """Pledge status of the registered (not cancelled); ``by_status`` splits them into the
    ``PLEDGE_*`` categories (each person in one), the other fields are the dashboard's views."""

    present: int
    signed_at_desk: int  # of the present
    absent: int
    ikrar_returned: int  # of the absent
    neither: int  # absent and no ikrar mandiri yet: to follow up
    present_unsigned: int = 0  # attended, no pledge signed at the desk or returned on a form
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PLEDGE_STATUSES, 0))

    @property
    def registered(self) -> int:
        return sum(self.by_status.values())

    def to_dict(self) -> dict[str, Any]:
        """Flat counts (a purge adds them up key by key): the fields, then one key per category."""
        fields = {key: value for key, value in self.__dict__.items() if key != "by_status"}
        return {**fields, **self.by_status}


def pledge_counts(rows: Iterable[StatusRow]) -> PledgeCounts:
    counted = [row for row in rows if row.counted]
    present = [row for row in counted if row.present]
    absent = [row for row in counted if row.status in ABSENT_STATUSES]
    returned = sum(1 for row in absent if row.ikrar_mandiri_returned)
    by_status: dict[str, int] = dict.fromkeys(PLEDGE_STATUSES, 0)
    for row in counted:
        status = pledge_status(row)
        assert status is not None, "a counted row has a pledge status"
        by_status[status] += 1
    return PledgeCounts(
        len(present),
        sum(1 for row in present if row.signed),
        len(absent),
        returned,
        sum(1 for row in absent if not row.ikrar_mandiri_returned and not row.signed),
        by_status[PledgeStatus.PRESENT_UNSIGNED],
        by_status,
    )


def totals_sentence(total: GroupCount) -> str:
    """One line of the figures under a rekap kehadiran, from the same counts as the report."""
    counts = total.counts
    status = AttendanceStatus
    return (
        f"Jumlah peserta {total.registered}: hadir di ruangan {counts[status.PRESENT]}, "
        f"daring {counts[status.ONLINE]}, "
        f"izin {counts[status.EXCUSED]}, sakit {counts[status.SICK]}, dinas luar {counts[status.OFFICIAL_DUTY]}, "
        f"tidak hadir tanpa keterangan {counts[status.ABSENT]}; kehadiran {total.present} orang "
        f"({total.percentage_text})."
    )


__all__ = [
    "ABSENT_STATUSES",
    "COUNTED_STATUSES",
    "NO_UNIT",
    "PLEDGE_LABELS",
    "PLEDGE_STATUSES",
    "REMARKS",
    "STATUSES",
    "STATUS_LABELS",
    "GroupCount",
    "PledgeCounts",
    "Recap",
    "StatusRow",
    "attendance_remark",
    "attended_unsigned",
    "classify",
    "employment_recap",
    "percentage",
    "persen",
    "pledge_counts",
    "pledge_status",
    "recap_rows",
    "status_by_registration",
    "status_rows",
    "totals_sentence",
    "unit_recap",
]

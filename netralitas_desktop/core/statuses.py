"""The closed sets of values the core stores and writes, one ``StrEnum`` each.

The values are what the database, the files and the JSON/CLI output have always held (a member
*is* its string), so these enums changed no stored data; they give each set one name to import
and let a type checker see a misspelt status. Labels for people live beside the feature that
shows them (``reports.status.STATUS_LABELS``, ``participants.MODE_LABELS``), except the method
labels below, which the desk, the Ikrar Mandiri tab and the audit log share.

Names are English; the Indonesian values stay (they are data).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class AttendanceMode(StrEnum):
    """How a person is registered to attend (``Registration.mode``)."""

    ONSITE = "onsite"
    ONLINE = "online"


class RegistrationSource(StrEnum):
    """How a registration came about (``Registration.source``)."""

    INVITED = "invited"
    WALK_IN = "walk_in"


class Method(StrEnum):
    """How a check-in (``Attendance.method``) or an ikrar mandiri receipt (``IkrarReturn.method``) was made."""

    QR = "qr"
    NIP = "nip"
    NIK = "nik"
    MANUAL = "manual"  # picked from a list by name
    WALK_IN = "walk_in"
    ONLINE = "online"  # from an online meeting's report


class MethodLabel(NamedTuple):
    short: str  # a narrow table column (desk, Ikrar Mandiri tab)
    full: str  # a sentence or the audit log


METHOD_LABELS: dict[Method, MethodLabel] = {
    Method.QR: MethodLabel("QR", "QR undangan"),
    Method.NIP: MethodLabel("NIP", "NIP"),
    Method.NIK: MethodLabel("NIK", "NIK"),
    Method.MANUAL: MethodLabel("Manual", "Pencarian nama"),
    Method.WALK_IN: MethodLabel("Tanpa undangan", "Tanpa undangan"),
    Method.ONLINE: MethodLabel("Daring", "Daring"),
}


def method_label(method: str, *, short: bool = False) -> str:
    """The Indonesian label of a stored method; an unknown one as it is."""
    try:
        label = METHOD_LABELS[Method(method)]
    except ValueError:
        return method
    return label.short if short else label.full


class AbsenceReason(StrEnum):
    """Why a registered person stays away (``Absence.reason``)."""

    EXCUSED = "izin"
    SICK = "sakit"
    OFFICIAL_DUTY = "dinas_luar"


class AttendanceStatus(StrEnum):
    """A registration's attendance status, decided by ``reports.status.classify``."""

    PRESENT = "hadir"
    ONLINE = "daring"
    EXCUSED = AbsenceReason.EXCUSED.value
    SICK = AbsenceReason.SICK.value
    OFFICIAL_DUTY = AbsenceReason.OFFICIAL_DUTY.value
    ABSENT = "tidak_hadir"
    CANCELLED = "dibatalkan"


class PledgeStatus(StrEnum):
    """Where a registered person stands with the pledge (``reports.status.pledge_status``)."""

    SIGNED = "ttd_meja"  # signed at the check-in desk
    RETURNED = "mandiri_kembali"  # an ikrar mandiri form came back
    PRESENT_UNSIGNED = "hadir_belum_ttd"  # attended, signed nothing yet
    OWED = "mandiri_belum"  # absent, no form back yet


__all__ = [
    "METHOD_LABELS",
    "AbsenceReason",
    "AttendanceMode",
    "AttendanceStatus",
    "Method",
    "MethodLabel",
    "PledgeStatus",
    "RegistrationSource",
    "method_label",
]

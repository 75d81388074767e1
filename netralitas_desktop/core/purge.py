"""Purging an event's personal data once it is no longer needed, keeping its totals.

After a purge the event itself stays (title, date, documents settings), with a summary of
its counts in the event setting ``PURGE_SUMMARY`` so reports can still show how many were
invited and came, per OPD and per employment type. Gone: every registration of the event
with its check-ins, signatures, ikrar returns, absences, online minutes and certificates;
every row of its online meeting reports (names and emails as the meeting showed them) and
the laptops' walk-ins still awaiting review; the people registered for no other event; free
text typed into the event's audit entries. ``purge_files`` then removes what is left in
files: free pages and the WAL of the SQLite file, backups holding the event, print folders.

Other features add their own personal data to ``_delete_personal_data`` and their own
figures to ``summarize``, so a purge stays one transaction.

A retention reminder lists events older than ``retention_days()`` that still hold
personal data, for the main window to show at start-up.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from peewee import fn

from . import audit
from .certificates.models import Certificate
from .certificates.register import retain_on_purge
from .event_settings import get_setting, set_setting
from .events import NotFoundError, ValidationError
from .models import AppSetting, Attendance, AuditLog, Event, Person, Registration, Signature, db, now
from .offline.models import PendingWalkIn
from .pledges.models import IkrarReturn
from .reports.models import Absence, OnlineAlias, OnlineAttendance, OnlineReport, OnlineSegment
from .reports.status import employment_recap, pledge_counts, status_rows, unit_recap
from .statuses import AttendanceStatus, RegistrationSource

if TYPE_CHECKING:
    from peewee import ModelSelect

PURGE_SUMMARY = "purge_summary"  # event setting: the counts kept after a purge (see ``purge_event``)
RETENTION_SETTING = "retention_days"  # app setting (per database, so every desk agrees)
DEFAULT_RETENTION_DAYS = 365
MAX_RETENTION_DAYS = 36_500
SCRUBBED = "(dihapus)"
# Audit detail keys whose values an operator typed or that name a person.
_FREE_TEXT_KEYS = ("reason", "note", "display_name", "name", "nama", "nip", "nik", "file")
_CHUNK = 500
_DEPENDENTS = (
    ("checkins", Attendance),
    ("signatures", Signature),
    ("ikrar_returns", IkrarReturn),
    ("certificates", Certificate),
    ("absences", Absence),
    ("online_attendance", OnlineAttendance),
)


@dataclass(frozen=True)
class PurgePreview:
    """What a purge would delete, for the confirmation dialog."""

    event_id: int
    title: str
    date: dt.date
    registrations: int
    people_deleted: int  # registered for this event only
    people_kept: int  # also registered for other events
    checkins: int
    signatures: int
    certificates: int
    purged_before: str | None  # when an earlier purge ran (ISO), if any
    online_rows: int = 0  # rows of imported meeting reports (names and emails as the meeting showed them)
    pending_walk_ins: int = 0  # laptops' walk-ins waiting for review

    @property
    def has_personal_data(self) -> bool:
        return self.registrations > 0 or self.online_rows > 0 or self.pending_walk_ins > 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"date": self.date.isoformat()}


@dataclass(frozen=True)
class DueEvent:
    event_id: int
    title: str
    date: dt.date
    age_days: int
    registrations: int


def _event(event_id: int) -> Event:
    event = Event.get_or_none(Event.id == event_id)
    if event is None:
        raise NotFoundError(f"Kegiatan nomor {event_id} tidak ditemukan.")
    return event


def _event_people(event_id: int) -> ModelSelect[Registration]:
    return Registration.select(Registration.person).where(Registration.event == event_id)


def _shared_people(event_id: int) -> set[int]:
    query = (
        Registration.select(Registration.person)
        .where(Registration.person.in_(_event_people(event_id)) & (Registration.event != event_id))
        .distinct()
    )
    return {person_id for (person_id,) in query.tuples()}


def preview(event_id: int) -> PurgePreview:
    event = _event(event_id)
    people = {person_id for (person_id,) in _event_people(event_id).distinct().tuples()}
    kept = _shared_people(event_id)
    registrations = Registration.select(Registration.id).where(Registration.event == event_id)
    summary = get_setting(event_id, PURGE_SUMMARY)
    return PurgePreview(
        event_id,
        event.title,
        event.date,
        registrations.count(),
        len(people - kept),
        len(kept),
        Attendance.select().where(Attendance.registration.in_(registrations)).count(),
        Signature.select().where(Signature.registration.in_(registrations)).count(),
        Certificate.select().where(Certificate.registration.in_(registrations)).count(),
        summary.get("purged_at") if summary else None,
        _online_segments(event_id).count(),
        PendingWalkIn.select().where(PendingWalkIn.event == event_id).count(),
    )


def _online_segments(event_id: int) -> ModelSelect[OnlineSegment]:
    reports = OnlineReport.select(OnlineReport.id).where(OnlineReport.event == event_id)
    return OnlineSegment.select(OnlineSegment.id).where(OnlineSegment.report.in_(reports))


def title_matches(event_id: int, typed: str) -> bool:
    """Whether ``typed`` is the event's title (spaces and case aside): the GUI's confirmation."""
    return " ".join(typed.split()).casefold() == " ".join(_event(event_id).title.split()).casefold()


Summary = dict[str, Any]  # JSON kept in the event's settings: counts, pledges, recap groups (see summarize)


def summarize(event_id: int) -> Summary:
    """The counts a purge keeps: the reports' own recaps (``reports.status``), without names."""
    rows = status_rows(event_id)
    registrations = Registration.select(Registration.id).where(Registration.event == event_id)
    units = unit_recap(event_id)
    return {
        "total": units.total.to_dict(),
        "units": [group.to_dict() for group in units.groups],
        "employment": [group.to_dict() for group in employment_recap(event_id).groups],
        "pledges": pledge_counts(rows).to_dict(),
        "walk_ins": sum(
            1 for row in rows if row.source == RegistrationSource.WALK_IN and row.status != AttendanceStatus.CANCELLED
        ),
        "signatures": Signature.select().where(Signature.registration.in_(registrations)).count(),
        "certificates": Certificate.select().where(Certificate.registration.in_(registrations)).count(),
    }


def purge_event(event_id: int, *, actor: audit.Actor | None = None) -> Summary:
    """Delete the event's personal data, keep its counts; returns the summary stored."""
    actor = actor or audit.Actor.default()
    with db.atomic():
        event = _event(event_id)
        current = preview(event_id)
        if not current.has_personal_data:
            raise ValidationError(
                {
                    "event": (
                        f"Kegiatan \u201c{event.title}\u201d tidak menyimpan data pribadi peserta lagi; "
                        "tidak ada yang dihapus."
                    )
                }
            )
        summary = summarize(event_id)
        _keep_campaign_coverage(event_id)
        previous = get_setting(event_id, PURGE_SUMMARY)
        if previous:
            summary = combine(previous, summary)
        retain_on_purge(event_id)  # numbers and revocations outlive the certificate rows deleted below
        deleted = _delete_personal_data(event_id)
        scrubbed = _scrub_audit(event_id)
        summary |= {
            "purged_at": now().isoformat(sep=" "),
            "purged_by_desk": actor.desk,
            "purged_by_operator": actor.operator,
        }
        set_setting(event_id, PURGE_SUMMARY, summary)
        audit.record("event.purge", actor=actor, event_id=event_id, audit_entries_scrubbed=scrubbed, **deleted)
    return summary


def _keep_campaign_coverage(event_id: int) -> int:
    """Campaigns counting this event keep who it covered (``campaigns.purge_credits``, issue 17)."""
    from .campaigns.purge_credits import keep_coverage

    return keep_coverage(event_id)


def _delete_personal_data(event_id: int) -> dict[str, int]:
    registrations = Registration.select(Registration.id).where(Registration.event == event_id)
    deleted = {
        name: model.delete().where(model.registration.in_(registrations)).execute() for name, model in _DEPENDENTS
    }
    deleted |= _delete_online_reports(event_id)
    deleted["pending_walk_ins"] = PendingWalkIn.delete().where(PendingWalkIn.event == event_id).execute()
    people = {person_id for (person_id,) in _event_people(event_id).distinct().tuples()} - _shared_people(event_id)
    deleted["registrations"] = Registration.delete().where(Registration.event == event_id).execute()
    ordered = sorted(people)
    deleted["people_deleted"] = sum(
        Person.delete().where(Person.id.in_(ordered[start : start + _CHUNK])).execute()
        for start in range(0, len(ordered), _CHUNK)
    )
    return deleted


def _delete_online_reports(event_id: int) -> dict[str, int]:
    """Meeting reports keep every row as the meeting showed it, matched or not: all of it goes.
    The minutes that counted are in the summary (``daring``); a report imported again later is new."""
    segments = OnlineSegment.delete().where(OnlineSegment.id.in_(_online_segments(event_id))).execute()
    aliases = OnlineAlias.delete().where(OnlineAlias.event == event_id).execute()
    reports = OnlineReport.delete().where(OnlineReport.event == event_id).execute()
    return {"online_segments": segments, "online_aliases": aliases, "online_reports": reports}


def _scrub_audit(event_id: int) -> int:
    """Replace free text (reasons typed at a desk may hold a name) in the event's audit entries."""
    changed = 0
    for entry_id, detail in AuditLog.select(AuditLog.id, AuditLog.detail).where(AuditLog.event == event_id).tuples():
        try:
            values = json.loads(detail) if detail else {}
        except ValueError:
            values = {"isi": detail}
        if not isinstance(values, dict):
            continue
        hits = [key for key in values if key in _FREE_TEXT_KEYS and values[key] not in (None, "", SCRUBBED)]
        if hits:
            values.update(dict.fromkeys(hits, SCRUBBED))
            AuditLog.update(detail=json.dumps(values, ensure_ascii=False, sort_keys=True)).where(
                AuditLog.id == entry_id
            ).execute()
            changed += 1
    return changed


def combine(old: Summary, new: Summary) -> Summary:
    """Add up two summaries (data registered after an earlier purge, purged again)."""
    out = dict(new)
    for key in ("walk_ins", "signatures", "certificates"):
        out[key] = old.get(key, 0) + new.get(key, 0)
    out["pledges"] = {k: old.get("pledges", {}).get(k, 0) + v for k, v in new["pledges"].items()}
    out["total"] = _add_group(old.get("total", {}), new["total"])
    for key in ("units", "employment"):
        groups = {group["key"]: group for group in old.get(key, [])}
        for group in new[key]:
            groups[group["key"]] = _add_group(groups.get(group["key"], {}), group)
        out[key] = sorted(groups.values(), key=lambda group: (not group["key"], group["key"]))
    return out


def _add_group(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    out = {k: (old.get(k, 0) + v if isinstance(v, int) and not isinstance(v, bool) else v) for k, v in new.items()}
    out["percentage"] = round(100.0 * out["present"] / out["registered"], 1) if out.get("registered") else 0.0
    return out


# --- retention ---------------------------------------------------------------------------------------


def retention_days() -> int:
    row = AppSetting.get_or_none(AppSetting.key == RETENTION_SETTING)
    try:
        return int(row.value) if row else DEFAULT_RETENTION_DAYS
    except ValueError:
        return DEFAULT_RETENTION_DAYS


def set_retention_days(days: int, *, actor: audit.Actor | None = None) -> None:
    if not 1 <= int(days) <= MAX_RETENTION_DAYS:
        raise ValidationError({"retention_days": f"Masa simpan harus antara 1 dan {MAX_RETENTION_DAYS} hari."})
    with db.atomic():
        AppSetting.insert(key=RETENTION_SETTING, value=str(int(days))).on_conflict(
            conflict_target=[AppSetting.key], update={AppSetting.value: str(int(days))}
        ).execute()
        audit.record("settings.retention", actor=actor, days=int(days))


def events_due_for_purge(today: dt.date | None = None, days: int | None = None) -> list[DueEvent]:
    """Events held longer than the retention period that still hold participants' data, oldest first."""
    today = today or dt.date.today()
    days = retention_days() if days is None else days
    cutoff = today - dt.timedelta(days=days)
    query = (
        Event.select(Event.id, Event.title, Event.date, fn.COUNT(Registration.id))
        .join(Registration)
        .where(Event.date < cutoff)
        .group_by(Event.id, Event.title, Event.date)
        .order_by(Event.date, Event.id)
        .tuples()
    )
    return [DueEvent(event_id, title, date, (today - date).days, count) for event_id, title, date, count in query]


def retention_message(due: list[DueEvent], days: int | None = None) -> str | None:
    """The start-up reminder in Bahasa Indonesia, or None when nothing is due."""
    if not due:
        return None
    days = retention_days() if days is None else days
    shown = "\n".join(f"• {event.title} ({event.date:%d-%m-%Y}, {event.registrations} peserta)" for event in due[:10])
    more = f"\n… dan {len(due) - 10} kegiatan lain." if len(due) > 10 else ""
    return (
        f"{len(due)} kegiatan sudah lebih dari {days} hari berlalu dan masih menyimpan data pribadi peserta:\n"
        f"{shown}{more}\n\nBila data itu tidak diperlukan lagi, hapus data pribadinya (jumlah hadir tetap "
        "tersimpan untuk laporan): pilih kegiatan, lalu Hapus data pribadi."
    )


__all__ = [
    "DEFAULT_RETENTION_DAYS",
    "PURGE_SUMMARY",
    "RETENTION_SETTING",
    "DueEvent",
    "PurgePreview",
    "combine",
    "events_due_for_purge",
    "preview",
    "purge_event",
    "retention_days",
    "retention_message",
    "set_retention_days",
    "summarize",
    "title_matches",
]

"""Who in the master roster has pledged in a campaign — per OPD, per employment type — and who still owes.

A member is *covered* when a registration of theirs in any event of the campaign took the
pledge (``pledge_route``): signed at the desk, present in the room (the collective sheet),
counted online above the minimum, or returned an ikrar mandiri form — or when a purged
event left a credit for them (``purge_credits``). Statuses come from ``reports.status``
(``classify``), the one place that decides them; ``pledge_route`` is the rule of
``pledges.returns.owed_rows`` read the other way round: a registration is covered exactly
when it does not owe an ikrar mandiri form.

A registration is the member's when its person has the member's NIP (NI PPPK), or else the
member's NIK without a different NIP: the same human across events is one member, counted
once whatever the route. Members marked as gone are out of the target; movers count in
their current OPD (the roster's unit kerja, not the one an event's invitation list had).
*Excused*: not covered, excused with a reason (``service.excuse``); *owing*: the rest.

``load_coverage`` is one snapshot for the view, the CLI, the workbook and the PDF, so they
always agree. It reads only registrations with a check-in, a signature or a returned form
(no other registration can be covered), and the roster's numbers and units: the names of
those still owing are read by ``owing_rows`` for the selection shown.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from peewee import JOIN

from ..models import Attendance, Event, Registration, db
from ..names import fold, full_name, name_key
from ..nip import format_nip, mask_nik
from ..participants import EMPLOYMENT_LABELS
from ..reports.models import Absence
from ..reports.status import STATUS_LABELS, classify, percentage, persen
from ..roster.bulk import chunks, select_in
from ..statuses import AttendanceStatus
from .models import CampaignExcuse, CoverageCredit, RosterMember
from .pledged import (
    ROUTE_DESK,
    ROUTE_LABELS,
    ROUTE_MANDIRI,
    ROUTE_ONLINE,
    ROUTE_SHEET,
    ROUTES,
    RosterIndex,
    person_members,
    pledge_route,
    pledged_members,
    roster_index,
)
from .service import EXCUSE_REASONS, CampaignInfo, get_campaign

COVERED, EXCUSED, OWING = "covered", "excused", "owing"
STATE_LABELS = {COVERED: "Sudah ikrar", EXCUSED: "Dikecualikan", OWING: "Belum ikrar"}
NO_UNIT = "(Tanpa unit kerja)"
TOTAL_LABEL = "Jumlah"
_OWING = (OWING, "")
_IDS_PER_QUERY = 500


@dataclass
class GroupCoverage:
    """Coverage of one group: an OPD, an employment type, or the total (``key`` "")."""

    key: str
    label: str
    target: int = 0  # active members
    covered: int = 0
    excused: int = 0  # not covered, excused with a reason
    routes: Counter[str] = field(default_factory=Counter)  # covered, by the route counted
    reasons: Counter[str] = field(default_factory=Counter)  # excused, by reason

    @property
    def owing(self) -> int:
        return self.target - self.covered - self.excused

    @property
    def percentage(self) -> Decimal:
        """Covered per member who must pledge (target less the excused), 0–100, by the one rounding
        rule (``reports.status.percentage``); 100 when everyone is excused, 0 for an empty group."""
        due = self.covered + self.owing
        if not due:
            return Decimal(100 if self.target else 0)
        return percentage(self.covered, due)

    @property
    def percentage_text(self) -> str:
        """``85,3%`` (``reports.status.persen``)."""
        return persen(self.percentage)

    def add(self, state: str, detail: str, count: int = 1) -> None:
        self.target += count
        if state == COVERED:
            self.covered += count
            self.routes[detail] += count
        elif state == EXCUSED:
            self.excused += count
            self.reasons[detail] += count

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "target": self.target,
            "covered": self.covered,
            "excused": self.excused,
            "owing": self.owing,
            "percentage": float(self.percentage),
            "routes": {route: self.routes.get(route, 0) for route in ROUTES},
            "excused_reasons": {reason: self.reasons[reason] for reason in EXCUSE_REASONS if self.reasons[reason]},
        }


@dataclass
class Coverage:
    campaign: CampaignInfo
    made_at: dt.datetime
    total: GroupCoverage
    units: list[GroupCoverage]  # by OPD name
    employment: list[GroupCoverage]  # in EMPLOYMENT_LABELS order
    unit_employment: dict[tuple[str, str], GroupCoverage]  # (unit key, employment type) -> coverage
    states: dict[int, tuple[str, str]]  # active member id -> (state, route or excuse reason)
    member_units: dict[int, str]  # active member id -> unit key
    outside_roster: int  # people who pledged in the campaign's events but are no active member
    left_members: int  # marked as gone: out of the target
    unit_members: dict[str, list[int]] = field(default_factory=dict)  # unit key -> its active member ids

    def unit(self, key: str) -> GroupCoverage | None:
        return next((group for group in self.units if group.key == key), None)

    def employment_in(self, unit_key: str | None) -> list[GroupCoverage]:
        if unit_key is None:
            return self.employment
        return [
            group
            for kind in _employment_order({k for (u, k) in self.unit_employment if u == unit_key})
            if (group := self.unit_employment[(unit_key, kind)]).target
        ]

    def unit_key_of(self, text: str) -> str | None:
        """The key of the OPD named ``text`` (case, accents and spacing aside), None if no member has it."""
        key = fold(text)
        return key if self.unit(key) is not None else None

    def member_ids(self, state: str, unit_key: str | None = None) -> list[int]:
        states = self.states
        if unit_key is None:
            return [member_id for member_id, (found, _) in states.items() if found == state]
        return [member_id for member_id in self.unit_members.get(unit_key, ()) if states[member_id][0] == state]

    def to_dict(self, unit_key: str | None = None) -> dict[str, Any]:
        selected = self.unit(unit_key) if unit_key is not None else self.total
        return {
            "campaign": self.campaign.to_dict(),
            "made_at": self.made_at.isoformat(sep=" "),
            "opd": selected.label if unit_key is not None and selected else None,
            "total": selected.to_dict() if selected else None,
            "units": [group.to_dict() for group in self.units if unit_key is None or group.key == unit_key],
            "employment": [group.to_dict() for group in self.employment_in(unit_key)],
            "outside_roster": self.outside_roster,
            "left_members": self.left_members,
        }


def _employment_order(kinds: Iterable[str]) -> list[str]:
    order = list(EMPLOYMENT_LABELS)
    return sorted(kinds, key=lambda kind: (order.index(kind) if kind in order else len(order), kind))


# --- the snapshot --------------------------------------------------------------------------------------------


def load_coverage(campaign_id: int) -> Coverage:
    """The campaign's coverage as it is now (``NotFoundError`` for an unknown campaign)."""
    campaign = get_campaign(campaign_id)
    made_at = dt.datetime.now().replace(microsecond=0)
    roster = roster_index()
    route_of, outside = pledged_members(campaign.event_ids, roster.active)
    credits = CoverageCredit.select(CoverageCredit.member, CoverageCredit.route).where(
        CoverageCredit.campaign == campaign_id
    )
    for member_id, route in credits.tuples():
        route_of.setdefault(member_id, route)
    excused: dict[int, str] = dict(
        CampaignExcuse.select(CampaignExcuse.member, CampaignExcuse.reason)
        .where(CampaignExcuse.campaign == campaign_id)
        .tuples()
    )
    return _tally(campaign, made_at, roster, route_of, excused, len(outside))


def _tally(
    campaign: CampaignInfo,
    made_at: dt.datetime,
    roster: RosterIndex,
    route_of: dict[int, str],
    excused: dict[int, str],
    outside: int,
) -> Coverage:
    """Each member's state, then the groups from a count per (unit, type, state): 50,000 members, few groups."""
    states: dict[int, tuple[str, str]] = {}
    counted: Counter[tuple[str, str, str, tuple[str, str]]] = Counter()  # (unit key, spelling, type, state)
    for member_id, (key, spelling, kind) in roster.active.items():
        route = route_of.get(member_id)
        if route is not None:
            state = (COVERED, route)
        elif member_id in excused:
            state = (EXCUSED, excused[member_id])
        else:
            state = _OWING
        states[member_id] = state
        counted[(key, spelling, kind, state)] += 1
    total = GroupCoverage("", TOTAL_LABEL)
    units: dict[str, GroupCoverage] = {}
    spellings: dict[str, Counter[str]] = {}
    kinds: dict[str, GroupCoverage] = {}
    crossed: dict[tuple[str, str], GroupCoverage] = {}
    for (key, spelling, kind, state), count in counted.items():
        spellings.setdefault(key, Counter())[spelling] += count
        kind_label = EMPLOYMENT_LABELS.get(kind, kind or "-")
        for group in (
            total,
            _group(units, key, key, ""),
            _group(kinds, kind, kind, kind_label),
            _group(crossed, (key, kind), kind, kind_label),
        ):
            group.add(*state, count)
    for key, counter in spellings.items():
        units[key].label = min(counter, key=lambda text: (-counter[text], text)) or NO_UNIT
    return Coverage(
        campaign,
        made_at,
        total,
        sorted(units.values(), key=lambda g: (not g.key, g.label.casefold())),
        [kinds[kind] for kind in _employment_order(kinds)],
        crossed,
        states,
        roster.units,  # kept with the roster: read-only
        outside,
        roster.left,
        roster.unit_members,
    )


def _group(groups: dict[K, GroupCoverage], index: K, key: str, label: str) -> GroupCoverage:
    group = groups.get(index)
    if group is None:
        group = groups[index] = GroupCoverage(key, label)
    return group


K = TypeVar("K")


# --- the names still owing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberRow:
    """A member shown in a list (owing or excused), with what the campaign's events say of them."""

    member_id: int
    full_name: str
    nip: str
    nik: str
    employment_type: str
    golongan: str
    jabatan: str
    unit_kerja: str
    phone: str
    previous_unit: str  # the OPD before their last move, "" if none
    note: str  # what the campaign's events say, e.g. "Izin: Sosialisasi Kecamatan Bayan"
    excuse_reason: str = ""
    excuse_note: str = ""
    form_made: dt.date | None = None  # the campaign's ikrar mandiri form was made that day

    @property
    def full_note(self) -> str:
        """The note with the form made, for follow-up lists: "Izin: …; formulir ikrar mandiri dibuat 12-10-2024"."""
        made = f"formulir ikrar mandiri dibuat {self.form_made:%d-%m-%Y}" if self.form_made else ""
        text = "; ".join(part for part in (self.note, made) if part)
        return text[:1].upper() + text[1:]

    @property
    def employment_label(self) -> str:
        return EMPLOYMENT_LABELS.get(self.employment_type, self.employment_type)

    @property
    def printed_identity(self) -> str:
        """The NIP (NI PPPK) grouped as printed, or for non-ASN staff the NIK masked (UU PDP: lists
        handed around need no whole NIK)."""
        if self.nip:
            return format_nip(self.nip)
        return f"NIK {mask_nik(self.nik)}" if self.nik else ""

    @property
    def excuse_label(self) -> str:
        label = EXCUSE_REASONS.get(self.excuse_reason, self.excuse_reason)
        return f"{label}: {self.excuse_note}" if self.excuse_note else label

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["employment_label"] = self.employment_label
        out["printed_identity"] = self.printed_identity
        out["full_note"] = self.full_note
        out["form_made"] = self.form_made.isoformat() if self.form_made else None
        return out


_LIST_COLUMNS = (
    RosterMember.id,
    RosterMember.gelar_depan,
    RosterMember.nama,
    RosterMember.gelar_belakang,
    RosterMember.nip,
    RosterMember.nik,
    RosterMember.employment_type,
    RosterMember.golongan,
    RosterMember.jabatan,
    RosterMember.unit_kerja,
    RosterMember.phone,
    RosterMember.previous_unit,
)


def owing_rows(coverage: Coverage, unit_key: str | None = None, *, state: str = OWING) -> list[MemberRow]:
    """The members still owing (or, with ``state``, excused) in one OPD or all, by OPD then name."""
    wanted = coverage.member_ids(state, unit_key)
    excuses = _excuses(coverage.campaign.id, wanted) if state == EXCUSED else {}
    notes = _notes(coverage.campaign, wanted)
    rows = []
    # Plain SQL in chunks (``roster.bulk``): peewee's per-value work would cost more than the query.
    for member_id, depan, nama, belakang, nip, nik, kind, gol, jabatan, unit, phone, previous in select_in(
        RosterMember, _LIST_COLUMNS, RosterMember.id, wanted, lambda: None
    ):
        reason, note = excuses.get(member_id, ("", ""))
        event_note, made = notes.get(member_id, ("", None))
        rows.append(
            MemberRow(
                member_id,
                full_name(depan, nama, belakang),
                nip or "",
                nik or "",
                kind or "",
                gol or "",
                jabatan or "",
                unit or "",
                phone or "",
                previous or "",
                event_note,
                reason,
                note,
                made,
            )
        )
    rows.sort(key=lambda r: (not r.unit_kerja, fold(r.unit_kerja), name_key(r.full_name), r.member_id))
    return rows


def _excuses(campaign_id: int, member_ids: list[int]) -> dict[int, tuple[str, str]]:
    found = {}
    for batch in chunks(member_ids, _IDS_PER_QUERY):
        query = CampaignExcuse.select(CampaignExcuse.member, CampaignExcuse.reason, CampaignExcuse.note).where(
            (CampaignExcuse.campaign == campaign_id) & CampaignExcuse.member.in_(list(batch))
        )
        found.update({member_id: (reason, note) for member_id, reason, note in query.tuples()})
    return found


# (event id, registered at, cancelled, check-in method, absence reason) as the driver returns them
_Noted = tuple[Any, ...]


def _notes(campaign: CampaignInfo, member_ids: list[int]) -> dict[int, tuple[str, dt.date | None]]:
    """member id -> what the campaign's events recorded of them (absent with a reason, a form made)."""
    if not member_ids or not campaign.event_ids:
        return {}
    titles: dict[int, str] = dict(
        Event.select(Event.id, Event.title).where(Event.id.in_(list(campaign.event_ids))).tuples()
    )
    wanted = set(member_ids)
    member_of = {person: member for person, member in person_members().items() if member in wanted}
    events = set(campaign.event_ids)
    found: dict[int, list[_Noted]] = {}
    # By person (their index), not by event: a campaign's events hold far more people than one OPD owes.
    for batch in chunks(sorted(member_of), _IDS_PER_QUERY):
        query = (
            Registration.select(
                Registration.person,
                Registration.event,
                Registration.created_at,
                Registration.cancelled_at.is_null(False),
                Attendance.method,
                Absence.reason,
            )
            .join(Attendance, JOIN.LEFT_OUTER)
            .switch(Registration)
            .join(Absence, JOIN.LEFT_OUTER)
            .where(Registration.person.in_(list(batch)))
        )
        for person_id, event_id, *row in db.execute(query):  # raw: _note reads the dates either way
            if event_id in events:
                found.setdefault(member_of[person_id], []).append((event_id, *row))
    return {
        member_id: _note(sorted(rows, key=lambda row: (row[0], str(row[1]))), titles, campaign.mandiri_event_id)
        for member_id, rows in found.items()
    }


def _note(found: list[_Noted], titles: dict[int, str], mandiri_event_id: int | None) -> tuple[str, dt.date | None]:
    """(what the events say, the day the campaign's ikrar mandiri form was made, if it was)."""
    parts, made = [], None
    for event_id, created_at, cancelled, method, reason in found:
        status = classify(method, reason, bool(cancelled))
        if event_id == mandiri_event_id:
            at = created_at if isinstance(created_at, dt.datetime) else dt.datetime.fromisoformat(str(created_at))
            made = at.date()
        elif status == AttendanceStatus.ABSENT:
            parts.append(f"tidak hadir: {titles.get(event_id, '')}")
        else:
            parts.append(f"{STATUS_LABELS[status]}: {titles.get(event_id, '')}")
    text = "; ".join(dict.fromkeys(parts))
    return text[:1].upper() + text[1:], made


__all__ = [
    "COVERED",
    "EXCUSED",
    "OWING",
    "ROUTES",
    "ROUTE_DESK",
    "ROUTE_LABELS",
    "ROUTE_MANDIRI",
    "ROUTE_ONLINE",
    "ROUTE_SHEET",
    "STATE_LABELS",
    "Coverage",
    "GroupCoverage",
    "MemberRow",
    "load_coverage",
    "owing_rows",
    "pledge_route",
]

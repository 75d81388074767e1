"""Who took the pledge in a set of events, and which master roster member each person is.

``pledge_route`` reads ``reports.status``: the status (``classify``) and the pledge category
(``pledge_status``) of a registration, so a campaign counts the people the event's report,
workbook and Ikrar Mandiri tab count: signed at the desk, an ikrar mandiri form back, or
present (the collective sheet in the room, or online above the minimum). Cancelled
registrations never count.

A person is a member when they share the member's NIP (NI PPPK), or else the member's NIK
unless the two carry different NIPs — the same human across events is one member. The rule
is SQL (``with_member``), used for single lists and for the whole person table alike.

Speed (50,000 people over 30 events, refreshed while desks check in): the evidence is kept
and caught up with what desks add (``evidence``); the person -> member map and the active
members' OPDs change only when people or the roster change, so they are kept per database
and read again when a table's fingerprint (row count, newest id, newest ``updated_at``)
moves. Every write to ``person`` and ``roster_member`` sets ``updated_at``, so an edit, an
import or a deletion always moves the fingerprint. Inside ``one_reading()`` (one refresh of
the coverage view, one export) each fingerprint is taken once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

from peewee import JOIN, fn

from ..models import Person, db
from ..names import fold
from ..reports.status import StatusRow, classify, pledge_status
from ..statuses import AttendanceStatus, PledgeStatus
from . import evidence
from .models import RosterMember

if TYPE_CHECKING:
    from peewee import ModelSelect

ROUTE_DESK, ROUTE_SHEET, ROUTE_ONLINE, ROUTE_MANDIRI = "ttd_meja", "ikrar_bersama", "daring", "ikrar_mandiri"
ROUTES = (ROUTE_DESK, ROUTE_SHEET, ROUTE_ONLINE, ROUTE_MANDIRI)  # counted in this order when several
ROUTE_LABELS = {
    ROUTE_DESK: "TTD di meja registrasi",
    ROUTE_SHEET: "Ikrar bersama (hadir)",
    ROUTE_ONLINE: "Daring",
    ROUTE_MANDIRI: "Ikrar mandiri",
}
T = TypeVar("T")


# A registration as ``reports.status.pledge_status`` reads one: only the status and the pledge marks matter.
_BLANK = StatusRow(
    *(0, "", "", "", "", "", "", "", ""),
    "invited",
    "onsite",
    AttendanceStatus.ABSENT,
    None,
    "",
    "",
    "",
    "",
    None,
    False,
    False,
)


def pledge_route(status: str, signed: bool, ikrar_mandiri_returned: bool) -> str | None:
    """How one registration took the pledge, or None when it has not (``status.pledge_status``'s categories).

    Signed at the desk, or an ikrar mandiri form back; attended but signed nothing (the
    collective sheet in the room, or online above the minimum) counts too: the campaign's
    definition of having pledged.
    """
    category = pledge_status(
        replace(_BLANK, status=status, signed=signed, ikrar_mandiri_returned=ikrar_mandiri_returned)
    )
    if category == PledgeStatus.SIGNED:
        return ROUTE_DESK
    if category == PledgeStatus.RETURNED:
        return ROUTE_MANDIRI
    if category == PledgeStatus.PRESENT_UNSIGNED:
        return ROUTE_ONLINE if status == AttendanceStatus.ONLINE else ROUTE_SHEET
    return None


_BY_NIP = RosterMember.alias("member_by_nip")
_BY_NIK = RosterMember.alias("member_by_nik")
MEMBER_OF = fn.COALESCE(_BY_NIP.id, _BY_NIK.id)


def with_member(query: ModelSelect[Any]) -> ModelSelect[Any]:
    """``query`` (one that has joined ``Person``) joined to the roster member each person is; select ``MEMBER_OF``."""
    same_nik = (_BY_NIK.nik == Person.nik) & (
        _BY_NIK.nip.is_null() | Person.nip.is_null() | (_BY_NIK.nip == Person.nip)
    )
    return (
        query.switch(Person)
        .join(_BY_NIP, JOIN.LEFT_OUTER, on=(_BY_NIP.nip == Person.nip))
        .switch(Person)
        .join(_BY_NIK, JOIN.LEFT_OUTER, on=same_nik)
    )


# --- kept per database while the tables do not change ---------------------------------------------------------

_lock = threading.Lock()
Fingerprint = tuple[object, ...]  # (rows, newest id, newest change) of one table
_Tracked = type[Person] | type[RosterMember]
_kept: dict[tuple[object, ...], tuple[tuple[Fingerprint, ...], Any]] = {}  # each name keeps its own load()'s value


_reading = threading.local()  # .fingerprints: model -> fingerprint, inside one_reading()


@contextmanager
def one_reading() -> Iterator[None]:
    """Within the block, each table's fingerprint is taken once (one refresh reads one state)."""
    outer = getattr(_reading, "fingerprints", None)
    if outer is None:
        _reading.fingerprints = {}
    try:
        yield
    finally:
        if outer is None:
            _reading.fingerprints = None


def _take_fingerprint(model: _Tracked) -> Fingerprint:
    return tuple(model.select(fn.COUNT(model.id), fn.MAX(model.id), fn.MAX(model.updated_at)).tuples().first())


def _fingerprint(model: _Tracked) -> Fingerprint:
    taken = getattr(_reading, "fingerprints", None)
    if taken is None:
        return _take_fingerprint(model)
    if model not in taken:
        taken[model] = _take_fingerprint(model)
    fingerprint: Fingerprint = taken[model]
    return fingerprint


def _kept_while(name: str, models: tuple[_Tracked, ...], load: Callable[[], T]) -> T:
    """``load()``'s result, loaded again only when one of ``models``' fingerprints moved."""
    where = (name, *evidence.database_key())
    stamp = tuple(_fingerprint(model) for model in models)
    with _lock:
        found = _kept.get(where)
    if found is not None and found[0] == stamp:
        return cast(T, found[1])  # what load() made for this name
    value = load()
    with _lock:
        _kept[where] = (stamp, value)
    return value


@dataclass
class RosterIndex:
    """The active members' OPD and employment type; how many have left."""

    active: dict[int, tuple[str, str, str]]  # member id -> (unit key, unit spelling, employment type)
    left: int
    units: dict[int, str]  # active member id -> unit key
    unit_members: dict[str, list[int]]  # unit key -> its active member ids


def _load_roster() -> RosterIndex:
    query = RosterMember.select(
        RosterMember.id, RosterMember.unit_kerja, RosterMember.employment_type, RosterMember.left_at.is_null()
    ).tuples()
    keys: dict[str, tuple[str, str]] = {}  # spelling -> (key, spelling): a unit is folded once, not per member
    active: dict[int, tuple[str, str, str]] = {}
    left = 0
    for member_id, unit, kind, is_active in db.execute(query).fetchall():
        if not is_active:
            left += 1
            continue
        unit = unit or ""
        key = keys.get(unit)
        if key is None:
            spelling = unit.strip()
            key = keys[unit] = (fold(spelling), spelling)
        active[member_id] = (*key, kind or "")
    units = {member_id: key for member_id, (key, _, _) in active.items()}
    unit_members: dict[str, list[int]] = {}
    for member_id, unit_key in units.items():
        unit_members.setdefault(unit_key, []).append(member_id)
    return RosterIndex(active, left, units, unit_members)


def roster_index() -> RosterIndex:
    """The master roster as coverage needs it (kept until the roster changes; treat as read-only)."""
    return _kept_while("roster", (RosterMember,), _load_roster)


def _load_person_members() -> dict[int, int]:
    query = with_member(Person.select(Person.id, MEMBER_OF)).where(MEMBER_OF.is_null(False))
    return dict(db.execute(query.tuples()).fetchall())


def person_members() -> dict[int, int]:
    """person id -> member id, for every person who is a roster member (kept until either table changes)."""
    return _kept_while("person_members", (Person, RosterMember), _load_person_members)


# --- the pledges -----------------------------------------------------------------------------------------------


@dataclass
class _Counted:
    """The last answer of ``pledged_members`` for one event set, and what it was counted from."""

    reading: tuple[int, int]  # evidence (generation, position)
    members: dict[int, int]
    active: object
    best: dict[int, int]  # member id -> index in ROUTES
    outside: set[int]


_counted: dict[tuple[object, ...], _Counted] = {}


def pledged_members(
    event_ids: Iterable[int], active: Iterable[int] | None = None, *, keep: bool = True
) -> tuple[dict[int, str], set[int]]:
    """(member id -> route counted, people who pledged in these events but are not ``active`` members).

    The route counted is the first in ``ROUTES`` of the member's registrations that took the
    pledge; ``active`` None takes every member (left or not) as one. ``keep``: use (and keep)
    the evidence of the last call, caught up with what was added since (``evidence.read``);
    then only the registrations that changed are counted again.
    """
    event_ids = tuple(sorted(set(event_ids)))
    members = person_members()
    key = (*evidence.database_key(), event_ids, active is None)
    with _lock:
        last = _counted.get(key) if keep else None
    same = last is not None and last.members is members and last.active is active
    reading = evidence.read(event_ids, keep=keep, since=last.reading if last is not None and same else None)
    if reading.partial:
        assert last is not None, "a partial reading continues the last one"
        best, outside = dict(last.best), set(last.outside)
    else:
        best, outside = {}, set()
    rank = {route: index for index, route in enumerate(ROUTES)}
    decided: dict[tuple[Any, ...], int | None] = {}  # a few input combinations, each decided once by the rule
    for person_id, *inputs in reading.rows:
        key_in = tuple(inputs)
        if key_in not in decided:
            cancelled, method, signed, returned = key_in
            # The absence reason cannot make anyone covered, so it is not read here (None).
            route = pledge_route(classify(method, None, cancelled), signed, returned)
            decided[key_in] = None if route is None else rank[route]
        found = decided[key_in]
        if found is None:
            continue
        member_id = members.get(person_id)
        if member_id is None or (active is not None and member_id not in active):
            outside.add(person_id)
        elif found < best.get(member_id, len(ROUTES)):
            best[member_id] = found
    if keep:
        with _lock:
            if key not in _counted and len(_counted) >= evidence.KEEP_AT_MOST:
                _counted.clear()
            _counted[key] = _Counted((reading.generation, reading.position), members, active, best, outside)
    return {member_id: ROUTES[index] for member_id, index in best.items()}, set(outside)


__all__ = [
    "MEMBER_OF",
    "ROUTES",
    "ROUTE_DESK",
    "ROUTE_LABELS",
    "ROUTE_MANDIRI",
    "ROUTE_ONLINE",
    "ROUTE_SHEET",
    "RosterIndex",
    "one_reading",
    "person_members",
    "pledge_route",
    "pledged_members",
    "roster_index",
    "with_member",
]

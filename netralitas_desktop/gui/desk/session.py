"""One check-in desk's state in one object that every desk view observes (issue 16).

``DeskSession`` holds the event, who acts (desk, operator), what the banner says, the latest
check-ins (``recent``, a model keyed by registration), the counters and the signature queue.
The Meja Registrasi tab, the kiosk (F5) and the signature window for a second screen call its
methods and listen to its signals; no view reaches into another or reads a table cell.

Every way in — the tab's scanner field, a scanner burst caught anywhere in the window
(``scan_router``), the camera, the search list, the walk-in form — ends in ``_record``:
banner, sound, recent list, counters and queue behave alike. Signing never blocks scanning:
a person who should sign joins the queue (read back from the database on every refresh, so
it survives a restart) and signs on whichever pad is showing, now or later. The banner returns
to "SIAP — pindai berikutnya" after a few seconds, and a code read twice within seconds by a
double-triggering scanner is said to be a repeat, not recorded again.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from peewee import PeeweeException
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ...core.audit import Actor
from ...core.checkin import (
    STAMP_MOVE,
    CheckinResult,
    CheckinStatus,
    Counters,
    DeskStatus,
    ParticipantSummary,
    RecentCheckin,
    check_in,
    check_in_registration,
    desk_status,
    undo_check_in,
    walk_in,
)
from ...core.database import change_stamp
from ...core.events import get_event
from ...core.participants import PersonData
from ...core.pledges import returns
from ...core.scan_codes import dedupe_key
from ...core.signatures import has_signature, save_signature, signature_required
from ...core.statuses import AttendanceMode, Method
from ..common.live import LiveRefresh
from ..common.result_banner import IDLE, banner_texts
from ..common.return_banner import DESK_STATUS, return_banner_texts
from ..common.settings import ScannerSettings, scanner_settings
from ..common.sounds import DeskSounds
from .counters import POLL_MS, RECENT_LIMIT
from .recent_model import RecentModel
from .signing_queue import Signer, SigningQueue, signer_of

UNSIGNED_LIMIT = 500
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


@dataclass(frozen=True)
class BannerState:
    """What every banner of the desk shows: colour (a check-in status or ``idle``) and three lines."""

    status: str
    headline: str
    name: str = ""
    detail: str = ""
    note: str = ""  # e.g. "belum tanda tangan", changed while the banner stays on the person
    registration_id: int | None = None

    @property
    def lines(self) -> tuple[str, str, str]:
        """(headline, name, detail with the note)."""
        return self.headline, self.name, _joined(self.detail, self.note)


@dataclass(frozen=True)
class _Seen:
    at: float
    result: CheckinResult | returns.ReturnResult


class DeskSession(QObject):
    banner_changed = Signal(object)  # BannerState
    result_recorded = Signal(object)  # CheckinResult: every scan, pick and walk-in, refusals included
    status_loaded = Signal(object)  # DeskStatus
    attendance_changed = Signal()  # a check-in or an undo here (other tabs reload)
    undone = Signal(int)  # registration id whose check-in was undone
    setting_changed = Signal(bool)  # the event now asks for signatures (True), or no longer
    form_received = Signal(object)  # returns.ReturnResult of an ikrar mandiri form scanned here
    refresh_failed = Signal(str)

    def __init__(
        self,
        event_id: int,
        actor: Callable[[], Actor],
        view: QWidget,
        *,
        settings: Callable[[], ScannerSettings] = scanner_settings,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(view)
        self.event_id = event_id
        self._actor = actor
        self._settings = settings
        self._clock = clock
        self.event_title = get_event(event_id).title
        self.signature_required = False
        self.last_result: CheckinResult | None = None
        self.status: DeskStatus | None = None
        self.recent = RecentModel(self)
        self.sounds = DeskSounds(self)
        self._seen: dict[str, _Seen] = {}
        self._failure: object = None  # a database failure is never "read twice": the scan is tried again
        # Check-ins made here that a load may not include yet: registration -> (when, row, person).
        self._uncounted: dict[int, tuple[float, RecentCheckin, ParticipantSummary]] = {}
        self.signing = SigningQueue(clock, self)
        self.signing.queue_changed.connect(self._queue_changed)
        self._watchers: set[QObject] = set()
        self._ready_note = ""  # e.g. "Check-in … dibatalkan", kept while the banner is ready
        self.banner = self._ready_state()
        self.ready_timer = QTimer(self)
        self.ready_timer.setSingleShot(True)
        self.ready_timer.timeout.connect(self.show_ready)
        self.refresher = LiveRefresh(view, self._load, interval_ms=POLL_MS, keep_polling=lambda: bool(self._watchers))
        self.refresher.loaded.connect(self._loaded)
        self.refresher.failed.connect(self.refresh_failed)
        self.sync_event()

    # Who acts, and the event's setting -------------------------------------------------------
    @property
    def actor(self) -> Actor:
        return self._actor()

    def sync_event(self) -> bool:
        """Read whether the event asks for signatures (it may have been edited); True if it does."""
        try:
            required = signature_required(self.event_id)
        except PeeweeException:  # keep the last known setting; the next scan reports the failure
            return self.signature_required
        if required != self.signature_required:
            self.signature_required = required
            if not required:
                self.signing.clear()
            self.refresh()
            self.setting_changed.emit(required)
        return required

    # Check-in paths ----------------------------------------------------------------------------
    def submit_code(self, text: str) -> CheckinResult | returns.ReturnResult | None:
        """Whatever a scanner, camera or keyboard produced: a check-in, or a returned ikrar mandiri form."""
        if not text.strip():
            return None
        key, now = dedupe_key(text), self._clock()
        seen = self._seen.get(key)
        if seen is not None and now - seen.at <= self._settings().repeat_window_s:
            self._show_repeat(seen.result, now - seen.at)
            return seen.result
        if returns.is_mandiri_code(text):
            received = self._receive_form(text)
            if received is not self._failure:
                self._remember(key, received)
            return received
        result = self._guarded(lambda: check_in(self.event_id, text, actor=self.actor))
        if result is not self._failure:
            self._remember(key, result)
        return self._record(result)

    def check_in_person(self, registration_id: int) -> CheckinResult:
        """A person picked from the search list."""
        return self._record(
            self._guarded(lambda: check_in_registration(registration_id, actor=self.actor, method="manual"))
        )

    def walk_in(self, person: PersonData, mode: str = AttendanceMode.ONSITE) -> CheckinResult:
        """Register and check in someone without an invitation; ``ValidationError`` goes back to the form."""
        return self._record(walk_in(self.event_id, person, mode=mode, actor=self.actor))

    def _guarded(self, call: Callable[[], CheckinResult]) -> CheckinResult:
        """A database that fails mid-event (disk, network to PostgreSQL) is a red banner, not a crash."""
        try:
            return call()
        except PeeweeException as err:
            reason = translate(
                "DeskSession",
                "Basis data tidak dapat dipakai saat ini ({0}). Kehadiran belum tercatat; "
                "periksa koneksi lalu pindai lagi.",
            ).format(err)
            self._failure = CheckinResult(CheckinStatus.REJECTED, reason)
            return self._failure

    def _remember(self, key: str, result: CheckinResult | returns.ReturnResult) -> None:
        now = self._clock()
        window = self._settings().repeat_window_s
        self._seen = {k: v for k, v in self._seen.items() if now - v.at <= window}
        self._seen[key] = _Seen(now, result)

    def _record(self, result: CheckinResult) -> CheckinResult:
        self.last_result = result
        status = result.status
        note = self._signature_note(result)
        self._show(BannerState(status, *banner_texts(result), note=note, registration_id=result.registration_id))
        self.sounds.play(status)
        if status == CheckinStatus.CHECKED_IN and result.person is not None and result.checked_in_at is not None:
            self._count_at_once(result)
        self.result_recorded.emit(result)
        if status == CheckinStatus.CHECKED_IN:
            if result.method == Method.WALK_IN:
                self.refresh()  # a new registration: the roster counts move too
            self.attendance_changed.emit()
        return result

    def _count_at_once(self, result: CheckinResult) -> None:
        """Show a check-in made here in the list and the counters now, without a query (about 0.2 s
        at 100,000 registrations, on a core the next scan needs); the next poll confirms it."""
        person = result.person
        assert person is not None and result.registration_id is not None and result.checked_in_at is not None
        item = RecentCheckin(
            result.registration_id,
            person.full_name,
            person.unit_kerja,
            result.checked_in_at,
            result.desk or "",
            result.operator or "",
            result.method or "",
        )
        self._uncounted[result.registration_id] = (self._clock(), item, person)
        self.recent.put_first(item)
        if self.status is not None:
            self.status = replace(self.status, counters=_counted(self.status.counters, person))
            self.status_loaded.emit(self.status)
        if result.method != "walk_in":  # a walk-in also registers: the roster counts move
            with contextlib.suppress(PeeweeException):  # the poll loads as usual
                self.refresher.note_own_change(change_stamp(), STAMP_MOVE)

    def _signature_note(self, result: CheckinResult) -> str:
        """Queue the person for signing when the event asks for it; the banner's note says so."""
        if (
            result.registration_id is None
            or result.status not in (CheckinStatus.CHECKED_IN, CheckinStatus.ALREADY)
            or not self.signature_required
        ):
            return ""
        if result.status == CheckinStatus.ALREADY:
            try:
                if has_signature(result.registration_id):
                    return ""
            except PeeweeException:
                return ""
        person = result.person
        signer = Signer(result.registration_id, person.full_name if person else "", person.unit_kerja if person else "")
        self.signing.arrive(signer)
        return translate("DeskSession", "belum tanda tangan")

    def _receive_form(self, text: str) -> returns.ReturnResult:
        """A signed ikrar mandiri form handed in at the desk: mark it returned."""
        try:
            result = returns.receive_by_code(self.event_id, text, self.actor)
        except PeeweeException as err:
            result = returns.ReturnResult(
                returns.ReturnStatus.REJECTED,
                translate(
                    "DeskSession",
                    "Basis data tidak dapat dipakai saat ini ({0}). Formulir belum tercatat; "
                    "periksa koneksi lalu pindai lagi.",
                ).format(err),
            )
            self._failure = result
        status = DESK_STATUS.get(result.status, CheckinStatus.REJECTED)
        self._show(BannerState(status, *return_banner_texts(result)))
        self.sounds.play(status)
        self.form_received.emit(result)
        return result

    def _show_repeat(self, first: CheckinResult | returns.ReturnResult, seconds: float) -> None:
        """A double-triggering scanner: say so, record nothing."""
        if isinstance(first, CheckinResult):
            status, (_headline, name, detail) = first.status, banner_texts(first)
        else:
            status, (_headline, name, detail) = (
                DESK_STATUS.get(first.status, CheckinStatus.REJECTED),
                return_banner_texts(first),
            )
        said = (
            translate("DeskSession", "Kode yang sama terbaca dua kali dalam {0} detik; dicatat satu kali saja.")
            if status != CheckinStatus.REJECTED
            else translate("DeskSession", "Kode yang sama terbaca dua kali dalam {0} detik; tetap ditolak.")
        ).format(f"{seconds:.1f}".replace(".", ","))
        self._show(
            BannerState(
                CheckinStatus.ALREADY if status == CheckinStatus.CHECKED_IN else status,
                translate("DeskSession", "TERBACA DUA KALI"),
                name,
                _joined(said, detail),
                registration_id=getattr(first, "registration_id", None),
            )
        )
        self.sounds.play(CheckinStatus.ALREADY if status == CheckinStatus.CHECKED_IN else status)

    # The banner --------------------------------------------------------------------------------
    def _show(self, state: BannerState) -> None:
        self._ready_note = ""
        self.banner = state
        self.banner_changed.emit(state)
        self.ready_timer.start(int(self._settings().ready_after_s * 1000))

    def show_ready(self, note: str = "") -> None:
        """Back to the ready state: nothing on the banner can be taken for the next person."""
        self.ready_timer.stop()
        self._ready_note = note
        self.banner = self._ready_state()
        self.banner_changed.emit(self.banner)

    def _ready_state(self) -> BannerState:
        note = self._ready_note
        parts = [note or translate("DeskSession", "Pindai QR undangan atau ketik NIP/NIK, lalu tekan Enter.")]
        last = self.last_result
        if last is not None and last.person is not None and not note:
            parts.append(translate("DeskSession", "Terakhir: {0}").format(last.person.full_name))
        waiting = self.signing.waiting_count if self.signature_required else 0
        if waiting:
            parts.append(translate("DeskSession", "{0} belum tanda tangan").format(waiting))
        return BannerState(IDLE, translate("DeskSession", "SIAP — pindai berikutnya"), "", " · ".join(parts))

    def _note_on_banner(self, registration_id: int, note: str) -> None:
        state = self.banner
        if state.status != IDLE and state.registration_id == registration_id:
            self.banner = replace(state, note=note)
            self.banner_changed.emit(self.banner)

    # Undo ------------------------------------------------------------------------------------
    def undo(self, registration_id: int, reason: str, name: str = "") -> None:
        """Undo a check-in by person; ``ValidationError`` (no reason) and other ``UserError``s go to the caller."""
        undo_check_in(registration_id, reason=reason, actor=self.actor)
        self._uncounted.pop(registration_id, None)
        self._seen = {
            k: v for k, v in self._seen.items() if getattr(v.result, "registration_id", None) != registration_id
        }
        self.recent.remove(registration_id)
        self.signing.forget(registration_id)
        if self.last_result is not None and self.last_result.registration_id == registration_id:
            self.last_result = None
        self.show_ready(translate("DeskSession", "Check-in {0} dibatalkan; ia dapat check-in lagi.").format(name))
        self.undone.emit(registration_id)
        self.refresh()
        self.attendance_changed.emit()

    # Signatures ------------------------------------------------------------------------------
    def choose_signer(self, registration_id: int) -> Signer | None:
        """Put someone on the pad: from the queue, or (to sign again) from the recent list."""
        signer = self.signing.find(registration_id)
        if signer is None:
            row = self.recent.row_of(registration_id)
            if row < 0:
                return None
            signer = signer_of(self.recent.item(row))
        self.signing.choose(signer)
        return signer

    def save_signature(self, registration_id: int, png: bytes) -> None:
        """Store what was signed; a ``UserError`` (an unusable image, a lost database) goes to the caller."""
        save_signature(registration_id, png, actor=self.actor)
        self.signing.forget(registration_id)
        self.recent.mark_signed(registration_id)
        self._note_on_banner(registration_id, translate("DeskSession", "tanda tangan tersimpan"))
        self.refresh()

    def _queue_changed(self) -> None:
        """The ready banner says how many have not signed yet."""
        if self.banner.status == IDLE:
            self.banner = self._ready_state()
            self.banner_changed.emit(self.banner)

    # Other windows keep the data live while the tab is hidden ---------------------------------
    def watch(self, window: QObject) -> None:
        self._watchers.add(window)
        self.refresher.start()

    def unwatch(self, window: QObject) -> None:
        self._watchers.discard(window)

    # Refresh ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.refresher.refresh()

    def _load(self) -> tuple[float, DeskStatus]:  # off the GUI thread
        started = self._clock()
        limit = UNSIGNED_LIMIT if self.signature_required else 0
        return started, desk_status(self.event_id, RECENT_LIMIT, limit)

    def _with_uncounted(self, started: float, status: DeskStatus) -> DeskStatus:
        """A load begun before a check-in made here does not count it yet: add it (once)."""
        listed = {item.registration_id for item in status.recent}
        self._uncounted = {
            rid: entry for rid, entry in self._uncounted.items() if rid not in listed and entry[0] >= started
        }
        counters, recent = status.counters, list(status.recent)
        for _at, item, person in sorted(self._uncounted.values(), key=lambda entry: entry[0]):
            counters = _counted(counters, person)
            recent.insert(0, item)
        return replace(status, counters=counters, recent=recent[: len(status.recent) or RECENT_LIMIT])

    def _loaded(self, loaded: tuple[float, DeskStatus]) -> None:
        started, status = loaded
        status = self._with_uncounted(started, status)
        self.status = status
        self.recent.set_items(status.recent)
        if self.signature_required:
            self.signing.loaded(started, status.unsigned, status.unsigned_count)
        self.status_loaded.emit(status)


def _counted(counters: Counters, person: ParticipantSummary) -> Counters:
    """``counters`` with one more person present."""
    by_employment = dict(counters.by_employment)
    present, registered = by_employment.get(person.employment_type, (0, 0))
    by_employment[person.employment_type] = (present + 1, registered)
    online = person.mode == AttendanceMode.ONLINE
    return replace(
        counters,
        present=counters.present + 1,
        onsite_present=counters.onsite_present + (not online),
        online_present=counters.online_present + online,
        by_employment=by_employment,
    )


def _joined(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


__all__ = ["BannerState", "DeskSession"]

"""Who still has to sign at the desk, who is on the pad, and which window holds the pad.

Part of the desk's session (``DeskSession.signing``). The queue is the database's list of
everyone checked in at a desk without a signature (``core.checkin.unsigned_check_ins``, read
with every refresh, so it survives a restart and includes other desks) plus the arrivals here
since the last load, newest first. The pad shows the newest arrival, unless someone is already
signing (ink on the pad): signing never holds up a scan, and nobody's half-drawn signature is
thrown away for the next person. "Nanti" leaves the person in the queue; a click on a name puts
them on the pad later. One pad is live at a time: the newest window that claimed it (signature
window, then kiosk, then tab).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from ...core.checkin import RecentCheckin


@dataclass(frozen=True)
class Signer:
    """A person in the signature queue."""

    registration_id: int
    name: str
    unit_kerja: str = ""
    desk: str = ""
    signed_before: bool = False  # signing again replaces the stored signature


def signer_of(item: RecentCheckin) -> Signer:
    return Signer(item.registration_id, item.full_name, item.unit_kerja, item.desk, item.signed)


class SigningQueue(QObject):
    queue_changed = Signal()
    signer_changed = Signal(object)  # Signer | None: who the pad is for
    pad_host_changed = Signal()

    def __init__(self, clock: Callable[[], float], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._arrivals: dict[int, tuple[float, Signer]] = {}  # here since the last load
        self._unsigned: list[Signer] = []  # the database's list, newest check-in first
        self._complete = True  # the database's list is all of them (not cut at its limit)
        self.unsigned_count = 0
        self._deferred: set[int] = set()
        self.signer: Signer | None = None
        self.has_ink = False
        self._pad_hosts: list[QObject] = []

    # What the views show ---------------------------------------------------------------------
    @property
    def queue(self) -> list[Signer]:
        """Who has not signed yet: arrivals here newest first, then the rest the database knows."""
        arrivals = self._newest_arrivals()
        ids = {signer.registration_id for signer in arrivals}
        return arrivals + [signer for signer in self._unsigned if signer.registration_id not in ids]

    @property
    def waiting_count(self) -> int:
        """How many have not signed (the list may show fewer: the database's list has a limit)."""
        known = {signer.registration_id for signer in self._unsigned}
        return max(len(self.queue), self.unsigned_count + sum(1 for i in self._arrivals if i not in known))

    # Changes ---------------------------------------------------------------------------------
    def arrive(self, signer: Signer) -> None:
        """Someone checked in here who should sign: queued, and on the pad unless someone is signing."""
        self._arrivals[signer.registration_id] = (self._clock(), signer)
        self._deferred.discard(signer.registration_id)
        self.queue_changed.emit()
        if not self.has_ink or self.signer is None:
            self._set_signer(signer)

    def choose(self, signer: Signer) -> None:
        """Put ``signer`` on the pad (from the queue, or to sign again)."""
        self._deferred.discard(signer.registration_id)
        self._set_signer(signer)

    def find(self, registration_id: int) -> Signer | None:
        return next((s for s in self.queue if s.registration_id == registration_id), None)

    def defer(self) -> None:
        """ "Nanti": the person on the pad signs later; they stay in the queue, the next one comes up."""
        if self.signer is not None:
            self._deferred.add(self.signer.registration_id)
        self._advance()

    def forget(self, registration_id: int) -> None:
        """Signed, or no longer checked in: out of the queue (and off the pad)."""
        self._arrivals.pop(registration_id, None)
        self._unsigned = [s for s in self._unsigned if s.registration_id != registration_id]
        self._deferred.discard(registration_id)
        self.queue_changed.emit()
        if self.signer is not None and self.signer.registration_id == registration_id:
            self._advance()

    def set_ink(self, has_ink: bool) -> None:
        """The pad host says whether the person on the pad has started signing (then a new scan waits)."""
        self.has_ink = has_ink

    def clear(self) -> None:
        """The event no longer asks for signatures."""
        self._arrivals.clear()
        self._unsigned, self.unsigned_count = [], 0
        self.queue_changed.emit()
        if self.signer is not None:
            self._set_signer(None)

    def loaded(self, started: float, unsigned: list[RecentCheckin], count: int) -> None:
        """The database's list, from a load begun at ``started`` (the session's clock)."""
        self._unsigned = [signer_of(item) for item in unsigned]
        self._complete = count <= len(unsigned)
        self.unsigned_count = count
        ids = {signer.registration_id for signer in self._unsigned}
        for registration_id, (at, _queued) in list(self._arrivals.items()):
            # Signed or undone elsewhere since it arrived: a load begun after it no longer lists it.
            if registration_id not in ids and at < started and self._complete:
                del self._arrivals[registration_id]
        queued = {signer.registration_id for signer in self.queue}
        if self.signer is not None and self.signer.registration_id not in queued and not self.signer.signed_before:
            self._advance()
        self.queue_changed.emit()

    def _newest_arrivals(self) -> list[Signer]:
        return [signer for _at, signer in sorted(self._arrivals.values(), key=lambda pair: -pair[0])]

    def _advance(self) -> None:
        """The pad moves on to the newest arrival here still to sign (not someone from hours ago:
        they sign when they come back, picked from the queue)."""
        current = self.signer.registration_id if self.signer is not None else None
        following = [s for s in self._newest_arrivals() if s.registration_id not in self._deferred | {current}]
        self._set_signer(following[0] if following else None)

    def _set_signer(self, signer: Signer | None) -> None:
        self.has_ink = False
        self.signer = signer
        self.signer_changed.emit(signer)

    # Which window holds the pad ---------------------------------------------------------------
    def claim_pad(self, host: QObject) -> None:
        if host in self._pad_hosts:
            self._pad_hosts.remove(host)
        self._pad_hosts.append(host)
        self.pad_host_changed.emit()

    def release_pad(self, host: QObject) -> None:
        if host in self._pad_hosts:
            self._pad_hosts.remove(host)
            self.pad_host_changed.emit()

    @property
    def pad_host(self) -> QObject | None:
        return self._pad_hosts[-1] if self._pad_hosts else None


__all__ = ["Signer", "SigningQueue", "signer_of"]

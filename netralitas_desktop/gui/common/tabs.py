"""What the event page asks of each of its tabs, declared once.

``EventTab`` is the interface (a Protocol): ``busy`` (background work still runs: the page
waits before it closes the database), ``refresh()`` (the event's data changed: reload what
you show) and ``shutdown()`` (the page is closing: stop timers, close extra windows).
``EventTabBase`` is the mixin that answers all three for a tab whose jobs run through
``jobs.JobRunner``/``run_job`` and whose data comes through ``live.LiveRefresh``:

    class ReportsTab(QWidget, EventTabBase): ...

A tab with more to do overrides ``refresh``/``shutdown`` and calls ``super()``.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from .jobs import BackgroundWork
from .live import LiveRefresh


@runtime_checkable
class EventTab(Protocol):
    @property
    def busy(self) -> bool: ...

    def refresh(self) -> None: ...

    def shutdown(self) -> None: ...


class EventTabBase(BackgroundWork):
    """Mixin (after the Qt base) implementing ``EventTab`` through the tab's ``LiveRefresh`` children."""

    def refresh(self) -> None:
        """Reload every live view of the tab now."""
        for live in self.findChildren(LiveRefresh):  # type: ignore[attr-defined]  # mixed into QWidgets only
            live.refresh()

    def shutdown(self) -> None:
        """Stop every live view's polling."""
        for live in self.findChildren(LiveRefresh):  # type: ignore[attr-defined]  # mixed into QWidgets only
            live.stop()


__all__ = ["EventTab", "EventTabBase"]

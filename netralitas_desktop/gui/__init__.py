"""Desktop GUI (PySide6 Qt Widgets): a thin layer over ``netralitas_desktop.core`` services.

Feature packages mirror ``core``: ``events``, ``participants``, ``desk``, ``dashboard``,
``documents``, ``ikrar_mandiri``, ``certificates``, ``reports`` and ``admin`` (backups, the
server connection, offline packages, purge, the audit log, settings). Each imports only
``common`` (shared widgets, jobs, settings, translation) and ``core``; ``app``,
``main_window`` and ``event_page`` at the top are the only modules that put features together.
"""

from .common.runtime_guards import keep_singletons_alive

keep_singletons_alive()  # PySide6 6.12 on Python 3.11 leaks references to None and True (common/runtime_guards.py)

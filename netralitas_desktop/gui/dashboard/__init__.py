"""The Ringkasan tab: live attendance per OPD and per employment type, the pledge status, and
the online-meeting import with its minimum minutes (over ``core.reports``)."""

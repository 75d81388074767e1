"""Pledges (ikrar): signed pledge forms, the collective pledge sheet, ikrar mandiri, attendance list."""

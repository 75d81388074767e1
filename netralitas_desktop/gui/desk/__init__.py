"""The Meja Registrasi tab and its kiosk: scanner input, the camera panel, live counters and
recent check-ins, undo, walk-ins and signature capture (over ``core.checkin``)."""

"""The Meja Registrasi: one ``session`` per desk (event, actor, banner, recent check-ins, counters,
signature queue in ``signing_queue``) shown by the tab, the kiosk and the signature screen
(``view``, ``kiosk``, ``signature``, ``signature_window``); ``scan_router`` brings a USB scanner's
bursts to it from anywhere in the window; the camera panel, dialogs and counters (over ``core.checkin``)."""

"""Pledge coverage across the whole Pemda: the master roster, campaigns over several events, coverage.

- ``models``: master roster members, campaigns, their events, excuses, credits kept from purged events.
- ``master_roster``: import the full SIASN export / non-ASN lists (who joined, moved OPD, left).
- ``service``: campaigns — create, events, excuses, the campaign's ikrar mandiri event.
- ``coverage``: who is covered, per OPD and employment type, and who still owes (one snapshot).
- ``gap``: ikrar mandiri forms for those still owing, per OPD with a cover letter to its head.
- ``export_xlsx`` / ``summary_pdf``: the Sekda's workbook and one-page summary.
- ``purge_credits``: what an event's purge keeps of the coverage.
"""

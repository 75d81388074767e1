"""Pledge coverage across the whole Pemda: the master roster, campaigns over several events, coverage.

- ``models``: master roster members, campaigns, their events, excuses, credits kept from purged events.
- ``master_roster``: import the full SIASN export / non-ASN lists (who joined, moved OPD, left).
- ``service``: campaigns — create, events, excuses.
- ``pledged``: who took the pledge (the rule of ``pledges.returns`` read the other way round) and
  which member each person is; ``evidence`` keeps what it read and catches up with what desks add.
- ``coverage``: one snapshot — covered, excused, owing — per OPD and employment type; the names.
- ``gap`` and ``cover_letter``: ikrar mandiri forms for those still owing, per OPD, with a letter to its head.
- ``export_xlsx`` / ``summary_pdf``: the Sekda's workbook and one-page summary.
- ``purge_credits``: what an event's purge keeps of the coverage.
"""

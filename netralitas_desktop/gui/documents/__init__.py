"""The Dokumen tab: pledge forms, the collective pledge sheet and attendance lists, with the
per-event document settings (over ``core.pledges`` and ``core.documents``)."""

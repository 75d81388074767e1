"""Campaign coverage: the whole Pemda's pledges over several events (issue 17).

``page.CampaignPage`` is what the main window shows; ``coverage_view`` the live figures,
bars per OPD and the names still owing; ``setup_view`` the campaign's events and the master
roster; ``master_import`` the roster import; ``dialogs`` the small dialogs.
"""

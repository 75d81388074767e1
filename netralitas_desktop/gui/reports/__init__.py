"""The Laporan tab: XLSX, CSV and PDF exports for the Sekda (over ``core.reports``)."""

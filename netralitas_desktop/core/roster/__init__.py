"""Roster import: read CSV/XLSX files, map columns, validate rows, apply in one transaction."""

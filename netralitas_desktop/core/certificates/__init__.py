"""Participation certificates: design, numbering, rendering, verification, signing."""

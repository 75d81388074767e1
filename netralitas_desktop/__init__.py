"""Netralitas Desktop: check-in, pledges, certificates and reports for Sosialisasi Netralitas ASN."""

__version__ = "0.1.0"

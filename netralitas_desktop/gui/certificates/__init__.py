"""The Sertifikat tab: the visual designer, numbering, output and printing with offsets,
revocation, and verifying a certificate (over ``core.certificates``)."""

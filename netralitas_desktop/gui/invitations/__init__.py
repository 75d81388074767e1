"""QR invitations from the window (over ``core.invitations`` and ``core.invitation_delivery``)."""

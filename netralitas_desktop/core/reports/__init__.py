"""Reports for the Sekda, absence reasons, online attendance."""

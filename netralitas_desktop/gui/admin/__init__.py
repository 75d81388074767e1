"""Looking after the installation rather than one event: backups and restore, the database
connection, offline desk packages, purging personal data, the audit log and settings."""

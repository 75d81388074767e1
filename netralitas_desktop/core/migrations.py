"""Schema versions. Each migration runs inside one transaction with the version bump.

Add a migration by appending ``(version, function)`` to ``MIGRATIONS``; never edit an
old one, a committee's database may already be at that version.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from peewee import Database, SqliteDatabase
from playhouse.migrate import SchemaMigrator, migrate

from . import backups, models
from .errors import DATABASE_UNAVAILABLE, UserError

Migration = Callable[[Database], None]


class SchemaTooNewError(UserError):
    """The file was written by a newer version of the program; the message is for the user."""

    exit_code = DATABASE_UNAVAILABLE


def _initial_schema(database: Database) -> None:
    database.create_tables(
        [models.AppSetting, models.Event, models.Person, models.Registration, models.Attendance, models.AuditLog]
    )


def _registration_cancellation(database: Database) -> None:
    """Registration.cancelled_at / cancel_reason (cancel without deleting the record).

    Both columns are nullable on purpose: adding a NOT NULL column makes playhouse.migrate
    rebuild the SQLite table, and dropping ``registration`` with foreign keys on would
    cascade-delete its check-ins. Migration 1 creates tables from today's models, so a new
    database already has the columns; only add what is missing.
    """
    table = models.Registration._meta.table_name
    present = {column.name for column in database.get_columns(table)}
    migrator = SchemaMigrator.from_database(database)
    operations = [
        migrator.add_column(table, name, getattr(models.Registration, name))
        for name in ("cancelled_at", "cancel_reason")
        if name not in present
    ]
    if operations:
        migrate(*operations)


def _signatures(database: Database) -> None:
    """Signature table and Event.signature_required (signing at the check-in desk).

    The new column is nullable for the same reason as in version 2 (no table rebuild, so no
    cascade into registrations); existing events are set to False explicitly.
    """
    database.create_tables([models.Signature])  # IF NOT EXISTS
    table = models.Event._meta.table_name
    present = {column.name for column in database.get_columns(table)}
    if "signature_required" not in present:
        migrator = SchemaMigrator.from_database(database)
        migrate(migrator.add_column(table, "signature_required", models.Event.signature_required))
    models.Event.update(signature_required=False).where(models.Event.signature_required.is_null()).execute()


def _event_options_and_features(database: Database) -> None:
    """Per-event settings and assets, and the tables of pledges, certificates and reports.

    Only new tables: no existing table is rebuilt, so no check-in can be cascaded away.
    """
    from .certificates.models import MODELS as certificate_models
    from .offline.models import MODELS as offline_models
    from .pledges.models import MODELS as pledge_models
    from .reports.models import MODELS as report_models

    database.create_tables(
        [models.EventSetting, models.EventAsset, *pledge_models, *certificate_models, *report_models, *offline_models]
    )


def _audit_indexes(database: Database) -> None:
    """Indexes for the audit viewer's filters (action, desk) at 100,000 entries."""
    table = models.AuditLog._meta.table_name
    database.execute_sql(f'CREATE INDEX IF NOT EXISTS "audit_log_action" ON "{table}" ("action")')
    database.execute_sql(f'CREATE INDEX IF NOT EXISTS "audit_log_desk" ON "{table}" ("desk")')


def _offline_trust(database: Database) -> None:
    """Confirmed package signing keys and the laptops' walk-ins awaiting review (new tables only)."""
    from .offline.models import TRUST_MODELS

    database.create_tables(TRUST_MODELS)


def _campaign_coverage(database: Database) -> None:
    """Master roster of the instansi, campaigns over several events, excuses and purged-event credits.

    Only new tables (issue 17). Named for what it adds, so it can take any number at a merge.
    """
    from .campaigns.models import MODELS as campaign_models

    database.create_tables(campaign_models)


def _certificate_register(database: Database) -> None:
    """The certificate register and public keys; the signing key leaves the database (issue 14)."""
    from .certificates.models import REGISTER_MODELS
    from .certificates.register import migrate_to_register

    database.create_tables(REGISTER_MODELS)
    migrate_to_register()


def _invitation_deliveries(database: Database) -> None:
    """Which invitations have been sent, per registration (issue 12). Only a new table, named for
    what it adds, so it can take any number at a merge."""
    from .invitation_delivery import MODELS as delivery_models

    database.create_tables(delivery_models)


# (name, table, columns): what the campaign coverage reads, each answerable from the index alone.
COVERAGE_INDEXES = (
    # the registrations of a campaign's events, with who and whether cancelled (evidence.read)
    ("registration_event_person_cancelled", "registration", ("event_id", "person_id", "cancelled_at")),
    # the check-in method of a registration (evidence.read)
    ("attendance_registration_method", "attendance", ("registration_id", "method")),
    # the active members per OPD and employment type (pledged.roster_index)
    ("roster_member_coverage", "roster_member", ("left_at", "unit_kerja", "employment_type")),
    # the newest change of the two tables whose fingerprints keep the person -> member map
    ("person_updated_at", "person", ("updated_at",)),
    ("roster_member_updated_at", "roster_member", ("updated_at",)),
)


def _coverage_indexes(database: Database) -> None:
    """Covering indexes for the campaign coverage's first load at 50,000 people over 30 events
    (issue 17). Only new indexes, named for what they serve, so it can take any number at a merge."""
    for name, table, columns in COVERAGE_INDEXES:
        listed = ", ".join(f'"{column}"' for column in columns)
        database.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ({listed})')


MIGRATIONS: list[tuple[int, Migration]] = [
    (1, _initial_schema),
    (2, _registration_cancellation),
    (3, _signatures),
    (4, _event_options_and_features),
    (5, _audit_indexes),
    (6, _offline_trust),
    (7, _campaign_coverage),
    (8, _certificate_register),
    (9, _invitation_deliveries),
    (10, _coverage_indexes),
]
LATEST_VERSION = MIGRATIONS[-1][0]


def current_version(database: Database) -> int:
    if not database.table_exists(models.SchemaVersion._meta.table_name):
        return 0
    row = models.SchemaVersion.select().order_by(models.SchemaVersion.version.desc()).first()
    return row.version if row else 0


def upgrade(database: Database, backup_dir: Path | None = None) -> int:
    """Apply pending migrations; returns the version now in force.

    A SQLite file that already holds data is copied to ``backup_dir`` first, so a failed
    or unwanted migration can be undone by restoring that copy.
    """
    database.create_tables([models.SchemaVersion])
    version = current_version(database)
    if version > LATEST_VERSION:
        raise SchemaTooNewError(
            f"Basis data ini dibuat oleh versi aplikasi yang lebih baru (skema {version}, "
            f"aplikasi ini mengenal sampai {LATEST_VERSION}). Perbarui aplikasi Netralitas Desktop."
        )
    pending = [(v, fn) for v, fn in MIGRATIONS if v > version]
    if not pending:
        return version
    if version > 0 and backup_dir is not None and isinstance(database, SqliteDatabase):
        backups.backup_connection(database.connection(), backup_dir, f"sebelum-migrasi-v{version}")
    with database.atomic():
        for new_version, step in pending:
            step(database)
            models.SchemaVersion.create(version=new_version)
    return pending[-1][0]

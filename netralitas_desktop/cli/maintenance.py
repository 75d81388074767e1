"""CLI: ``backup``, ``backups``, ``restore FILE``, ``carry-over COPY``, ``check`` (care of the database file).

Backups are SQLite copies in ``backups/`` beside the file (see ``core/backups.py``); a
PostgreSQL server is backed up on the server with pg_dump, and these commands say so.
``restore`` and ``check`` must work on a file too damaged to open, so they set
``opens_database=False`` for ``cli.main`` and open (or not) the database themselves.
After a restore, the check-ins recorded since the backup are still in the kept copy of the
replaced file: ``restore --carry-over`` brings them along, ``carry-over COPY`` does it later.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core import backups, database
from ..core.errors import BAD_INPUT, DATABASE_UNAVAILABLE
from ..core.migrations import current_version
from ..core.models import db
from .common import CliError, add_command, cli_actor, count_int, format_table, positive_int

EXIT_DAMAGED = DATABASE_UNAVAILABLE  # README: 3, the database cannot be opened (safely)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "backup", "buat cadangan berkas basis data sekarang (di folder 'backups')", run_backup
    )
    parser.add_argument(
        "--keep",
        type=positive_int,
        metavar="N",
        help="simpan hanya N cadangan terbaru; disimpan sebagai pengaturan (bawaan 10)",
    )
    parser.add_argument(
        "--interval-hours",
        type=count_int,
        metavar="JAM",
        help="cadangan otomatis saat aplikasi dibuka paling sering sekali per JAM jam; "
        "disimpan sebagai pengaturan (bawaan 6)",
    )

    add_command(subparsers, "backups", "daftar cadangan berkas basis data, terbaru dahulu", run_list)

    parser = add_command(
        subparsers, "restore", "pulihkan berkas basis data dari cadangan (berkas sekarang disimpan dulu)", run_restore
    )
    parser.add_argument(
        "file",
        metavar="BERKAS",
        help="berkas cadangan: jalur lengkap, atau namanya di folder 'backups' (lihat 'netralitas backups')",
    )
    parser.add_argument(
        "--carry-over",
        action="store_true",
        help="bawa juga kehadiran yang tercatat sesudah cadangan itu dibuat (dari salinan berkas yang diganti)",
    )
    parser.set_defaults(opens_database=False)

    parser = add_command(
        subparsers,
        "carry-over",
        "bawa kehadiran yang lebih baru dari salinan sebelum pemulihan ke basis data sekarang",
        run_carry_over,
    )
    parser.add_argument(
        "copy", metavar="SALINAN", help="salinan sebelum-pemulihan-….db (jalur lengkap, atau namanya di 'backups')"
    )

    parser = add_command(
        subparsers, "check", "periksa keutuhan basis data (PRAGMA quick_check) atau sambungan server", run_check
    )
    parser.set_defaults(opens_database=False)


def _sqlite_path(location: database.DatabaseLocation) -> Path:
    if location.sqlite_path is None:
        raise CliError(database.POSTGRES_BACKUP_MESSAGE, exit_code=2)
    return location.sqlite_path


def run_backup(args: argparse.Namespace) -> dict:
    path = _sqlite_path(database.resolve_location(args.db))
    keep, interval = backups.set_backup_settings(keep=args.keep, interval_hours=args.interval_hours)
    target = backups.backup_file(path, backups.MANUAL, keep=keep)
    info = next(i for i in backups.list_backups(target.parent) if i.path == target)
    return {
        "message": f"Cadangan dibuat: {target} ({info.size_label}). Disimpan {keep} cadangan terbaru; "
        f"cadangan otomatis paling sering sekali per {interval:g} jam.",
        "path": str(target),
        "size": info.size,
        "keep": keep,
        "interval_hours": interval,
    }


def run_list(args: argparse.Namespace) -> dict:
    path = _sqlite_path(database.resolve_location(args.db))
    folder = backups.folder_for(path)
    found = backups.list_backups(folder)
    items = [
        {"path": str(i.path), "name": i.path.name, "kind": i.kind, "created": i.created.isoformat(), "size": i.size}
        for i in found
    ]
    if not found:
        return {"text": f"Belum ada cadangan di {folder}.", "backups": items, "folder": str(folder)}
    table = format_table(
        ["No", "Waktu", "Jenis", "Ukuran", "Berkas"],
        [(n, i.when, i.kind_label, i.size_label, i.path.name) for n, i in enumerate(found, 1)],
        right=(0, 3),
    )
    return {"text": f"Cadangan di {folder}:\n{table}", "backups": items, "folder": str(folder)}


def run_restore(args: argparse.Namespace) -> dict:
    from ..core.carry_over import carry_over, newer_checkins

    location = database.resolve_location(args.db)
    path = _sqlite_path(location)
    try:
        backup = backups.resolve_backup(path, args.file)
        result = database.restore_backup(location, backup)
    except backups.BackupError as err:  # a missing or unusable backup: the input was wrong
        raise CliError(str(err), BAD_INPUT) from err
    lines = [f"Basis data {path} dipulihkan dari {result.restored_from}."]
    out: dict = {
        "restored_from": str(result.restored_from),
        "previous_copy": str(result.previous_copy) if result.previous_copy else None,
        "newer_checkins": 0,
        "carried_over": 0,
    }
    if result.previous_copy:
        lines.append(f"Berkas sebelumnya disimpan sebagai {result.previous_copy}.")
        newer = newer_checkins(result.previous_copy)
        out["newer_checkins"] = len(newer.checkins)
        if newer.checkins and args.carry_over:
            out["carried_over"] = carry_over(newer.checkins, actor=cli_actor(), source=result.previous_copy.name)
            lines.append(f"{out['carried_over']} kehadiran yang lebih baru dari cadangan itu ikut dibawa.")
        elif newer.checkins:
            lines.append(
                f"{newer.describe()} Kehadiran itu masih ada di salinan tadi; bawa ke basis data ini dengan: "
                f"netralitas carry-over {result.previous_copy.name}"
            )
    return {**out, "message": "\n".join(lines)}


def run_carry_over(args: argparse.Namespace) -> dict:
    from ..core.carry_over import carry_over, newer_checkins

    path = _sqlite_path(database.resolve_location(args.db))
    try:
        copy = backups.resolve_backup(path, args.copy)
    except backups.BackupError as err:
        raise CliError(str(err), BAD_INPUT) from err
    newer = newer_checkins(copy)
    added = carry_over(newer.checkins, actor=cli_actor(), source=copy.name) if newer.checkins else 0
    rows = [(item.name, item.event_title, f"{item.checked_in_at:%d-%m-%Y %H.%M}", item.desk) for item in newer.checkins]
    table = "\n" + format_table(["Nama", "Kegiatan", "Hadir", "Meja"], rows) if rows else ""
    return {
        "added": added,
        "checkins": [item.to_dict() for item in newer.checkins],
        "partial": newer.partial,
        "message": f"{newer.describe()} Dibawa ke basis data ini: {added}.",
        "text": f"{newer.describe()} Dibawa ke basis data ini: {added}.{table}",
    }


def run_check(args: argparse.Namespace) -> dict:
    location = database.resolve_location(args.db)
    if location.sqlite_path is None:
        database.open_database(location.url)  # connection and schema, or a DatabaseError (exit 3)
        version = current_version(db.obj)
        return {
            "message": f"Tersambung ke {location.display}; skema versi {version}.",
            "ok_database": True,
            "schema_version": version,
        }
    damage = backups.inspect(location.sqlite_path)
    if damage is None:
        if not location.sqlite_path.exists():
            return {
                "message": f"Berkas {location.sqlite_path} belum ada; akan dibuat saat pertama dipakai.",
                "ok_database": True,
            }
        return {"message": f"Basis data {location.sqlite_path} utuh (PRAGMA quick_check: ok).", "ok_database": True}
    found = backups.describe_problems(damage.problems)
    if damage.latest_good is not None:
        advice = (
            f"Cadangan baik terakhir: {damage.latest_good.path.name} ({damage.latest_good.when}). "
            f"Pulihkan dengan: netralitas restore {damage.latest_good.path.name}"
        )
    else:
        advice = f"Tidak ada cadangan yang baik di {backups.folder_for(location.sqlite_path)}."
    raise CliError(
        f"Basis data {location.sqlite_path} rusak: {found}. {advice}",
        exit_code=EXIT_DAMAGED,
        problems=damage.problems,
        latest_good=str(damage.latest_good.path) if damage.latest_good else None,
    )

"""Roster import speed: the shared SIASN sample and a generated 100,000-row CSV.

Run: ``.venv/bin/python bench/bench_import.py [--rows N]``. Each file is imported into a
fresh temporary SQLite database; plan (read + compare) and apply (one transaction) are
timed separately, and a second plan of the same file (everything "unchanged") shows the
cost of a re-import preview. Targets are printed beside the figures.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netralitas_desktop.core import database
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.roster.importer import apply_import, plan_import

SIASN_SAMPLE = ROOT / "tests" / "fixtures" / "siasn_export_sukamakmur.csv"
FIRST = ("Budi", "Sri", "Agus", "Dewi", "Eko", "Rina", "Tri", "Wahyu", "Siti", "Joko", "Nur", "Dian", "Hendra", "Yuli")
LAST = ("Santoso", "Wibowo", "Lestari", "Saputra", "Rahayu", "Hidayat", "Pratama", "Kurniawan", "Susanti", "Nugroho")
UNITS = ("Dinas Kesehatan", "Dinas Pendidikan", "Sekretariat Daerah", "Kecamatan Bayan", "RSUD", "Inspektorat Daerah")
GOLONGAN = ("II/a", "II/c", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b")
HEADER = [
    "PNS ID",
    "NIP BARU",
    "NAMA",
    "GELAR DEPAN",
    "GELAR BELAKANG",
    "JENIS KELAMIN",
    "JENIS PEGAWAI NAMA",
    "GOL AKHIR NAMA",
    "JABATAN NAMA",
    "UNOR NAMA",
    "NOMOR HP",
    "EMAIL",
]


def fictional_nip(index: int, rng: random.Random) -> tuple[str, str]:
    """A valid, unique NIP: the serial (3 digits) and the birth date vary with ``index``."""
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=index // 999)
    serial = index % 999 + 1
    sex = rng.choice("12")
    if index % 7 == 0:  # PPPK: year of appointment, code 2, first contract
        return f"{birth:%Y%m%d}{birth.year + 30}21{sex}{serial:03d}", "PPPK"
    start = birth.year + 25
    return f"{birth:%Y%m%d}{start}{rng.randint(1, 12):02d}{sex}{serial:03d}", "PNS DAERAH"


def write_generated_csv(path: Path, rows: int) -> None:
    rng = random.Random(2024)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for index in range(rows):
            nip, kind = fictional_nip(index, rng)
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}".upper()
            writer.writerow(
                [
                    f"A{index:015X}",
                    f"'{nip}",
                    name,
                    rng.choice(("null", "Drs.", "H.")),
                    rng.choice(("null", "S.Kom.")),
                    rng.choice("MF"),
                    kind,
                    "null" if kind == "PPPK" else rng.choice(GOLONGAN),
                    "Analis",
                    rng.choice(UNITS),
                    f"'08{rng.randint(10**9, 10**10 - 1)}",
                    "null",
                ]
            )


def run(label: str, path: Path, rows: int, target_seconds: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database.open_database(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            event_id = create_event(EventData(title="Bench", date=dt.date(2024, 7, 1)))
            started = time.perf_counter()
            plan = plan_import(event_id, path)
            planned = time.perf_counter()
            result = apply_import(plan)
            applied = time.perf_counter()
            plan_import(event_id, path)
            replanned = time.perf_counter()
        finally:
            database.close_database()
    total = applied - started
    verdict = "OK" if total < target_seconds else "LEBIH LAMBAT dari target"
    print(f"{label}: {rows:,} baris, {result.added:,} ditambahkan, {result.rejected} ditolak")
    print(f"  plan   {planned - started:7.2f} s  {rows / (planned - started):>9,.0f} baris/s")
    print(f"  apply  {applied - planned:7.2f} s  {rows / (applied - planned):>9,.0f} baris/s")
    print(f"  total  {total:7.2f} s  {rows / total:>9,.0f} baris/s   target < {target_seconds:g} s: {verdict}")
    print(f"  impor ulang (rencana, semua tidak berubah) {replanned - applied:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows in the generated CSV")
    args = parser.parse_args()
    run("Contoh SIASN", SIASN_SAMPLE, 2000, 1.0)
    with tempfile.TemporaryDirectory() as folder:
        generated = Path(folder) / "generated.csv"
        write_generated_csv(generated, args.rows)
        run("CSV buatan", generated, args.rows, 10.0 * args.rows / 100_000)


if __name__ == "__main__":
    main()

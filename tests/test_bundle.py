"""The frozen program: build the PyInstaller one-folder bundle and smoke-test it offscreen.

PyInstaller drops a module or a data file silently when no hook names it; only running the
frozen program finds that. So the frozen command line makes every kind of document once, from
a database with a day at the venue behind it (``support.scenario``), and each is read back
here: invitations, signed pledge forms, the pledge sheet, both attendance lists, ikrar mandiri
forms, certificates and their verification, XLSX and CSV exports, the report with its
Lampiran, an offline package and a campaign's export.

The build reuses ``build/pyinstaller`` between runs (a rebuild with few changes takes seconds);
the bundle lands in ``build/dist/Netralitas``.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from netralitas_desktop.core import database, qr_payload
from netralitas_desktop.core.models import db as db_proxy
from netralitas_desktop.core.offline import read_package
from netralitas_desktop.core.participants import list_participants
from netralitas_desktop.core.pledges import mandiri_code
from support.certificates import TEST_KEY_PASSPHRASE
from support.package_imports import resources_read
from support.pdf_checks import page_numbers, qr_codes
from support.pdf_text import page_count, pdf_pages
from support.scenario import Scenario, make_scenario

# Building the bundle from nothing takes minutes on a busy machine; the fixture that does it
# runs inside the first test.
pytestmark = pytest.mark.timeout(1800)

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "build" / "dist"
BUNDLE = DIST / "Netralitas"
SIASN = ROOT / "tests" / "fixtures" / "siasn_export_sukamakmur.csv"
PEOPLE = 40


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="module")
def bundle() -> Path:
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    if not pyinstaller.exists():
        if os.environ.get("CI"):
            pytest.fail("PyInstaller is missing: scripts/test.sh installs the [test] extras, which include it")
        pytest.skip("PyInstaller is not installed (pip install -e .[test])")
    subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            "--distpath",
            str(DIST),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=1500,
    )
    size_mb = _folder_size(BUNDLE) / 1e6
    (ROOT / "build" / "bundle-size.txt").write_text(f"{size_mb:.0f} MB\n")
    print(f"\nbundle: {BUNDLE} {size_mb:.0f} MB")
    return BUNDLE


class Frozen:
    """``netralitas-cli`` of the bundle, in a home of its own: its key folder, settings and logs
    stay in a temporary folder, never in the tester's profile."""

    def __init__(self, bundle: Path, home: Path) -> None:
        self.program = bundle / "netralitas-cli"
        self.env = {key: value for key, value in os.environ.items() if key != "NETRALITAS_DB"}
        self.env.update(
            QT_QPA_PLATFORM="offscreen",
            NETRALITAS_KEY_DIR=str(home / "kunci"),
            NETRALITAS_KEY_PASSPHRASE=TEST_KEY_PASSPHRASE,
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_STATE_HOME=str(home / "state"),
            XDG_CACHE_HOME=str(home / "cache"),
        )

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.program), *args], capture_output=True, text=True, env=self.env, timeout=300)

    def json(self, *args: str) -> dict:
        """Run a command with ``--json``; it must succeed and print one JSON object."""
        done = self.run(*args, "--json")
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stdout + done.stderr
        return json.loads(done.stdout)


@pytest.fixture(scope="module")
def frozen(bundle, tmp_path_factory) -> Frozen:
    return Frozen(bundle, tmp_path_factory.mktemp("frozen-home"))


@dataclass
class Venue:
    """The database a day at the venue left, what the documents made from it must show, and the
    frozen program working on it."""

    frozen: Frozen
    url: str
    event_id: int
    scenario: Scenario
    names: dict[int, str]  # registration id -> name with titles, as printed
    invitation_codes: dict[int, str]  # registration id -> its invitation's QR text
    mandiri_codes: dict[int, str]  # registration id -> its ikrar mandiri form's QR text, for those who owe one
    folder: Path

    def json(self, *args: str, event: bool = False) -> dict:
        """The frozen command on this database (for this event with ``event``)."""
        return self.frozen.json("--db", self.url, *args, *(("--event", str(self.event_id)) if event else ()))


@pytest.fixture(scope="module")
def venue(frozen, tmp_path_factory) -> Venue:
    folder = tmp_path_factory.mktemp("venue")
    url = f"sqlite:///{folder / 'netralitas.db'}"
    previous = db_proxy.obj
    database.open_database(url)
    try:
        scenario = make_scenario(PEOPLE)
        names = {row.registration_id: row.full_name for row in list_participants(scenario.event_id)}
        invitations = {registration: qr_payload.payload_for(registration) for registration in names}
        excused = scenario.izin + scenario.sakit + scenario.dinas_luar
        owing = [registration for registration in excused + scenario.absent if registration not in scenario.returned]
        mandiri = {registration: mandiri_code.code_for(registration) for registration in owing}
    finally:
        database.close_database()
        db_proxy.initialize(previous)
    return Venue(frozen, url, scenario.event_id, scenario, names, invitations, mandiri, folder)


def test_frozen_version(frozen):
    from netralitas_desktop import __version__

    done = frozen.run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Netralitas Desktop {__version__}"


def test_frozen_selftest(frozen):
    done = frozen.run("selftest", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout)
    assert result["ok"] and [s["step"] for s in result["steps"]] == [
        "buka basis data",
        "buat kegiatan dan peserta",
        "QR undangan",
        "check-in",
        "sertifikat dan verifikasi QR",
        "tanda tangan digital",
    ]


def test_frozen_bundle_carries_resources_and_leaves_out_unused_qt(bundle):
    internal = bundle / "_internal"
    assert (internal / "resources" / "fonts").is_dir()
    assert list((internal / "resources" / "fonts").glob("*.ttf"))
    for parts in resources_read():  # every file or folder the program reads through resource_path
        known = [part for part in parts if part is not None]
        shipped = (internal / "resources").joinpath(*(known if None not in parts else known[:1]))
        assert shipped.exists() and (shipped.is_file() or any(shipped.iterdir())), parts
    assert not list(internal.rglob("*WebEngine*")) and not list(internal.rglob("libQt6Quick3D*"))
    assert not list(internal.rglob("pypdf")), "build.spec leaves pypdf out: the program uses pypdfium2"


# --- every document kind, made by the frozen program and read back ---------------------------------------


def test_frozen_invitations(venue):
    target = venue.folder / "undangan.pdf"
    result = venue.json("invitations", "--out", str(target), event=True)
    assert result["count"] == PEOPLE and result["pages"] == page_count(target)
    assert sorted(qr_codes(target)) == sorted(venue.invitation_codes.values())
    text = " ".join(pdf_pages(target, flat_text=True))
    assert all(name in text for name in venue.names.values())


def test_frozen_signed_pledge_forms(venue):
    target = venue.folder / "pakta.pdf"
    result = venue.json("pledges", "--out", str(target), event=True)
    signed = venue.scenario.signed
    assert result["count"] == len(signed) == result["pages"] == page_count(target)
    pages = pdf_pages(target, flat_text=True)
    assert all("PAKTA INTEGRITAS" in page for page in pages)
    assert {venue.names[registration] for registration in signed} == {
        name for name in venue.names.values() if any(name in page for page in pages)
    }


def test_frozen_pledge_sheet(venue):
    target = venue.folder / "ikrar.pdf"
    result = venue.json("pledge-sheet", "--out", str(target), event=True)
    assert result["count"] == PEOPLE and result["pages"] == page_count(target)
    text = " ".join(pdf_pages(target, flat_text=True))
    assert "IKRAR" in text and all(name in text for name in venue.names.values())


@pytest.mark.parametrize("kind", ["tanda-tangan", "rekap"])
def test_frozen_attendance_lists(venue, kind):
    target = venue.folder / f"daftar-hadir-{kind}.pdf"
    result = venue.json("attendance-list", "--kind", kind, "--out", str(target), event=True)
    assert result["kind"] == kind and result["count"] == PEOPLE
    pages = result["pages"]
    assert page_numbers(target) == [(page, pages) for page in range(1, pages + 1)]
    text = " ".join(pdf_pages(target, flat_text=True))
    assert "DAFTAR HADIR" in text and all(name in text for name in venue.names.values())
    if kind == "rekap":  # the recap says how each one attended
        assert "Daring" in text and "Sakit" in text and "Izin" in text


def test_frozen_ikrar_mandiri_forms(venue):
    target = venue.folder / "ikrar-mandiri.pdf"
    result = venue.json("ikrar-mandiri", "--out", str(target), event=True)
    owing = venue.mandiri_codes  # absent (with or without a reason) and no form back yet
    assert result["count"] == len(owing) == result["pages"] == page_count(target)
    assert sorted(qr_codes(target)) == sorted(owing.values())
    text = " ".join(pdf_pages(target, flat_text=True))
    assert all(venue.names[registration] in text for registration in owing)


def test_frozen_certificates_and_their_verification(venue):
    target = venue.folder / "sertifikat.pdf"
    result = venue.json("certificates", "--out", str(target), event=True)
    in_room = venue.scenario.in_room  # the demo event gives certificates to those in the room
    assert result["count"] == len(in_room) == page_count(target)
    assert len(qr_codes(target)) == len(in_room)
    report = venue.json("verify", str(target))
    assert report["valid"] and report["counts"] == {
        "valid": len(in_room),
        "revoked": 0,
        "unrecorded": 0,
        "invalid": 0,
    }
    holders = {page["certificates"][0]["holder"]["name"] for page in report["pages"]}
    assert holders == {venue.names[registration] for registration in in_room}


def test_frozen_xlsx_and_csv_exports(venue):
    workbook_path, csv_path = venue.folder / "rekap.xlsx", venue.folder / "hadir.csv"
    summary = venue.json("export", "--xlsx", str(workbook_path), event=True)["summary"]
    scenario = venue.scenario
    assert (summary["registered"], summary["present"], summary["online"]) == (
        PEOPLE,
        len(scenario.present),
        len(scenario.online),
    )
    workbook = openpyxl.load_workbook(workbook_path)
    first = workbook.worksheets[0]
    listed = {cell.value for row in first.iter_rows() for cell in row if isinstance(cell.value, str)}
    assert set(venue.names.values()) <= listed
    assert len(workbook.worksheets) >= 4  # attendance list, recap per OPD, per employment type, absent

    assert venue.json("export", "--csv", str(csv_path), event=True)["rows"] == PEOPLE
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:2] == ["No", "Nama"] and len(rows) == PEOPLE + 1
    assert {row[1] for row in rows[1:]} == set(venue.names.values())


def test_frozen_report_with_its_lampiran(venue):
    target = venue.folder / "laporan.pdf"
    result = venue.json("report", "--pdf", str(target), "--with-attendance-list", event=True)
    pages = result["pages"]
    assert pages == page_count(target) > 2
    assert page_numbers(target) == [(page, pages) for page in range(1, pages + 1)]  # the Lampiran continues
    texts = pdf_pages(target, flat_text=True)
    assert "LAPORAN" in texts[0].upper() and "LAMPIRAN" in " ".join(texts[1:])
    assert all(name in " ".join(texts) for name in venue.names.values())


def test_frozen_offline_package_export(venue):
    target = venue.folder / "paket.netralitas"
    result = venue.json("package", "export", "--out", str(target), event=True)
    package = read_package(target)  # signature and checksum checked
    assert package.kind == "event" and package.fingerprint == result["fingerprint"]
    assert result["counts"] == {
        "people": PEOPLE,
        "registrations": PEOPLE,
        "checkins": len(venue.scenario.present),
        "signatures": len(venue.scenario.signed),
    }
    assert len(package.data["registrations"]) == PEOPLE


def test_frozen_campaign_export(venue):
    """The master roster and a SIASN roster read by the frozen program, three check-ins, the campaign's files."""
    assert venue.json("roster", "master", "import", str(SIASN))["added"] == 2000
    other = venue.json("event", "create", "--title", "Sosialisasi OPD", "--date", "2024-09-02")["id"]
    assert venue.json("roster", "import", str(SIASN), "--event", str(other))["added"] == 2000
    with open(SIASN, encoding="utf-8-sig", newline="") as handle:
        nips = [row["NIP BARU"] for row, _ in zip(csv.DictReader(handle), range(3), strict=False)]
    for nip in nips:
        assert venue.json("checkin", nip, "--event", str(other), "--desk", "Meja 1")["status"] == "checked_in"
    venue.json("campaign", "create", "--name", "Netralitas ASN Pilkada 2024", "--deadline", "2024-12-01")
    assert venue.json("campaign", "add-event", str(other))["added"] == [other]

    workbook_path, summary_path = venue.folder / "kampanye.xlsx", venue.folder / "kampanye.pdf"
    result = venue.json("campaign", "export", "--xlsx", str(workbook_path), "--pdf", str(summary_path))
    assert [(file["people"], file["owing"]) for file in result["files"]] == [(2000, 1997), (2000, 1997)]
    sheet = openpyxl.load_workbook(workbook_path)["Rekap per OPD"]
    total = next(row for row in sheet.iter_rows(values_only=True) if "JUMLAH" in row)
    assert total[total.index("JUMLAH") + 1 : total.index("JUMLAH") + 5] == (2000, 3, 0, 1997)
    text = pdf_pages(summary_path, flat_text=True)
    assert len(text) == 1 and "RINGKASAN CAKUPAN IKRAR" in text[0] and "2.000" in text[0]

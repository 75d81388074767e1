"""``netralitas package …``, ``audit list`` and ``purge`` from the command line."""

from __future__ import annotations

import csv
import datetime as dt
import json

from netralitas_desktop.cli import main
from netralitas_desktop.core import checkin
from netralitas_desktop.core.audit import Actor
from support.cli import run_json
from support.offline import Site, make_office


def call_json(capsys, *argv: str) -> tuple[int, dict]:
    code = main([*argv, "--json"])
    out, _err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    return code, json.loads(lines[0])


def test_export_import_check_in_return_and_merge(tmp_path, capsys):
    office = make_office(tmp_path)
    laptop = Site(tmp_path / "laptop.db")
    package, back = tmp_path / "paket.netralitas", tmp_path / "kembali.netralitas"

    code, result = call_json(
        capsys, "--db", office.site.url, "package", "export", "--event", str(office.event_id), "--out", str(package)
    )
    assert code == 0 and result["counts"]["registrations"] == len(office.registrations) + 1
    assert "package import" in result["message"] and office.fingerprint in result["message"]
    assert result["fingerprint"] == office.fingerprint

    # The first import shows the office key's fingerprint and changes nothing until it is confirmed.
    code, result = call_json(capsys, "--db", laptop.url, "package", "import", str(package))
    assert code == 2 and result["fingerprint"] == office.fingerprint and office.fingerprint in result["error"]
    assert "--office-key" in result["error"]
    typed = office.fingerprint.replace("-", " ").lower()  # as a person may type it
    code, result = call_json(capsys, "--db", laptop.url, "package", "import", str(package), "--office-key", typed)
    assert code == 0 and result["created"] is True and result["office_key_confirmed"] is True
    local_event, desk_key = result["event_id"], result["desk_fingerprint"]
    code, result = call_json(
        capsys,
        "--db",
        laptop.url,
        "checkin",
        office.codes[office.registrations[1]],
        "--event",
        str(local_event),
        "--desk",
        "Meja 2",
        "--operator",
        "Dodi",
    )
    assert code == 0 and result["status"] == "checked_in"
    code, result = call_json(capsys, "--db", laptop.url, "package", "import", str(package))
    assert code == 0 and result["created"] is False and not any(result["counts"].values())

    code, result = call_json(
        capsys, "--db", laptop.url, "package", "export-checkins", "--event", str(local_event), "--out", str(back)
    )
    assert code == 0 and result["counts"]["checkins"] == 2  # Dodi's and the office's own
    assert result["fingerprint"] == desk_key
    code, result = call_json(capsys, "--db", office.site.url, "package", "merge", str(back))
    assert code == 2 and result["fingerprint"] == desk_key and "--desk-key" in result["error"]
    for round_number in (1, 2):
        confirm = ["--desk-key", desk_key] if round_number == 1 else []
        code, result = call_json(capsys, "--db", office.site.url, "package", "merge", str(back), *confirm)
        assert code == 0
        assert result["counts"]["checkins_new"] == (1 if round_number == 1 else 0)
        assert result["changed"] is (round_number == 1)

    code = main(["--db", office.site.url, "package", "merge", str(back)])
    out, _err = capsys.readouterr()
    assert code == 0 and "Kehadiran baru: 0" in out and "Tidak ada yang berubah." in out


def test_bad_files_exit_2_with_an_indonesian_message_and_no_traceback(tmp_path):
    office = make_office(tmp_path)
    broken = tmp_path / "rusak.netralitas"
    broken.write_bytes(b"PK\x03\x04 bukan zip")
    code, result = run_json(office.site.url, "package", "import", str(broken))
    assert code == 2 and result["ok"] is False and "bukan paket Netralitas" in result["error"]
    code, result = run_json(office.site.url, "package", "merge", str(tmp_path / "tidak-ada.netralitas"))
    assert code == 2 and "tidak ditemukan" in result["error"]


def test_audit_list_filters_and_csv(tmp_path, capsys):
    office = make_office(tmp_path)
    with office.site.open():
        checkin.check_in(office.event_id, office.codes[office.registrations[2]], actor=Actor("Meja 5", "Eka"))
    url = office.site.url
    code, result = call_json(capsys, "--db", url, "audit", "list", "--desk", "Meja 5")
    assert code == 0 and result["total"] == 1
    assert result["entries"][0]["action_label"] == "Hadir (check-in)"
    code, result = call_json(
        capsys, "--db", url, "audit", "list", "--event", str(office.event_id), "--action", "participant", "--limit", "3"
    )
    assert code == 0 and len(result["entries"]) == 3 and result["total"] == 13
    code = main(["--db", url, "audit", "list", "--text", "Meja 5"])
    out, _ = capsys.readouterr()
    assert code == 0 and "Hadir (check-in)" in out and "Menampilkan 1 dari 1 entri." in out
    target = tmp_path / "audit.csv"
    code, result = call_json(capsys, "--db", url, "audit", "list", "--from", "2000-01-01", "--csv", str(target))
    assert code == 0 and result["written"] == result["total"]
    with open(target, encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle, delimiter=";"))) == result["total"] + 1
    code, result = call_json(capsys, "--db", url, "audit", "list", "--from", "1-7-2024")
    assert code == 2 and "bukan tanggal" in result["error"]


def test_purge_asks_for_yes_then_purges_and_lists_due_events(tmp_path, capsys):
    office = make_office(tmp_path, day=dt.date(2024, 7, 1))
    url, event = office.site.url, str(office.event_id)
    code, result = call_json(capsys, "--db", url, "purge", "--event", event)
    assert code == 0 and "--yes" in result["message"] and result["preview"]["registrations"] == 13
    code, result = call_json(capsys, "--db", url, "purge", "--due")
    assert code == 0 and [e["event_id"] for e in result["events"]] == [office.event_id, office.other_event_id]
    code, result = call_json(capsys, "--db", url, "purge", "--event", event, "--yes")
    assert code == 0 and result["summary"]["total"]["registered"] == 12
    code, result = call_json(capsys, "--db", url, "purge", "--event", event, "--yes")
    assert code == 2 and "tidak menyimpan data pribadi" in result["error"]
    code, result = call_json(capsys, "--db", url, "purge", "--set-retention", "100000")
    assert code == 2 and "antara 1 dan" in result["error"]
    code, result = call_json(capsys, "--db", url, "purge", "--set-retention", "7300")
    assert code == 0
    code, result = call_json(capsys, "--db", url, "purge", "--due")
    assert code == 0 and result["events"] == [] and result["retention_days"] == 7300

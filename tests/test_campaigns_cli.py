"""``netralitas campaign …`` and ``netralitas roster master …``: a real process end to end, ``main()`` for the rest."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from pypdf import PdfReader

from netralitas_desktop.cli import main
from netralitas_desktop.core.campaigns.coverage import load_coverage
from netralitas_desktop.core.models import Person, Registration
from netralitas_desktop.core.nip import format_nip
from netralitas_desktop.core.pledges import mandiri_code
from support.campaigns import SIASN, non_asn_people, siasn, write_non_asn_xlsx, write_siasn


def run(capsys, url: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", url, *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys, url: str, *argv: str) -> tuple[int, dict]:
    code, out, err = run(capsys, url, *argv, "--json")
    assert len(out.strip().splitlines()) == 1, out + err
    return code, json.loads(out)


def test_the_whole_path_in_a_real_process(sqlite_url, tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "NETRALITAS_DB"}

    def netralitas(*args: str) -> dict:
        done = subprocess.run(
            [sys.executable, "-m", "netralitas_desktop", "--db", sqlite_url, *args, "--json"],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stdout + done.stderr
        return json.loads(done.stdout)

    assert netralitas("roster", "master", "import", str(SIASN))["added"] == 2000
    event = netralitas("event", "create", "--title", "Sosialisasi", "--date", "2024-09-02")["id"]
    netralitas("roster", "import", str(SIASN), "--event", str(event))
    _, rows = siasn()
    for row in rows[:3]:
        netralitas("checkin", row.nip, "--event", str(event), "--desk", "Meja 1")
    netralitas("campaign", "create", "--name", "Netralitas ASN Pilkada 2024", "--deadline", "2024-11-01")
    assert netralitas("campaign", "add-event", str(event))["added"] == [event]
    coverage = netralitas("campaign", "coverage")
    assert (coverage["total"]["target"], coverage["total"]["covered"], coverage["total"]["owing"]) == (2000, 3, 1997)
    opd = netralitas("campaign", "coverage", "--opd", rows[0].unit.upper())
    assert opd["opd"] == rows[0].unit and len(opd["owing_people"]) == opd["total"]["owing"]


def test_campaign_commands(db, capsys, tmp_path):
    url = db.url
    header, rows = siasn()
    code, imported = run_json(capsys, url, "roster", "master", "import", str(SIASN), "--dry-run")
    assert code == 0 and imported["dry_run"] and imported["added"] == 2000
    assert run_json(capsys, url, "roster", "master", "show")[1]["active"] == 0
    code, out, _ = run(capsys, url, "roster", "master", "import", str(SIASN))
    assert code == 0 and "2000 baru" in out
    staff = non_asn_people(4)
    run(capsys, url, "roster", "master", "import", str(write_non_asn_xlsx(tmp_path / "honorer.xlsx", staff)))
    code, out, _ = run(capsys, url, "roster", "master", "show")
    assert "2004 pegawai aktif" in out

    code, _, err = run(capsys, url, "campaign", "coverage")
    assert code == 2 and "Belum ada kampanye" in err
    code, result = run_json(capsys, url, "campaign", "create", "--name", "Pilkada 2024", "--deadline", "1 November")
    assert code == 2 and "TTTT-BB-HH" in result["error"]
    code, result = run_json(capsys, url, "campaign", "create", "--name", "Pilkada 2024", "--deadline", "2024-11-01")
    campaign = result["id"]
    code, event = run_json(capsys, url, "event", "create", "--title", "Sosialisasi OPD", "--date", "2024-09-02")
    event_id = event["id"]
    run(
        capsys,
        url,
        "roster",
        "import",
        str(write_siasn(tmp_path / "u.csv", header, rows[:100])),
        "--event",
        str(event_id),
    )
    for row in rows[:40]:
        assert run(capsys, url, "checkin", row.nip, "--event", str(event_id), "--desk", "Meja 1")[0] == 0
    code, result = run_json(capsys, url, "campaign", "add-event", "--campaign", "pilkada 2024", str(event_id), "999")
    assert code == 2 and "999" in result["error"]
    assert run_json(capsys, url, "campaign", "add-event", str(event_id))[1]["added"] == [event_id]
    assert run_json(capsys, url, "campaign", "add-event", str(event_id))[1]["already"] == [event_id]

    code, out, _ = run(capsys, url, "campaign", "coverage")
    assert code == 0 and "40 dari 2004 pegawai sudah berikrar" in out and "JUMLAH" in out
    code, _, err = run(capsys, url, "campaign", "coverage", "--opd", "Dinas Yang Tidak Ada")
    assert code == 2 and "tidak ada di daftar induk" in err

    code, result = run_json(capsys, url, "campaign", "excuse", format_nip(rows[50].nip), "--reason", "cuti")
    assert code == 0 and result["count"] == 1
    code, result = run_json(capsys, url, "campaign", "excuse", "123", "--reason", "cuti")
    assert code == 2 and "123" in result["error"]
    assert run_json(capsys, url, "campaign", "coverage")[1]["total"]["excused"] == 1

    unit = rows[60].unit
    code, result = run_json(capsys, url, "campaign", "forms", "--opd", unit, "--out", str(tmp_path / "opd.pdf"))
    assert code == 0 and result["units"] == 1
    assert len(PdfReader(tmp_path / "opd.pdf").pages) == result["pages"]
    code, result = run_json(capsys, url, "campaign", "forms", "--out", str(tmp_path / "semua.pdf"))
    assert code == 2 and "folder" in result["error"]

    member = next(row for row in rows[60:100] if row.unit == unit)
    registration = (
        Registration.select(Registration.id)
        .join(Person)
        .where((Registration.event == result_event(campaign)) & (Person.nip == member.nip))
        .scalar()
    )
    code_text = mandiri_code.encode(result_event(campaign), registration)
    code, result = run_json(capsys, url, "campaign", "receive", code_text)
    assert code == 0 and result["status"] == "received"
    code, result = run_json(capsys, url, "campaign", "receive", "NTM1XXXXXXXXXXXXXXXXXXXXXXX")
    assert code == 1 and result["status"] == "rejected"

    code, result = run_json(
        capsys, url, "campaign", "export", "--xlsx", str(tmp_path / "rekap.xlsx"), "--pdf", str(tmp_path / "r.pdf")
    )
    assert code == 0 and [f["format"] for f in result["files"]] == ["xlsx", "pdf"]
    assert load_coverage(campaign).total.covered == 41


def result_event(campaign: int) -> int:
    from netralitas_desktop.core.campaigns.service import get_campaign

    return get_campaign(campaign).mandiri_event_id

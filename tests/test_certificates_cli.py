"""``netralitas certificates``, ``verify`` and ``certificate …`` through ``main()`` on a real database."""

from __future__ import annotations

import json
import subprocess

import pytest

from netralitas_desktop.cli import main
from netralitas_desktop.core.database import close_database, open_database
from support.certificates import make_event, populate
from support.pdf_text import page_count


@pytest.fixture
def event_id(sqlite_url):
    open_database(sqlite_url)
    event_id = make_event()
    populate(event_id)
    close_database()
    return event_id


def run(capsys, url: str, *args: str) -> tuple[int, dict]:
    code = main(["--db", url, *args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out.strip().splitlines()[-1])


def test_make_verify_revoke(capsys, sqlite_url, event_id, tmp_path):
    pdf = tmp_path / "sertifikat.pdf"
    code, result = run(capsys, sqlite_url, "certificates", "--event", str(event_id), "--out", str(pdf))
    assert code == 0 and result["count"] == 7 and page_count(pdf) == 7
    code, result = run(capsys, sqlite_url, "verify", str(pdf))
    assert code == 0 and result["valid"] is True and result["status"] == "valid"
    number = result["number"]
    assert result["holder"]["name"].startswith("Prof. Dr. Ir. H. Muhammad")
    code, result = run(capsys, sqlite_url, "certificate", "revoke", number, "--reason", "Salah nama")
    assert code == 0 and result["number"] == number
    code, result = run(capsys, sqlite_url, "verify", str(pdf))
    assert code == 1 and result["valid"] is False and result["status"] == "revoked" and result["number"] == number
    code, result = run(capsys, sqlite_url, "certificate", "revoke", number)
    assert code == 2 and "sudah dicabut" in result["error"]


def test_verify_text_offline_with_the_public_key(capsys, sqlite_url, event_id, tmp_path):
    pdf, pem = tmp_path / "s.pdf", tmp_path / "kunci.pem"
    assert main(["--db", sqlite_url, "certificates", "--event", str(event_id), "--out", str(pdf)]) == 0
    code, result = run(capsys, sqlite_url, "certificate", "public-key", "--out", str(pem))
    assert code == 0 and pem.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    other = f"sqlite:///{tmp_path / 'lain.db'}"
    code, result = run(capsys, other, "verify", str(pdf), "--public-key", str(pem))
    assert code == 0 and result["valid"] is True and result["event"] is None and len(result["pages"]) == 7
    code, result = run(capsys, other, "verify", str(pdf))
    assert code == 1 and result["status"] == "invalid" and result["counts"]["invalid"] == 7
    site = tmp_path / "situs"
    code, result = run(capsys, sqlite_url, "certificate", "site", "--out", str(site))
    assert code == 0 and (site / "index.html").is_file()
    fingerprint = result["fingerprint"]
    code, result = run(capsys, other, "certificate", "key", "trust", str(site))
    assert code == 1 and result["keys"][0]["fingerprint"] == fingerprint and fingerprint in result["error"]
    code, result = run(capsys, other, "certificate", "key", "trust", str(site), "--yes")
    assert code == 0
    code, result = run(capsys, other, "verify", str(pdf))
    assert code == 0 and result["valid"] is True
    code, result = run(capsys, other, "verify", "SRT1|bukan|kode")
    assert code == 1 and result["status"] == "invalid" and "rusak" in result["error"]


def test_text_output_for_people(capsys, sqlite_url, event_id, tmp_path):
    pdf = tmp_path / "s.pdf"
    assert main(["--db", sqlite_url, "certificates", "--event", str(event_id), "--out", str(pdf)]) == 0
    assert "7 sertifikat tersimpan" in capsys.readouterr().out
    assert main(["--db", sqlite_url, "verify", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("7 halaman: 7 ASLI") and "Halaman 7: ASLI — 800/0007/BKPSDM/2024 — Yuni Astuti" in out
    import zxingcpp
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf), str(tmp_path / "foto")], check=True)
    (code,) = [found.text for found in zxingcpp.read_barcodes(Image.open(tmp_path / "foto.png"))]
    assert main(["--db", sqlite_url, "verify", code]) == 0
    out = capsys.readouterr().out
    assert "Status: ASLI" in out and "NIP. 19860926 201505 1 001" in out and "Kegiatan: Sosialisasi" in out


def test_per_person_and_wrong_targets(capsys, sqlite_url, event_id, tmp_path):
    folder = tmp_path / "per-orang"
    code, result = run(
        capsys, sqlite_url, "certificates", "--event", str(event_id), "--out", str(folder), "--per-person"
    )
    assert code == 0 and result["per_person"] and len(list(folder.glob("*.pdf"))) == 7
    code, result = run(capsys, sqlite_url, "certificates", "--event", str(event_id), "--out", str(folder))
    assert code == 2 and "--per-person" in result["error"]
    code, result = run(capsys, sqlite_url, "certificates", "--event", "99", "--out", str(tmp_path / "x.pdf"))
    assert code == 2
    code, result = run(
        capsys,
        sqlite_url,
        "certificates",
        "--event",
        str(event_id),
        "--out",
        str(tmp_path / "x.pdf"),
        "--sign",
        str(tmp_path / "tidak-ada.p12"),
    )
    assert code == 2 and "--password-file" in result["error"]


def test_design_export_import_and_check(capsys, sqlite_url, event_id, tmp_path):
    template = tmp_path / "templat.json"
    code, result = run(capsys, sqlite_url, "certificate", "design", "export", str(template), "--event", str(event_id))
    assert code == 0 and json.loads(template.read_text(encoding="utf-8"))["kind"] == "netralitas-certificate-design"
    code, result = run(capsys, sqlite_url, "certificate", "design", "import", str(template), "--event", str(event_id))
    assert code == 0
    template.write_text("{}", encoding="utf-8")
    code, result = run(capsys, sqlite_url, "certificate", "design", "import", str(template), "--event", str(event_id))
    assert code == 2 and "bukan templat sertifikat" in result["error"]
    code, result = run(capsys, sqlite_url, "certificate", "check", "--event", str(event_id))
    assert code == 0 and any("Logo instansi" in problem for problem in result["problems"])

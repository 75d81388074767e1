"""Ikrar mandiri forms PDF read back (text, sizes, a rendered QR received by scan) and the CLI."""

from __future__ import annotations

import io
import json

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from netralitas_desktop.cli import main
from netralitas_desktop.core import database
from netralitas_desktop.core.documents import Paper, mm
from netralitas_desktop.core.jobs import Cancelled
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.pledges import mandiri_code, returns
from netralitas_desktop.core.pledges.document_common import NothingToPrint
from netralitas_desktop.core.pledges.ikrar_mandiri import IkrarMandiriFormsJob, preview_ikrar_mandiri
from support.ikrar_mandiri import DESK, Roster, make_roster
from support.pdf_checks import render
from support.pdf_text import flat


@pytest.fixture
def roster(db) -> Roster:
    return make_roster()


def test_one_form_per_person_who_owes_one_and_its_qr_receives_it(roster, tmp_path):
    target = tmp_path / "ikrar mandiri.pdf"
    result = IkrarMandiriFormsJob(roster.event_id, target, actor=DESK).run()
    assert (result.count, result.path) == (2, str(target))

    reader = PdfReader(target)
    assert len(reader.pages) == 2
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width / mm), round(height / mm)) == (210, 297)
    first, second = (flat(page.extract_text()) for page in reader.pages)
    # Badan Kepegawaian Daerah sorts before Dinas Kesehatan.
    assert "Sari Dewanti" in first and "19800101 200501 2 001" in first
    assert "Drs. Budi Santoso, M.Si." in second and "19860926 201505 1 001" in second
    for text, registration_id in ((first, roster.sari), (second, roster.budi)):
        assert "IKRAR MANDIRI" in text
        assert mandiri_code.encode(roster.event_id, registration_id) in text.replace(" ", "")
        assert "Purworejo, ....." in text  # the signer writes the date
    assert not any(name in first + second for name in ("Ani Lestari", "Dewi Kartika", "Joko Widodo", "Eko"))

    decoded = [code.text for code in zxingcpp.read_barcodes(render(target, 2, 150))]
    assert decoded == [mandiri_code.encode(roster.event_id, roster.budi)]
    assert returns.receive_by_code(roster.event_id, decoded[0], DESK).status == returns.ReturnStatus.RECEIVED

    export = AuditLog.select().where(AuditLog.action == "export").get()
    assert json.loads(export.detail) == {
        "count": 2,
        "document": "ikrar_mandiri",
        "files": 1,
        "format": "pdf",
        "pages": 2,
    }
    # Made again, only the one still owed is printed.
    assert IkrarMandiriFormsJob(roster.event_id, target, paper=Paper.F4).run().count == 1
    page = PdfReader(target).pages[0]
    assert round(float(page.mediabox.height) / mm) == 330


def test_cancelling_leaves_no_file_and_nobody_owing_is_a_message(roster, tmp_path):
    target = tmp_path / "out" / "batal.pdf"
    job = IkrarMandiriFormsJob(roster.event_id, target)
    with pytest.raises(Cancelled):
        job.execute(lambda done, total, message="": job.cancel() if done else None)
    assert list(target.parent.iterdir()) == []  # not even the temporary file

    for registration_id in (roster.budi, roster.sari):
        returns.receive_registration(registration_id, DESK)
    with pytest.raises(NothingToPrint, match="Tidak ada peserta yang wajib ikrar mandiri"):
        IkrarMandiriFormsJob(roster.event_id, target).run()
    assert not target.exists()
    # The Dokumen tab's preview still shows what a form looks like, with the first participant.
    sample = PdfReader(io.BytesIO(preview_ikrar_mandiri(roster.event_id)))
    assert len(sample.pages) == 1 and "IKRAR MANDIRI" in flat(sample.pages[0].extract_text())


def test_preview_is_the_first_form_owed(roster):
    reader = PdfReader(io.BytesIO(preview_ikrar_mandiri(roster.event_id, Paper.F4)))
    assert len(reader.pages) == 1 and round(float(reader.pages[0].mediabox.height) / mm) == 330
    assert "Sari Dewanti" in flat(reader.pages[0].extract_text())


# --- CLI ----------------------------------------------------------------------------------------------


def run(capsys, url: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", url, *argv])
    captured = capsys.readouterr()
    database.open_database(url)  # main closed it; the test reads on
    return code, captured.out, captured.err


def test_cli_forms_owed_receive_and_undo(roster, db, tmp_path, capsys):
    event = str(roster.event_id)
    code, out, _ = run(capsys, db.url, "ikrar-mandiri", "--event", event, "--out", str(tmp_path / "f.pdf"))
    assert code == 0 and out.strip() == f"2 formulir ikrar mandiri tersimpan di {tmp_path / 'f.pdf'}."

    code, out, _ = run(capsys, db.url, "ikrar-mandiri", "--event", event, "--owed", "--json")
    owed = json.loads(out)
    assert (owed["required"], owed["returned"], owed["owed"]) == (2, 0, 2)
    assert [p["registration_id"] for p in owed["people"]] == [roster.sari, roster.budi]
    assert [p["status"] for p in owed["people"]] == ["izin", "tidak_hadir"]

    photo = tmp_path / "foto.png"
    Image.new("RGB", (600, 800), "white").save(photo)
    form_code = mandiri_code.code_for(roster.budi)
    code, out, _ = run(
        capsys, db.url, "ikrar-mandiri", "receive", form_code.lower(), "--event", event, "--attach", str(photo)
    )
    assert code == 0 and out.startswith("DITERIMA: Drs. Budi Santoso, M.Si., Dinas Kesehatan")
    code, out, _ = run(capsys, db.url, "ikrar-mandiri", "--event", event, "receive", form_code, "--json")
    again = json.loads(out)
    assert code == 0 and again["status"] == "already" and again["attachment_name"] == "foto.png"

    code, out, err = run(
        capsys, db.url, "ikrar-mandiri", "receive", mandiri_code.code_for(roster.joko), "--event", event
    )
    assert code == 1 and err.startswith("DITOLAK: Joko Widodo sudah menandatangani ikrar di meja")
    code, out, _ = run(capsys, db.url, "ikrar-mandiri", "receive", "NTM1" + "0" * 23, "--event", event, "--json")
    refused = json.loads(out)
    assert code == 1 and refused["ok"] is False and "palsu" in refused["error"]

    code, out, _ = run(capsys, db.url, "ikrar-mandiri", "--event", event, "--returned")
    assert code == 0 and "Drs. Budi Santoso, M.Si." in out and "sudah kembali: 1, belum: 1" in out
    code, out, _ = run(
        capsys, db.url, "ikrar-mandiri", "undo", "--registration", str(roster.budi), "--reason", "Salah pindai"
    )
    assert code == 0 and "dibatalkan" in out
    assert roster.budi in [row.registration_id for row in returns.owed_rows(roster.event_id)]


def test_cli_usage_errors_are_indonesian(roster, db, tmp_path, capsys):
    code, _, err = run(capsys, db.url, "ikrar-mandiri", "--owed")
    assert code == 2 and "--event" in err and "wajib" in err
    code, _, err = run(capsys, db.url, "ikrar-mandiri", "--event", str(roster.event_id))
    assert code == 2 and "Pilih salah satu" in err
    code, _, err = run(
        capsys, db.url, "ikrar-mandiri", "--event", str(roster.event_id), "--out", str(tmp_path / "f.docx")
    )
    assert code == 2 and "harus berkas .pdf" in err
    code, _, err = run(capsys, db.url, "ikrar-mandiri", "receive", "NTM1X", "--event", "999")
    assert code == 2 and "tidak ditemukan" in err
    code, _, err = run(
        capsys,
        db.url,
        "ikrar-mandiri",
        "receive",
        mandiri_code.code_for(roster.budi),
        "--event",
        str(roster.event_id),
        "--attach",
        str(tmp_path / "hilang.jpg"),
    )
    assert code == 2 and "tidak ditemukan" in err

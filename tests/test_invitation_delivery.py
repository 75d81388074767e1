"""Which invitations have gone out (issue 12): runs for all, chosen people or only those not yet
sent; marks set by a finished run, by hand, removed by hand; counts; audit; purge; CLI.

The rule under test: an invitation counts as sent once it is made for sending (a PDF of cards,
PNGs for WhatsApp), unless the run is a proof (``mark_sent=False``); the committee marks and
unmarks by hand."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest

from netralitas_desktop.cli import main
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.checkin import cancel_registration
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.invitation_delivery import (
    InvitationDelivery,
    deliveries,
    delivery_counts,
    mark_sent,
    registrations_by_numbers,
    unmark_sent,
)
from netralitas_desktop.core.invitations import (
    InvitationError,
    InvitationImagesJob,
    InvitationPdfJob,
    Selection,
    load_invitations,
)
from netralitas_desktop.core.jobs import Cancelled
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.participants import PersonData, add_participant, list_participants
from netralitas_desktop.core.purge import purge_event
from support.pdf_text import flat, pdf_text

DESK = Actor("Meja Undangan", "Rina")
PEOPLE = [  # (nama, NIP, NIK, unit kerja)
    ("Budi Santoso", "196905121994031004", "", "Dinas Kesehatan"),
    ("Ani Lestari", "200012312024211001", "", "Dinas Kesehatan"),
    ("Eka Kurnia Anggraini", "198001012005012001", "", "Dinas Kesehatan"),
    ("Teguh Prasetyo", "198001012005011002", "", "Dinas Pekerjaan Umum"),
    ("José Müller", "", "3306014509900001", "Desa Mekarsari"),
    ("Yuni Astuti", "198001012005012003", "", "Desa Mekarsari"),
]


@pytest.fixture
def event_id(any_db) -> int:
    event = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1), venue="Pendopo"))
    for nama, nip, nik, unit in PEOPLE:
        add_participant(event, PersonData(nama=nama, nip=nip, nik=nik, unit_kerja=unit))
    return event


def ids_by_name(event_id: int) -> dict[str, int]:
    return {row.nama: row.registration_id for row in list_participants(event_id)}


def test_a_finished_run_marks_its_people_and_only_unsent_then_finds_the_newcomers(event_id, tmp_path):
    assert delivery_counts(event_id).unsent == 6
    first = InvitationPdfJob(event_id, tmp_path / "semua.pdf", actor=DESK).run()
    assert (first.count, first.marked) == (6, 6)
    assert delivery_counts(event_id) == type(delivery_counts(event_id))(6, 6)
    marks = list(InvitationDelivery.select())
    assert {(m.how, m.desk, m.operator) for m in marks} == {("pdf", "Meja Undangan", "Rina")}

    with pytest.raises(InvitationError, match="sudah ditandai terkirim; tidak ada yang belum dikirim"):
        load_invitations(event_id, selection=Selection(only_unsent=True))

    add_participant(event_id, PersonData(nama="Sri Rahayu", unit_kerja="Kecamatan Sukamaju"))  # registered late
    late = InvitationImagesJob(event_id, tmp_path / "baru.zip", selection=Selection(only_unsent=True)).run()
    assert (late.count, late.marked, late.format) == (1, 1, "zip")
    assert zipfile.ZipFile(tmp_path / "baru.zip").namelist() == ["Sri Rahayu.png"]
    assert delivery_counts(event_id).unsent == 0
    assert deliveries(event_id)[ids_by_name(event_id)["Sri Rahayu"]].how == "zip"


def test_chosen_people_only_and_the_audit_entry_names_no_one(event_id, tmp_path):
    ids = ids_by_name(event_id)
    chosen = frozenset({ids["Budi Santoso"], ids["Yuni Astuti"]})
    result = InvitationPdfJob(event_id, tmp_path / "dua.pdf", selection=Selection(chosen), actor=DESK).run()
    assert (result.count, result.pages, result.marked) == (2, 1, 2)
    text = flat(pdf_text(tmp_path / "dua.pdf"))
    assert "Budi Santoso" in text and "Yuni Astuti" in text and "Ani Lestari" not in text
    assert set(deliveries(event_id)) == chosen
    entry = AuditLog.get(AuditLog.action == "export")
    assert json.loads(entry.detail) == {
        "document": "invitations",
        "count": 2,
        "pages": 1,
        "format": "pdf",
        "files": 1,
        "selection": "terpilih",
        "marked_sent": 2,
    }
    assert "Budi" not in entry.detail and "1969" not in entry.detail


def test_unit_and_only_unsent_together(event_id, tmp_path):
    ids = ids_by_name(event_id)
    mark_sent(event_id, [ids["Budi Santoso"]], actor=DESK)
    selection = Selection(unit="dinas kesehatan", only_unsent=True)
    _, invitations = load_invitations(event_id, selection=selection)
    assert [inv.nama for inv in invitations] == ["Ani Lestari", "Eka Kurnia Anggraini"]
    result = InvitationPdfJob(event_id, tmp_path / "dinkes.pdf", selection=selection, actor=DESK).run()
    assert result.count == 2
    entry = AuditLog.get(AuditLog.action == "export")
    assert json.loads(entry.detail)["selection"] == "semua+unit+belum_terkirim"


def test_a_proof_print_marks_nobody_and_a_cancelled_run_marks_nobody(event_id, tmp_path):
    proof = InvitationPdfJob(event_id, tmp_path / "coba.pdf", mark_sent=False).run()
    assert (proof.count, proof.marked) == (6, 0)
    job = InvitationImagesJob(event_id, tmp_path / "batal.zip")

    def cancel_at_three(done, total, message=""):
        if done == 3:
            job.cancel()

    with pytest.raises(Cancelled):
        job.execute(cancel_at_three)
    assert delivery_counts(event_id).sent == 0 and not InvitationDelivery.select().exists()


def test_marking_by_hand_and_unmarking_are_audited(event_id):
    ids = ids_by_name(event_id)
    two = [ids["Budi Santoso"], ids["Teguh Prasetyo"]]
    assert mark_sent(event_id, [*two, 999_999], actor=DESK) == 2  # an id of no registration is ignored
    assert {d.how for d in deliveries(event_id).values()} == {"manual"}
    assert unmark_sent(event_id, [ids["Teguh Prasetyo"]], actor=DESK) == 1
    assert set(deliveries(event_id)) == {ids["Budi Santoso"]}
    _, invitations = load_invitations(event_id, selection=Selection(only_unsent=True))
    assert "Teguh Prasetyo" in [inv.nama for inv in invitations]
    entries = [
        (entry.action, json.loads(entry.detail))
        for entry in AuditLog.select().order_by(AuditLog.id)
        if entry.action.startswith("invitation.")
    ]
    assert entries == [("invitation.mark_sent", {"count": 2}), ("invitation.unmark_sent", {"count": 1})]


def test_cancelled_registrations_are_not_counted(event_id):
    ids = ids_by_name(event_id)
    cancel_registration(ids["Ani Lestari"], reason="Pindah tugas", actor=DESK)
    counts = delivery_counts(event_id)
    assert (counts.total, counts.sent, counts.unsent) == (5, 0, 5)
    with pytest.raises(InvitationError, match="tidak dapat diberi undangan"):
        load_invitations(event_id, selection=Selection(frozenset({ids["Ani Lestari"]})))


def test_marks_go_with_a_purge(event_id, tmp_path):
    InvitationPdfJob(event_id, tmp_path / "semua.pdf").run()
    assert InvitationDelivery.select().count() == 6
    purge_event(event_id, actor=DESK)
    assert InvitationDelivery.select().count() == 0


def test_people_named_by_number(event_id):
    ids = ids_by_name(event_id)
    found, missing = registrations_by_numbers(event_id, ["19690512 199403 1 004", "3306014509900001", "1234", "x"])
    assert found == sorted([ids["Budi Santoso"], ids["José Müller"]])
    assert missing == ["1234", "x"]


# --- CLI -----------------------------------------------------------------------------------------


def cli(capsys, sqlite_url, *args: str) -> tuple[int, dict]:
    code = main(["--db", sqlite_url, "invitations", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def sqlite_event(db, sqlite_url) -> int:
    event = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)))
    for nama, nip, nik, unit in PEOPLE:
        add_participant(event, PersonData(nama=nama, nip=nip, nik=nik, unit_kerja=unit))
    return event


def test_cli_only_unsent_mark_unmark_status(sqlite_event, sqlite_url, tmp_path, capsys):
    event = str(sqlite_event)
    budi = "196905121994031004"
    code, made = cli(capsys, sqlite_url, "--event", event, "--out", str(tmp_path / "a.pdf"), "--nip", budi)
    assert code == 0 and (made["count"], made["marked_sent"]) == (1, 1)
    code, status = cli(capsys, sqlite_url, "--event", event, "--status")
    assert (status["total"], status["sent"], status["unsent"]) == (6, 1, 5)

    code, rest = cli(capsys, sqlite_url, "--event", event, "--out", str(tmp_path / "b.zip"), "--only-unsent")
    assert code == 0 and rest["count"] == 5 and len(zipfile.ZipFile(tmp_path / "b.zip").namelist()) == 5
    code, none_left = cli(capsys, sqlite_url, "--event", event, "--out", str(tmp_path / "c.pdf"), "--only-unsent")
    assert code == 2 and "tidak ada yang belum dikirim" in none_left["error"]
    assert not (tmp_path / "c.pdf").exists()

    code, unmarked = cli(capsys, sqlite_url, "--event", event, "--unmark", "--nip", "3306014509900001")
    assert code == 0 and (unmarked["changed"], unmarked["unsent"]) == (1, 1)
    code, proof = cli(
        capsys, sqlite_url, "--event", event, "--out", str(tmp_path / "d.pdf"), "--only-unsent", "--no-mark"
    )
    assert code == 0 and (proof["count"], proof["marked_sent"]) == (1, 0)
    assert "José Müller" in flat(pdf_text(tmp_path / "d.pdf"))
    code, marked = cli(capsys, sqlite_url, "--event", event, "--mark-sent", "--nip", "3306014509900001")
    assert code == 0 and (marked["changed"], marked["unsent"]) == (1, 0)


def test_cli_refusals_in_indonesian(sqlite_event, sqlite_url, tmp_path, capsys):
    event = str(sqlite_event)
    code, unknown = cli(capsys, sqlite_url, "--event", event, "--mark-sent", "--nip", "199999999999999999")
    assert code == 2 and unknown["error"].startswith("Tidak ada peserta kegiatan nomor")
    assert unknown["not_found"] == ["199999999999999999"]
    code, no_one = cli(capsys, sqlite_url, "--event", event, "--unmark")
    assert code == 2 and "--nip" in no_one["error"]
    code, nothing = cli(capsys, sqlite_url, "--event", event)
    assert code == 2 and nothing["error"].startswith("salah satu argumen berikut wajib diisi: --out")
    code, both = cli(capsys, sqlite_url, "--event", event, "--status", "--mark-sent")
    assert code == 2 and "tidak boleh bersama" in both["error"]

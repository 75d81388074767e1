"""Ikrar mandiri codes and returns on a real SQLite file: who owes, receiving, refusals, undo, attachments."""

from __future__ import annotations

import io
import json
import random
import re

import pytest
import qrcode
from PIL import Image

from netralitas_desktop.core import database, qr_payload
from netralitas_desktop.core.checkin import CheckinStatus, check_in
from netralitas_desktop.core.events import NotFoundError, ValidationError
from netralitas_desktop.core.models import Attendance, AuditLog
from netralitas_desktop.core.pledges import mandiri_code, returns
from netralitas_desktop.core.pledges.mandiri_attachment import (
    MAX_SIDE_PX,
    AttachmentError,
    load_attachment,
    prepare_attachment,
)
from netralitas_desktop.core.pledges.models import IkrarReturn
from netralitas_desktop.core.qr_payload import ScannedCodeError
from support.ikrar_mandiri import DESK, OTHER_DESK, Roster, make_roster, white_png


@pytest.fixture
def roster(db) -> Roster:
    return make_roster()


# --- the code ------------------------------------------------------------------------------------------


def test_code_is_short_signed_and_apart_from_the_invitation(roster):
    code = mandiri_code.code_for(roster.budi)
    assert code.startswith("NTM1") and len(code) == mandiri_code.CODE_LENGTH == 27
    assert re.fullmatch(r"[A-Z0-9]+", code)
    assert mandiri_code.decode(f"  {code.lower()}\r\n") == qr_payload.DecodedPayload(roster.event_id, roster.budi)
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q)
    qr.add_data(mandiri_code.encode(mandiri_code.MAX_EVENT_ID, mandiri_code.MAX_REGISTRATION_ID))
    qr.make(fit=True)
    assert qr.version == 2  # as small as the invitation's code

    invitation = qr_payload.payload_for(roster.budi)
    assert invitation[4:] != code[4:]  # not the same body under another prefix
    # Swapping prefixes gives nothing: each kind signs its own prefix.
    with pytest.raises(ScannedCodeError) as caught:
        mandiri_code.decode("NTM1" + invitation[4:])
    assert caught.value.kind == "forged"
    with pytest.raises(ScannedCodeError):
        qr_payload.decode("NTR1" + code[4:])


def test_every_single_character_change_is_refused(roster):
    code = mandiri_code.code_for(roster.budi)
    for position in range(4, len(code)):
        replacement = "0" if code[position] != "0" else "Z"
        with pytest.raises(ScannedCodeError) as caught:
            mandiri_code.decode(code[:position] + replacement + code[position + 1 :])
        assert caught.value.kind in ("forged", "malformed")


@pytest.mark.parametrize(
    "text, kind, words",
    [
        ("", "empty", "Kode kosong"),
        ("https://example.org/formulir/12", "foreign", "bukan formulir ikrar mandiri"),
        ("198609262015051001", "foreign", "bukan formulir ikrar mandiri"),
        ("NTM1ABC", "malformed", "tidak lengkap atau rusak"),
        ("NTM1" + "O" * 23, "malformed", "tidak lengkap atau rusak"),
        ("NTM1" + "0" * 23, "forged", "palsu atau rusak"),
    ],
)
def test_refusals_say_why_in_indonesian(db, text, kind, words):
    with pytest.raises(ScannedCodeError, match=words) as caught:
        mandiri_code.decode(text)
    assert caught.value.kind == kind


def test_random_codes_with_the_prefix_are_refused(db):
    rng = random.Random(7)
    for _ in range(200):
        with pytest.raises(ScannedCodeError):
            mandiri_code.decode("NTM1" + "".join(rng.choice(qr_payload.ALPHABET) for _ in range(23)))


def test_a_code_from_another_database_is_refused(tmp_path):
    database.open_database(str(tmp_path / "a.db"))
    code = mandiri_code.encode(1, 1)
    database.close_database()
    database.open_database(str(tmp_path / "b.db"))
    with pytest.raises(ScannedCodeError, match="basis data lain"):
        mandiri_code.decode(code)
    database.close_database()


# --- who owes one -------------------------------------------------------------------------------------


def test_owed_are_the_absent_who_did_not_sign(roster):
    owed = returns.owed_rows(roster.event_id)
    assert [row.registration_id for row in owed] == [roster.sari, roster.budi]  # by unit, then name
    assert [row.status for row in owed] == ["izin", "tidak_hadir"]
    view = returns.overview(roster.event_id)
    assert view.counts() == {"required": 2, "returned": 0, "owed": 2, "present_unsigned": 2}
    # Ani (in the room) and Dewi (online) attended without signing: a category of their own.
    assert [row.registration_id for row in view.present_unsigned] == [roster.ani, roster.dewi]
    assert [row.registration_id for row in returns.unsigned_present_rows(roster.event_id)] == [roster.ani, roster.dewi]


def test_walk_ins_and_people_checked_in_later_leave_the_list(roster):
    assert check_in(roster.event_id, "198609262015051001", actor=DESK).status == CheckinStatus.CHECKED_IN
    assert [row.registration_id for row in returns.owed_rows(roster.event_id)] == [roster.sari]


# --- receiving ----------------------------------------------------------------------------------------


def test_receive_by_code_then_a_second_scan_says_when(roster):
    code = mandiri_code.code_for(roster.budi)
    first = returns.receive_by_code(roster.event_id, code, DESK)
    assert (first.status, first.ok, first.registration_id, first.method) == (
        returns.ReturnStatus.RECEIVED,
        True,
        roster.budi,
        "qr",
    )
    assert first.message.startswith("DITERIMA: Drs. Budi Santoso, M.Si., Dinas Kesehatan")

    again = returns.receive_by_code(roster.event_id, code + "\n", OTHER_DESK)
    assert again.status == returns.ReturnStatus.ALREADY and again.ok
    assert (again.returned_at, again.desk, again.operator) == (first.returned_at, "Meja Ikrar", "Rina")
    assert again.message.startswith("SUDAH DITERIMA: Drs. Budi Santoso")
    assert "sudah diterima pada" in again.reason and "Meja Ikrar (Rina)" in again.reason
    assert IkrarReturn.select().count() == 1

    view = returns.overview(roster.event_id)
    assert view.counts() == {"required": 2, "returned": 1, "owed": 1, "present_unsigned": 2}
    assert [(row.registration_id, row.desk, row.has_attachment) for row in view.returned] == [
        (roster.budi, "Meja Ikrar", False)
    ]
    receipts = AuditLog.select().where(AuditLog.action == "ikrar_mandiri.receive")
    assert [json.loads(entry.detail)["registration_id"] for entry in receipts] == [roster.budi]


def test_codes_that_must_not_count_are_refused(roster):
    invitation = qr_payload.payload_for(roster.budi)
    refused = {
        "invitation": returns.receive_by_code(roster.event_id, invitation, DESK),
        "other event": returns.receive_by_code(roster.event_id, mandiri_code.code_for(roster.other), DESK),
        "forged": returns.receive_by_code(roster.event_id, "NTM1" + "0" * 23, DESK),
        "signed": returns.receive_by_code(roster.event_id, mandiri_code.code_for(roster.joko), DESK),
        "cancelled": returns.receive_by_code(roster.event_id, mandiri_code.code_for(roster.eko), DESK),
    }
    assert all(result.status == returns.ReturnStatus.REJECTED and not result.ok for result in refused.values())
    assert "kode QR undangan" in refused["invitation"].reason
    assert "Sosialisasi Kecamatan" in refused["other event"].reason
    assert "palsu" in refused["forged"].reason
    assert "menandatangani ikrar di meja" in refused["signed"].reason
    assert "dibatalkan: Pindah tugas" in refused["cancelled"].reason
    assert refused["cancelled"].message.startswith("DITOLAK: ")
    assert IkrarReturn.select().count() == 0


def test_attended_but_unsigned_may_return_a_form(roster):
    """In the room or online without signing at the desk: a form they are given counts when back."""
    for person in (roster.ani, roster.dewi):
        received = returns.receive_by_code(roster.event_id, mandiri_code.code_for(person), DESK)
        assert received.status == returns.ReturnStatus.RECEIVED, received.reason
    view = returns.overview(roster.event_id)
    assert view.present_unsigned == [] and {row.registration_id for row in view.returned} == {roster.ani, roster.dewi}
    assert view.counts()["owed"] == 2  # the absent still owe theirs
    signed = returns.receive_by_code(roster.event_id, mandiri_code.code_for(roster.joko), DESK)
    assert signed.status == returns.ReturnStatus.REJECTED and "sudah menandatangani ikrar di meja" in signed.reason


def test_a_code_typed_in_groups_of_four_is_read(roster):
    """The form prints the code grouped (NTM1 ABCD …) for typing when the QR will not scan."""
    code = mandiri_code.code_for(roster.budi)
    typed = mandiri_code.grouped(code).lower()
    assert " " in typed and mandiri_code.decode(typed) == qr_payload.DecodedPayload(roster.event_id, roster.budi)
    assert (
        returns.receive_by_code(roster.event_id, typed.replace(" ", "-"), DESK).status == returns.ReturnStatus.RECEIVED
    )


def test_a_form_code_never_checks_anyone_in(roster):
    before = Attendance.select().count()
    result = check_in(roster.event_id, mandiri_code.code_for(roster.budi), actor=DESK)
    assert result.status == CheckinStatus.REJECTED
    assert Attendance.select().count() == before
    assert returns.is_mandiri_code(mandiri_code.code_for(roster.budi))
    assert not returns.is_mandiri_code(qr_payload.payload_for(roster.budi))
    assert not returns.is_mandiri_code("198609262015051001")


def test_manual_receipt_with_a_photo_and_undo(roster):
    photo = prepare_attachment(white_png((800, 1100)), "formulir sari.png")
    result = returns.receive_registration(roster.sari, DESK, photo)
    assert result.status == returns.ReturnStatus.RECEIVED and result.method == "manual"
    assert result.attachment_name == "formulir sari.png"
    stored = returns.get_attachment(roster.sari)
    assert stored.data == photo.data and stored.mime_type == "image/png"

    with pytest.raises(ValidationError):
        returns.undo_return(roster.sari, reason="  ", actor=DESK)
    returns.undo_return(roster.sari, reason="Formulir orang lain", actor=DESK)
    assert returns.get_attachment(roster.sari) is None
    assert roster.sari in [row.registration_id for row in returns.owed_rows(roster.event_id)]
    undo = AuditLog.select().where(AuditLog.action == "ikrar_mandiri.undo").get()
    assert json.loads(undo.detail)["reason"] == "Formulir orang lain"
    with pytest.raises(NotFoundError):
        returns.undo_return(roster.sari, reason="lagi", actor=DESK)
    assert returns.receive_registration(99_999, DESK).status == returns.ReturnStatus.REJECTED


def test_second_scan_adds_a_first_attachment_but_keeps_an_existing_one(roster):
    code = mandiri_code.code_for(roster.budi)
    returns.receive_by_code(roster.event_id, code, DESK)
    first = prepare_attachment(white_png(), "a.png")
    added = returns.receive_by_code(roster.event_id, code, DESK, first)
    assert added.status == returns.ReturnStatus.ALREADY and "Lampiran ditambahkan" in added.reason
    second = prepare_attachment(white_png((200, 60)), "b.png")
    assert added.attachment_stored and added.attachment_name == "a.png"
    kept = returns.receive_by_code(roster.event_id, code, DESK, second)
    assert "Lampiran yang baru tidak disimpan" in kept.reason and kept.attachment_name == "a.png"
    assert not kept.attachment_stored
    assert returns.get_attachment(roster.budi).data == first.data
    returns.set_attachment(roster.budi, second, DESK)  # replacing is deliberate
    assert returns.get_attachment(roster.budi).filename == "b.png"


# --- attachments --------------------------------------------------------------------------------------


def test_large_photo_is_stored_as_an_upright_jpeg_within_a4_at_300_dpi(tmp_path):
    photo = Image.new("RGB", (4000, 3000), (200, 180, 160))
    exif = photo.getexif()
    exif[0x0112] = 6  # taken with the phone turned: rotate 90° on display
    path = tmp_path / "IMG_2024.JPG"
    photo.save(path, "JPEG", quality=95, exif=exif)
    attachment = load_attachment(path)
    assert attachment.filename == "IMG_2024.JPG" and attachment.mime_type == "image/jpeg"
    with Image.open(io.BytesIO(attachment.data)) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (MAX_SIDE_PX * 3 // 4, MAX_SIDE_PX)  # portrait now
    assert len(attachment.data) < path.stat().st_size


def test_scanner_pdf_and_multipage_tiff_are_kept_as_pdf(tmp_path):
    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    pdf_path = tmp_path / "pindaian.pdf"
    canvas = Canvas(str(pdf_path))
    canvas.drawString(100, 700, "Formulir")
    canvas.save()
    pdf = load_attachment(pdf_path)
    assert pdf.is_pdf and pdf.data == pdf_path.read_bytes() and pdf.filename == "pindaian.pdf"

    tiff_path = tmp_path / "scan.tif"
    pages = [Image.new("L", (850, 1100), shade) for shade in (255, 230)]
    pages[0].save(tiff_path, save_all=True, append_images=pages[1:])
    tiff = load_attachment(tiff_path)
    assert tiff.is_pdf and tiff.filename == "scan.pdf"
    assert len(PdfReader(io.BytesIO(tiff.data)).pages) == 2


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "kosong"),
        (b"hello, this is a text file", "bukan foto atau pindaian"),
        (b"%PDF-1.4\nnot really a pdf", "bukan PDF yang utuh"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "bukan foto atau pindaian|rusak"),
    ],
)
def test_bad_attachments_are_refused_with_a_reason(data, words):
    with pytest.raises(AttachmentError, match=words):
        prepare_attachment(data, "berkas")


def test_too_large_and_missing_files_are_refused(tmp_path):
    big = tmp_path / "besar.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * 11_000_000)
    with pytest.raises(AttachmentError, match="terlalu besar"):
        load_attachment(big)
    with pytest.raises(AttachmentError, match="tidak ditemukan"):
        load_attachment(tmp_path / "tidak-ada.jpg")


def test_receive_attach_and_undo_on_both_backends(any_db):
    roster = make_roster()
    code = mandiri_code.code_for(roster.budi)
    photo = prepare_attachment(white_png(), "foto.png")
    assert returns.receive_by_code(roster.event_id, code, DESK, photo).status == returns.ReturnStatus.RECEIVED
    assert returns.receive_by_code(roster.event_id, code, OTHER_DESK).status == returns.ReturnStatus.ALREADY
    assert returns.get_attachment(roster.budi).data == photo.data  # bytes, not a memoryview
    view = returns.overview(roster.event_id)
    assert view.counts() == {"required": 2, "returned": 1, "owed": 1, "present_unsigned": 2}
    assert [row.attachment_name for row in view.returned] == ["foto.png"]
    returns.undo_return(roster.budi, reason="Salah pindai", actor=DESK)
    assert returns.overview(roster.event_id).counts()["owed"] == 2

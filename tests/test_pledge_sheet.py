"""Lembar ikrar bersama: the oath with its variables filled, then everyone's row to sign."""

from __future__ import annotations

import json

from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.documents import Paper
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.pledges.collective_sheet import PledgeSheetJob, preview_pledge_sheet
from netralitas_desktop.core.pledges.document_settings import load_document_settings, save_document_settings
from netralitas_desktop.core.pledges.signing_list import ListOptions
from support.pdf_checks import blue_pixels, render
from support.pdf_text import F4, page_sizes, pdf_pages, pdf_text
from support.pledges import ACTOR, ELECTION, make_event


def test_sheet_has_the_oath_then_the_people(db, tmp_path):
    sample = make_event()
    result = PledgeSheetJob(sample.event_id, tmp_path / "ikrar.pdf", actor=ACTOR).run()
    assert (result.document, result.count, result.pages) == ("pledge_sheet", 5, 1)
    text = pdf_text(tmp_path / "ikrar.pdf")
    flat = " ".join(text.split())
    assert "IKRAR NETRALITAS APARATUR SIPIL NEGARA" in text
    assert f"Dalam rangka menyukseskan {ELECTION}, kami berikrar:" in flat
    assert "Menolak politik uang dan segala jenis pemberian dalam bentuk apa pun." in flat
    assert flat.index("kami berikrar") < flat.index("Tanda Tangan") < flat.index("Drs. Budi Santoso, M.Si.")
    assert "19750315 200003 2 002" in text and "Halaman 1 dari 1" in text
    image = render(tmp_path / "ikrar.pdf", dpi=100)
    assert blue_pixels(image, (0, 0, image.width, image.height)) > 60  # the three captured signatures
    detail = json.loads(AuditLog.get(AuditLog.action == "export").detail)
    assert detail["document"] == "pledge_sheet" and detail["count"] == 5


def test_edited_sheet_wording_and_f4(db, tmp_path):
    sample = make_event(sign=())
    save_document_settings(
        sample.event_id,
        load_document_settings(sample.event_id).with_changes(
            sheet_title="IKRAR BERSAMA\nASN PEMERINTAH KABUPATEN PURWOREJO",
            sheet_text="Kami, ASN {instansi}, berikrar netral pada {kegiatan}.",
            paper=Paper.F4,
        ),
    )
    PledgeSheetJob(sample.event_id, tmp_path / "ikrar.pdf").run()
    flat = " ".join(pdf_text(tmp_path / "ikrar.pdf").split())
    assert "IKRAR BERSAMA ASN PEMERINTAH KABUPATEN PURWOREJO" in flat
    assert (
        "Kami, ASN Pemerintah Kabupaten Purworejo, berikrar netral pada Sosialisasi Netralitas ASN "
        "Menjelang Pilkada Serentak 2024."
    ) in flat
    assert page_sizes(tmp_path / "ikrar.pdf") == [F4]


def test_text_only_on_the_first_page_heading_on_all(db, tmp_path):
    event_id = create_demo_event(45)
    save_document_settings(
        event_id,
        load_document_settings(event_id).with_changes(
            letterhead_lines=("PEMERINTAH KABUPATEN SUKAMAKMUR", "BADAN KEPEGAWAIAN DAERAH"),
            letterhead_address="Jl. Veteran No. 1, Sukamakmur",
        ),
    )
    PledgeSheetJob(event_id, tmp_path / "ikrar.pdf", ListOptions(landscape=True)).run()
    pages = pdf_pages(tmp_path / "ikrar.pdf")
    assert len(pages) >= 3
    assert "kami berikrar" in " ".join(pages[0].split()) and "PEMERINTAH KABUPATEN SUKAMAKMUR" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert "IKRAR NETRALITAS APARATUR SIPIL NEGARA" in text
        assert f"Halaman {number} dari {len(pages)}" in text
        if number > 1:
            assert "kami berikrar" not in text and "PEMERINTAH KABUPATEN SUKAMAKMUR" not in text


def test_preview_is_the_first_page(db):
    event_id = create_demo_event(45)
    pdf = preview_pledge_sheet(event_id)
    text = " ".join(pdf_text(pdf).split())
    assert "kami berikrar" in text and "Halaman 1 dari" in text
    assert not AuditLog.select().where(AuditLog.action == "export").exists()

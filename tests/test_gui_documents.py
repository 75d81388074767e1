"""The Dokumen tab and the document settings dialog, with real widgets, jobs and SQLite."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.documents import Paper
from netralitas_desktop.core.event_settings import get_asset
from netralitas_desktop.core.pledges.document_settings import LOGO, load_document_settings, save_document_settings
from netralitas_desktop.core.pledges.ikrar_mandiri import Audience
from netralitas_desktop.gui.documents.settings_dialog import DocumentSettingsDialog
from netralitas_desktop.gui.documents.tab import CHOICES, DocumentsTab
from support.pdf_text import F4, page_sizes, pdf_text
from support.pledges import ACTOR, make_event, signature_png


@pytest.fixture
def sample(db):
    return make_event()


@pytest.fixture
def tab(qtbot, sample, opened_files):
    widget = DocumentsTab(sample.event_id, lambda: ACTOR)
    widget.opened = opened_files
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def wait_preview(qtbot, tab) -> None:
    qtbot.waitUntil(
        lambda: not tab._preview_timer.isActive() and tab.preview.handle is not None and not tab.preview.busy,
        timeout=20_000,
    )


def test_lists_every_document_including_ikrar_mandiri(tab):
    titles = [tab.choices.item(row).text() for row in range(tab.choices.count())]
    assert titles == [choice.title for choice in CHOICES]
    assert "Formulir ikrar mandiri" in titles and "Daftar hadir untuk ditandatangani" in titles
    assert "Rekap kehadiran (daftar hadir setelah acara)" in titles


def test_options_follow_the_document(tab):
    tab.select("attendance")
    assert tab.group.isVisibleTo(tab) and tab.landscape.isVisibleTo(tab) and not tab.meterai.isVisibleTo(tab)
    assert not tab.signatures.isVisibleTo(tab)  # the list to sign has blank spaces only
    tab.select("attendance_recap")
    assert tab.signatures.isVisibleTo(tab) and tab.group.isVisibleTo(tab)
    tab.select("ikrar_mandiri")
    assert tab.audience.isVisibleTo(tab) and not tab.group.isVisibleTo(tab)
    tab.select("pledges")
    assert tab.meterai.isVisibleTo(tab) and not tab.group.isVisibleTo(tab)
    assert tab.make_button.text() == "Buat PDF…"
    tab.select("pledges_per_person")
    assert tab.make_button.text() == "Buat ke folder…"


def test_preview_renders_the_first_page(qtbot, tab):
    tab.select("attendance")
    tab.refresh_preview()
    wait_preview(qtbot, tab)
    image, pixmap = tab.preview_image.image, tab.preview_image.pixmap()
    assert abs(image.width() - 595.3 * 110 / 72) < 2 and abs(image.height() - 841.9 * 110 / 72) < 2  # A4 portrait
    assert not pixmap.isNull() and pixmap.height() <= tab.preview_image.height()  # the whole page in view
    assert tab.preview_status.text() == ""
    tab.landscape.setChecked(True)
    tab.refresh_preview()
    wait_preview(qtbot, tab)
    assert tab.preview_image.pixmap().width() > tab.preview_image.pixmap().height()


def test_preview_explains_when_there_is_nothing(qtbot, db):
    sample = make_event(sign=())
    widget = DocumentsTab(sample.event_id, lambda: ACTOR)
    qtbot.addWidget(widget)
    widget.select("ikrar_mandiri")
    wait_preview(qtbot, widget)
    assert widget.preview_status.text() == ""  # five people owe a form
    import datetime as dt

    from netralitas_desktop.core.events import EventData, create_event

    empty = DocumentsTab(create_event(EventData(title="Kosong", date=dt.date(2024, 7, 1))), lambda: ACTOR)
    qtbot.addWidget(empty)
    empty.select("attendance")
    empty.refresh_preview()
    wait_preview(qtbot, empty)
    assert "belum memiliki peserta" in empty.preview_status.text()


@pytest.mark.parametrize(
    "key, expected",
    [
        ("pledges", "Drs. Budi Santoso, M.Si."),
        ("sheet", "kami berikrar"),
        ("attendance", "DAFTAR HADIR"),
        ("attendance_recap", "REKAP KEHADIRAN PESERTA"),
        ("ikrar_mandiri", "Siti Nur'aini"),
    ],
)
def test_make_each_document_and_open_it(qtbot, tab, tmp_path, key, expected):
    tab.select(key)
    tab.paper.setCurrentIndex(list(Paper).index(Paper.F4))
    target = tmp_path / f"{key}.pdf"
    tab.make_document(str(target))
    qtbot.waitUntil(lambda: not tab.busy, timeout=30_000)
    assert tab.job_panel.error.isHidden(), tab.job_panel.error.text()
    assert expected in pdf_text(target)
    assert set(page_sizes(target)) == {F4}
    assert tab.opened == [str(target)]
    assert "Selesai" in tab.job_panel.status.text() and tab.open_button.isVisibleTo(tab)


def test_per_person_into_a_folder(qtbot, tab, tmp_path):
    tab.select("pledges_per_person")
    tab.open_after.setChecked(False)
    tab.make_document(str(tmp_path / "pakta"))
    qtbot.waitUntil(lambda: not tab.busy, timeout=30_000)
    assert len(list((tmp_path / "pakta").glob("*.pdf"))) == 3
    assert tab.opened == [] and tab.open_button.text() == "Buka folder"
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert tab.opened == [str(tmp_path / "pakta")]


def test_failure_is_a_message_not_a_crash(qtbot, db, tmp_path):
    sample = make_event(sign=())
    widget = DocumentsTab(sample.event_id, lambda: ACTOR)
    qtbot.addWidget(widget)
    widget.select("pledges")
    widget.make_document(str(tmp_path / "x.pdf"))
    qtbot.waitUntil(lambda: not widget.busy, timeout=20_000)
    assert "Belum ada peserta yang menandatangani" in widget.job_panel.error.text()
    assert widget.make_button.isEnabled() and not (tmp_path / "x.pdf").exists()


def test_cancel_leaves_no_file(qtbot, db, tmp_path):
    event_id = create_demo_event(600)
    widget = DocumentsTab(event_id, lambda: ACTOR)
    qtbot.addWidget(widget)
    widget.select("attendance")
    widget.make_document(str(tmp_path / "hadir.pdf"))
    widget.cancel()
    qtbot.waitUntil(lambda: not widget.busy, timeout=30_000)
    assert "Dibatalkan" in widget.job_panel.status.text()
    assert not (tmp_path / "hadir.pdf").exists() and list(tmp_path.glob("*.tmp")) == []


# --- settings dialog -------------------------------------------------------------------------------------------


def test_settings_dialog_saves_texts_fields_paper_and_images(qtbot, sample, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(signature_png(3))
    dialog = DocumentSettingsDialog(sample.event_id, actor=lambda: ACTOR)
    qtbot.addWidget(dialog)
    dialog.paper.setCurrentIndex(list(Paper).index(Paper.F4))
    dialog.pledge_title.setText("SURAT PERNYATAAN NETRALITAS")
    dialog.meterai.setChecked(True)
    pangkat = next(
        dialog.fields.item(i)
        for i in range(dialog.fields.count())
        if dialog.fields.item(i).data(Qt.ItemDataRole.UserRole) == "pangkat"
    )
    pangkat.setCheckState(Qt.CheckState.Unchecked)
    dialog.fields.item(0).setText("Nama Lengkap")
    dialog.letterhead_lines.setPlainText("PEMERINTAH KABUPATEN PURWOREJO\nBKPSDM")
    assert dialog.images[LOGO].load_file(str(logo))
    assert dialog.save()
    settings = load_document_settings(sample.event_id)
    assert settings.paper is Paper.F4 and settings.meterai and settings.pledge_title == "SURAT PERNYATAAN NETRALITAS"
    assert [field.key for field in settings.fields] == ["nama", "nip", "jabatan", "unit_kerja"]
    assert settings.fields[0].label == "Nama Lengkap"
    assert settings.letterhead_lines == ("PEMERINTAH KABUPATEN PURWOREJO", "BKPSDM")
    assert get_asset(sample.event_id, LOGO) == signature_png(3)
    assert settings.mask_nik  # masked unless switched off


def test_settings_dialog_switches_nik_masking_and_edits_the_non_asn_form(qtbot, sample):
    dialog = DocumentSettingsDialog(sample.event_id, actor=lambda: ACTOR)
    qtbot.addWidget(dialog)
    assert dialog.mask_nik.isChecked() and dialog.non_asn_title.text() == "PAKTA INTEGRITAS NETRALITAS PEGAWAI NON-ASN"
    dialog.mask_nik.setChecked(False)
    dialog.non_asn_title.setText("PAKTA INTEGRITAS PTT DAN GTT")
    assert dialog.save()
    settings = load_document_settings(sample.event_id)
    assert not settings.mask_nik and settings.non_asn_title == "PAKTA INTEGRITAS PTT DAN GTT"
    again = DocumentSettingsDialog(sample.event_id)
    qtbot.addWidget(again)
    assert not again.mask_nik.isChecked()


def test_ikrar_mandiri_forms_for_those_who_attended_without_signing(qtbot, db, tmp_path):
    sample = make_event(sign=("professor",), check_in=("budi",))
    widget = DocumentsTab(sample.event_id, lambda: ACTOR)
    widget.opener = lambda url: True
    qtbot.addWidget(widget)
    widget.select("ikrar_mandiri")
    widget.audience.setCurrentIndex(widget.audience.findData(Audience.PRESENT_UNSIGNED))
    target = tmp_path / "hadir.pdf"
    widget.make_document(str(target))
    qtbot.waitUntil(lambda: not widget.busy, timeout=30_000)
    assert widget.last_result.count == 1 and "Drs. Budi Santoso, M.Si." in pdf_text(target)


def test_settings_dialog_shows_errors_beside_the_field(qtbot, sample, tmp_path):
    dialog = DocumentSettingsDialog(sample.event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(3)
    dialog.sheet_text.setPlainText("Kami netral di {instasi}.")
    assert not dialog.save()
    assert dialog.tabs.currentIndex() == 2
    assert "{instasi}" in dialog.errors._labels["sheet_text"].text()
    not_image = tmp_path / "logo.png"
    not_image.write_text("bukan gambar")
    assert not dialog.images[LOGO].load_file(str(not_image))
    assert "bukan gambar PNG atau JPEG" in dialog.images[LOGO].error.text()
    assert load_document_settings(sample.event_id).sheet_text != "Kami netral di {instasi}."


def test_tab_takes_new_defaults_after_the_settings_dialog(qtbot, tab, sample):
    dialog = tab.edit_settings()
    qtbot.addWidget(dialog)
    dialog.paper.setCurrentIndex(list(Paper).index(Paper.F4))
    dialog.meterai.setChecked(True)
    assert dialog.save()
    assert tab.paper.currentData() is Paper.F4 and tab.meterai.isChecked()


def test_reset_buttons_restore_the_default_wording(qtbot, sample):
    save_document_settings(
        sample.event_id, load_document_settings(sample.event_id).with_changes(pledge_text="Teks lama.")
    )
    dialog = DocumentSettingsDialog(sample.event_id)
    qtbot.addWidget(dialog)
    assert dialog.pledge_text.toPlainText() == "Teks lama."
    dialog.pledge_reset.click()
    assert dialog.pledge_text.toPlainText().startswith("dengan ini menyatakan")
    dialog.sheet_text.setPlainText("")
    dialog.sheet_reset.click()
    assert dialog.sheet_text.toPlainText().startswith("Dalam rangka menyukseskan")

"""The Peserta tab: loading, searching, sorting, and the participant dialog (real widgets and SQLite)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.participants import PersonData, add_participant, get_participant, list_participants
from netralitas_desktop.gui.common.settings import current_actor
from netralitas_desktop.gui.main_window import MainWindow
from netralitas_desktop.gui.participants.model import COL_MODE, COL_NAME, COL_NIP
from support.gui import answer_message_box

ACTOR = Actor(desk="Meja Uji", operator="penguji")

PEOPLE = [
    PersonData(
        gelar_depan="Drs. H.",
        nama="Budi Santoso",
        gelar_belakang="M.Si.",
        nip="198609262015051001",
        golongan="III/b",
        jabatan="Kepala Seksi",
        unit_kerja="Dinas Kesehatan",
    ),
    PersonData(
        nama="Siti Aminah",
        gelar_belakang="S.Pd.",
        nip="199001012015032002",
        golongan="III/a",
        jabatan="Pengelola Data",
        unit_kerja="Dinas Kesehatan",
    ),
    PersonData(
        nama="Bambang Sutejo",
        nip="197512312000121003",
        golongan="IV/a",
        jabatan="Camat",
        unit_kerja="Kecamatan Sukamaju",
    ),
    PersonData(
        nama="Dewi Lestari",
        nip="200012312024211001",
        golongan="IX",
        jabatan="Penata Layanan Operasional",
        unit_kerja="Kecamatan Sukamaju",
    ),
    PersonData(
        nama="Rina Wulandari",
        nik="3306124507900001",
        employment_type="Non-ASN",
        jabatan="Kader",
        unit_kerja="Desa Mekarsari",
    ),
]


@pytest.fixture
def event_id(db) -> int:
    event_id = create_event(EventData(title="Sosialisasi Netralitas", date=dt.date(2024, 7, 1)))
    for person in PEOPLE:
        add_participant(event_id, person, actor=ACTOR)
    return event_id


@pytest.fixture
def tab(qtbot, db, event_id):
    window = MainWindow(db, actor=lambda: ACTOR)
    qtbot.addWidget(window)
    window.show()
    page = window.open_event(event_id)
    qtbot.waitUntil(lambda: not page.participants.busy)
    return page.participants


def names(tab) -> list[str]:
    model = tab.model
    return [model.data(model.index(row, COL_NAME)) for row in range(model.rowCount())]


def type_filter(qtbot, tab, text: str) -> None:
    tab.filter_edit.clear()
    qtbot.keyClicks(tab.filter_edit, text)


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_table_shows_all_participants_with_grouped_nip(tab):
    assert tab.model.rowCount() == 5
    assert tab.count_label.text() == "Menampilkan 5 dari 5 peserta"
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert headers == ["No", "Nama", "NIP", "Jenis", "Gol.", "Jabatan", "Unit Kerja", "Kehadiran", "Hadir", "Undangan"]
    budi = names(tab).index("Drs. H. Budi Santoso, M.Si.")
    assert tab.model.data(tab.model.index(budi, COL_NIP)) == "19860926 201505 1 001"
    rina = names(tab).index("Rina Wulandari")
    assert tab.model.data(tab.model.index(rina, COL_NIP)) == "NIK 3306124507900001"
    assert tab.model.data(tab.model.index(rina, COL_MODE)) == "Luring"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("BUDI santoso", ["Drs. H. Budi Santoso, M.Si."]),
        ("drs budi", ["Drs. H. Budi Santoso, M.Si."]),
        ("19860926 201505 1 001", ["Drs. H. Budi Santoso, M.Si."]),
        ("3306 1245", ["Rina Wulandari"]),
        ("dinas kesehatan", ["Drs. H. Budi Santoso, M.Si.", "Siti Aminah, S.Pd."]),
        ("SUKAMAJU", ["Bambang Sutejo", "Dewi Lestari"]),
        ("tidak ada orang ini", []),
    ],
)
def test_filter_by_name_nip_and_unit(qtbot, tab, query, expected):
    type_filter(qtbot, tab, query)
    assert sorted(names(tab)) == sorted(expected)
    assert tab.count_label.text() == f"Menampilkan {len(expected)} dari 5 peserta"
    tab.filter_edit.clear()
    assert tab.model.rowCount() == 5


def test_sorting_by_clicking_a_header_survives_filtering(qtbot, tab):
    header = tab.table.horizontalHeader()
    position = QPoint(header.sectionViewportPosition(COL_NAME) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    ascending = [
        "Bambang Sutejo",
        "Drs. H. Budi Santoso, M.Si.",
        "Dewi Lestari",
        "Rina Wulandari",
        "Siti Aminah, S.Pd.",
    ]
    assert names(tab) == ascending  # by name, titles ignored
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert names(tab) == list(reversed(ascending))
    type_filter(qtbot, tab, "dinas kesehatan")
    assert names(tab) == ["Siti Aminah, S.Pd.", "Drs. H. Budi Santoso, M.Si."]  # nama descending, titles ignored


def test_add_participant_through_the_dialog(qtbot, tab, event_id):
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.participant_dialog
    assert dialog.windowTitle() == "Tambah peserta"
    assert dialog.unit_kerja.findText("Kecamatan Sukamaju") >= 0  # the event's units are offered
    qtbot.keyClicks(dialog.nama, "Ahmad Fauzi")
    qtbot.keyClicks(dialog.gelar_belakang, "S.T.")
    qtbot.keyClicks(dialog.nip, "19880512 201101 1 004")
    assert "PNS" in dialog.nip_hint.text()
    dialog.golongan.setCurrentText("Penata, III/c")
    dialog.unit_kerja.setCurrentText("Kecamatan Sukamaju")
    dialog.mode.setCurrentIndex(dialog.mode.findData("online"))
    save(qtbot, dialog)

    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: tab.model.total_count() == 6)
    row = next(r for r in list_participants(event_id) if r.nama == "Ahmad Fauzi")
    assert (row.nip, row.employment_type, row.sex, row.golongan, row.mode) == (
        "198805122011011004",
        "PNS",
        "L",
        "III/c",
        "online",
    )
    assert "Ahmad Fauzi, S.T." in names(tab)
    entry = AuditLog.select().where(AuditLog.action == "participant.add").order_by(AuditLog.id.desc()).get()
    assert (entry.desk, entry.operator) == ("Meja Uji", "penguji")


def test_invalid_participant_shows_messages_and_saves_nothing(qtbot, tab, event_id):
    tab.add_participant()
    dialog = tab.participant_dialog
    qtbot.keyClicks(dialog.nip, "1.98001012005011E+17")
    dialog.employment_type.setCurrentIndex(dialog.employment_type.findData("PPPK"))
    qtbot.keyClicks(dialog.email, "bukan-email")
    save(qtbot, dialog)

    assert dialog.isVisible()
    labels = dialog.errors._labels
    assert labels["nama"].text() == "Nama wajib diisi."
    assert "notasi ilmiah" in labels["nip"].text()
    assert "email" in labels["email"].text().lower()
    assert len(list_participants(event_id)) == 5

    qtbot.keyClicks(dialog.nama, "Dewi Lestari")
    dialog.nip.setText("200012312024211001")  # already registered
    dialog.email.clear()
    save(qtbot, dialog)
    assert "sudah terdaftar" in labels["nip"].text()
    dialog.reject()
    assert len(list_participants(event_id)) == 5


def test_edit_participant_through_the_dialog(qtbot, tab, event_id):
    row = names(tab).index("Bambang Sutejo")
    tab.table.selectRow(row)
    assert tab.edit_button.isEnabled()
    tab.edit_button.click()
    dialog = tab.participant_dialog
    assert dialog.nama.text() == "Bambang Sutejo"
    assert dialog.golongan.currentText() == "Pembina, IV/a"
    dialog.jabatan.setText("Sekretaris Camat")
    dialog.mode.setCurrentIndex(dialog.mode.findData("online"))
    save(qtbot, dialog)

    registration_id = tab.model.row_at(row).registration_id
    qtbot.waitUntil(lambda: not tab.busy)
    person, mode, _source = get_participant(registration_id)
    assert (person.jabatan, person.golongan, mode) == ("Sekretaris Camat", "IV/a", "online")
    shown = names(tab).index("Bambang Sutejo")
    assert tab.model.data(tab.model.index(shown, COL_MODE)) == "Daring"


def test_delete_participant_from_the_dialog_and_from_the_table(qtbot, tab, event_id):
    tab.table.selectRow(names(tab).index("Siti Aminah, S.Pd."))
    tab.edit_selected()
    dialog = tab.participant_dialog
    seen = answer_message_box("Hapus")
    dialog.delete_button.click()
    assert "Siti Aminah" in seen["text"]
    qtbot.waitUntil(lambda: tab.model.total_count() == 4)
    assert "Siti Aminah, S.Pd." not in names(tab)

    type_filter(qtbot, tab, "sukamaju")
    tab.table.selectAll()
    answer_message_box("Batal")
    tab.delete_button.click()
    assert len(list_participants(event_id)) == 4
    seen = answer_message_box("Hapus")
    tab.delete_button.click()
    assert "2 peserta" in seen["text"]
    qtbot.waitUntil(lambda: tab.model.total_count() == 2)
    assert {r.nama for r in list_participants(event_id)} == {"Budi Santoso", "Rina Wulandari"}
    assert tab.count_label.text() == "Menampilkan 0 dari 2 peserta"  # the search box still says "sukamaju"


def test_actor_comes_from_desk_settings(qapp):
    settings = QSettings()  # the test's own INI file (the ``qsettings`` fixture)
    settings.setValue("desk/name", "Meja 2")
    settings.setValue("desk/operator", "Ani")
    settings.sync()
    assert current_actor() == Actor(desk="Meja 2", operator="Ani")
    settings.remove("desk/operator")
    settings.sync()
    assert current_actor() == Actor(desk="Meja 2", operator=Actor.default().operator)

"""Create or edit an event (kegiatan). Messages from ``events.validate`` appear beside the fields."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.event_settings import DEFAULT_TIME_ZONE, TIME_ZONES
from ...core.events import (
    KIND_LABELS,
    EventData,
    NotFoundError,
    Signatory,
    ValidationError,
    create_event,
    get_event,
    update_event,
)
from ..common.core_labels import core_label
from ..common.widgets import ErrorLabel, FieldErrors, localize_buttons

INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
_NO_TIME = QTime(0, 0)  # the minimum of a time field means "not set"; nobody starts at midnight


class _SignatoryBox(QGroupBox):
    def __init__(self, index: int, errors: FieldErrors) -> None:
        super().__init__(self.tr("Penanda tangan {0}").format(index))
        self.jabatan = QLineEdit()
        self.jabatan.setPlaceholderText(self.tr("mis. Kepala BKPSDM Kabupaten Sukamakmur"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("dengan gelar, seperti dicetak"))
        self.pangkat = QLineEdit()
        self.pangkat.setPlaceholderText(self.tr("mis. Pembina Utama Muda, IV/c"))
        self.nip = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Jabatan"), errors.wrap(f"signatory{index}.jabatan", self.jabatan))
        form.addRow(self.tr("Nama"), errors.wrap(f"signatory{index}.name", self.name))
        form.addRow(self.tr("Pangkat"), self.pangkat)
        form.addRow(self.tr("NIP"), errors.wrap(f"signatory{index}.nip", self.nip))

    def value(self) -> Signatory:
        return Signatory(self.jabatan.text(), self.name.text(), self.pangkat.text(), self.nip.text())

    def set_value(self, signatory: Signatory) -> None:
        self.jabatan.setText(signatory.jabatan)
        self.name.setText(signatory.name)
        self.pangkat.setText(signatory.pangkat)
        self.nip.setText(signatory.nip)


def _time_edit() -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH.mm")
    edit.setMinimumTime(_NO_TIME)
    edit.setSpecialValueText("—")
    return edit


class EventDialog(QDialog):
    """Saves through ``core.events``; after ``Accepted``, ``event_id`` is the saved event."""

    def __init__(
        self, event_id: int | None = None, *, actor: Actor | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self.actor = actor
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Ubah kegiatan") if event_id else self.tr("Kegiatan baru"))
        self.setMinimumWidth(960)
        self._build()
        self.kind.setCurrentIndex(self.kind.findData(EventData().kind))
        if event_id is not None:
            self.set_data(get_event(event_id))

    def _build(self) -> None:
        wrap = self.errors.wrap
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("mis. Sosialisasi Netralitas ASN pada Pilkada 2024"))
        self.kind = QComboBox()
        for code, label in KIND_LABELS.items():
            self.kind.addItem(core_label(label), code)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setLocale(INDONESIAN)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dddd, d MMMM yyyy")
        self.date.calendarWidget().setLocale(INDONESIAN)
        self.date.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.start_time = _time_edit()
        self.start_time.setTime(QTime(8, 0))
        self.end_time = _time_edit()
        self.end_time.setTime(QTime(12, 0))
        times = QWidget()
        times_layout = QHBoxLayout(times)
        times_layout.setContentsMargins(0, 0, 0, 0)
        times_layout.addWidget(self.start_time)
        times_layout.addWidget(QLabel(self.tr("sampai")))
        times_layout.addWidget(self.end_time)
        self.time_zone = QComboBox()  # printed after every time on the documents
        for zone, description in TIME_ZONES.items():
            self.time_zone.addItem(zone, zone)
            self.time_zone.setItemData(self.time_zone.count() - 1, core_label(description), Qt.ItemDataRole.ToolTipRole)
        self.time_zone.setCurrentIndex(self.time_zone.findData(DEFAULT_TIME_ZONE))
        self.time_zone.setToolTip(self.tr("Zona waktu kegiatan, dicetak di belakang setiap jam pada dokumen"))
        times_layout.addWidget(self.time_zone)
        times_layout.addStretch(1)
        self.venue = QLineEdit()
        self.venue.setPlaceholderText(self.tr("mis. Aula Setda Kabupaten Sukamakmur"))
        self.instansi = QLineEdit()
        self.instansi.setPlaceholderText(self.tr("mis. Pemerintah Kabupaten Sukamakmur"))
        self.organizer = QLineEdit()
        self.organizer.setPlaceholderText(self.tr("mis. BKPSDM Kabupaten Sukamakmur"))
        self.place_name = QLineEdit()
        self.place_name.setPlaceholderText(self.tr("untuk baris tanggal surat, mis. Sukamakmur"))
        self.election_name = QLineEdit()
        self.election_name.setPlaceholderText(self.tr("mis. Pemilihan Bupati dan Wakil Bupati 2024"))
        self.speakers = QPlainTextEdit()
        self.speakers.setPlaceholderText(self.tr("Satu narasumber per baris"))
        self.speakers.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.jp_hours = QDoubleSpinBox()
        self.jp_hours.setLocale(INDONESIAN)
        self.jp_hours.setRange(0, 200)
        self.jp_hours.setDecimals(1)
        self.jp_hours.setSingleStep(0.5)
        self.jp_hours.setSuffix(" JP")
        self.signature_required = QCheckBox(self.tr("Tanda tangan peserta diminta saat registrasi"))
        self.signature_required.setToolTip(
            self.tr("Setelah check-in, meja registrasi membuka kotak tanda tangan untuk peserta")
        )

        details = QFormLayout()
        details.addRow(self.tr("Nama kegiatan *"), wrap("title", self.title))
        details.addRow(self.tr("Jenis"), wrap("kind", self.kind))
        details.addRow(self.tr("Tanggal *"), wrap("date", self.date))
        details.addRow(self.tr("Jam"), wrap("end_time", wrap("time_zone", times)))
        details.addRow(self.tr("Tempat"), self.venue)
        details.addRow(self.tr("Instansi"), self.instansi)
        details.addRow(self.tr("Penyelenggara"), self.organizer)
        details.addRow(self.tr("Kota (tanggal surat)"), self.place_name)
        details.addRow(self.tr("Pemilihan"), self.election_name)
        details.addRow(self.tr("Narasumber"), self.speakers)
        details.addRow(self.tr("Jumlah jam pelajaran"), wrap("jp_hours", self.jp_hours))
        details.addRow("", self.signature_required)

        self.signatory1 = _SignatoryBox(1, self.errors)
        self.signatory2 = _SignatoryBox(2, self.errors)
        signatories = QVBoxLayout()
        signatories.addWidget(self.signatory1)
        signatories.addWidget(self.signatory2)
        signatories.addStretch(1)

        columns = QHBoxLayout()
        columns.addLayout(details, 3)
        columns.addSpacing(12)
        columns.addLayout(signatories, 2)

        self.general_error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        localize_buttons(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    # Values ------------------------------------------------------------------------------
    def data(self) -> EventData:
        return EventData(
            id=self.event_id,
            title=self.title.text(),
            kind=self.kind.currentData(),
            date=self.date.date().toPython(),
            start_time=_time_value(self.start_time),
            end_time=_time_value(self.end_time),
            venue=self.venue.text(),
            instansi=self.instansi.text(),
            organizer=self.organizer.text(),
            place_name=self.place_name.text(),
            election_name=self.election_name.text(),
            speakers=self.speakers.toPlainText(),
            jp_hours=Decimal(str(round(self.jp_hours.value(), 1))),
            signatory1=self.signatory1.value(),
            signatory2=self.signatory2.value(),
            signature_required=self.signature_required.isChecked(),
            time_zone=self.time_zone.currentData(),
        )

    def set_data(self, data: EventData) -> None:
        self.title.setText(data.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
        if data.date:
            self.date.setDate(QDate(data.date.year, data.date.month, data.date.day))
        self.start_time.setTime(_qtime(data.start_time))
        self.end_time.setTime(_qtime(data.end_time))
        self.venue.setText(data.venue)
        self.instansi.setText(data.instansi)
        self.organizer.setText(data.organizer)
        self.place_name.setText(data.place_name)
        self.election_name.setText(data.election_name)
        self.speakers.setPlainText(data.speakers)
        self.jp_hours.setValue(float(data.jp_hours))
        self.signatory1.set_value(data.signatory1)
        self.signatory2.set_value(data.signatory2)
        self.signature_required.setChecked(bool(data.signature_required))
        self.time_zone.setCurrentIndex(max(0, self.time_zone.findData(data.time_zone)))

    def save(self) -> None:
        data = self.data()
        try:
            if self.event_id is None:
                self.event_id = create_event(data, actor=self.actor)
            else:
                update_event(data, actor=self.actor)
        except ValidationError as err:
            leftover = self.errors.show(err.errors)
            self.general_error.show_message("\n".join(leftover))
            if "title" in err.errors:
                self.title.setFocus()
            return
        except NotFoundError as err:  # deleted meanwhile at another desk
            self.general_error.show_message(str(err))
            return
        self.accept()


def _time_value(edit: QTimeEdit) -> dt.time | None:
    value = edit.time()
    return None if value == _NO_TIME else value.toPython()


def _qtime(value: dt.time | None) -> QTime:
    return QTime(value.hour, value.minute) if value else _NO_TIME

"""Why the core refused a scan or a number: a code and its parameters, rendered in one place.

The core answers a refused check-in (and an ikrar mandiri form it cannot receive, and a NIP or
NIK it cannot accept) with a ``Reason``: a ``ReasonCode`` and the values that fill its template.
``Reason.text`` is the one Indonesian rendering (CLI, PDFs, audit log, the JSON ``reason``);
the GUI renders the same template through Qt's translator (``gui/common/core_labels.reason_text``),
so the English interface shows English. Every template is in ``TEMPLATES``; the GUI's lupdate
marks are checked against it by tests/test_gui_settings.py.

Parameters are data (a name, an event title, digits, a time) and stay as they are in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ReasonCode(StrEnum):
    """One code per sentence the user may read; values are stable (tests and logs may show them)."""

    # A scan or a typed number at the check-in desk (core.checkin)
    EMPTY_CODE = "empty_code"
    NOT_A_CODE = "not_a_code"
    OTHER_EVENT = "other_event"
    DELETED_EVENT = "deleted_event"
    REMOVED = "removed"
    UNKNOWN_NUMBER = "unknown_number"
    NOT_REGISTERED = "not_registered"
    KNOWN_ELSEWHERE = "known_elsewhere"
    NO_SUCH_PARTICIPANT = "no_such_participant"
    CANCELLED = "cancelled"
    # An invitation QR code (core.qr_payload)
    FOREIGN_QR = "foreign_qr"
    MALFORMED_QR = "malformed_qr"
    FORGED_QR = "forged_qr"
    # An ikrar mandiri form: its QR code (core.pledges.mandiri_code) and its receipt (core.pledges.returns)
    FORM_EMPTY_CODE = "form_empty_code"
    FORM_INVITATION_CODE = "form_invitation_code"
    FORM_FOREIGN_QR = "form_foreign_qr"
    FORM_MALFORMED_QR = "form_malformed_qr"
    FORM_FORGED_QR = "form_forged_qr"
    FORM_OTHER_EVENT = "form_other_event"
    FORM_DELETED_EVENT = "form_deleted_event"
    FORM_REMOVED = "form_removed"
    FORM_CANCELLED = "form_cancelled"
    FORM_SIGNED_AT_DESK = "form_signed_at_desk"
    FORM_SIGNED_PRESENT = "form_signed_present"
    FORM_SIGNED_ONLINE = "form_signed_online"
    FORM_OUTSIDE_CAMPAIGN = "form_outside_campaign"
    FORM_DELETED_OUTSIDE_CAMPAIGN = "form_deleted_outside_campaign"
    FORM_RECEIPT_UNDONE = "form_receipt_undone"
    # A NIP that Excel stored as a number (core.nip.excel_corruption)
    EXCEL_NUMBER = "excel_number"
    EXCEL_SCIENTIFIC = "excel_scientific"
    EXCEL_DECIMAL = "excel_decimal"
    EXCEL_ROUNDED = "excel_rounded"
    # A NIP / NI PPPK / NIK that is not valid (core.nip.IdError)
    NIP_EMPTY = "nip_empty"
    NIP_NOT_DIGITS = "nip_not_digits"
    NIP_LENGTH = "nip_length"
    BIRTH_DATE = "birth_date"
    NIP_SEX_DIGIT = "nip_sex_digit"
    NIP_SERIAL = "nip_serial"
    PPPK_CONTRACT = "pppk_contract"
    PPPK_YEAR = "pppk_year"
    NIP_TMT_MONTH = "nip_tmt_month"
    NIP_TMT_BEFORE_BIRTH = "nip_tmt_before_birth"
    NIK_EMPTY = "nik_empty"
    NIK_NOT_DIGITS = "nik_not_digits"
    NIK_LENGTH = "nik_length"
    NIK_REGION = "nik_region"
    NIK_BIRTH_DIGITS = "nik_birth_digits"
    NIK_BIRTH_DATE = "nik_birth_date"
    NIK_SERIAL = "nik_serial"


_EXCEL_ADVICE = " Format kolom NIP sebagai Teks lalu isi ulang NIP yang benar."

TEMPLATES: dict[ReasonCode, str] = {
    ReasonCode.EMPTY_CODE: "Kode kosong: pindai QR undangan atau ketik NIP/NIK peserta.",
    ReasonCode.NOT_A_CODE: (
        "Kode QR ini bukan undangan Netralitas. Pindai QR undangan atau ketik NIP/NIK; "
        "untuk mencari nama, gunakan pencarian."
    ),
    ReasonCode.OTHER_EVENT: (
        "Undangan ini untuk kegiatan lain: {title}. Bila ia terdaftar pada kegiatan ini, ketik NIP/NIK-nya."
    ),
    ReasonCode.DELETED_EVENT: (
        "Undangan ini untuk kegiatan yang sudah dihapus. Bila ia terdaftar pada kegiatan ini, ketik NIP/NIK-nya."
    ),
    ReasonCode.REMOVED: "Undangan ini tidak berlaku lagi: peserta sudah dihapus dari kegiatan ini.",
    ReasonCode.UNKNOWN_NUMBER: ("Nomor {digits} ({length} digit) tidak dikenali: NIP/NI PPPK 18 digit, NIK 16 digit."),
    ReasonCode.NOT_REGISTERED: "{label} {number} tidak terdaftar pada kegiatan ini.",
    ReasonCode.KNOWN_ELSEWHERE: (
        "{label} {number} tidak terdaftar pada kegiatan ini. Datanya ada dari kegiatan lain: "
        "daftarkan sebagai peserta tanpa undangan bila diizinkan."
    ),
    ReasonCode.NO_SUCH_PARTICIPANT: "Peserta nomor {registration_id} tidak ditemukan.",
    ReasonCode.CANCELLED: (
        "Pendaftaran {name} telah dibatalkan{note}. Pulihkan pendaftarannya bila ia tetap boleh ikut."
    ),
    ReasonCode.FOREIGN_QR: "Kode QR ini bukan undangan Netralitas.",
    ReasonCode.MALFORMED_QR: "Kode QR undangan tidak lengkap atau rusak. Pindai ulang, atau ketik NIP/NIK peserta.",
    ReasonCode.FORGED_QR: "Kode QR palsu atau rusak: tanda tangan tidak cocok.",
    ReasonCode.FORM_EMPTY_CODE: "Kode kosong: pindai QR pada formulir ikrar mandiri.",
    ReasonCode.FORM_INVITATION_CODE: (
        "Ini kode QR undangan, bukan formulir ikrar mandiri. Pindai QR yang tercetak pada formulir "
        "ikrar mandiri yang sudah ditandatangani."
    ),
    ReasonCode.FORM_FOREIGN_QR: "Kode QR ini bukan formulir ikrar mandiri Netralitas.",
    ReasonCode.FORM_MALFORMED_QR: (
        "Kode QR formulir ikrar mandiri tidak lengkap atau rusak. Pindai ulang, atau cari nama peserta di daftar."
    ),
    ReasonCode.FORM_FORGED_QR: (
        "Kode QR formulir ikrar mandiri palsu atau rusak: tanda tangan kode tidak cocok "
        "(atau formulir dicetak dari basis data lain)."
    ),
    ReasonCode.FORM_OTHER_EVENT: "Formulir ikrar mandiri ini untuk kegiatan lain: {title}. Terima di kegiatan itu.",
    ReasonCode.FORM_DELETED_EVENT: (
        "Formulir ikrar mandiri ini untuk kegiatan yang sudah dihapus. Terima di kegiatan itu."
    ),
    ReasonCode.FORM_REMOVED: "Formulir ini tidak berlaku lagi: peserta sudah dihapus dari kegiatan ini.",
    ReasonCode.FORM_CANCELLED: "Pendaftaran {name} telah dibatalkan{note}.",
    ReasonCode.FORM_SIGNED_AT_DESK: (
        "{name} sudah menandatangani ikrar di meja registrasi; tidak perlu ikrar mandiri."
    ),
    ReasonCode.FORM_SIGNED_PRESENT: (
        "{name} tercatat hadir pukul {time} dan sudah menandatangani ikrar di meja registrasi; "
        "tidak perlu ikrar mandiri."
    ),
    ReasonCode.FORM_SIGNED_ONLINE: (
        "{name} tercatat daring pukul {time} dan sudah menandatangani ikrar di meja registrasi; "
        "tidak perlu ikrar mandiri."
    ),
    ReasonCode.FORM_OUTSIDE_CAMPAIGN: (
        "Formulir ini untuk kegiatan \u201c{title}\u201d, yang tidak termasuk kampanye ini. Terima di kegiatan itu."
    ),
    ReasonCode.FORM_DELETED_OUTSIDE_CAMPAIGN: (
        "Formulir ini untuk kegiatan yang sudah dihapus, yang tidak termasuk kampanye ini. Terima di kegiatan itu."
    ),
    ReasonCode.FORM_RECEIPT_UNDONE: "Penerimaan formulir ini baru saja dibatalkan di meja lain; pindai lagi.",
    ReasonCode.EXCEL_NUMBER: (
        "NIP tersimpan sebagai angka oleh Excel ({shown}); tiga digit terakhir hilang." + _EXCEL_ADVICE
    ),
    ReasonCode.EXCEL_SCIENTIFIC: (
        "NIP tertulis dalam notasi ilmiah ({shown}); Excel telah membuang digit terakhirnya." + _EXCEL_ADVICE
    ),
    ReasonCode.EXCEL_DECIMAL: (
        "NIP tertulis sebagai bilangan desimal ({shown}); kemungkinan berasal dari sel angka Excel." + _EXCEL_ADVICE
    ),
    ReasonCode.EXCEL_ROUNDED: (
        "NIP {shown} berakhiran 000: tanda Excel menyimpan NIP sebagai angka dan membulatkannya." + _EXCEL_ADVICE
    ),
    ReasonCode.NIP_EMPTY: "NIP kosong.",
    ReasonCode.NIP_NOT_DIGITS: "NIP hanya boleh berisi angka; ditemukan {shown}.",
    ReasonCode.NIP_LENGTH: "NIP harus 18 digit; yang diisi {length} digit ({digits}).",
    ReasonCode.BIRTH_DATE: "{label} tidak valid: 8 digit pertama ({digits}) bukan tanggal lahir yang benar.",
    ReasonCode.NIP_SEX_DIGIT: "NIP tidak valid: digit ke-15 (jenis kelamin) harus 1 atau 2, bukan {digit}.",
    ReasonCode.NIP_SERIAL: "NIP tidak valid: nomor urut (3 digit terakhir) tidak boleh 000.",
    ReasonCode.PPPK_CONTRACT: "NI PPPK tidak valid: digit ke-14 (jumlah kontrak) harus 1 sampai 9.",
    ReasonCode.PPPK_YEAR: "NI PPPK tidak valid: tahun pengangkatan {year} terlalu dekat dengan tahun lahir {born}.",
    ReasonCode.NIP_TMT_MONTH: "NIP tidak valid: bulan TMT CPNS ({month}) harus 01 sampai 12.",
    ReasonCode.NIP_TMT_BEFORE_BIRTH: "NIP tidak valid: TMT CPNS ({month}/{year}) harus sesudah tanggal lahir.",
    ReasonCode.NIK_EMPTY: "NIK kosong.",
    ReasonCode.NIK_NOT_DIGITS: "NIK hanya boleh berisi angka; ditemukan {shown}.",
    ReasonCode.NIK_LENGTH: "NIK harus 16 digit; yang diisi {length} digit ({digits}).",
    ReasonCode.NIK_REGION: "NIK tidak valid: kode provinsi dan kabupaten/kota tidak boleh 00.",
    ReasonCode.NIK_BIRTH_DIGITS: "NIK tidak valid: digit 7–12 ({digits}) bukan tanggal lahir yang benar.",
    ReasonCode.NIK_BIRTH_DATE: "NIK tidak valid: tanggal lahir {date} tidak ada.",
    ReasonCode.NIK_SERIAL: "NIK tidak valid: nomor urut (4 digit terakhir) tidak boleh 0000.",
}


@dataclass(frozen=True)
class Reason:
    """A ``ReasonCode`` with the values of its template (as text, so any language can show them)."""

    code: ReasonCode
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, code: ReasonCode, **params: object) -> Reason:
        return cls(code, tuple((name, str(value)) for name, value in params.items()))

    @property
    def text(self) -> str:
        """The Indonesian sentence (CLI, files, audit log)."""
        return self.render(TEMPLATES[self.code])

    def render(self, template: str) -> str:
        """``template`` (this code's, in any language) filled with this reason's values."""
        return template.format(**dict(self.params))


__all__ = ["TEMPLATES", "Reason", "ReasonCode"]

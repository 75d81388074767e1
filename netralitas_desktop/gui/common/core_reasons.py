"""The core's refusal reasons (``core.reasons``) in the UI language.

The core renders a ``Reason`` in Indonesian for the CLI, files and the audit log; the screen renders
the same template through Qt's translator and fills in the same values, so the English interface
shows English. The marks below let lupdate collect the templates; tests/test_gui_settings.py checks
them against ``core.reasons.TEMPLATES``, so a reason added to the core cannot slip by untranslated.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...core.reasons import TEMPLATES, Reason

CONTEXT = "CoreReasons"

MARKED = (
    QT_TRANSLATE_NOOP("CoreReasons", "Kode kosong: pindai QR undangan atau ketik NIP/NIK peserta."),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Kode QR ini bukan undangan Netralitas. Pindai QR undangan atau ketik NIP/NIK; untuk mencari "
        "nama, gunakan pencarian.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Undangan ini untuk kegiatan lain: {title}. Bila ia terdaftar pada kegiatan ini, ketik NIP/NIK-nya.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Undangan ini untuk kegiatan yang sudah dihapus. Bila ia terdaftar pada kegiatan ini, ketik NIP/NIK-nya.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Undangan ini tidak berlaku lagi: peserta sudah dihapus dari kegiatan ini.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Nomor {digits} ({length} digit) tidak dikenali: NIP/NI PPPK 18 digit, NIK 16 digit.",
    ),
    QT_TRANSLATE_NOOP("CoreReasons", "{label} {number} tidak terdaftar pada kegiatan ini."),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "{label} {number} tidak terdaftar pada kegiatan ini. Datanya ada dari kegiatan lain: daftarkan "
        "sebagai peserta tanpa undangan bila diizinkan.",
    ),
    QT_TRANSLATE_NOOP("CoreReasons", "Peserta nomor {registration_id} tidak ditemukan."),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Pendaftaran {name} telah dibatalkan{note}. Pulihkan pendaftarannya bila ia tetap boleh ikut.",
    ),
    QT_TRANSLATE_NOOP("CoreReasons", "Kode QR ini bukan undangan Netralitas."),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Kode QR undangan tidak lengkap atau rusak. Pindai ulang, atau ketik NIP/NIK peserta.",
    ),
    QT_TRANSLATE_NOOP("CoreReasons", "Kode QR palsu atau rusak: tanda tangan tidak cocok."),
    QT_TRANSLATE_NOOP("CoreReasons", "Kode kosong: pindai QR pada formulir ikrar mandiri."),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Ini kode QR undangan, bukan formulir ikrar mandiri. Pindai QR yang tercetak pada formulir ikrar"
        " mandiri yang sudah ditandatangani.",
    ),
    QT_TRANSLATE_NOOP("CoreReasons", "Kode QR ini bukan formulir ikrar mandiri Netralitas."),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Kode QR formulir ikrar mandiri tidak lengkap atau rusak. Pindai ulang, atau cari nama peserta di daftar.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Kode QR formulir ikrar mandiri palsu atau rusak: tanda tangan kode tidak cocok (atau formulir "
        "dicetak dari basis data lain).",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Formulir ikrar mandiri ini untuk kegiatan lain: {title}. Terima di kegiatan itu.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Formulir ikrar mandiri ini untuk kegiatan yang sudah dihapus. Terima di kegiatan itu.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Formulir ini tidak berlaku lagi: peserta sudah dihapus dari kegiatan ini.",
    ),
    QT_TRANSLATE_NOOP("CoreReasons", "Pendaftaran {name} telah dibatalkan{note}."),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "{name} sudah menandatangani ikrar di meja registrasi; tidak perlu ikrar mandiri.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "{name} tercatat hadir pukul {time} dan sudah menandatangani ikrar di meja registrasi; tidak "
        "perlu ikrar mandiri.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "{name} tercatat daring pukul {time} dan sudah menandatangani ikrar di meja registrasi; tidak "
        "perlu ikrar mandiri.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Formulir ini untuk kegiatan “{title}”, yang tidak termasuk kampanye ini. Terima di kegiatan itu.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Formulir ini untuk kegiatan yang sudah dihapus, yang tidak termasuk kampanye ini. Terima di kegiatan itu.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "Penerimaan formulir ini baru saja dibatalkan di meja lain; pindai lagi.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "NIP tersimpan sebagai angka oleh Excel ({shown}); tiga digit terakhir hilang. Format kolom NIP "
        "sebagai Teks lalu isi ulang NIP yang benar.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "NIP tertulis dalam notasi ilmiah ({shown}); Excel telah membuang digit terakhirnya. Format "
        "kolom NIP sebagai Teks lalu isi ulang NIP yang benar.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "NIP tertulis sebagai bilangan desimal ({shown}); kemungkinan berasal dari sel angka Excel. "
        "Format kolom NIP sebagai Teks lalu isi ulang NIP yang benar.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "NIP {shown} berakhiran 000: tanda Excel menyimpan NIP sebagai angka dan membulatkannya. Format "
        "kolom NIP sebagai Teks lalu isi ulang NIP yang benar.",
    ),
    QT_TRANSLATE_NOOP("CoreReasons", "NIP kosong."),
    QT_TRANSLATE_NOOP("CoreReasons", "NIP hanya boleh berisi angka; ditemukan {shown}."),
    QT_TRANSLATE_NOOP("CoreReasons", "NIP harus 18 digit; yang diisi {length} digit ({digits})."),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "{label} tidak valid: 8 digit pertama ({digits}) bukan tanggal lahir yang benar.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "NIP tidak valid: digit ke-15 (jenis kelamin) harus 1 atau 2, bukan {digit}.",
    ),
    QT_TRANSLATE_NOOP("CoreReasons", "NIP tidak valid: nomor urut (3 digit terakhir) tidak boleh 000."),
    QT_TRANSLATE_NOOP("CoreReasons", "NI PPPK tidak valid: digit ke-14 (jumlah kontrak) harus 1 sampai 9."),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "NI PPPK tidak valid: tahun pengangkatan {year} terlalu dekat dengan tahun lahir {born}.",
    ),
    QT_TRANSLATE_NOOP("CoreReasons", "NIP tidak valid: bulan TMT CPNS ({month}) harus 01 sampai 12."),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "NIP tidak valid: TMT CPNS ({month}/{year}) harus sesudah tanggal lahir.",
    ),
    QT_TRANSLATE_NOOP("CoreReasons", "NIK kosong."),
    QT_TRANSLATE_NOOP("CoreReasons", "NIK hanya boleh berisi angka; ditemukan {shown}."),
    QT_TRANSLATE_NOOP("CoreReasons", "NIK harus 16 digit; yang diisi {length} digit ({digits})."),
    QT_TRANSLATE_NOOP("CoreReasons", "NIK tidak valid: kode provinsi dan kabupaten/kota tidak boleh 00."),
    QT_TRANSLATE_NOOP(
        "CoreReasons",
        "NIK tidak valid: digit 7–12 ({digits}) bukan tanggal lahir yang benar.",
    ),
    QT_TRANSLATE_NOOP("CoreReasons", "NIK tidak valid: tanggal lahir {date} tidak ada."),
    QT_TRANSLATE_NOOP("CoreReasons", "NIK tidak valid: nomor urut (4 digit terakhir) tidak boleh 0000."),
)


def reason_text(reason: Reason) -> str:
    """``reason`` in the UI language (its template translated, then filled with its values)."""
    return reason.render(QCoreApplication.translate(CONTEXT, TEMPLATES[reason.code]))


def refusal_text(reason: Reason | None, fallback: str) -> str:
    """A result's reason on screen: the translated ``reason``, or ``fallback`` (text the GUI made itself)."""
    return reason_text(reason) if reason is not None else fallback


__all__ = ["CONTEXT", "MARKED", "reason_text", "refusal_text"]

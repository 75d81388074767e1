"""Opening roster files: encodings, delimiters, row numbers, merged cells, and every kind of
file that is not a roster refused with one Indonesian sentence."""

from __future__ import annotations

import io
import random
import zipfile

import openpyxl
import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from netralitas_desktop.core.roster.reader import RosterError, decode_text, open_roster, sniff_delimiter


def read_all(path) -> tuple[str, list[tuple[str | None, list]]]:
    with open_roster(path) as roster:
        return roster.kind, [(sheet.name, list(sheet.rows)) for sheet in roster.sheets]


def assert_one_sentence(message: str) -> None:
    assert message.endswith(".")
    assert "\n" not in message and "Traceback" not in message
    assert ". " not in message[:-1], f"more than one sentence: {message}"


# --- CSV -------------------------------------------------------------------------------------


def test_siasn_export_is_utf8_comma(fixtures_dir):
    kind, sheets = read_all(fixtures_dir / "siasn_export_sukamakmur.csv")
    assert kind == "CSV, pemisah koma, UTF-8"
    [(name, rows)] = sheets
    assert name is None
    assert len(rows) == 2001
    assert rows[0][0] == 1 and rows[0][1][:3] == ["PNS ID", "NIP BARU", "NIP LAMA"]
    assert rows[1][0] == 2 and rows[1][1][1] == "'197211021996121001"


def test_semicolon_windows_1252_keeps_accents(fixtures_dir):
    kind, [(_, rows)] = read_all(fixtures_dir / "roster_panitia_cp1252.csv")
    assert kind == "CSV, pemisah titik koma, Windows-1252"
    names = [values[1] for _, values in rows]
    assert "André Wijaya, S.T." in names and "Drs. H. Noël Pranoto, M.Si." in names and "Çahya Lestari" in names
    assert rows[3] == (
        4,
        [
            "No.",
            "Nama Lengkap",
            "N I P",
            "NIK",
            "L/P",
            "Status Kepegawaian",
            "Pangkat/Gol.",
            "Jabatan",
            "Unit Kerja",
            "No. WA",
            "Kehadiran",
        ],
    )


@pytest.mark.parametrize(
    ("encoding", "prefix", "label"),
    [("utf-8", b"", "UTF-8"), ("utf-8", b"\xef\xbb\xbf", "UTF-8"), ("utf-16-le", b"\xff\xfe", "UTF-16")],
)
def test_tab_delimited_with_and_without_bom(tmp_path, encoding, prefix, label):
    text = "Nama\tNIP\tUnit Kerja\r\nSri Ma’ruf\t198503122010011004\tDinas Kesehatan\r\n"
    path = tmp_path / "daftar.txt"
    path.write_bytes(prefix + text.encode(encoding))
    kind, [(_, rows)] = read_all(path)
    assert kind == f"CSV, pemisah tab, {label}"
    assert rows == [(1, ["Nama", "NIP", "Unit Kerja"]), (2, ["Sri Ma’ruf", "198503122010011004", "Dinas Kesehatan"])]


def test_row_numbers_are_file_lines_even_with_multiline_cells(tmp_path):
    path = tmp_path / "daftar.csv"
    path.write_text('Nama,Jabatan\n"Budi","Kepala\nSeksi"\nSiti,Staf\n', encoding="utf-8")
    _, [(_, rows)] = read_all(path)
    assert [number for number, _ in rows] == [1, 2, 4]
    assert rows[1][1] == ["Budi", "Kepala\nSeksi"]


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("Nama;NIP;Unit\nDrs. Budi, M.Si.;1;Dinas A\nSiti, S.E.;2;Dinas B\n", ";"),
        ("Nama,NIP\nBudi,1\nSiti,2\n", ","),
        ("Nama\tNIP\nBudi\t1\n", "\t"),
        ("JUDUL;;\n;;\nNama;NIP;Unit\nBudi;1;A, B dan C\n", ";"),
        ("Nama\nBudi\nSiti\n", ","),  # one column: any delimiter reads it the same
    ],
)
def test_delimiter_is_the_one_that_splits_lines_consistently(sample, expected):
    assert sniff_delimiter(sample) == expected


def test_excel_sep_hint_line_decides_the_delimiter(tmp_path):
    path = tmp_path / "daftar.csv"
    path.write_text("sep=;\r\nNama;Unit Kerja, Bagian\r\nBudi;Dinas A, Umum\r\n", encoding="utf-8")
    kind, [(_, rows)] = read_all(path)
    assert kind.startswith("CSV, pemisah titik koma")
    assert rows[1:] == [(2, ["Nama", "Unit Kerja, Bagian"]), (3, ["Budi", "Dinas A, Umum"])]


def test_windows_1252_fallback_and_utf8_preferred():
    assert decode_text("Noël".encode("cp1252")) == ("Noël", "Windows-1252")
    assert decode_text("Noël".encode()) == ("Noël", "UTF-8")
    assert decode_text(b"\xef\xbb\xbfNama") == ("Nama", "UTF-8")


# --- XLSX ------------------------------------------------------------------------------------


def test_invitation_workbook_rows_and_sheet(fixtures_dir):
    kind, [(name, rows)] = read_all(fixtures_dir / "undangan_sosialisasi.xlsx")
    assert (kind, name) == ("Excel (.xlsx)", "Undangan")
    assert rows[0] == (1, ["DAFTAR UNDANGAN SOSIALISASI NETRALITAS ASN", None, None, None, None, None])
    assert rows[3] == (4, ["No", "Nama", "NIP", "Pangkat/Gol.", "Jabatan", "Unit Kerja"])
    assert rows[-1][0] == 304


def test_vertical_merges_are_filled_and_hidden_sheets_skipped(tmp_path):
    workbook = openpyxl.Workbook()
    lookup = workbook.active
    lookup.title = "Referensi"
    lookup.append(["Nama", "NIP"])
    lookup.sheet_state = "hidden"
    sheet = workbook.create_sheet("Peserta")
    sheet.append(["DAFTAR HADIR"])
    sheet.merge_cells("A1:C1")
    sheet.append(["Nama", "NIP", "Unit Kerja"])
    sheet.append(["Budi", "198503122010011004", "Dinas Kesehatan"])
    sheet.append(["Siti", "199005212015032002", None])
    sheet.merge_cells("C3:C4")
    path = tmp_path / "gabung.xlsx"
    workbook.save(path)
    _, sheets = read_all(path)
    assert [name for name, _ in sheets] == ["Peserta"]
    rows = sheets[0][1]
    assert rows[0][1] == ["DAFTAR HADIR", None, None]  # sideways merge: only its first cell
    assert rows[3] == (4, ["Siti", "199005212015032002", "Dinas Kesehatan"])


def test_large_workbook_is_streamed_without_losing_rows(tmp_path, monkeypatch):
    from netralitas_desktop.core.roster import reader

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Judul"])
    sheet.append([])
    sheet.append(["Nama", "NIP"])
    sheet.append(["Budi", "198503122010011004"])
    path = tmp_path / "besar.xlsx"
    workbook.save(path)
    monkeypatch.setattr(reader, "STREAMING_XLSX_BYTES", 0)  # treat this file as a big one
    _, [(_, rows)] = read_all(path)
    assert rows == [(1, ["Judul", None]), (2, [None, None]), (3, ["Nama", "NIP"]), (4, ["Budi", "198503122010011004"])]


# --- refusals --------------------------------------------------------------------------------


def _pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Daftar peserta")
    page.save()
    return buffer.getvalue()


def _image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, fmt)
    return buffer.getvalue()


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def _truncated_xlsx(fixtures_dir) -> bytes:
    data = (fixtures_dir / "undangan_sosialisasi.xlsx").read_bytes()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("kosong.csv", lambda d: b"", "kosong"),
        ("spasi.csv", lambda d: b" \r\n\r\n  ", "kosong"),
        ("lama.xls", lambda d: (d / "roster_lama.xls").read_bytes(), "Excel lama (.xls)"),
        ("lama-berganti-nama.xlsx", lambda d: (d / "roster_lama.xls").read_bytes(), "Excel lama (.xls)"),
        ("terkunci.xlsx", lambda d: (d / "roster_terkunci.xlsx").read_bytes(), "dilindungi kata sandi"),
        ("lembar.ods", lambda d: (d / "roster_lembar.ods").read_bytes(), "OpenDocument (.ods)"),
        ("daftar.pdf", lambda d: _pdf(), "PDF"),
        ("foto.png", lambda d: _image("PNG"), "gambar"),
        ("foto.jpg", lambda d: _image("JPEG"), "gambar"),
        ("acak.csv", lambda d: random.Random(7).randbytes(4096), "tidak dapat dibaca"),
        ("acak.xlsx", lambda d: random.Random(8).randbytes(4096), "tidak dapat dibaca"),
        ("surat.docx", lambda d: _docx(), "dokumen Word"),
        ("web.xls", lambda d: b"<html><body><table><tr><td>Nama</td></tr></table></body></html>", "HTML"),
        ("rusak.xlsx", _truncated_xlsx, "rusak"),
    ],
)
def test_files_that_are_not_rosters_get_one_clear_sentence(tmp_path, fixtures_dir, name, content, words):
    path = tmp_path / name
    path.write_bytes(content(fixtures_dir))
    with pytest.raises(RosterError) as caught:
        read_all(path)
    message = str(caught.value)
    assert words in message
    assert_one_sentence(message)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(RosterError, match=r"daftar\.csv tidak ditemukan"):
        read_all(tmp_path / "daftar.csv")
    with pytest.raises(RosterError, match="folder"):
        read_all(tmp_path)

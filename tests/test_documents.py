"""The shared document layer: pages, fonts, fitted text, vector QR, letterhead, signatory, files."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw
from pypdf import PdfReader
from reportlab.lib.fonts import tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from netralitas_desktop.core.documents import (
    SANS,
    SERIF,
    CardGrid,
    DocumentError,
    Letterhead,
    Margins,
    PageSpec,
    Paper,
    PaperError,
    UniqueNames,
    atomic_output,
    draw_cut_marks,
    draw_letterhead,
    draw_qr,
    draw_signatory,
    draw_text_box,
    fit_pdf_text,
    font_file,
    mm,
    new_canvas,
    nip_line,
    qr_image,
    qr_matrix,
    register_fonts,
    safe_filename,
)
from netralitas_desktop.core.documents.fit import ELLIPSIS, fit_text, pdf_measure
from netralitas_desktop.core.documents.images import PRINT_DPI, print_copy, print_image, with_print_copy
from netralitas_desktop.core.documents.qr import dark_rects, qr_operators
from netralitas_desktop.core.documents.raster import fit_image_text, pil_measure
from netralitas_desktop.core.events import Signatory
from support.pdf_checks import render
from support.pdf_text import pdf_text

LONG_NAME = "Prof. Dr. Ir. H. Muhammad Abdurrahman Syahputra Wicaksono, S.H., M.H., M.Si."


# --- pages ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("paper, size", [(Paper.A4, (595.28, 841.89)), (Paper.F4, (609.45, 935.43))])
def test_page_sizes_in_points(paper, size, tmp_path):
    spec = PageSpec(paper)
    assert tuple(round(v, 2) for v in spec.size) == size
    assert tuple(round(v, 2) for v in PageSpec(paper, landscape=True).size) == size[::-1]
    canvas = new_canvas(tmp_path / "p.pdf", spec, title="Ukuran")
    canvas.showPage()
    canvas.save()
    box = PdfReader(tmp_path / "p.pdf").pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == size


def test_frame_is_inside_the_margins():
    spec = PageSpec(Paper.F4, margins=Margins(top=30, right=15, bottom=25, left=40))
    frame = spec.frame
    assert frame.x == pytest.approx(40 * mm)
    assert frame.y == pytest.approx(25 * mm)
    assert frame.right == pytest.approx((215 - 15) * mm)
    assert frame.top == pytest.approx((330 - 30) * mm)


@pytest.mark.parametrize("name, paper", [("a4", Paper.A4), ("F4", Paper.F4), (" folio ", Paper.F4)])
def test_paper_names(name, paper):
    assert Paper.parse(name) is paper


def test_unknown_paper_is_explained_in_indonesian():
    with pytest.raises(PaperError, match=r"Ukuran kertas tidak dikenal.*A4 atau F4"):
        Paper.parse("letter")


def test_card_grid_cells_fill_the_frame_without_overlap():
    grid = CardGrid(PageSpec(Paper.A4, margins=Margins.uniform(10)), 2, 4)
    cells = grid.cells()
    frame = grid.page.frame
    assert len(cells) == 8 and grid.page_count(17) == 3 and grid.page_count(0) == 1
    for cell in cells:
        assert frame.x - 1e-6 <= cell.x and cell.right <= frame.right + 1e-6
        assert frame.y - 1e-6 <= cell.y and cell.top <= frame.top + 1e-6
    assert cells[0].top == pytest.approx(frame.top) and cells[1].x > cells[0].right  # across, then down
    for a in cells:
        for b in cells:
            if a is not b:
                apart = a.right <= b.x or b.right <= a.x or a.top <= b.y or b.top <= a.y
                assert apart


# --- fonts ---------------------------------------------------------------------------------------------------


def test_fonts_are_bundled_with_their_licence():
    for family in (SANS, SERIF):
        for face in family.faces:
            assert font_file(face).stat().st_size > 100_000
    licence = (font_file(SANS.regular).parent / "OFL.txt").read_text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


FRESH_PROCESS_REGISTRATION = """
import threading
from reportlab.pdfbase import pdfmetrics
from netralitas_desktop.core.documents import fonts

calls = []
real_register = pdfmetrics.registerFont
pdfmetrics.registerFont = lambda font: (calls.append(font.fontName), real_register(font))[1]
barrier = threading.Barrier(8)

def register():
    barrier.wait()
    fonts.register_fonts()

threads = [threading.Thread(target=register) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
fonts.register_fonts()
print(len(calls), len(set(calls)))
"""


def test_fonts_register_once_per_process_even_from_many_threads():
    out = subprocess.run(
        [sys.executable, "-c", FRESH_PROCESS_REGISTRATION],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    ).stdout.split()
    assert out == ["8", "8"]  # 2 families x 4 faces, each registered exactly once


def test_registered_fonts_stay_the_same_objects_and_families_map_bold_italic():
    register_fonts()
    first = {face: pdfmetrics.getFont(face) for family in (SANS, SERIF) for face in family.faces}
    register_fonts()
    assert all(pdfmetrics.getFont(face) is font for face, font in first.items())
    # Families: <b>/<i> in a Paragraph find the bold and italic faces.
    assert tt2ps(SANS.regular, 1, 0) == SANS.bold
    assert tt2ps(SERIF.regular, 1, 1) == SERIF.bold_italic
    assert tt2ps(SANS.name, 0, 1) == SANS.italic


def test_paragraph_markup_uses_the_bold_and_italic_faces(tmp_path):
    pdf = tmp_path / "paragraf.pdf"
    canvas = new_canvas(pdf, PageSpec(), title="Paragraf")
    style = ParagraphStyle("isi", fontName=SERIF.regular, fontSize=11)
    paragraph = Paragraph("Yang bertanda tangan <b>Drs. Budi</b> dan <i>Ma’ruf</i>.", style)
    paragraph.wrapOn(canvas, 400, 100)
    paragraph.drawOn(canvas, 50, 700)
    canvas.showPage()
    canvas.save()
    fonts_used = set()
    for font in PdfReader(pdf).pages[0]["/Resources"]["/Font"].values():
        fonts_used.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic"} <= fonts_used


def test_indonesian_names_keep_their_letters(tmp_path):
    pdf = tmp_path / "nama.pdf"
    canvas = new_canvas(pdf, PageSpec(), title="Nama")
    for index, family in enumerate((SANS, SERIF)):
        draw_text_box(
            canvas,
            "José Müller Ma’ruf dan Sri Ma'ruf",
            family.regular,
            50,
            700 - index * 40,
            400,
            max_size=12,
            min_size=12,
        )
    canvas.showPage()
    canvas.save()
    assert pdf_text(pdf).count("José Müller Ma’ruf dan Sri Ma'ruf") == 2


# --- fitted text ---------------------------------------------------------------------------------------------


def test_fit_shrinks_to_the_largest_size_that_fits():
    width = 60 * mm
    fitted = fit_pdf_text("Drs. H. Budi Santoso, M.Si., M.H.", SANS.bold, width, max_size=14, min_size=7)
    assert len(fitted.lines) == 1 and 7 <= fitted.size < 14
    assert pdfmetrics.stringWidth(fitted.lines[0], SANS.bold, fitted.size) <= width
    assert pdfmetrics.stringWidth(fitted.lines[0], SANS.bold, fitted.size + 0.5) > width


def test_fit_keeps_the_largest_size_when_it_fits():
    fitted = fit_pdf_text("Budi", SANS.regular, 100, max_size=11, min_size=8)
    assert fitted.lines == ("Budi",) and fitted.size == 11


def test_fit_wraps_when_even_the_minimum_is_too_wide():
    width = 50 * mm
    fitted = fit_pdf_text(LONG_NAME, SANS.bold, width, max_size=11, min_size=8, max_lines=3)
    assert 2 <= len(fitted.lines) <= 3 and not fitted.truncated
    assert " ".join(fitted.lines) == LONG_NAME
    for line in fitted.lines:
        assert pdfmetrics.stringWidth(line, SANS.bold, fitted.size) <= width


def test_fit_cuts_with_an_ellipsis_when_lines_run_out():
    width = 30 * mm
    fitted = fit_pdf_text(LONG_NAME, SANS.bold, width, max_size=11, min_size=8, max_lines=2)
    assert len(fitted.lines) == 2 and fitted.truncated and fitted.lines[-1].endswith(ELLIPSIS)
    assert fitted.size == 8
    for line in fitted.lines:
        assert pdfmetrics.stringWidth(line, SANS.bold, fitted.size) <= width


def test_fit_breaks_a_word_longer_than_the_line():
    fitted = fit_pdf_text("Sukamakmurkidulwetankaliwetanlor", SANS.regular, 40, max_size=9, min_size=8, max_lines=9)
    assert len(fitted.lines) > 1 and "".join(fitted.lines) == "Sukamakmurkidulwetankaliwetanlor"
    assert all(pdfmetrics.stringWidth(line, SANS.regular, 8) <= 40 for line in fitted.lines)


def test_fit_respects_a_box_height():
    fitted = fit_pdf_text(LONG_NAME, SANS.regular, 40 * mm, max_size=12, min_size=6, max_lines=5, max_height=20)
    assert fitted.height <= 20


@settings(max_examples=80)
@given(
    text=st.text(alphabet=st.sampled_from("abcdeéüABCDE.,’' -MW"), min_size=0, max_size=120),
    width=st.floats(min_value=15, max_value=400),
    max_lines=st.integers(min_value=1, max_value=4),
)
def test_fitted_lines_never_exceed_the_width(text, width, max_lines):
    fitted = fit_text(text, width, pdf_measure(SANS.bold), max_size=12, min_size=6, max_lines=max_lines)
    assert len(fitted.lines) <= max_lines
    assert 6 <= fitted.size <= 12
    for line in fitted.lines:
        assert pdfmetrics.stringWidth(line, SANS.bold, fitted.size) <= width + 1e-6


def test_image_text_fits_in_whole_pixels():
    fitted = fit_image_text(LONG_NAME, SANS.bold, 600, max_size=48, min_size=32, max_lines=2)
    assert fitted.size == int(fitted.size) and len(fitted.lines) == 2
    measure = pil_measure(SANS.bold)
    assert all(measure(line, fitted.size) <= 600 for line in fitted.lines)


# --- QR ------------------------------------------------------------------------------------------------------


def test_dark_rects_cover_exactly_the_dark_modules():
    matrix = qr_matrix("NTR1ABCDEFGHJKMNPQRSTVWXYZ0")
    painted = [[0] * len(matrix) for _ in matrix]
    for column, row, width, height in dark_rects(matrix):
        for r in range(row, row + height):
            for c in range(column, column + width):
                painted[r][c] += 1
    assert painted == [[int(dark) for dark in row] for row in matrix]
    assert len(dark_rects(matrix)) < sum(map(sum, painted)) / 2  # runs are merged


def test_vector_qr_decodes_after_rendering(tmp_path):
    pdf = tmp_path / "qr.pdf"
    canvas = new_canvas(pdf, PageSpec(), title="QR")
    payloads = ["NTR1ABCDEFGHJKMNPQRSTVWXYZ0", "Netralitas ASN 2024 — ü"]
    draw_qr(canvas, payloads[0], 30 * mm, 200 * mm, 25 * mm)
    draw_qr(canvas, payloads[1], 110 * mm, 200 * mm, 40 * mm)
    canvas.showPage()
    canvas.save()
    text = {code.text for code in zxingcpp.read_barcodes(render(pdf, dpi=150))}
    assert text == set(payloads)
    content = PdfReader(pdf).pages[0].get_contents().get_data()
    assert content.count(b" re") > 20 and b"/XObject" not in content  # rectangles, no images


def test_qr_image_is_crisp_and_decodes():
    image = qr_image("NTR1ABCDEFGHJKMNPQRSTVWXYZ0", 12)
    modules = len(qr_matrix("NTR1ABCDEFGHJKMNPQRSTVWXYZ0")) + 8
    assert image.size == (modules * 12, modules * 12)
    histogram = image.convert("L").histogram()
    assert {level for level, count in enumerate(histogram) if count} == {0, 255}
    assert zxingcpp.read_barcodes(image)[0].text == "NTR1ABCDEFGHJKMNPQRSTVWXYZ0"


def test_codes_have_error_correction_m_and_a_white_quiet_zone_of_four_modules():
    text = "https://verifikasi.example.go.id/s/NTR-2024-000123"
    image = qr_image(text, 5).convert("L")
    decoded = zxingcpp.read_barcodes(image)[0]
    assert (decoded.text, decoded.ec_level) == (text, "M")
    border = 4 * 5
    inside = (border, border, image.width - border, image.height - border)
    outside = [
        image.getpixel((x, y))
        for x in range(image.width)
        for y in range(image.height)
        if not (inside[0] <= x < inside[2] and inside[1] <= y < inside[3])
    ]
    assert set(outside) == {255}
    assert image.getpixel((border, border)) == 0  # the top-left finder pattern starts right inside


def test_text_matrix_and_ready_operators_draw_the_same_code(tmp_path):
    text = "NTR1ABCDEFGHJKMNPQRSTVWXYZ0"
    assert qr_operators(qr_matrix(text)) == qr_operators(text)
    streams = []
    for name, options in (("text", {}), ("ready", {"operators": qr_operators(text)})):
        canvas = new_canvas(tmp_path / f"{name}.pdf", PageSpec(), title="QR")
        draw_qr(canvas, text, 30 * mm, 200 * mm, 25 * mm, **options)
        canvas.showPage()
        canvas.save()
        streams.append(PdfReader(tmp_path / f"{name}.pdf").pages[0].get_contents().get_data())
    assert streams[0] == streams[1]
    assert zxingcpp.read_barcodes(render(tmp_path / "ready.pdf", dpi=150))[0].text == text


# --- images at print size ------------------------------------------------------------------------------------


def _png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _with_copy_of(png: bytes, data: bytes) -> bytes:
    """``png`` carrying ``data`` as its print copy (a chunk as ``with_print_copy`` writes it)."""
    chunk = struct.pack(">I", len(data)) + b"ntPC" + data + struct.pack(">I", zlib.crc32(b"ntPC" + data))
    return png[:33] + chunk + png[33:]


def test_signing_cells_are_printed_from_the_print_copy_when_it_has_enough_pixels():
    blue = _png_bytes(Image.new("RGBA", (632, 272), (15, 20, 90, 255)))
    red_copy = Image.new("RGBA", (279, 120), (200, 0, 0, 255))  # tells which one was used
    signature = _with_copy_of(blue, _png_bytes(red_copy))
    assert with_print_copy(signature) == signature and print_copy(signature) == _png_bytes(red_copy)

    small = print_image(signature, 101 / PRINT_DPI * 72, 69 / PRINT_DPI * 72)
    assert small.getSize() == (101, 43)
    assert small.getRGBData()[:3] == bytes((200, 0, 0))
    large = print_image(signature, 500 / PRINT_DPI * 72, 200 / PRINT_DPI * 72)  # beyond the copy: the full image
    assert large.getSize() == (465, 200) and large.getRGBData()[:3] == bytes((15, 20, 90))
    damaged = _with_copy_of(blue, b"not an image")  # the full image is still there
    assert print_image(damaged, 101 / PRINT_DPI * 72, 69 / PRINT_DPI * 72).getRGBData()[:3] == bytes((15, 20, 90))


def test_print_copy_is_made_once_and_only_for_large_images():
    large = _png_bytes(Image.new("RGBA", (632, 272), (15, 20, 90, 255)))
    stored = with_print_copy(large)
    assert Image.open(io.BytesIO(print_copy(stored))).size == (279, 120)  # within PRINT_COPY_BOX, aspect kept
    assert with_print_copy(stored) == stored
    small = _png_bytes(Image.new("RGBA", (300, 100), (15, 20, 90, 255)))
    assert with_print_copy(small) == small and print_copy(small) is None
    assert with_print_copy(b"not a png") == b"not a png"


# --- letterhead and signatory --------------------------------------------------------------------------------


def _picture(size, colour, shape="ellipse"):
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if shape == "ellipse":
        draw.ellipse((4, 4, size[0] - 4, size[1] - 4), outline=colour, width=8)
    else:
        draw.line([(5, size[1] - 10), (size[0] // 3, 10), (size[0] - 5, size[1] // 2)], fill=colour, width=6)
    return image


def test_letterhead_and_signatory_on_a_page(tmp_path):
    pdf = tmp_path / "surat.pdf"
    logo = tmp_path / "logo.png"
    _picture((200, 240), (20, 90, 40, 255)).save(logo)
    spec = PageSpec(Paper.F4)
    frame = spec.frame
    canvas = new_canvas(pdf, spec, title="Surat")
    letterhead = Letterhead(
        ("PEMERINTAH KABUPATEN SUKAMAKMUR", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"),
        ("Jl. Veteran No. 1 Telp. (0275) 321123 Sukamakmur 54111",),
        logo=logo,
    )
    below = draw_letterhead(canvas, letterhead, frame.x, frame.top, frame.width)
    assert frame.top - 40 * mm < below < frame.top - 20 * mm
    signatory = Signatory(
        "Kepala BKPSDM Kabupaten Sukamakmur",
        "Drs. Bambang Wicaksono, M.Si.",
        "Pembina Utama Muda, IV/c",
        "196905121994031004",
    )
    bottom = draw_signatory(
        canvas,
        signatory,
        frame.x + frame.width / 2,
        below - 20 * mm,
        frame.width / 2,
        place_date="Sukamakmur, 1 Juli 2024",
        signature=_picture((400, 150), (0, 0, 90, 255), "line"),
        stamp=_picture((300, 300), (60, 60, 200, 160)),
    )
    assert bottom < below - 50 * mm
    canvas.showPage()
    canvas.save()
    text = " ".join(pdf_text(pdf).split())
    for expected in (
        "PEMERINTAH KABUPATEN SUKAMAKMUR",
        "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        "Sukamakmur, 1 Juli 2024",
        "Drs. Bambang Wicaksono, M.Si.",
        "Pembina Utama Muda, IV/c",
        "NIP. 19690512 199403 1 004",
    ):
        assert expected in text
    assert len(PdfReader(pdf).pages[0].images) == 3  # logo, signature, stamp


def test_nip_line_labels_pppk_and_groups_digits():
    assert nip_line("196905121994031004") == "NIP. 19690512 199403 1 004"
    assert nip_line("200012312024211001") == "NI PPPK 20001231 202421 1 001"  # no stray dot
    assert nip_line("") == ""


def test_cut_marks_stay_outside_the_card(tmp_path):
    pdf = tmp_path / "marks.pdf"
    grid = CardGrid(PageSpec(margins=Margins.uniform(10)), 2, 4)
    canvas = new_canvas(pdf, grid.page, title="Tanda potong")
    for cell in grid.cells():
        draw_cut_marks(canvas, cell)
    canvas.showPage()
    canvas.save()
    page = render(pdf, dpi=72).convert("L")
    cell = grid.cell(0)
    height = page.height
    inside = page.crop(
        (round(cell.x) + 2, round(height - cell.top) + 2, round(cell.right) - 2, round(height - cell.y) - 2)
    )
    assert inside.getextrema() == (255, 255)  # nothing drawn on the card itself
    assert page.getextrema()[0] < 200  # but the marks are there


# --- files ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stem, expected",
    [
        ('Ahmad "Gus" Dur: S/H?', "Ahmad _Gus_ Dur_ S_H_.png"),
        ("Budi Santoso, S.Ag.", "Budi Santoso, S.Ag.png"),
        ("CON", "_CON.png"),
        ("  ...  ", "berkas.png"),
        ("José Müller Ma’ruf", "José Müller Ma’ruf.png"),
    ],
)
def test_safe_filename_for_windows(stem, expected):
    assert safe_filename(stem, "png") == expected


def test_safe_filename_is_length_limited_without_trailing_dot():
    name = safe_filename("A" * 98 + ". B" * 20, "png")
    assert len(name) <= 104 and not name[:-4].endswith((".", " "))


def test_unique_names_ignore_case_like_windows():
    names = UniqueNames()
    assert [names.take(n) for n in ("Budi.png", "budi.png", "Budi.png", "Ani.png")] == [
        "Budi.png",
        "budi (2).png",
        "Budi (3).png",
        "Ani.png",
    ]


def test_atomic_output_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "undangan.pdf"
    target.write_bytes(b"versi lama")
    with pytest.raises(RuntimeError), atomic_output(target) as temp:
        temp.write_bytes(b"setengah")
        raise RuntimeError("gagal di tengah jalan")
    assert target.read_bytes() == b"versi lama"
    assert [p.name for p in tmp_path.iterdir()] == ["undangan.pdf"]
    with atomic_output(target) as temp:
        temp.write_bytes(b"versi baru")
    assert target.read_bytes() == b"versi baru"
    assert [p.name for p in tmp_path.iterdir()] == ["undangan.pdf"]


def test_atomic_output_explains_an_unwritable_folder(tmp_path):
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    with pytest.raises(DocumentError, match="tidak bisa dibuat"), atomic_output(blocker / "undangan.pdf"):
        pass

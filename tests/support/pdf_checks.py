"""Reading our PDFs back the way a reviewer does: words with their boxes, font sizes, page
numbers, reference renders compared with a tolerance, ink in regions of a page, QR codes.

Everything goes through poppler (``pdftotext -bbox``, ``pdftoppm``), the same program that
shows and prints the PDFs on the desk laptops; nothing here imports the application's drawing
code, so a check cannot agree with a bug by construction.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

REFERENCES = Path(__file__).resolve().parents[1] / "fixtures" / "reference"
UPDATE_REFERENCES = "NETRALITAS_UPDATE_REFERENCES"  # set to 1 to rewrite the reference renders
REFERENCE_DPI = 30

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


@dataclass(frozen=True)
class Word:
    """A word on a page; coordinates in points from the page's top-left corner (poppler's)."""

    page: int  # 1-based
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def middle(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class PdfWords:
    sizes: list[tuple[float, float]]  # (width, height) per page
    words: list[Word]

    def on_page(self, page: int) -> list[Word]:
        return [word for word in self.words if word.page == page]

    def page_text(self, page: int) -> str:
        return " ".join(word.text for word in self.on_page(page))


def pdf_words(pdf: Path | bytes) -> PdfWords:
    """Every word of the PDF with its box (``pdftotext -bbox``)."""
    if isinstance(pdf, bytes):
        with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as handle:
            handle.write(pdf)
        try:
            return pdf_words(Path(handle.name))
        finally:
            os.unlink(handle.name)
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    sizes, words = [], []
    for number, chunk in enumerate(out.split("<page ")[1:], start=1):
        width, height = _PAGE.match("<page " + chunk).groups()
        sizes.append((float(width), float(height)))
        for x0, y0, x1, y1, text in _WORD.findall(chunk):
            words.append(Word(number, float(x0), float(y0), float(x1), float(y1), html.unescape(text)))
    return PdfWords(sizes, words)


@lru_cache(maxsize=1)
def _height_per_point() -> float:
    """How tall poppler reports a word per point of font size, for Liberation Sans (every
    document but the certificates is set in it).

    Measured on a PDF drawn with ReportLab at a known size, rather than assumed: poppler's word
    box is the face's ascent plus descent, which differs per font. The largest ratio of the four
    faces is taken, so a size read back is never flattered.
    """
    from reportlab.pdfgen.canvas import Canvas

    from netralitas_desktop.core.documents import SANS, register_fonts

    register_fonts()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ruler.pdf"
        canvas = Canvas(str(path))
        faces = list(SANS.faces)
        for index, face in enumerate(faces):
            canvas.setFont(face, 10)
            canvas.drawString(50, 700 - index * 20, "Hgj10")
        canvas.save()
        heights = [word.height / 10 for word in pdf_words(path).words]
    return max(heights)


def font_sizes(pdf: Path | bytes) -> list[tuple[float, Word]]:
    """(font size in points, word) of every word, the size read back from the word's height."""
    ratio = _height_per_point()
    return [(word.height / ratio, word) for word in pdf_words(pdf).words]


def smallest_text(pdf: Path | bytes) -> tuple[float, Word]:
    """The smallest font size on any page, with the word that has it."""
    return min(font_sizes(pdf), key=lambda item: item[0])


PAGE_NUMBER = re.compile(r"Halaman (\d+) dari (\d+)")


def page_numbers(pdf: Path | bytes) -> list[tuple[int, int]]:
    """The ``Halaman x dari y`` of each page, in page order (one per page expected)."""
    found = pdf_words(pdf)
    result = []
    for page in range(1, len(found.sizes) + 1):
        numbers = PAGE_NUMBER.findall(found.page_text(page))
        assert len(numbers) == 1, f"page {page}: {numbers}"
        result.append((int(numbers[0][0]), int(numbers[0][1])))
    return result


def render(pdf: Path, page: int = 1, dpi: int = 100, *, grey: bool = False) -> Image.Image:
    """Page ``page`` as poppler draws it (as a viewer or a printer would)."""
    out = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), *(["-gray"] if grey else []), str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    return Image.open(BytesIO(out)).convert("L" if grey else "RGB")


def qr_codes(pdf: Path, page: int | None = None, dpi: int = 150) -> list[str]:
    """The text of every QR code on page ``page`` (on every page when None), in page order, as a
    scanner sees a print: poppler renders in grey, zxing-cpp reads QR codes only.

    Poppler runs in its own process, so reading never shares PDFium with a job the app still runs.
    """
    import zxingcpp

    only = ["-f", str(page), "-l", str(page)] if page is not None else []
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", *only, str(pdf), f"{folder}/p"], check=True)
        pages = sorted(Path(folder).glob("p-*.png"), key=lambda path: int(path.stem.rsplit("-", 1)[1]))
        return [
            code.text
            for image in pages
            for code in zxingcpp.read_barcodes(Image.open(image), formats=zxingcpp.BarcodeFormat.QRCode)
        ]


def dark_pixels(image: Image.Image, box: tuple[int, int, int, int], threshold: int = 160) -> int:
    """Dark pixels inside ``box`` (left, top, right, bottom): is something drawn there?"""
    grey = image.crop(box).convert("L").tobytes()
    return sum(1 for value in grey if value < threshold)


def blue_pixels(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    """Pixels of the signature pad's blue ink inside ``box``; the documents print everything else grey."""
    data = image.crop(box).convert("RGB").tobytes()
    return sum(1 for i in range(0, len(data), 3) if data[i + 2] > 60 and data[i + 2] - data[i] > 30)


def ink_bounds(image: Image.Image, threshold: int = 200) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) of everything darker than ``threshold`` (light grey), or None."""
    return image.convert("L").point(lambda value: 255 if value < threshold else 0).getbbox()


@dataclass(frozen=True)
class Difference:
    mean: float  # mean absolute difference of grey levels, 0–255
    changed: float  # share of pixels differing by more than a quarter of the range


def compare_with_reference(pdf: Path, name: str, page: int = 1) -> Difference:
    """Render ``page`` small and compare it with ``tests/fixtures/reference/<name>.png``.

    With ``NETRALITAS_UPDATE_REFERENCES=1`` the reference is written instead (review the PNG in
    the change: that is the point of keeping it).
    """
    image = render(pdf, page, REFERENCE_DPI, grey=True)
    target = REFERENCES / f"{name}.png"
    if os.environ.get(UPDATE_REFERENCES) == "1" or not target.exists():
        REFERENCES.mkdir(parents=True, exist_ok=True)
        image.save(target, optimize=True)
        if os.environ.get(UPDATE_REFERENCES) != "1":
            raise AssertionError(f"Reference {target.name} was missing and has been written; review and commit it.")
    reference = Image.open(target).convert("L")
    assert reference.size == image.size, f"{name}: page size {image.size}, reference {reference.size}"
    difference = ImageChops.difference(image, reference)
    changed = sum(difference.point(lambda value: 255 if value > 64 else 0).histogram()[255:])
    return Difference(ImageStat.Stat(difference).mean[0], changed / (image.width * image.height))


def assert_like_reference(pdf: Path, name: str, page: int = 1, *, mean: float = 3.0, changed: float = 0.01) -> None:
    found = compare_with_reference(pdf, name, page)
    assert found.mean <= mean and found.changed <= changed, (
        f"{name}: page {page} differs from its reference (mean {found.mean:.2f}, changed {found.changed:.2%}); "
        f"if the change is intended, run with {UPDATE_REFERENCES}=1 and review the new PNG"
    )


NIK_FULL = re.compile(r"(?<!\d)\d{16}(?!\d)")
NIK_MASKED = re.compile(r"(?<![\d*])\d{4}\*{10}\d{2}(?![\d*])")


def full_niks(text: str) -> list[str]:
    return NIK_FULL.findall(text)


__all__ = [
    "NIK_MASKED",
    "Difference",
    "PdfWords",
    "Word",
    "assert_like_reference",
    "blue_pixels",
    "compare_with_reference",
    "dark_pixels",
    "font_sizes",
    "full_niks",
    "ink_bounds",
    "page_numbers",
    "pdf_words",
    "qr_codes",
    "render",
    "smallest_text",
]

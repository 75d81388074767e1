"""A certificate background (a frame designed elsewhere): an image, or the first page of a PDF.

Prepared ONCE per run into a JPEG no sharper than ``DPI`` at the page size, whose bytes
ReportLab embeds as they are (DCT, no re-encoding) — in the merged PDF once, inside the
form XObject every page reuses, and in each per-person file as the same bytes.

A PDF page is rasterised with pypdfium2 (PDFium, as in Chrome; wheels for Windows and
Linux, and ``verify`` needs it anyway to read a certificate PDF's QR code). ReportLab
cannot import a PDF page as vector graphics without pdfrw, which is unmaintained since
2017; at 200 dpi a printed frame is as sharp as the printers offices use.
"""

from __future__ import annotations

import hashlib
import io
import threading
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from ..pdfium import use_pdfium
from .design import BACKGROUND_ASSET, DesignError

DPI = 200
JPEG_QUALITY = 88
MAX_BYTES = 20_000_000
Image.MAX_IMAGE_PIXELS = max(Image.MAX_IMAGE_PIXELS or 0, 120_000_000)


@dataclass(frozen=True)
class PreparedBackground:
    jpeg: bytes
    width_px: int
    height_px: int


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF")


def check_background(data: bytes) -> None:
    """Raise ``DesignError`` (Indonesian) unless ``data`` is a PNG/JPEG image or a PDF."""
    if not data:
        raise DesignError("Berkas latar kosong.")
    if len(data) > MAX_BYTES:
        raise DesignError(f"Berkas latar terlalu besar (lebih dari {MAX_BYTES // 1_000_000} MB).")
    _open(data, (297.0, 210.0), dpi=20)


def set_background(event_id: int, data: bytes, filename: str = "") -> None:
    """Store an event's background after checking it can be read."""
    from ..event_settings import put_asset

    check_background(data)
    put_asset(event_id, BACKGROUND_ASSET, data, filename)


_prepared: dict[tuple[str, tuple[float, ...]], PreparedBackground] = {}
_lock = threading.Lock()


def prepare_background(data: bytes, page_mm: tuple[float, float]) -> PreparedBackground:
    """The background as JPEG bytes at most ``DPI`` at the page size, transparency on white.

    The last few are kept, so the designer's live preview does not rasterise a PDF per redraw.
    """
    key = (hashlib.sha256(data).hexdigest(), tuple(page_mm))
    with _lock:
        prepared = _prepared.get(key)
    if prepared is None:
        prepared = _prepare(data, page_mm)
        with _lock:
            if len(_prepared) >= 4:
                _prepared.pop(next(iter(_prepared)))
            _prepared[key] = prepared
    return prepared


def _prepare(data: bytes, page_mm: tuple[float, float]) -> PreparedBackground:
    image = _open(data, page_mm, dpi=DPI)
    limit = (round(page_mm[0] / 25.4 * DPI), round(page_mm[1] / 25.4 * DPI))
    too_big = image.width > limit[0] * 1.05 or image.height > limit[1] * 1.05
    if not too_big and image.format == "JPEG" and image.mode in ("RGB", "L") and not is_pdf(data):
        return PreparedBackground(data, image.width, image.height)  # already fine: embed as it is
    if too_big:
        image.thumbnail(limit, Image.Resampling.LANCZOS)
    image = _flatten(image)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return PreparedBackground(buffer.getvalue(), image.width, image.height)


def _open(data: bytes, page_mm: tuple[float, float], *, dpi: int) -> Image.Image:
    if is_pdf(data):
        return _render_pdf_page(data, page_mm, dpi)
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as err:
        raise DesignError("Berkas latar bukan gambar PNG/JPEG atau PDF yang bisa dibaca.") from err
    return image


def _render_pdf_page(data: bytes, page_mm: tuple[float, float], dpi: int) -> Image.Image:
    with use_pdfium() as pdfium:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as err:
            raise DesignError("Berkas PDF latar rusak atau dikunci kata sandi.") from err
        try:
            if len(document) < 1:
                raise DesignError("Berkas PDF latar tidak memiliki halaman.")
            page = document[0]
            width_pt, _height_pt = page.get_size()
            # Render so the page's width is the certificate's width at ``dpi``.
            scale = (page_mm[0] / 25.4 * dpi) / width_pt
            image: Image.Image = page.render(scale=scale).to_pil()
            page.close()
            return image
        finally:
            document.close()


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        white = Image.new("RGB", image.size, "white")
        white.paste(image, mask=image.getchannel("A"))
        return white
    return image.convert("RGB") if image.mode not in ("RGB", "L") else image


__all__ = ["DPI", "PreparedBackground", "check_background", "is_pdf", "prepare_background", "set_background"]

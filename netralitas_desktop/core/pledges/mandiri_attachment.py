"""Photos and scans of returned ikrar mandiri forms: checked, and made small enough to keep.

The attachment lives in the database (``IkrarReturn.attachment``) so a copied database or a
PostgreSQL setup carries it to every desk. A phone photo is often 4–12 MB; a form is
readable at A4 and 300 dpi, so a large or unusual image is stored as a JPEG of at most
``MAX_SIDE_PX`` pixels (turned upright by its EXIF orientation). PDFs (scanner output) are
kept as they are, within ``MAX_PDF_BYTES``; a multi-page TIFF from a scanner becomes a PDF.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from ..errors import UserError

MAX_INPUT_BYTES = 25_000_000  # what we read at all
MAX_PDF_BYTES = 10_000_000  # stored as is
MAX_SIDE_PX = 2480  # A4 at 300 dpi
KEEP_AS_IS_BYTES = 2_000_000  # a JPEG/PNG this small and within MAX_SIDE_PX is stored untouched
JPEG_QUALITY = 85
KEPT_FORMATS = ("JPEG", "PNG")

PDF_MIME = "application/pdf"
MIME_BY_FORMAT = {"JPEG": "image/jpeg", "PNG": "image/png"}


class AttachmentError(UserError, ValueError):
    """A file that cannot be attached; the message is for the user."""


@dataclass(frozen=True)
class Attachment:
    """Bytes ready to store: a JPEG, a PNG or a PDF, with the file name to show and save as."""

    data: bytes
    filename: str

    @property
    def is_pdf(self) -> bool:
        return self.data.startswith(b"%PDF-")

    @property
    def mime_type(self) -> str:
        if self.is_pdf:
            return PDF_MIME
        return "image/png" if self.data.startswith(b"\x89PNG") else "image/jpeg"


def load_attachment(path: str | Path) -> Attachment:
    """Read a photo or scan from disk and prepare it (see ``prepare_attachment``)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise AttachmentError(_too_large(size, MAX_INPUT_BYTES))
        data = path.read_bytes()
    except FileNotFoundError:
        raise AttachmentError(f"Berkas {path.name} tidak ditemukan.") from None
    except IsADirectoryError:
        raise AttachmentError(f"{path.name} adalah folder, bukan berkas foto atau pindaian.") from None
    except OSError as err:
        raise AttachmentError(f"Berkas {path.name} tidak dapat dibaca: {err.strerror or err}.") from err
    return prepare_attachment(data, path.name)


def prepare_attachment(data: bytes, filename: str = "") -> Attachment:
    """Check ``data`` is an image or a PDF within the limits; shrink large images to a JPEG."""
    data = bytes(data or b"")
    name = Path(filename or "lampiran").name
    if not data:
        raise AttachmentError("Berkas lampiran kosong.")
    if len(data) > MAX_INPUT_BYTES:
        raise AttachmentError(_too_large(len(data), MAX_INPUT_BYTES))
    if b"%PDF-" in data[:1024]:
        return _prepare_pdf(data, name)
    return _prepare_image(data, name)


def _prepare_pdf(data: bytes, name: str) -> Attachment:
    if len(data) > MAX_PDF_BYTES:
        raise AttachmentError(_too_large(len(data), MAX_PDF_BYTES) + " Pindai ulang dengan resolusi lebih rendah.")
    from ..pdfium import use_pdfium

    with use_pdfium() as pdfium:  # pypdfium2 is bundled; pypdf is for the tests only
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as err:
            raise AttachmentError(f"Berkas {name} bukan PDF yang utuh; pindai atau simpan ulang.") from err
        try:
            pages = len(document)
        finally:
            document.close()
    if not pages:
        raise AttachmentError(f"Berkas PDF {name} tidak berisi halaman.")
    return Attachment(data, _with_suffix(name, ".pdf"))


def _prepare_image(data: bytes, name: str) -> Attachment:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise AttachmentError(f"Gambar {name} terlalu besar (jumlah pikselnya melampaui batas).") from None
    except UnidentifiedImageError:
        raise AttachmentError(
            f"Berkas {name} bukan foto atau pindaian yang dikenali. Lampirkan gambar JPG/PNG atau berkas PDF "
            "(foto HEIC dari iPhone: simpan dulu sebagai JPG)."
        ) from None
    except Exception as err:  # truncated or damaged image data
        raise AttachmentError(f"Gambar {name} rusak atau tidak lengkap; ambil foto atau pindai ulang.") from err
    with image:
        if getattr(image, "n_frames", 1) > 1 and image.format == "TIFF":
            return _tiff_pages_as_pdf(image, name)
        if (
            image.format in KEPT_FORMATS
            and len(data) <= KEEP_AS_IS_BYTES
            and max(image.size) <= MAX_SIDE_PX
            and not _needs_rotation(image)
        ):
            return Attachment(data, _with_suffix(name, ".jpg" if image.format == "JPEG" else ".png"))
        return Attachment(_as_jpeg(image), _with_suffix(name, ".jpg"))


def _needs_rotation(image: Image.Image) -> bool:
    try:
        return image.getexif().get(0x0112, 1) not in (0, 1)  # EXIF Orientation
    except Exception:
        return False


def _upright_rgb(image: Image.Image) -> Image.Image:
    upright = ImageOps.exif_transpose(image) or image
    if upright.mode in ("RGBA", "LA", "P"):
        background = Image.new("RGB", upright.size, "white")  # a transparent scan prints on white
        rgba = upright.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return upright.convert("L" if upright.mode in ("1", "L", "I;16", "I") else "RGB")


def _fit(image: Image.Image) -> Image.Image:
    if max(image.size) > MAX_SIDE_PX:
        image = image.copy()
        image.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX), Image.Resampling.LANCZOS)
    return image


def _as_jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    _fit(_upright_rgb(image)).save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def _tiff_pages_as_pdf(image: Image.Image, name: str) -> Attachment:
    pages = [_fit(_upright_rgb(frame)) for frame in ImageSequence.Iterator(image)]
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=300)
    data = out.getvalue()
    if len(data) > MAX_PDF_BYTES:
        raise AttachmentError(_too_large(len(data), MAX_PDF_BYTES) + " Pindai ulang dengan resolusi lebih rendah.")
    return Attachment(data, _with_suffix(name, ".pdf"))


def _with_suffix(name: str, suffix: str) -> str:
    path = Path(name)
    if path.suffix.lower() == suffix or (suffix == ".jpg" and path.suffix.lower() == ".jpeg"):
        return name
    return f"{path.stem or 'lampiran'}{suffix}"


def _too_large(size: int, limit: int) -> str:
    return f"Berkas lampiran terlalu besar ({size / 1_000_000:.1f} MB; paling besar {limit // 1_000_000} MB)."


__all__ = [
    "MAX_INPUT_BYTES",
    "MAX_PDF_BYTES",
    "MAX_SIDE_PX",
    "Attachment",
    "AttachmentError",
    "load_attachment",
    "prepare_attachment",
]

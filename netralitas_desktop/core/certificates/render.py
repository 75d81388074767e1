"""Drawing certificates from a ``Design``: the live preview and the bulk PDF writer.

For the GUI: ``render_preview_pdf(event_id, design, count=5) -> bytes`` — the first five
eligible holders (or, before anyone attended, the event's participants or a sample
person) through the very code the bulk run uses. ``stamp_box(design)`` is the ``tte`` box
as a ``signing.StampBox``: pass it to ``Signer(..., stamp_box=…)``.

Speed (see bench/bench_certificates.py): everything the same on every page — background,
frame, logo, event texts, signatory blocks with their images — is drawn once into a PDF
form XObject that each page reuses, so a page only adds the holder's lines and its QR
(``documents.qr``: one vector path from zxing-cpp's C++ encoder). Images are encoded once
per run, not per document (``documents.images.PdfImage``), and streams are written binary,
not ASCII85 (``documents.pdf``).
"""

from __future__ import annotations

import datetime as dt
import io
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ..dates import day_and_date, long_date
from ..documents import SANS, SERIF, PageSpec, Paper, PdfTarget, draw_fitted, draw_qr, fit_pdf_text, mm, new_canvas
from ..documents.fit import NO_BREAK_SPACE
from ..documents.images import PdfImage, shrink_image
from ..documents.signatory import draw_signatory
from ..event_settings import get_asset
from ..events import EventData, Signatory, get_event
from .background import PreparedBackground, prepare_background
from .design import (
    HOLDER_PLACEHOLDERS,
    LOGO_ASSET,
    SIGNATURE_ASSETS,
    STAMP_ASSETS,
    Design,
    FieldSpec,
    placeholders_in,
)
from .eligibility import Holder

if TYPE_CHECKING:
    from .signing import StampBox

STATIC_FORM = "CertificateStatic"
MIN_TEXT_PT = 8.0  # nothing smaller on a certificate: long text wraps instead (issue 13)
VERIFY_HINT_SITE = "Pindai kode QR untuk memeriksa keaslian"
VERIFY_HINT_APP = "Keaslian diperiksa dengan aplikasi Netralitas Desktop"


@dataclass(frozen=True)
class CertificateItem:
    """One certificate to draw: its holder, number and QR text."""

    holder: Holder
    number: str
    payload: str


@dataclass
class RenderAssets:
    """The event's images, read once per run (bytes travel to worker processes as they are)."""

    background: PreparedBackground | None = None
    logo: bytes | None = None
    signatures: dict[int, bytes | None] = field(default_factory=dict)
    stamps: dict[int, bytes | None] = field(default_factory=dict)


def load_assets(event_id: int, design: Design) -> RenderAssets:
    background = None
    if design.background:
        data = get_asset(event_id, design.background)
        if data:
            background = prepare_background(data, design.page_size_mm)
    return RenderAssets(
        background=background,
        logo=get_asset(event_id, LOGO_ASSET) if design.field("logo") else None,
        signatures={index: shrink_image(get_asset(event_id, kind)) for index, kind in SIGNATURE_ASSETS.items()},
        stamps={index: shrink_image(get_asset(event_id, kind)) for index, kind in STAMP_ASSETS.items()},
    )


# --- values and templates --------------------------------------------------------------------------------


def jp_text(hours: Decimal | float | int) -> str:
    """``2`` or ``1,5`` (Indonesian decimal comma)."""
    value = Decimal(str(hours or 0)).normalize()
    text = format(value, "f")
    return text.replace(".", ",")


def event_values(event: EventData, verify_url: str = "") -> dict[str, str]:
    """The event's placeholders; dates hold no-break spaces, so a date never breaks across lines."""
    date = event.date or dt.date.today()
    return {
        "event_title": event.title,
        "date": long_date(date).replace(" ", NO_BREAK_SPACE),
        "day_date": day_and_date(date).replace(" ", NO_BREAK_SPACE),
        "jp": jp_text(event.jp_hours),
        "venue": event.venue,
        "place": event.place_name,
        "organizer": event.organizer,
        "instansi": event.instansi,
        "verify_hint": VERIFY_HINT_SITE if verify_url else VERIFY_HINT_APP,
    }


def holder_values(item: CertificateItem) -> dict[str, str]:
    holder = item.holder
    return {
        "name": holder.name,
        "nip": holder.id_text,
        "jabatan": holder.jabatan,
        "unit": holder.unit_kerja,
        "golongan": holder.golongan,
        "number": item.number,
    }


class _Formatter(string.Formatter):
    """Unknown placeholders stay visible as written; ``:upper`` and ``:title`` change case."""

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str) and key in kwargs:
            return kwargs[key]
        return "{" + str(key) + "}"

    def format_field(self, value: object, format_spec: str) -> str:
        text = str(value)
        if format_spec == "upper":
            return text.upper()
        if format_spec == "title":
            return text.title()
        return text


_formatter = _Formatter()


def fill(template: str, values: dict[str, str]) -> str:
    try:
        return " ".join(_formatter.vformat(template, (), values).split())
    except (ValueError, IndexError):
        return template


def is_holder_field(spec: FieldSpec) -> bool:
    """Whether the field changes from one certificate to the next."""
    if spec.key == "qr":
        return True
    if spec.key in ("logo", "signatory1", "signatory2", "tte"):
        return False
    try:
        return any(name in HOLDER_PLACEHOLDERS for name, _ in placeholders_in(spec.template))
    except ValueError:
        return False


# --- drawing ---------------------------------------------------------------------------------------------

_FACES = {
    ("serif", False, False): SERIF.regular,
    ("serif", True, False): SERIF.bold,
    ("serif", False, True): SERIF.italic,
    ("serif", True, True): SERIF.bold_italic,
    ("sans", False, False): SANS.regular,
    ("sans", True, False): SANS.bold,
    ("sans", False, True): SANS.italic,
    ("sans", True, True): SANS.bold_italic,
}


def face(spec: FieldSpec) -> str:
    return _FACES.get((spec.font, spec.bold, spec.italic), SERIF.regular)


class CertificateRenderer:
    """Draws one design for one event; built once per run (and once per worker process)."""

    def __init__(self, event: EventData, design: Design, assets: RenderAssets, verify_url: str = "") -> None:
        design = without_logo_band(design) if not assets.logo else design
        self.event, self.design, self.assets = event, design, assets
        self.page = PageSpec(Paper.parse(design.paper), landscape=design.landscape)
        self.width, self.height = self.page.size
        self.values = event_values(event, verify_url)
        self.static_fields = [spec for spec in design.fields if not is_holder_field(spec)]
        self.holder_fields = [spec for spec in design.fields if is_holder_field(spec) and spec.key != "qr"]
        self.qr = design.field("qr")
        # Encoded once, here; placed into every document as they are.
        background = assets.background
        self.background = PdfImage.from_bytes(background.jpeg, max_pixels=None) if background else None
        self.logo = PdfImage.from_bytes(assets.logo) if assets.logo else None

    def new_canvas(self, target: PdfTarget) -> Canvas:
        canvas = new_canvas(
            target,
            self.page,
            title=f"Sertifikat \u2013 {self.event.title}",
            subject="Sertifikat",
            author=self.event.organizer or self.event.instansi,
            initial_font=SANS.regular,
        )
        self._define_static(canvas)
        return canvas

    def draw(self, canvas: Canvas, item: CertificateItem, qr_operators: tuple[int, str] | None = None) -> None:
        """One certificate on the current page (the caller ends the page); ``qr_operators``
        may come ready from ``documents.qr.qr_operators`` in a worker process."""
        canvas.doForm(STATIC_FORM)
        values = {**self.values, **holder_values(item)}
        for spec in self.holder_fields:
            self._draw_text(canvas, spec, fill(spec.template, values))
        if self.qr is not None:
            size = self.qr.width_mm * mm
            x, top = self.qr.x_mm * mm, self.height - self.qr.y_mm * mm
            draw_qr(canvas, item.payload, x, top - size, size, operators=qr_operators)

    def _define_static(self, canvas: Canvas) -> None:
        canvas.beginForm(STATIC_FORM, 0, 0, self.width, self.height)
        if self.background is not None:
            self.background.draw(canvas, 0, 0, self.width, self.height)
        if self.design.frame:
            draw_frame(canvas, self.width, self.height)
        for spec in self.static_fields:
            if spec.key == "logo":
                self._draw_logo(canvas, spec)
            elif spec.key == "tte":
                continue  # left empty for a digital signature's visible stamp
            elif spec.key in ("signatory1", "signatory2"):
                self._draw_signatory(canvas, spec, int(spec.key[-1]))
            else:
                self._draw_text(canvas, spec, fill(spec.template, self.values))
        canvas.endForm()

    def _draw_text(self, canvas: Canvas, spec: FieldSpec, text: str) -> None:
        if not text:
            return
        font = face(spec)
        width = spec.width_mm * mm
        fitted = fit_pdf_text(
            text,
            font,
            width,
            max_size=max(spec.size_pt, MIN_TEXT_PT),
            min_size=max(spec.min_size_pt, MIN_TEXT_PT),
            max_lines=spec.max_lines,
            max_height=spec.height_mm * mm or None,
        )
        top = self.height - spec.y_mm * mm
        if spec.height_mm:  # a box of fixed height: the text sits in its middle, however many lines
            top -= max(0.0, (spec.height_mm * mm - fitted.height) / 2)
        canvas.setFillColor(HexColor(spec.color))
        draw_fitted(canvas, fitted, font, spec.x_mm * mm, top, width, align=spec.align)

    def _draw_logo(self, canvas: Canvas, spec: FieldSpec) -> None:
        if self.logo is None:
            return
        box_width, box_height = spec.width_mm * mm, (spec.height_mm or spec.width_mm) * mm
        self.logo.draw_fitted(canvas, spec.x_mm * mm, self.height - spec.y_mm * mm - box_height, box_width, box_height)

    def _draw_signatory(self, canvas: Canvas, spec: FieldSpec, index: int) -> None:
        signatory: Signatory = getattr(self.event, f"signatory{index}")
        if signatory.is_empty:
            return
        canvas.saveState()
        canvas.setFillColor(HexColor(spec.color))
        draw_signatory(
            canvas,
            signatory,
            spec.x_mm * mm,
            self.height - spec.y_mm * mm,
            spec.width_mm * mm,
            place_date=fill(spec.template, self.values),
            signature=self.assets.signatures.get(index),
            stamp=self.assets.stamps.get(index),
            family=SERIF if spec.font == "serif" else SANS,
            size=max(spec.size_pt, MIN_TEXT_PT),
        )
        canvas.restoreState()


NAVY, GOLD = HexColor("#1B3A6B"), HexColor("#A8862F")


def draw_frame(canvas: Canvas, width: float, height: float) -> None:
    """The built-in border: a navy rule, a thin gold one inside it, gold corner diamonds."""
    canvas.saveState()
    outer, inner = 8 * mm, 11 * mm
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(2.4)
    canvas.rect(outer, outer, width - 2 * outer, height - 2 * outer, stroke=1, fill=0)
    canvas.setLineWidth(0.5)
    canvas.rect(
        outer + 1.6 * mm,
        outer + 1.6 * mm,
        width - 2 * outer - 3.2 * mm,
        height - 2 * outer - 3.2 * mm,
        stroke=1,
        fill=0,
    )
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.9)
    canvas.rect(inner, inner, width - 2 * inner, height - 2 * inner, stroke=1, fill=0)
    canvas.setFillColor(GOLD)
    for x, y in ((inner, inner), (width - inner, inner), (inner, height - inner), (width - inner, height - inner)):
        _diamond(canvas, x, y, 2.6 * mm)
    for x in (width / 2 - 14 * mm, width / 2 + 14 * mm):  # a small ornament on the top and bottom rules
        _diamond(canvas, x, height - inner, 1.2 * mm)
        _diamond(canvas, x, inner, 1.2 * mm)
    _diamond(canvas, width / 2, height - inner, 2 * mm)
    _diamond(canvas, width / 2, inner, 2 * mm)
    canvas.restoreState()


def _diamond(canvas: Canvas, x: float, y: float, radius: float) -> None:
    path = canvas.beginPath()
    path.moveTo(x, y + radius)
    path.lineTo(x + radius, y)
    path.lineTo(x, y - radius)
    path.lineTo(x - radius, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def stamp_box(design: Design) -> StampBox | None:
    """``signing.StampBox`` of the design's ``tte`` box (where a digital signature's visible stamp
    or BSrE's goes), or None when the design has no such box (signing's default corner)."""
    spec = design.field("tte")
    if spec is None:
        return None
    from .signing import StampBox

    page_width, page_height = design.page_size_mm
    height = spec.height_mm or 16.0
    return StampBox(
        width_mm=spec.width_mm,
        height_mm=height,
        right_mm=page_width - spec.x_mm - spec.width_mm,
        bottom_mm=page_height - spec.y_mm - height,
    )


def without_logo_band(design: Design) -> Design:
    """The design as printed without a logo: what stood below the logo box moves up into its
    place, most near the top and less towards the signatures, so no empty band is left."""
    logo = design.field("logo")
    if logo is None:
        return design
    top, bottom = logo.y_mm, logo.y_mm + (logo.height_mm or logo.width_mm)
    anchors = [spec.y_mm for spec in design.fields if spec.key in ("signatory1", "signatory2", "qr")]
    floor = min((y for y in anchors if y > bottom), default=design.page_size_mm[1])
    lift = bottom - top
    fields = []
    for spec in design.fields:
        if spec.key == "logo" or not bottom - 1 <= spec.y_mm < floor:
            fields.append(spec)
            continue
        share = 1 - (spec.y_mm - bottom) / (floor - bottom) if floor > bottom else 0
        fields.append(replace(spec, y_mm=round(spec.y_mm - lift * max(0.0, min(1.0, share)), 2)))
    return replace(design, fields=fields)


def render_pdf_bytes(renderer: CertificateRenderer, items: list[CertificateItem]) -> bytes:
    buffer = io.BytesIO()
    canvas = renderer.new_canvas(buffer)
    for item in items:
        renderer.draw(canvas, item)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_preview_pdf(event_id: int, design: Design, count: int = 5) -> bytes:
    """A PDF of the first ``count`` certificates as the bulk run would make them (nothing saved)."""
    from .items import preview_items

    event = get_event(event_id)
    from .site import site_url

    renderer = CertificateRenderer(event, design, load_assets(event_id, design), site_url())
    return render_pdf_bytes(renderer, preview_items(event_id, event, design, count))


__all__ = [
    "CertificateItem",
    "CertificateRenderer",
    "RenderAssets",
    "draw_frame",
    "event_values",
    "fill",
    "holder_values",
    "jp_text",
    "load_assets",
    "render_pdf_bytes",
    "render_preview_pdf",
    "stamp_box",
]

"""A certificate's design: paper, background and fields placed in millimetres.

The designer (GUI) edits a ``Design``; ``render.py`` draws it. Contract for the GUI:

- ``Design``: ``paper`` ("A4"/"F4"), ``landscape``, ``background`` (asset kind in
  ``core/event_settings``, e.g. ``BACKGROUND_ASSET``, or None), ``frame`` (the built-in
  border, for designs without a background), ``number_format`` / ``number_start`` (see
  ``numbering.py``) and ``fields``. The QR's verification address is the instansi's, not the
  design's (``site.site_url``).
- ``FieldSpec``: ``key``, box at ``x_mm``/``y_mm`` (its TOP-LEFT corner, measured from the
  page's top-left corner, as seen on screen), ``width_mm``, ``height_mm`` (QR: ignored, the
  code is ``width_mm`` square; logo: box height; text: 0 = as many lines as ``max_lines``
  from the top, else the lines centred in that height),
  ``font`` ("serif"/"sans"), ``bold``, ``italic``, ``size_pt`` shrinking to ``min_size_pt``
  for long text, ``max_lines``, ``color`` ("#RRGGBB"), ``align`` (left/center/right) and
  ``text``: a template with placeholders such as ``{name}`` or ``{event_title:upper}``.
- Keys: text fields ``name, nip, jabatan, unit, golongan, event_title, date, day_date, jp,
  number, venue, place, organizer, instansi`` (empty ``text`` prints ``{key}``); free text
  ``text``, ``text_2``…; ``signatory1``/``signatory2`` (the event's signatory with signature
  and stamp images; ``text`` is the line above, e.g. ``{place}, {date}``); ``qr``; ``logo``;
  ``tte``: a box left empty for the visible stamp of a digital signature (``render.stamp_box``).

Designs are stored per event (``load_design`` / ``save_design``) and exported as JSON
templates (``export_template`` / ``import_template`` carry the background too).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import string
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypedDict, Unpack

from ..documents import Paper, PaperError
from ..errors import UserError
from ..event_settings import asset_filename, get_asset, get_setting, put_asset, set_setting

DESIGN_SETTING = "certificate_design"  # event setting: the design as JSON
BACKGROUND_ASSET = "certificate_background"  # event asset: PNG/JPEG image or a PDF (first page)
LOGO_ASSET = "logo"
SIGNATURE_ASSETS = {1: "signatory1_signature", 2: "signatory2_signature"}
STAMP_ASSETS = {1: "signatory1_stamp", 2: "signatory2_stamp"}
TEMPLATE_KIND = "netralitas-certificate-design"
TEMPLATE_VERSION = 1
DEFAULT_NUMBER_FORMAT = "800/{seq:04d}/SERT/{year}"  # a design made without an event
OLD_DEFAULT_NUMBER_FORMAT = "800/{seq:04d}/SERT-{event}/{year}"  # before: printed a database id

# Placeholder -> label (shown in the designer). Holder placeholders change per certificate.
HOLDER_PLACEHOLDERS = {
    "name": "Nama dengan gelar",
    "nip": "NIP/NIK (dengan label)",
    "jabatan": "Jabatan",
    "unit": "Unit kerja",
    "golongan": "Pangkat/golongan",
    "number": "Nomor sertifikat",
}
EVENT_PLACEHOLDERS = {
    "event_title": "Nama kegiatan",
    "date": "Tanggal kegiatan",
    "day_date": "Hari dan tanggal",
    "jp": "Jumlah JP",
    "venue": "Tempat kegiatan",
    "place": "Kota (tanggal surat)",
    "organizer": "Penyelenggara",
    "instansi": "Instansi",
    "verify_hint": "Petunjuk pemeriksaan keaslian",
}
PLACEHOLDERS = {**HOLDER_PLACEHOLDERS, **EVENT_PLACEHOLDERS}
SPECIAL_KEYS = {
    "qr": "Kode QR verifikasi",
    "logo": "Logo instansi",
    "signatory1": "Penanda tangan 1",
    "signatory2": "Penanda tangan 2",
    "tte": "Ruang tanda tangan elektronik (TTE)",
}
FORMAT_SPECS = ("", "upper", "title")
FONTS = ("serif", "sans")
ALIGNS = ("left", "center", "right")
_FREE_TEXT = re.compile(r"text(_\d+)?$")
_COLOR = re.compile(r"#[0-9a-fA-F]{6}$")


class DesignError(UserError, ValueError):
    """A design or template file that cannot be used; the message is for the user."""


@dataclass
class FieldSpec:
    key: str
    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float = 0.0
    text: str = ""
    font: str = "serif"
    bold: bool = False
    italic: bool = False
    size_pt: float = 12.0
    min_size_pt: float = 8.0
    max_lines: int = 1
    color: str = "#000000"
    align: str = "center"

    @property
    def template(self) -> str:
        """What the field prints: its text, or ``{key}`` for a data field left empty."""
        if self.text or self.key not in PLACEHOLDERS:
            return self.text
        return "{" + self.key + "}"

    @property
    def is_text(self) -> bool:
        return self.key not in ("qr", "logo", "tte")


@dataclass
class Design:
    paper: str = "A4"
    landscape: bool = True
    background: str | None = None
    frame: bool = True
    number_format: str = DEFAULT_NUMBER_FORMAT
    number_start: int = 1
    fields: list[FieldSpec] = field(default_factory=list)

    @property
    def page_size_mm(self) -> tuple[float, float]:
        paper = Paper.parse(self.paper)
        short, long = paper.width_mm, paper.height_mm
        return (long, short) if self.landscape else (short, long)

    def field(self, key: str) -> FieldSpec | None:
        return next((spec for spec in self.fields if spec.key == key), None)


NAVY, GOLD, DARK = "#1B3A6B", "#8C6D1F", "#222222"
QR_SIZE_MM = 44.0  # with its quiet zone: reads from a 100-dpi, blurred, JPEG-60 image (test_certificate_qr)


def organizer_code(organizer: str) -> str:
    """``BKPSDM`` from "BKPSDM Kabupaten Sukamakmur", ``BKD`` from "Badan Kepegawaian Daerah
    Kabupaten …": the unit's short name for certificate numbers, ``SERT`` when there is none."""
    words = (organizer or "").replace(",", " ").split()
    for word in words:
        letters = word.strip("().")
        if len(letters) >= 2 and letters.isalpha() and letters.isupper():
            return letters
    initials = []
    for word in words:
        if word.casefold() in ("kabupaten", "kota", "provinsi", "pemerintah"):
            break
        if word[:1].isupper():
            initials.append(word[0])
    return "".join(initials) if len(initials) >= 2 else "SERT"


def default_number_format(organizer: str = "") -> str:
    """``800/{seq:04d}/BKPSDM/{year}``: 800 is the kepegawaian classification of tata naskah dinas."""
    return "800/{seq:04d}/" + organizer_code(organizer) + "/{year}"


class _Face(TypedDict):
    font: str
    color: str


class _FieldOptions(TypedDict, total=False):
    """``FieldSpec``'s keywords after the box, for the default design's helper."""

    height_mm: float
    text: str
    font: str
    bold: bool
    italic: bool
    size_pt: float
    min_size_pt: float
    max_lines: int
    color: str
    align: str


def default_design(paper: str = "A4", organizer: str = "") -> Design:
    """A landscape certificate that looks finished without a background: a double border, the
    logo if the event has one, SERTIFIKAT, the holder, the event, signatories and a QR code that a
    phone reads. Two families (serif for what is read first, sans for the rest), nothing under 8 pt."""
    width = Paper.parse(paper).height_mm
    middle = width / 2
    wide = width - 70  # text column, 35 mm from each side

    def centred(key: str, y: float, column: float = wide, **options: Unpack[_FieldOptions]) -> FieldSpec:
        return FieldSpec(key, round(middle - column / 2, 1), y, column, **options)

    sans: _Face = {"font": "sans", "color": DARK}
    sign_width, sign_top = 95, 142
    return Design(
        paper=Paper.parse(paper).label,
        landscape=True,
        number_format=default_number_format(organizer),
        fields=[
            FieldSpec("logo", round(middle - 10, 1), 15, 20, 20),
            centred("text", 37, text="{instansi:upper}", bold=True, size_pt=12, min_size_pt=9, **sans),
            centred("text_2", 44, text="SERTIFIKAT", bold=True, size_pt=36, min_size_pt=28, color=NAVY),
            centred("number", 59, text="Nomor: {number}", size_pt=10.5, min_size_pt=8, **sans),
            centred("text_3", 67, text="diberikan kepada", size_pt=12, **sans),
            centred("name", 74, height_mm=13.5, bold=True, size_pt=26, min_size_pt=14, max_lines=2, color="#000000"),
            centred("nip", 89, size_pt=11.5, min_size_pt=9, **sans),
            centred("unit", 95, height_mm=9, size_pt=10.5, min_size_pt=8, max_lines=2, **sans),
            centred("text_4", 105, text="Sebagai peserta pada kegiatan", size_pt=12.5, **sans),
            centred("event_title", 112, height_mm=13, bold=True, size_pt=15, min_size_pt=11, max_lines=2, color=NAVY),
            centred(
                "text_5",
                126,
                text="yang diselenggarakan oleh {organizer} pada {day_date} di {venue}, "
                "dengan beban {jp} jam pelajaran (JP).",
                height_mm=10,
                size_pt=11,
                min_size_pt=9,
                max_lines=2,
                **sans,
            ),
            FieldSpec("signatory2", 22, sign_top, sign_width, text="Mengetahui,", size_pt=11, **sans),
            FieldSpec(
                "signatory1", width - 22 - sign_width, sign_top, sign_width, text="{place}, {date}", size_pt=11, **sans
            ),
            FieldSpec("qr", round(middle - QR_SIZE_MM / 2, 1), sign_top, QR_SIZE_MM),
            centred("text_6", sign_top + QR_SIZE_MM + 0.5, 62, text="{verify_hint}", size_pt=8, max_lines=2, **sans),
            FieldSpec("tte", round(width - 22 - sign_width / 2 - 30, 1), sign_top + 11, 60, 17),
        ],
    )


# --- storage ---------------------------------------------------------------------------------------------


def load_design(event_id: int) -> Design:
    """The event's design, or the default on the event's paper when none was saved. A design still
    numbering with the old default (``SERT-{event}``, a database id) gets the organiser's format
    until its first number is given."""
    stored = get_setting(event_id, DESIGN_SETTING)
    if stored is not None:
        try:
            design = design_from_dict(stored)
        except DesignError:
            stored = None
    if stored is None:
        return default_design(_event_paper(event_id), _organizer(event_id))
    if design.number_format.strip() == OLD_DEFAULT_NUMBER_FORMAT:
        from .models import CertificateRegister

        if not CertificateRegister.select().where(CertificateRegister.event_id == event_id).exists():
            design = replace(design, number_format=default_number_format(_organizer(event_id)))
    return design


def save_design(event_id: int, design: Design) -> None:
    problems = validate_design(design)
    if problems:
        raise DesignError(" ".join(problems))
    set_setting(event_id, DESIGN_SETTING, design_to_dict(design))


def _organizer(event_id: int) -> str:
    from ..models import Event

    return Event.select(Event.organizer).where(Event.id == event_id).scalar() or ""


def _event_paper(event_id: int) -> str:
    from ..event_settings import PAPER

    paper = get_setting(event_id, PAPER, "A4")
    try:
        return Paper.parse(paper).label
    except PaperError:
        return "A4"


# --- JSON templates --------------------------------------------------------------------------------------


def design_to_dict(design: Design) -> dict[str, Any]:
    return asdict(design)


def design_from_dict(data: object) -> Design:
    """A design from its dict; unknown keys are ignored, wrong types are a ``DesignError``."""
    if not isinstance(data, dict):
        raise DesignError("Isi templat sertifikat tidak dikenali.")
    try:
        options = {f.name: data[f.name] for f in fields(Design) if f.name in data and f.name != "fields"}
        specs = []
        for item in data.get("fields") or []:
            if not isinstance(item, dict):
                raise TypeError
            known = {f.name: item[f.name] for f in fields(FieldSpec) if f.name in item}
            spec = FieldSpec(**known)
            for name in ("x_mm", "y_mm", "width_mm", "height_mm", "size_pt", "min_size_pt"):
                setattr(spec, name, float(getattr(spec, name)))
            spec.max_lines, spec.bold, spec.italic = int(spec.max_lines), bool(spec.bold), bool(spec.italic)
            specs.append(spec)
        design = Design(**options, fields=specs)
        design.number_start = int(design.number_start)
        design.landscape, design.frame = bool(design.landscape), bool(design.frame)
    except (TypeError, ValueError, KeyError) as err:
        raise DesignError(
            f"Templat sertifikat rusak atau bukan templat sertifikat ({err or 'isi tidak sesuai'})."
        ) from err
    problems = validate_design(design)
    if problems:
        raise DesignError("Templat sertifikat tidak bisa dipakai: " + " ".join(problems))
    return design


def design_to_json(design: Design, *, background: bytes | None = None, background_name: str = "") -> str:
    """A template file's text; the background (if given) travels inside as base64."""
    payload = {"kind": TEMPLATE_KIND, "version": TEMPLATE_VERSION, "design": design_to_dict(design)}
    if background:
        payload["background"] = {"filename": background_name, "data": base64.b64encode(background).decode("ascii")}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def design_from_json(text: str) -> Design:
    return _read_template(text)[0]


def _read_template(text: str) -> tuple[Design, tuple[bytes, str] | None]:
    try:
        payload = json.loads(text)
    except (ValueError, TypeError) as err:
        raise DesignError("Berkas ini bukan templat sertifikat (bukan JSON yang sah).") from err
    if not isinstance(payload, dict) or payload.get("kind") != TEMPLATE_KIND:
        raise DesignError("Berkas ini bukan templat sertifikat Netralitas Desktop.")
    if not isinstance(payload.get("version"), int) or payload["version"] > TEMPLATE_VERSION:
        raise DesignError("Templat ini dibuat oleh versi aplikasi yang lebih baru; perbarui aplikasi dahulu.")
    design = design_from_dict(payload.get("design"))
    background = payload.get("background")
    if background:
        try:
            data = base64.b64decode(background["data"], validate=True)
        except (KeyError, TypeError, binascii.Error) as err:
            raise DesignError("Gambar latar di dalam templat rusak.") from err
        return design, (data, str(background.get("filename") or ""))
    return design, None


def export_template(event_id: int, path: str | Path) -> Path:
    """Write the event's design (with its background) to a template file."""
    from ..documents import atomic_output

    design = load_design(event_id)
    background = get_asset(event_id, design.background) if design.background else None
    name = asset_filename(event_id, design.background) if design.background and background else ""
    path = Path(path)
    with atomic_output(path) as temp:
        temp.write_text(design_to_json(design, background=background, background_name=name or ""), encoding="utf-8")
    return path


def import_template(event_id: int, path: str | Path) -> Design:
    """Read a template file into the event: its design and its background."""
    from .background import check_background

    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise DesignError("Berkas ini bukan templat sertifikat (bukan teks JSON).") from err
    except OSError as err:
        raise DesignError(f"Berkas templat tidak bisa dibaca: {err.strerror or err}.") from err
    design, background = _read_template(text)
    if background:
        check_background(background[0])
        design = replace(design, background=BACKGROUND_ASSET)
        put_asset(event_id, BACKGROUND_ASSET, background[0], background[1])
    elif design.background:
        design = replace(design, background=design.background if get_asset(event_id, design.background) else None)
    save_design(event_id, design)
    return design


# --- checks ----------------------------------------------------------------------------------------------


def placeholders_in(template: str) -> list[tuple[str, str]]:
    """(name, format spec) of each ``{…}`` in ``template``; raises ValueError on a broken brace."""
    found = []
    for _literal, name, spec, _conversion in string.Formatter().parse(template):
        if name is not None:
            found.append((name, spec or ""))
    return found


def validate_design(design: Design) -> list[str]:
    """Problems that make a design unusable (Indonesian): paper, keys, colours, boxes, templates."""
    from .numbering import number_format_problem

    problems: list[str] = []
    try:
        page_width, page_height = design.page_size_mm
    except PaperError as err:
        return [str(err)]
    problem = number_format_problem(design.number_format)
    if problem:
        problems.append(problem)
    if design.number_start < 1:
        problems.append("Nomor urut awal sertifikat harus 1 atau lebih.")
    keys = [spec.key for spec in design.fields]
    for key in sorted({key for key in keys if keys.count(key) > 1}):
        problems.append(f"Kolom '{key}' muncul lebih dari sekali.")
    for spec in design.fields:
        label = field_label(spec.key)
        if spec.key not in PLACEHOLDERS and spec.key not in SPECIAL_KEYS and not _FREE_TEXT.match(spec.key):
            problems.append(f"Kolom '{spec.key}' tidak dikenal.")
            continue
        if (
            spec.width_mm <= 0
            or spec.x_mm < 0
            or spec.y_mm < 0
            or spec.x_mm + spec.width_mm > page_width + 0.01
            or spec.y_mm > page_height
        ):
            problems.append(f"{label} berada di luar kertas.")
        if not _COLOR.match(spec.color or ""):
            problems.append(f"Warna {label} harus berbentuk #RRGGBB.")
        if spec.font not in FONTS or spec.align not in ALIGNS:
            problems.append(f"Huruf atau perataan {label} tidak dikenal.")
        if spec.size_pt <= 0 or spec.min_size_pt <= 0 or spec.min_size_pt > spec.size_pt or spec.max_lines < 1:
            problems.append(f"Ukuran huruf {label} tidak sah (minimum harus di antara 1 dan ukuran huruf).")
        try:
            placeholders_in(spec.text)
        except ValueError:
            problems.append(f"Teks {label} berisi kurung kurawal yang tidak berpasangan.")
    return problems


def field_label(key: str) -> str:
    if key in PLACEHOLDERS:
        return f"kolom {PLACEHOLDERS[key]}"
    if key in SPECIAL_KEYS:
        return SPECIAL_KEYS[key]
    return f"teks bebas '{key}'"


def unknown_placeholders(design: Design) -> list[str]:
    """Placeholders in the design's texts that the certificate cannot fill, e.g. ``{nama_lengkap}``."""
    unknown: list[str] = []
    for spec in design.fields:
        try:
            found = placeholders_in(spec.template)
        except ValueError:
            continue
        for name, spec_text in found:
            text = "{" + name + (f":{spec_text}" if spec_text else "") + "}"
            if (name not in PLACEHOLDERS or spec_text not in FORMAT_SPECS) and text not in unknown:
                unknown.append(text)
    return unknown


def check_design(event_id: int, design: Design) -> list[str]:
    """Everything to fix or know before a bulk run (Indonesian): broken design, unknown
    placeholders, missing event data or images, nobody eligible, number clashes."""
    from .checks import design_warnings

    return design_warnings(event_id, design)


__all__ = [
    "BACKGROUND_ASSET",
    "DEFAULT_NUMBER_FORMAT",
    "DESIGN_SETTING",
    "EVENT_PLACEHOLDERS",
    "HOLDER_PLACEHOLDERS",
    "LOGO_ASSET",
    "PLACEHOLDERS",
    "SIGNATURE_ASSETS",
    "SPECIAL_KEYS",
    "STAMP_ASSETS",
    "Design",
    "DesignError",
    "FieldSpec",
    "check_design",
    "default_design",
    "default_number_format",
    "design_from_dict",
    "design_from_json",
    "design_to_dict",
    "design_to_json",
    "export_template",
    "field_label",
    "import_template",
    "load_design",
    "organizer_code",
    "placeholders_in",
    "save_design",
    "unknown_placeholders",
    "validate_design",
]

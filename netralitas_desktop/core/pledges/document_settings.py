"""Per-event options of the pledge documents and the attendance list.

Stored with ``core/event_settings`` (JSON options, image assets), so an event carries its
own wording, form fields, kop surat and signatory images, and a backup holds them all.
An option never set reads as the default, so a new event prints sensibly at once.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from typing import Any

from PIL import Image

from .. import audit
from ..documents import Letterhead, Paper, PaperError
from ..errors import UserError
from ..event_settings import (
    LETTERHEAD,
    MASK_NIK,
    PAPER,
    delete_asset,
    event_exists,
    get_asset,
    get_setting,
    nik_masked,
    put_asset,
    set_setting,
)
from ..events import NotFoundError, ValidationError
from ..models import db
from .pledge_text import default_non_asn_text, default_pledge_text, default_sheet_text, unknown_variables

# Option keys of this feature (event_settings holds the shared ones: PAPER, LETTERHEAD).
PLEDGE_FORM = "pledge_form"  # {"title", "text", "non_asn_title", "non_asn_text", "fields": [...], "meterai"}
PLEDGE_SHEET = "pledge_sheet"  # {"title", "text"}

# Asset kinds (bytes in event_settings): the kop's logo and the first signatory's images.
LOGO = "logo"
SIGNATORY_SIGNATURE = "signatory1_signature"
SIGNATORY_STAMP = "signatory1_stamp"
IMAGE_ASSETS = {
    LOGO: "Logo kop surat",
    SIGNATORY_SIGNATURE: "Tanda tangan penanda tangan",
    SIGNATORY_STAMP: "Stempel/cap dinas",
}
MAX_IMAGE_BYTES = 5_000_000
MAX_TEXT = 3000  # still one page at 8 pt with a kop and six fields

DEFAULT_PLEDGE_TITLE = "PAKTA INTEGRITAS NETRALITAS APARATUR SIPIL NEGARA"
DEFAULT_NON_ASN_TITLE = "PAKTA INTEGRITAS NETRALITAS PEGAWAI NON-ASN"
NON_ASN_TYPES = ("PPNPN", "NON_ASN")  # employment types that sign the non-ASN form
DEFAULT_SHEET_TITLE = "IKRAR NETRALITAS APARATUR SIPIL NEGARA"

# The person's data on the form, in the order offered; the label is editable per event.
FIELD_LABELS = {
    "nama": "Nama",
    "nip": "NIP",  # printed as "NIK" for someone without a NIP (non-ASN)
    "pangkat": "Pangkat/Golongan",
    "jabatan": "Jabatan",
    "unit_kerja": "Unit Kerja",
    "instansi": "Instansi",
}
DEFAULT_FIELDS = ("nama", "nip", "pangkat", "jabatan", "unit_kerja")


@dataclass(frozen=True)
class FormField:
    key: str  # one of FIELD_LABELS
    label: str


@dataclass(frozen=True)
class DocumentSettings:
    pledge_title: str = DEFAULT_PLEDGE_TITLE
    pledge_text: str = field(default_factory=default_pledge_text)
    fields: tuple[FormField, ...] = tuple(FormField(key, FIELD_LABELS[key]) for key in DEFAULT_FIELDS)
    meterai: bool = False
    non_asn_title: str = DEFAULT_NON_ASN_TITLE
    non_asn_text: str = field(default_factory=default_non_asn_text)
    sheet_title: str = DEFAULT_SHEET_TITLE
    sheet_text: str = field(default_factory=default_sheet_text)
    paper: Paper = Paper.A4
    letterhead_lines: tuple[str, ...] = ()
    letterhead_address: str = ""
    mask_nik: bool = True  # NIKs masked on lists, exports and certificates (event_settings.MASK_NIK)

    def with_changes(self, **changes: Any) -> DocumentSettings:
        return replace(self, **changes)


def load_document_settings(event_id: int) -> DocumentSettings:
    if not event_exists(event_id):
        raise NotFoundError(f"Kegiatan nomor {event_id} tidak ditemukan.")
    form = get_setting(event_id, PLEDGE_FORM, {}) or {}
    sheet = get_setting(event_id, PLEDGE_SHEET, {}) or {}
    letterhead = get_setting(event_id, LETTERHEAD, {}) or {}
    defaults = DocumentSettings()
    try:
        paper = Paper.parse(get_setting(event_id, PAPER, "A4") or "A4")
    except PaperError:
        paper = Paper.A4
    fields = tuple(
        FormField(item["key"], str(item.get("label") or FIELD_LABELS[item["key"]]))
        for item in form.get("fields", ())
        if item.get("key") in FIELD_LABELS
    )
    return DocumentSettings(
        pledge_title=form.get("title") or defaults.pledge_title,
        pledge_text=form.get("text") or defaults.pledge_text,
        fields=fields or defaults.fields,
        meterai=bool(form.get("meterai", False)),
        non_asn_title=form.get("non_asn_title") or defaults.non_asn_title,
        non_asn_text=form.get("non_asn_text") or defaults.non_asn_text,
        sheet_title=sheet.get("title") or defaults.sheet_title,
        sheet_text=sheet.get("text") or defaults.sheet_text,
        paper=paper,
        letterhead_lines=tuple(str(line) for line in letterhead.get("lines", ()) if str(line).strip()),
        letterhead_address=str(letterhead.get("address", "")),
        mask_nik=nik_masked(event_id),
    )


def validate_settings(settings: DocumentSettings) -> dict[str, str]:
    """Field -> message (Bahasa Indonesia); empty when the settings can be saved."""
    errors: dict[str, str] = {}
    titles = (
        ("pledge_title", "Judul pakta integritas"),
        ("non_asn_title", "Judul pakta integritas non-ASN"),
        ("sheet_title", "Judul lembar ikrar"),
    )
    for name, label in titles:
        if len(getattr(settings, name).strip()) > 200:
            errors[name] = f"{label} paling banyak 200 karakter."
    texts = (
        ("pledge_text", "Teks pakta integritas"),
        ("non_asn_text", "Teks pakta integritas non-ASN"),
        ("sheet_text", "Teks ikrar bersama"),
    )
    for name, label in texts:
        text = getattr(settings, name)
        if len(text) > MAX_TEXT:
            errors[name] = f"{label} paling banyak 3.000 karakter agar muat di satu halaman."
        unknown = unknown_variables(text)
        if unknown:
            names = ", ".join("{" + name + "}" for name in unknown)
            errors.setdefault(
                name,
                f"{label} memuat variabel yang tidak dikenal: {names}. Periksa ejaannya atau hapus kurung kurawalnya.",
            )
    keys = [item.key for item in settings.fields]
    if "nama" not in keys:
        errors["fields"] = "Isian Nama wajib ada pada formulir."
    elif len(set(keys)) != len(keys):
        errors["fields"] = "Setiap isian hanya boleh muncul satu kali."
    elif any(not item.label.strip() for item in settings.fields):
        errors["fields"] = "Label isian tidak boleh kosong."
    if len(settings.letterhead_lines) > 5:
        errors["letterhead_lines"] = "Kop surat paling banyak 5 baris nama."
    return errors


def save_document_settings(event_id: int, settings: DocumentSettings, *, actor: audit.Actor | None = None) -> None:
    """Store the options; texts equal to the defaults are stored empty, so new defaults reach them."""
    errors = validate_settings(settings)
    if errors:
        raise ValidationError(errors)
    if not event_exists(event_id):
        raise NotFoundError(f"Kegiatan nomor {event_id} tidak ditemukan.")
    defaults = DocumentSettings()

    def unless_default(value: str, default: str) -> str:
        return "" if value.strip() == default.strip() else value.strip()

    form = {
        "title": unless_default(settings.pledge_title, defaults.pledge_title),
        "text": unless_default(settings.pledge_text, defaults.pledge_text),
        "non_asn_title": unless_default(settings.non_asn_title, defaults.non_asn_title),
        "non_asn_text": unless_default(settings.non_asn_text, defaults.non_asn_text),
        "fields": [{"key": item.key, "label": item.label.strip()} for item in settings.fields],
        "meterai": settings.meterai,
    }
    sheet = {
        "title": unless_default(settings.sheet_title, defaults.sheet_title),
        "text": unless_default(settings.sheet_text, defaults.sheet_text),
    }
    lines = [line.strip() for line in settings.letterhead_lines if line.strip()]
    letterhead = {"lines": lines, "address": settings.letterhead_address.strip()} if lines else None
    with db.atomic():
        set_setting(event_id, PLEDGE_FORM, form)
        set_setting(event_id, PLEDGE_SHEET, sheet)
        set_setting(event_id, PAPER, settings.paper.label)
        set_setting(event_id, LETTERHEAD, letterhead)
        set_setting(event_id, MASK_NIK, None if settings.mask_nik else False)  # masked unless switched off
        audit.record("documents.settings", actor=actor, event_id=event_id, mask_nik=settings.mask_nik)


class ImageError(UserError, ValueError):
    """A logo, signature or stamp image that cannot be used; the message is for the user."""


def check_image(data: bytes, what: str) -> None:
    """Raise ``ImageError`` (Indonesian) unless ``data`` is a PNG or JPEG that ReportLab can draw."""
    if not data:
        raise ImageError(f"{what}: berkas kosong.")
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageError(f"{what}: berkas terlalu besar ({len(data) / 1_000_000:.1f} MB; paling besar 5 MB).")
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format
            image.verify()
    except Exception as err:
        raise ImageError(f"{what}: berkas ini bukan gambar PNG atau JPEG yang utuh.") from err
    if kind not in ("PNG", "JPEG"):
        raise ImageError(f"{what}: pakai gambar PNG atau JPEG, bukan {kind}.")


def set_image(
    event_id: int, kind: str, data: bytes | None, filename: str = "", *, actor: audit.Actor | None = None
) -> None:
    """Store (or, with ``None``, remove) the logo, signature or stamp image of an event."""
    if kind not in IMAGE_ASSETS:
        raise ValueError(f"Jenis gambar tidak dikenal: {kind}.")
    with db.atomic():
        if data is None:
            delete_asset(event_id, kind)
        else:
            check_image(data, IMAGE_ASSETS[kind])
            put_asset(event_id, kind, data, filename)
        audit.record(
            "documents.image", actor=actor, event_id=event_id, kind=kind, removed=data is None, bytes=len(data or b"")
        )


def letterhead_for(event_id: int, settings: DocumentSettings | None = None) -> Letterhead | None:
    """The kop surat of an event, or None when no name lines are set (documents then start with the title)."""
    settings = settings or load_document_settings(event_id)
    if not settings.letterhead_lines:
        return None
    address = tuple(line.strip() for line in settings.letterhead_address.splitlines() if line.strip())
    return Letterhead(settings.letterhead_lines, address, logo=get_asset(event_id, LOGO))


__all__ = [
    "DEFAULT_FIELDS",
    "DEFAULT_NON_ASN_TITLE",
    "FIELD_LABELS",
    "IMAGE_ASSETS",
    "LOGO",
    "NON_ASN_TYPES",
    "PLEDGE_FORM",
    "PLEDGE_SHEET",
    "SIGNATORY_SIGNATURE",
    "SIGNATORY_STAMP",
    "DocumentSettings",
    "FormField",
    "check_image",
    "letterhead_for",
    "load_document_settings",
    "save_document_settings",
    "set_image",
    "validate_settings",
]

"""What to fix or know before a bulk run, in the words the committee uses.

Problems come from the design itself (``validate_design``), placeholders nobody can fill,
event data the design prints but the event lacks, missing images, nobody eligible, and
numbers another event already uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..event_settings import get_asset
from ..events import get_event
from .design import (
    LOGO_ASSET,
    PLACEHOLDERS,
    SIGNATURE_ASSETS,
    Design,
    placeholders_in,
    unknown_placeholders,
    validate_design,
)
from .eligibility import eligible_holders, online_rules
from .numbering import clashing_number, format_number, issued_numbers, number_format_problem, planned_numbers

if TYPE_CHECKING:
    from ..events import EventData
    from .eligibility import Holder

_EVENT_DATA = {
    "venue": "Tempat kegiatan",
    "place": "Kota untuk tanggal surat",
    "organizer": "Penyelenggara",
    "instansi": "Instansi",
    "event_title": "Nama kegiatan",
}


def design_warnings(event_id: int, design: Design) -> list[str]:
    problems = validate_design(design)
    unknown = unknown_placeholders(design)
    if unknown:
        known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        problems.append(f"Isian tidak dikenal: {', '.join(unknown)}. Yang bisa dipakai: {known}.")
    event = get_event(event_id)
    used = _used_placeholders(design)
    values = {
        "venue": event.venue,
        "place": event.place_name,
        "organizer": event.organizer,
        "instansi": event.instansi,
        "event_title": event.title,
    }
    for key, label in _EVENT_DATA.items():
        if key in used and not (values[key] or "").strip():
            problems.append(f"{label} belum diisi pada data kegiatan, padahal dipakai di sertifikat.")
    if "jp" in used and not event.jp_hours:
        problems.append("Jumlah JP kegiatan masih 0; isi jumlah jam pelajaran pada data kegiatan.")
    for index in (1, 2):
        if design.field(f"signatory{index}") is None:
            continue
        signatory = getattr(event, f"signatory{index}")
        if index == 1 and signatory.is_empty:
            problems.append("Penanda tangan 1 belum diisi pada data kegiatan.")
        elif not signatory.is_empty and not get_asset(event_id, SIGNATURE_ASSETS[index]):
            problems.append(
                f"Gambar tanda tangan penanda tangan {index} belum diunggah (sertifikat dicetak "
                "tanpa tanda tangan; bisa ditandatangani basah)."
            )
    if design.field("logo") is not None and not get_asset(event_id, LOGO_ASSET):
        problems.append("Logo instansi belum diunggah; sertifikat dicetak tanpa logo.")
    if design.background and not get_asset(event_id, design.background):
        problems.append("Gambar latar sertifikat tidak ditemukan; unggah ulang gambar latar.")
    holders = eligible_holders(event_id)
    if design.field("qr") is None:
        problems.append("Sertifikat tanpa kode QR tidak bisa diverifikasi; tambahkan kolom kode QR.")
    else:
        problems.extend(_qr_density(event, design, holders))
    if not holders:
        allow_online, _minimum = online_rules(event_id)
        hint = "" if allow_online else " Peserta daring tidak mendapat sertifikat (pengaturan kegiatan)."
        problems.append("Belum ada peserta yang berhak menerima sertifikat (belum ada yang hadir)." + hint)
    if number_format_problem(design.number_format) is None:
        issued = issued_numbers(event_id)
        fresh = sum(1 for holder in holders if holder.registration_id not in issued)
        try:
            numbers = planned_numbers(event_id, fresh, design.number_format, design.number_start)
        except (ValueError, KeyError, IndexError):
            numbers = []
        clash = clashing_number(event_id, numbers)
        if clash:
            problems.append(
                f"Nomor {clash[0]} sudah dipakai sertifikat kegiatan lain (kegiatan nomor {clash[1]}); "
                "ubah format nomor (misalnya tambahkan {event}) atau nomor urut awal."
            )
    return problems


MIN_MODULE_PX_AT_100_DPI = 2.2  # measured: codes read reliably from 2.1 px (100 dpi, 0.8-px blur, JPEG 60)


def _qr_density(event: EventData, design: Design, holders: list[Holder]) -> list[str]:
    """A QR whose modules are too small to read from a phone photo: the densest code of the run
    (longest name and number) at the field's size, as 100-dpi pixels a module."""
    from ..documents.qr import qr_operators
    from .items import SAMPLE_HOLDER, claims_for
    from .payload import CertificateCodeError, qr_text, unsigned_code
    from .site import site_url

    assert event.id is not None and event.date is not None, "a stored event has both"
    longest = max(holders or [SAMPLE_HOLDER], key=lambda holder: len(holder.name))
    number = (
        format_number(design.number_format, 9999, event.id, event.date)
        if not number_format_problem(design.number_format)
        else "800/9999/SERT/2099"
    )
    try:
        text = qr_text(unsigned_code(claims_for(longest, number, event)), site_url())
    except CertificateCodeError as err:
        return [str(err)]
    modules = qr_operators(text)[0] + 8  # with the quiet zone
    qr = design.field("qr")
    assert qr is not None, "the caller checked"
    size = qr.width_mm
    if size / modules / 25.4 * 100 >= MIN_MODULE_PX_AT_100_DPI:
        return []
    needed = MIN_MODULE_PX_AT_100_DPI * modules * 25.4 / 100
    return [
        f"Kode QR terlalu padat untuk ukurannya ({size:.0f} mm): foto ponsel bisa gagal membacanya. Perbesar kolom "
        f"kode QR menjadi paling sedikit {needed:.0f} mm, atau persingkat nama kegiatan atau alamat situs."
    ]


def _used_placeholders(design: Design) -> set[str]:
    used: set[str] = set()
    for spec in design.fields:
        if spec.key in PLACEHOLDERS and not spec.text:
            used.add(spec.key)
        try:
            used.update(name for name, _ in placeholders_in(spec.text))
        except ValueError:
            continue
    return used


__all__ = ["design_warnings"]

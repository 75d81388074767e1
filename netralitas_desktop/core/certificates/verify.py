"""Checking certificates: a scanned code, a photo, or a PDF page by page.

``verify_text(code)`` answers one code; ``VerifyJob(source)`` (a ``Job``: progress, cancel) checks
a code, an image or every page of a PDF, each page with its own verdict — a forged page among
genuine ones, or placed first, shows as such. Statuses:

- ``valid`` (ASLI): the signature is a trusted key's and the data match the record;
- ``revoked`` (DICABUT): the register (or the instansi's signed list) says so;
- ``unrecorded`` (TIDAK TERCATAT): the signature is good but the number was never issued here;
- ``invalid`` (TIDAK SAH): altered data, an unknown key, or a holder other than the one the
  number was issued to (the register keeps a salted hash of the holder, also after a purge).

Trusted keys are this database's (``CertificateKey``: its own, its old one, others imported with
their fingerprint compared) or one given for the check (a PEM file or a signed list). For another
instansi's keys, revocations come from its signed list (``site.trust``).

Version-1 codes (before this release) were signed by a key that lived in the database, so anyone
with a copy may hold it: they pass only when their signature is one recorded at the upgrade
(``register.migrate_to_register``), and say that only number, name, id and date were signed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import audit
from ..dates import long_date
from ..documents.fit import NO_BREAK_SPACE
from ..errors import UserError
from ..events import NotFoundError
from ..jobs import Job
from ..models import Event, db, now
from ..nip import format_nip
from ..pdfium import use_pdfium
from ..qr_decode import ImageDecodeError, decode_image
from . import keys
from .models import IMPORTED, LEGACY, REVOKED, Certificate, CertificateRegister
from .payload import (
    ID_NIK,
    ID_PPPK,
    LEGACY_PREFIX,
    PREFIX,
    CertificateCodeError,
    SignedCode,
    clean,
    is_certificate_code,
    parse_code,
)
from .register import holder_digest, lookup, signature_digest
from .render import jp_text
from .site import TrustedList, trusted_list_for

RENDER_DPI = (110, 200)  # a certificate QR reads at the first; small or poor ones need the second
STATUS_ORDER = ("valid", "revoked", "unrecorded", "invalid")
STATUS_WORDS = {"valid": "ASLI", "revoked": "DICABUT", "unrecorded": "TIDAK TERCATAT", "invalid": "TIDAK SAH"}
MATCH_ADVICE = "Cocokkan nama dan nomor ini dengan yang tercetak pada sertifikat."


class VerifyInputError(UserError, ValueError):
    """A file that cannot be read or holds no certificate QR code; message for the user."""


class RevokeError(UserError, ValueError):
    """A certificate that cannot be revoked (already revoked); message for the user."""


@dataclass
class VerifyResult:
    status: str  # see STATUS_ORDER
    message: str
    number: str = ""
    holder: dict[str, Any] = field(default_factory=dict)  # name, id, id_label, id_text
    claims: dict[str, Any] = field(default_factory=dict)  # event_title, date, jp, instansi as signed
    event: dict[str, Any] | None = None  # the recorded event, when this database issued the number
    key: dict[str, Any] | None = None  # key_id, fingerprint, instansi of the key that signed
    notes: list[str] = field(default_factory=list)
    revoked_at: dt.datetime | str | None = None
    revoke_reason: str = ""
    version: int = 2

    @property
    def valid(self) -> bool:
        return self.status == "valid"

    @property
    def headline(self) -> str:
        return STATUS_WORDS[self.status]

    def to_dict(self) -> dict[str, Any]:
        when = self.revoked_at
        return {
            "valid": self.valid,
            "status": self.status,
            "verdict": self.headline,
            "number": self.number,
            "holder": self.holder,
            "claims": self.claims,
            "event": self.event,
            "key": self.key,
            "message": self.message,
            "notes": self.notes,
            "version": self.version,
            "revoked_at": when.isoformat(sep=" ") if isinstance(when, dt.datetime) else when,
            "revoke_reason": self.revoke_reason or None,
        }


def worst(statuses: Iterable[str]) -> str:
    return max(statuses, key=STATUS_ORDER.index, default="invalid")


# --- one code --------------------------------------------------------------------------------------------

Trusted = TrustedList | keys.KnownKey | None


def verify_text(text: str, *, trusted: Trusted = None) -> VerifyResult:
    """Check one scanned code (plain, or the verification site's URL)."""
    try:
        code = parse_code(text)
    except CertificateCodeError as err:
        return VerifyResult("invalid", str(err))
    result = VerifyResult("invalid", "", code.claims.number, _holder(code), _claims(code), version=code.version)
    candidates = _candidate_keys(code, trusted)
    key = next((key for key in candidates if code.is_signed_by(key.public)), None)
    if key is None:
        result.message = (
            "Tanda tangan digital tidak cocok: data sertifikat telah diubah, atau sertifikat ini tidak "
            "ditandatangani dengan kunci instansi yang dikenal aplikasi ini."
            if candidates or code.version == 1
            else f"Kode ini ditandatangani dengan kunci yang tidak dikenal (kunci {code.key_id.upper()}). "
            "Impor kunci publik instansi penerbit untuk memeriksanya."
        )
        return result
    result.key = {"key_id": key.key_id, "fingerprint": key.fingerprint, "instansi": key.instansi, "role": key.role}
    if code.version == 1:
        result.notes.append(
            "Sertifikat format lama: yang dijamin tanda tangan hanya nomor, nama, NIP/NIK dan tanggal kegiatan."
        )
    if trusted is not None or key.role == IMPORTED:
        return _by_list(result, code, key, trusted)
    return _by_register(result, code)


def _candidate_keys(code: SignedCode, trusted: Trusted) -> list[keys.KnownKey]:
    pool = list(keys.known_keys().values())
    if isinstance(trusted, TrustedList):
        pool = list(trusted.keys)
    elif isinstance(trusted, keys.KnownKey):
        pool = [trusted]
    if code.version == 1:  # no key id: the one given, else the old and imported keys
        return pool if trusted is not None else [key for key in pool if key.role in (LEGACY, IMPORTED)]
    return [key for key in pool if key.key_id == code.key_id]


def _by_list(result: VerifyResult, code: SignedCode, key: keys.KnownKey, trusted: Trusted) -> VerifyResult:
    """Another instansi's certificate (or one checked with a given key): revocations from its list."""
    listing = trusted if isinstance(trusted, TrustedList) else (trusted_list_for(key.key_id) if db.obj else None)
    if code.version == 1 and (listing is None or signature_digest(code.signature) not in listing.legacy):
        result.status = "unrecorded" if listing is None else "invalid"
        result.message = (
            "Tanda tangan cocok dengan kunci lama, tetapi keaslian sertifikat format lama hanya bisa dipastikan "
            "dengan daftar sertifikat instansi penerbit."
            if listing is None
            else "Sertifikat format lama ini tidak ada dalam daftar sertifikat instansi penerbit."
        )
        return result
    if listing is not None and code.claims.number in listing.revoked:
        result.status, result.revoked_at = "revoked", listing.revoked[code.claims.number]
        result.message = f"Sertifikat ini telah DICABUT ({_date_text(listing.revoked[code.claims.number])})."
        return result
    result.status = "valid"
    result.message = (
        f"Sertifikat asli: tanda tangan digital {key.instansi or 'instansi penerbit'} cocok. {MATCH_ADVICE}"
    )
    result.notes.append(
        f"Status pencabutan menurut daftar {listing.instansi} per {listing.made_at[:10]}."
        if listing is not None
        else "Status pencabutan tidak diketahui: impor daftar dari situs verifikasi instansi penerbit."
    )
    return result


def _by_register(result: VerifyResult, code: SignedCode) -> VerifyResult:
    """This instansi's certificate: the number must be registered, to this holder, not revoked."""
    number = code.claims.number
    row = lookup(number)
    if row is None:
        result.status = "unrecorded"
        result.message = (
            f"TIDAK TERCATAT: tanda tangan cocok, tetapi nomor {number} tidak pernah diterbitkan menurut "
            "basis data ini. Anggap sertifikat ini tidak sah sampai penerbitnya memastikan."
        )
        return result
    if code.version == 1 and row.legacy_digest != signature_digest(code.signature):
        result.message = (
            "Tanda tangan format lama ini tidak tercatat: sertifikat lama yang sah dicatat saat pembaruan aplikasi, "
            "yang ini tidak (dibuat ulang, diubah, atau ditandatangani dari salinan basis data)."
        )
        return result
    if row.status == REVOKED:
        reason = row.revoke_reason or ""
        result.status, result.revoked_at, result.revoke_reason = "revoked", row.revoked_at, reason
        when = long_date(row.revoked_at.date()) if row.revoked_at else ""
        result.message = f"Sertifikat ini telah DICABUT pada {when}" + (f": {reason}." if reason else ".")
        return result
    claims = code.claims
    holder_id = claims.holder_id
    if row.holder_hash and row.holder_hash != holder_digest(holder_id, claims.name):
        recorded = _recorded_holder(number)
        result.message = (
            f"TIDAK SAH: nomor {number} diterbitkan untuk orang lain"
            + (f" ({recorded})" if recorded else "")
            + ", bukan untuk nama dan NIP/NIK pada sertifikat ini."
        )
        return result
    result.event = _recorded_event(row)
    if code.version == 2 and result.event:
        result.notes.extend(_event_differences(code, result.event))
    if row.purged_at is not None:
        result.notes.append("Data peserta kegiatan ini sudah dihapus; pemegang dicocokkan dengan catatan tersandi.")
    result.status = "valid"
    result.message = f"Sertifikat asli dan tercatat: tanda tangan digital cocok. {MATCH_ADVICE}"
    return result


def _recorded_holder(number: str) -> str:
    from .eligibility import holder_for

    certificate = Certificate.get_or_none(Certificate.number == number)
    if certificate is None:
        return ""
    try:
        return holder_for(certificate.registration_id).name
    except LookupError:
        return ""


def _recorded_event(row: CertificateRegister) -> dict[str, Any] | None:
    event = Event.get_or_none(Event.id == row.event_id)
    if event is None:
        return None
    return {
        "id": event.id,
        "title": event.title,
        "date": event.date.isoformat() if event.date else None,
        "jp": jp_text(event.jp_hours),
        "instansi": event.instansi,
    }


def _event_differences(code: SignedCode, event: dict[str, Any]) -> list[str]:
    claims = code.claims
    changed = []
    if clean(event["title"]) != claims.event_title:
        changed.append("nama kegiatan")
    if event["date"] != claims.date.isoformat():
        changed.append("tanggal")
    if event["jp"] != jp_text(claims.jp):
        changed.append("jumlah JP")
    if clean(event["instansi"]) != claims.instansi:
        changed.append("instansi")
    if not changed:
        return []
    return [f"Data kegiatan diubah sejak sertifikat ini dibuat ({', '.join(changed)}); yang tercetak sesuai saat itu."]


def _holder(code: SignedCode) -> dict[str, Any]:
    claims = code.claims
    holder_id = claims.holder_id
    label = claims.id_label
    if code.version == 1:
        label = "NIK" if len(holder_id) == 16 else ("NIP" if holder_id else "")
    if label == "NIK" and len(holder_id) == 16 and holder_id.isdigit():
        holder_id = holder_id[:4] + "*" * 10 + holder_id[-2:]  # shown masked, as printed now
    shown = format_nip(holder_id) if label in ("NIP", "NI PPPK") and len(holder_id) == 18 else holder_id
    if code.version == 2 and code.claims.id_kind == ID_PPPK:
        label = "NI PPPK"
    elif code.version == 2 and code.claims.id_kind == ID_NIK:
        label = "NIK"
    return {
        "name": claims.name,
        "id": holder_id,
        "id_label": label,
        "id_text": f"{label if label == 'NI PPPK' else label + '.'} {shown}" if holder_id else "",
        "event_date": claims.date.isoformat(),
    }


def _claims(code: SignedCode) -> dict[str, Any]:
    claims = code.claims
    if code.version == 1:
        return {"date": claims.date.isoformat()}
    return {
        "event_title": claims.event_title,
        "date": claims.date.isoformat(),
        "jp": jp_text(claims.jp),
        "instansi": claims.instansi,
    }


def _date_text(value: str) -> str:
    try:
        return long_date(dt.date.fromisoformat(value[:10]))
    except ValueError:
        return value


# --- files -------------------------------------------------------------------------------------------------


@dataclass
class PageVerdict:
    page: int | None  # 1-based; None for a typed code or a photo
    results: list[VerifyResult]
    problem: str = ""

    @property
    def status(self) -> str:
        return worst(result.status for result in self.results) if self.results else "invalid"

    def to_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "status": self.status,
            "verdict": STATUS_WORDS[self.status],
            "problem": self.problem or None,
            "certificates": [result.to_dict() for result in self.results],
        }


@dataclass
class Report:
    source: str
    pages: list[PageVerdict]

    @property
    def status(self) -> str:
        return worst(page.status for page in self.pages)

    @property
    def valid(self) -> bool:
        return bool(self.pages) and self.status == "valid"

    @property
    def first(self) -> VerifyResult | None:
        return next((result for page in self.pages for result in page.results), None)

    def counts(self) -> dict[str, int]:
        found = {status: 0 for status in STATUS_ORDER}
        for page in self.pages:
            found[page.status] += 1
        return found

    def to_dict(self) -> dict[str, Any]:
        first = self.first.to_dict() if self.first else {}
        return {
            **first,
            "valid": self.valid,
            "status": self.status,
            "verdict": STATUS_WORDS[self.status],
            "source": self.source,
            "pages": [page.to_dict() for page in self.pages],
            "counts": self.counts(),
        }


def verify(source: str | Path, *, trusted: Trusted = None) -> Report:
    """A code, or every page of a PDF / an image file (see ``VerifyJob``)."""
    return VerifyJob(source, trusted=trusted).run()


class VerifyJob(Job[Report]):
    title = "Memeriksa sertifikat"

    def __init__(self, source: str | Path, *, trusted: Trusted = None, workers: int | None = None) -> None:
        super().__init__()
        self.source, self.trusted, self.workers = source, trusted, workers

    def run(self) -> Report:
        text = str(self.source).strip()
        if not isinstance(self.source, Path) and not _looks_like_file(text):
            return Report("kode", [PageVerdict(None, [verify_text(text, trusted=self.trusted)])])
        path = Path(text)
        try:
            data = path.read_bytes()
        except OSError as err:
            raise VerifyInputError(f"Berkas {path.name} tidak bisa dibaca: {err.strerror or err}.") from err
        if data[:1024].lstrip().startswith(b"%PDF"):
            pages = self._pdf_pages(data, path.name)
        else:
            try:
                texts = decode_image(data)
            except ImageDecodeError as err:
                raise VerifyInputError(f"Berkas {path.name} bukan PDF atau gambar yang bisa dibaca.") from err
            pages = [self._page(None, texts)]
        if not any(page.results for page in pages):
            raise VerifyInputError(
                "Tidak ada kode QR sertifikat yang terbaca pada berkas ini; pastikan gambarnya cukup tajam."
            )
        return Report(path.name, pages)

    def _page(self, number: int | None, texts: list[str], printed: str = "") -> PageVerdict:
        codes = [text for text in dict.fromkeys(texts) if is_certificate_code(text)]
        if not codes:
            problem = "Tidak ada kode QR sertifikat pada halaman ini." if texts or number else "Tidak ada kode QR."
            return PageVerdict(number, [], problem)
        results = [verify_text(code, trusted=self.trusted) for code in codes]
        for result in results:
            compare_printed(result, printed)
        return PageVerdict(number, results)

    def _pdf_pages(self, data: bytes, name: str) -> list[PageVerdict]:
        with use_pdfium() as pdfium:
            try:
                with contextlib.closing(pdfium.PdfDocument(data)) as document:
                    total = len(document)
            except pdfium.PdfiumError as err:
                raise VerifyInputError(f"Berkas {name} rusak atau dikunci kata sandi.") from err
        verdicts = []
        for index, (texts, printed) in enumerate(_page_readings(data, total, self.workers)):
            self.check_cancelled()
            verdicts.append(self._page(index + 1, texts, printed))
            self.report(index + 1, total, f"Halaman {index + 1} dari {total}")
        return verdicts


MIN_PAGES_FOR_WORKERS = 60  # below this, starting processes costs more than it saves


def _page_readings(data: bytes, total: int, workers: int | None) -> Iterator[tuple[list[str], str]]:
    """(QR texts, printed text) of every page in order; worker processes render big PDFs (rendering
    a page with a background image is most of the cost: ~55 ms at 110 dpi)."""
    from .bulk import _worker_count, imap_in_workers

    count = _worker_count(total, workers, MIN_PAGES_FOR_WORKERS)
    if count <= 1:
        _open_reader(data)
        try:
            yield from (_read_page(index) for index in range(total))
        finally:
            _close_reader()
        return
    yield from imap_in_workers(count, _read_page, range(total), chunksize=8, initializer=_open_reader, initargs=(data,))


_reader: dict[str, Any] = {}  # "document": this process's open PdfDocument (pypdfium2, untyped)


def _open_reader(data: bytes) -> None:
    with use_pdfium() as pdfium:
        _reader["document"] = pdfium.PdfDocument(data)


def _close_reader() -> None:
    with use_pdfium():
        document = _reader.pop("document", None)
        if document is not None:
            document.close()


def _read_page(index: int) -> tuple[list[str], str]:
    """One page's QR texts and printed text; PDFium's lock is held only while it renders a page."""
    with use_pdfium():
        page = _reader["document"][index]
        try:
            images = [page.render(scale=RENDER_DPI[0] / 72, grayscale=True).to_pil()]
            textpage = page.get_textpage()
            printed = textpage.get_text_range()
            textpage.close()
        finally:
            page.close()
    texts = decode_image(images[0])
    if not any(is_certificate_code(text) for text in texts):
        with use_pdfium():
            page = _reader["document"][index]
            try:
                image = page.render(scale=RENDER_DPI[1] / 72, grayscale=True).to_pil()
            finally:
                page.close()
        texts = decode_image(image)
    return texts, printed


def _folded(text: str) -> str:
    return " ".join(text.replace(NO_BREAK_SPACE, " ").split()).casefold()


def compare_printed(result: VerifyResult, printed: str) -> None:
    """A PDF's own text against its signed code: a page whose printed name, number or NIP was edited
    (the genuine QR kept) is TIDAK SAH. Scans and photos have no text layer and are not compared:
    the verdict then tells the checker to compare by eye."""
    if result.status not in ("valid", "revoked") or len(printed.strip()) < 40:
        return
    page, digits = _folded(printed), "".join(char for char in printed if char.isdigit() or char == "*")
    differs = []
    if _folded(result.holder.get("name", "")) not in page:
        differs.append("nama")
    if _folded(result.number) not in page:
        differs.append("nomor")
    holder_id = result.holder.get("id", "")
    if holder_id and holder_id not in digits:
        differs.append(result.holder.get("id_label") or "NIP")
    if differs:
        result.status = "invalid"
        result.message = (
            f"TIDAK SAH: {', '.join(differs)} yang tercetak pada halaman ini berbeda dengan yang ditandatangani "
            "dalam kode QR-nya (halaman diubah)."
        )
    else:
        result.notes.append("Nama, nomor dan NIP/NIK yang tercetak pada halaman sama dengan yang ditandatangani.")


def _looks_like_file(text: str) -> bool:
    if text.upper().startswith(PREFIX) or text.startswith(LEGACY_PREFIX + "|"):
        return False
    if text.lower().startswith(("http://", "https://")):
        return False
    return text.lower().endswith((".pdf", ".png", ".jpg", ".jpeg")) or Path(text).is_file()


# --- revoking ----------------------------------------------------------------------------------------------


def revoke(number: str, reason: str = "", *, actor: audit.Actor | None = None) -> CertificateRegister:
    """Revoke a certificate by its number, for good (also one of a purged event); audited."""
    number = clean(number)
    with db.atomic():
        row = CertificateRegister.get_or_none(CertificateRegister.number == number)
        if row is None:
            raise NotFoundError(f"Sertifikat nomor {number} tidak ditemukan.")
        if row.status == REVOKED:
            when = long_date(row.revoked_at.date()) if row.revoked_at else ""
            raise RevokeError(f"Sertifikat nomor {number} sudah dicabut pada {when}.")
        stamp, text = now(), " ".join((reason or "").split()) or None
        CertificateRegister.update(status=REVOKED, revoked_at=stamp, revoke_reason=text).where(
            CertificateRegister.number == number
        ).execute()
        Certificate.update(revoked_at=stamp, revoke_reason=text).where(Certificate.number == number).execute()
        certificate = Certificate.get_or_none(Certificate.number == number)
        audit.record(
            "revoke",
            actor=actor,
            event_id=row.event_id,
            certificate_id=certificate.id if certificate else None,
            number=number,
        )
    return CertificateRegister.get(CertificateRegister.number == number)


__all__ = [
    "MATCH_ADVICE",
    "STATUS_WORDS",
    "PageVerdict",
    "Report",
    "RevokeError",
    "VerifyInputError",
    "VerifyJob",
    "VerifyResult",
    "revoke",
    "verify",
    "verify_text",
    "worst",
]

"""The bulk run: every eligible holder's certificate into one PDF, or one file per person.

``CertificatesJob(event_id, target, per_person=False, signer=None)`` is a core ``Job``
(progress, cancel) for the GUI's ``run_job`` and for the CLI. Numbers are given first (kept
from earlier runs), then pages are drawn; the export is audited (``export``).

Both cores are used where it pays (measured in bench/bench_certificates.py): a merged PDF
is one ReportLab document drawn here while worker processes compute the QR codes (most of
a page's cost); per-person files (``NIP_Nama.pdf``) are made in batches by worker
processes — each batch drawn as one document, then cut into one-page files with PDFium —
into a hidden staging folder moved into place at the end, so a cancelled run leaves
nothing behind. Small runs stay in one process (starting workers costs ~0.5 s), and so
does the frozen app unless the entry point calls ``multiprocessing.freeze_support()`` and
sets ``FREEZE_SUPPORT``.

``signer`` is a ``signing.Signer`` (anything with ``sign_bytes(pdf) -> bytes`` that pickles):
it travels to each worker once, so the key is parsed once per process.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import multiprocessing
import os
import shutil
import sys
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

from .. import audit
from ..documents import DocumentError, UniqueNames, atomic_output, qr_operators, safe_filename
from ..errors import UserError
from ..events import EventData, get_event
from ..jobs import FREEZE_SUPPORT_ENV, Job, Progress
from ..pdfium import use_pdfium
from .design import Design, DesignError, load_design, validate_design
from .eligibility import eligible_holders
from .items import issue_items
from .render import CertificateItem, CertificateRenderer, RenderAssets, load_assets, render_pdf_bytes
from .site import site_url

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from .signing import Signer

A = TypeVar("A")
R = TypeVar("R")

MIN_ITEMS_FOR_FILE_WORKERS = 100  # below this, starting processes costs more than it saves
MIN_ITEMS_FOR_QR_WORKERS = 300
BATCH = 25
FREEZE_SUPPORT = False  # or the entry point's FREEZE_SUPPORT_ENV: it called multiprocessing.freeze_support()


class CertificateError(UserError, ValueError):
    """Nothing to make, or a design that cannot be used; the message is for the user."""


@dataclass(frozen=True)
class CertificateResult:
    count: int
    path: str
    per_person: bool
    revoked_skipped: int = 0
    signed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "path": self.path,
            "per_person": self.per_person,
            "revoked_skipped": self.revoked_skipped,
            "signed": self.signed,
        }


class CertificatesJob(Job[CertificateResult]):
    title = "Membuat sertifikat"

    def __init__(
        self,
        event_id: int,
        target: str | Path,
        *,
        per_person: bool = False,
        design: Design | None = None,
        signer: Signer | None = None,
        actor: audit.Actor | None = None,
        workers: int | None = None,
        passphrase: bytes | None = None,
    ) -> None:
        super().__init__()
        self.event_id, self.target, self.per_person = event_id, Path(target), per_person
        self.design, self.signer, self.actor = design, signer, actor
        self.workers, self.passphrase = workers, passphrase

    def run(self) -> CertificateResult:
        event = get_event(self.event_id)
        design = self.design or load_design(self.event_id)
        problems = validate_design(design)
        if problems:
            raise CertificateError("Desain sertifikat belum benar: " + " ".join(problems))
        holders = eligible_holders(self.event_id)
        if not holders:
            raise CertificateError("Belum ada peserta yang berhak menerima sertifikat (belum ada yang hadir).")
        self.report(0, len(holders), "Memberi nomor sertifikat…")
        items, revoked = issue_items(self.event_id, event, design, holders, passphrase=self.passphrase)
        if not items:
            raise CertificateError("Semua sertifikat kegiatan ini sudah dicabut; tidak ada yang dibuat.")
        try:
            assets = load_assets(self.event_id, design)
        except DesignError as err:
            raise CertificateError(str(err)) from err
        url = site_url()
        if self.per_person:
            write_per_person(
                event,
                design,
                assets,
                items,
                self.target,
                progress=self,
                signer=self.signer,
                workers=self.workers,
                verify_url=url,
            )
        else:
            write_merged(
                CertificateRenderer(event, design, assets, url),
                items,
                self.target,
                progress=self,
                signer=self.signer,
                workers=self.workers,
            )
        signed = self.signer is not None
        audit.record_export(
            self.event_id,
            "certificates",
            count=len(items),
            pages=len(items),
            format="folder" if self.per_person else "pdf",
            files=len(items) if self.per_person else 1,
            actor=self.actor,
            per_person=self.per_person,
            signed=signed,
        )
        return CertificateResult(len(items), str(self.target), self.per_person, revoked, signed)


def write_merged(
    renderer: CertificateRenderer,
    items: list[CertificateItem],
    target: Path,
    *,
    progress: Progress,
    signer: Signer | None = None,
    workers: int | None = None,
) -> None:
    """All certificates into one PDF, replaced only when complete. With ``workers`` > 1 the
    QR codes (most of a page's cost) are computed by worker processes while this one draws."""
    count = _worker_count(len(items), workers, MIN_ITEMS_FOR_QR_WORKERS)
    with atomic_output(target) as temp, _qr_codes(items, count) as codes:
        canvas = renderer.new_canvas(str(temp))
        # Without workers ``codes`` repeats None for ever: the items set the length.
        for index, (item, operators) in enumerate(zip(items, codes, strict=False)):
            progress.check_cancelled()
            renderer.draw(canvas, item, operators)
            canvas.showPage()
            progress.report(index + 1, len(items), f"Sertifikat {index + 1} dari {len(items)}")
        progress.check_cancelled()
        progress.report(len(items), len(items), "Menyimpan berkas PDF…")
        try:
            canvas.save()
        except OSError as err:
            raise DocumentError(f"Berkas sertifikat tidak bisa disimpan: {err.strerror or err}.") from err
        if signer is not None:
            progress.report(len(items), len(items), "Menandatangani secara digital…")
            temp.write_bytes(signer.sign_bytes(temp.read_bytes()))


@contextlib.contextmanager
def _qr_codes(items: list[CertificateItem], workers: int) -> Iterator[Iterable[tuple[int, str] | None]]:
    if workers <= 1:
        yield itertools.repeat(None)
        return
    codes = imap_in_workers(workers, qr_operators, [item.payload for item in items], chunksize=16)
    try:
        yield codes
    finally:
        codes.close()


def imap_in_workers(
    count: int, function: Callable[[A], R], items: Iterable[A], *, chunksize: int, **pool_options: Any
) -> Generator[R]:
    """``function`` over ``items`` in ``count`` spawned processes, results in order; the pool ends
    with the iteration (stopped early, it is terminated)."""
    pool = _spawn_pool(count, **pool_options)
    try:
        yield from pool.imap(function, items, chunksize=chunksize)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def file_names(items: list[CertificateItem]) -> list[str]:
    """``NIP_Nama.pdf`` per item, safe on Windows and unique without regard to case."""
    names = UniqueNames()
    return [names.take(safe_filename(item.holder.file_stem, "pdf")) for item in items]


def write_per_person(
    event: EventData,
    design: Design,
    assets: RenderAssets,
    items: list[CertificateItem],
    folder: Path,
    *,
    progress: Progress,
    signer: Signer | None = None,
    workers: int | None = None,
    verify_url: str = "",
) -> None:
    """One file per item. Each batch is drawn as one merged document (fonts, background and
    images prepared once) and cut into one-page files with PDFium, which copies a page in
    about a millisecond where drawing a document per person costs fifty."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DocumentError(f"Folder {folder} tidak bisa dibuat: {err.strerror or err}.") from err
    names = file_names(items)
    staging = folder / f".sertifikat-{os.getpid()}-{id(progress):x}.tmp"
    staging.mkdir(exist_ok=True)
    try:
        pairs = list(zip(items, names, strict=True))
        batches = [(pairs[start : start + BATCH], str(staging)) for start in range(0, len(pairs), BATCH)]
        count = _worker_count(len(items), workers, MIN_ITEMS_FOR_FILE_WORKERS)
        done = 0
        if count > 1:
            pool = _spawn_pool(count, initializer=_init_worker, initargs=(event, design, assets, signer, verify_url))
            try:
                for finished in pool.imap_unordered(_write_batch, batches):
                    done += finished
                    progress.report(done, len(items), f"Sertifikat {done} dari {len(items)}")
                    progress.check_cancelled()
                pool.close()
            except BaseException:
                pool.terminate()
                raise
            finally:
                pool.join()
        else:
            renderer = CertificateRenderer(event, design, assets, verify_url)
            for batch in batches:
                progress.check_cancelled()
                done += write_batch(renderer, signer, batch)
                progress.report(done, len(items), f"Sertifikat {done} dari {len(items)}")
        progress.check_cancelled()
        for name in names:
            os.replace(staging / name, folder / name)
    except PermissionError as err:
        raise DocumentError(
            f"Berkas di folder {folder} tidak bisa ditimpa; mungkin sedang dibuka di program lain."
        ) from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _worker_count(items: int, requested: int | None, minimum: int) -> int:
    if requested is not None:
        return max(1, requested)
    frozen_without_workers = getattr(sys, "frozen", False) and not (
        FREEZE_SUPPORT or os.environ.get(FREEZE_SUPPORT_ENV)
    )
    if items < minimum or frozen_without_workers:
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def _spawn_pool(count: int, **options: Any) -> Pool:
    # spawn, not fork: safe beside the GUI's threads, and what Windows does anyway.
    return multiprocessing.get_context("spawn").Pool(count, **options)


class _WorkerState(TypedDict, total=False):
    renderer: CertificateRenderer
    signer: Signer | None


_worker: _WorkerState = {}  # set in each worker process by _init_worker


def _init_worker(
    event: EventData, design: Design, assets: RenderAssets, signer: Signer | None, verify_url: str
) -> None:
    _worker["renderer"] = CertificateRenderer(event, design, assets, verify_url)
    _worker["signer"] = signer


def _write_batch(task: tuple[list[tuple[CertificateItem, str]], str]) -> int:
    return write_batch(_worker["renderer"], _worker["signer"], task)


def write_batch(
    renderer: CertificateRenderer, signer: Signer | None, task: tuple[list[tuple[CertificateItem, str]], str]
) -> int:
    """Draw a batch as one document, cut it into files named as given, sign each if asked."""
    pairs, staging = task
    merged = render_pdf_bytes(renderer, [item for item, _name in pairs])
    for (_item, name), data in zip(pairs, split_pages(merged), strict=True):
        if signer is not None:
            data = signer.sign_bytes(data)
        (Path(staging) / name).write_bytes(data)
    return len(pairs)


def split_pages(pdf: bytes) -> list[bytes]:
    """Each page of ``pdf`` as a document of its own (PDFium copies what the page uses)."""
    with use_pdfium() as pdfium:
        source = pdfium.PdfDocument(pdf)
        pages = []
        try:
            for index in range(len(source)):
                single = pdfium.PdfDocument.new()
                try:
                    single.import_pages(source, [index])
                    buffer = io.BytesIO()
                    single.save(buffer)
                    pages.append(buffer.getvalue())
                finally:
                    single.close()
        finally:
            source.close()
    return pages


__all__ = [
    "FREEZE_SUPPORT",
    "CertificateError",
    "CertificateResult",
    "CertificatesJob",
    "file_names",
    "write_merged",
    "write_per_person",
]

"""The bulk run: every eligible holder's certificate into one PDF, or one file per person.

``CertificatesJob(event_id, target, per_person=False, signer=None)`` is a core ``Job``
(progress, cancel) for the GUI's ``run_job`` and for the CLI. Numbers are given first (kept
from earlier runs), then pages are drawn; the export is audited (``export``).

Per-person files (``NIP_Nama.pdf``) are independent, so they are drawn by worker
processes, one per core: the renderer (fonts, background, images) is built once in each
worker, and the files go to a hidden staging folder that is moved into place at the end
— a cancelled run leaves nothing behind. A merged PDF is one ReportLab document and stays
in one process. Small runs, and the frozen app unless ``multiprocessing.freeze_support()``
is called at start-up (``FREEZE_SUPPORT``), stay in-process too.

``signer`` is a ``signing.Signer`` (anything with ``sign_bytes(pdf) -> bytes`` that pickles):
it travels to each worker once, so the key is parsed once per process.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from .. import audit
from ..documents import DocumentError, UniqueNames, atomic_output, safe_filename
from ..events import get_event
from ..jobs import Cancelled, Job
from .design import Design, DesignError, load_design, validate_design
from .eligibility import eligible_holders
from .items import issue_items
from .render import CertificateItem, CertificateRenderer, RenderAssets, binary_streams, load_assets, render_pdf_bytes

MIN_ITEMS_FOR_WORKERS = 24
BATCH = 8
FREEZE_SUPPORT = False  # set by the entry point once it calls multiprocessing.freeze_support()


class CertificateError(ValueError):
    """Nothing to make, or a design that cannot be used; the message is for the user."""


@dataclass(frozen=True)
class CertificateResult:
    count: int
    path: str
    per_person: bool
    revoked_skipped: int = 0
    signed: bool = False

    def to_dict(self) -> dict:
        return {"count": self.count, "path": self.path, "per_person": self.per_person,
                "revoked_skipped": self.revoked_skipped, "signed": self.signed}


class CertificatesJob(Job[CertificateResult]):
    title = "Membuat sertifikat"

    def __init__(self, event_id: int, target: str | Path, *, per_person: bool = False, design: Design | None = None,
                 signer=None, actor: audit.Actor | None = None, workers: int | None = None) -> None:
        super().__init__()
        self.event_id, self.target, self.per_person = event_id, Path(target), per_person
        self.design, self.signer, self.actor = design, signer, actor
        self.workers = workers

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
        items, revoked = issue_items(self.event_id, event, design, holders)
        if not items:
            raise CertificateError("Semua sertifikat kegiatan ini sudah dicabut; tidak ada yang dibuat.")
        try:
            assets = load_assets(self.event_id, design)
        except DesignError as err:
            raise CertificateError(str(err)) from err
        if self.per_person:
            write_per_person(event, design, assets, items, self.target, progress=self, signer=self.signer,
                             workers=self.workers)
        else:
            write_merged(CertificateRenderer(event, design, assets), items, self.target, progress=self,
                         signer=self.signer)
        signed = self.signer is not None
        audit.record("export", actor=self.actor, event_id=self.event_id, what="certificates", count=len(items),
                     per_person=self.per_person, signed=signed)
        return CertificateResult(len(items), str(self.target), self.per_person, revoked, signed)


def write_merged(renderer: CertificateRenderer, items: list[CertificateItem], target: Path, *, progress: Job,
                 signer=None) -> None:
    """All certificates into one PDF, replaced only when complete."""
    with atomic_output(target) as temp:
        with binary_streams():
            canvas = renderer.new_canvas(str(temp))
            for index, item in enumerate(items):
                progress.check_cancelled()
                renderer.draw(canvas, item)
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


def file_names(items: list[CertificateItem]) -> list[str]:
    """``NIP_Nama.pdf`` per item, safe on Windows and unique without regard to case."""
    names = UniqueNames()
    return [names.take(safe_filename(item.holder.file_stem, "pdf")) for item in items]


def write_per_person(event, design: Design, assets: RenderAssets, items: list[CertificateItem], folder: Path, *,
                     progress: Job, signer=None, workers: int | None = None) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DocumentError(f"Folder {folder} tidak bisa dibuat: {err.strerror or err}.") from err
    names = file_names(items)
    staging = folder / f".sertifikat-{os.getpid()}-{id(progress):x}.tmp"
    staging.mkdir(exist_ok=True)
    try:
        work = [(item, name) for item, name in zip(items, names)]
        count = _worker_count(len(items), workers)
        if count > 1:
            _render_in_pool(count, (event, design, assets, signer), work, staging, progress)
        else:
            renderer = CertificateRenderer(event, design, assets)
            for index, (item, name) in enumerate(work):
                progress.check_cancelled()
                _write_one(renderer, signer, item, staging / name)
                progress.report(index + 1, len(work), f"Sertifikat {index + 1} dari {len(work)}")
        for name in names:
            os.replace(staging / name, folder / name)
    except PermissionError as err:
        raise DocumentError(f"Berkas di folder {folder} tidak bisa ditimpa; mungkin sedang dibuka di program lain.") \
            from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _worker_count(items: int, requested: int | None) -> int:
    if requested is not None:
        return max(1, requested)
    if items < MIN_ITEMS_FOR_WORKERS or (getattr(sys, "frozen", False) and not FREEZE_SUPPORT):
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def _render_in_pool(count: int, setup: tuple, work: list, staging: Path, progress: Job) -> None:
    batches = [work[start:start + BATCH] for start in range(0, len(work), BATCH)]
    context = multiprocessing.get_context("spawn")  # no fork: safe beside Qt threads, and as on Windows
    pool = context.Pool(count, initializer=_init_worker, initargs=setup)
    done = 0
    try:
        for finished in pool.imap_unordered(_render_batch, [(batch, str(staging)) for batch in batches]):
            done += finished
            progress.report(done, len(work), f"Sertifikat {done} dari {len(work)}")
            if progress.is_cancelled:
                raise Cancelled()
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


_worker: dict = {}


def _init_worker(event, design: Design, assets: RenderAssets, signer) -> None:
    _worker["renderer"] = CertificateRenderer(event, design, assets)
    _worker["signer"] = signer


def _render_batch(task: tuple[list[tuple[CertificateItem, str]], str]) -> int:
    batch, staging = task
    for item, name in batch:
        _write_one(_worker["renderer"], _worker["signer"], item, Path(staging) / name)
    return len(batch)


def _write_one(renderer: CertificateRenderer, signer, item: CertificateItem, path: Path) -> None:
    data = render_pdf_bytes(renderer, [item])
    if signer is not None:
        data = signer.sign_bytes(data)
    path.write_bytes(data)



__all__ = ["CertificatesJob", "CertificateResult", "CertificateError", "write_merged", "write_per_person",
           "file_names", "FREEZE_SUPPORT"]

"""Signing speed: PAdES signatures on one-page certificate PDFs, documents per second.

Run: ``.venv/bin/python bench/bench_signing.py [--count N] [--workers N]``. A throw-away
self-signed RSA-2048 PKCS#12 file signs N per-person certificate files (A4 landscape with a
JPEG background, as the bulk run writes them), first in this process, then in a pool of
worker processes that each parse the key once. Target: ≥ 50 documents per second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader

from netralitas_desktop.core.certificates.signing import Signer
from netralitas_desktop.core.documents import SANS, PageSpec, Paper, new_canvas

TARGET_PER_SECOND = 50.0
PASSWORD = b"bench"


def make_p12(folder: Path) -> Path:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kepala BKPSDM (bench)")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    path = folder / "bench.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"bench", key, cert, None, serialization.BestAvailableEncryption(PASSWORD)
        )
    )
    return path


def background_jpeg() -> bytes:
    image = Image.new("RGB", (1754, 1240), "#fdf8ec")
    draw = ImageDraw.Draw(image)
    for i in range(0, 1754, 12):
        draw.line([(i, 0), (1754 - i, 1240)], fill=(200, 170 - i % 60, 90 + i % 100), width=2)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def make_certificates(folder: Path, count: int) -> list[Path]:
    background = ImageReader(io.BytesIO(background_jpeg()))
    paths = []
    for index in range(count):
        buffer = io.BytesIO()
        canvas = new_canvas(buffer, PageSpec(Paper.A4, landscape=True), title="Sertifikat")
        width, height = canvas._pagesize
        canvas.drawImage(background, 0, 0, width, height)
        canvas.setFont(SANS.bold, 30)
        canvas.drawCentredString(width / 2, height * 0.6, "SERTIFIKAT")
        canvas.setFont(SANS.regular, 18)
        canvas.drawCentredString(width / 2, height * 0.5, f"Peserta Nomor {index + 1:04d}")
        canvas.showPage()
        canvas.save()
        path = folder / f"{index:04d}.pdf"
        path.write_bytes(buffer.getvalue())
        paths.append(path)
    return paths


_worker_signer: Signer | None = None


def _init_worker(signer: Signer) -> None:
    global _worker_signer
    _worker_signer = signer  # unpickling parsed the key, once per process


def _ready(_: int) -> bool:
    return _worker_signer is not None


def _sign_one(path: Path) -> None:
    _worker_signer.sign_file(path, path.with_suffix(".signed.pdf"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        signer = Signer(make_p12(folder), PASSWORD)
        print(f"Kunci dibaca (sekali): {(time.perf_counter() - started) * 1000:.0f} ms")
        paths = make_certificates(folder, args.count)
        size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
        print(f"{args.count} sertifikat satu halaman, rata-rata {size:.0f} KB")

        started = time.perf_counter()
        for path in paths:
            signer.sign_file(path, path.with_suffix(".signed.pdf"))
        single = args.count / (time.perf_counter() - started)
        print(f"1 proses      : {single:6.1f} dokumen/detik  (target ≥ {TARGET_PER_SECOND:.0f})")

        context = multiprocessing.get_context("spawn")  # as on Windows
        started = time.perf_counter()
        with context.Pool(args.workers, initializer=_init_worker, initargs=(signer,)) as pool:
            pool.map(_ready, range(args.workers), chunksize=1)
            warm = time.perf_counter()
            pool.map(_sign_one, paths, chunksize=8)
            finished = time.perf_counter()
        print(
            f"{args.workers} proses      : {args.count / (finished - warm):6.1f} dokumen/detik  "
            f"(+ {warm - started:.1f} s memulai proses; {args.count / (finished - started):.1f}/detik seluruhnya)"
        )
        signed_size = sum(p.with_suffix(".signed.pdf").stat().st_size - p.stat().st_size for p in paths)
        print(f"Tambahan per berkas karena tanda tangan: {signed_size / len(paths) / 1024:.1f} KB")


if __name__ == "__main__":
    main()

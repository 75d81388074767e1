"""Certificate throughput: N certificates with a background image and QR into one PDF, and
one file per person (worker processes), plus the signing of per-person files if a PKCS#12
file is given.

Builds a demo event in a temporary SQLite file, checks everyone in, gives the event a
background (a 200 dpi JPEG frame, like one designed elsewhere), logo, signature and stamp,
then times ``CertificatesJob``. Wall and CPU seconds (this process plus its workers) are
both printed: on a machine shared with other work the wall time also counts waiting for a
core; ``--workers 1`` shows what one core does alone. The first run includes
numbering (one transaction); ``--profile`` adds a cProfile breakdown of the merged run.

    .venv/bin/python bench/bench_certificates.py [--count 1000] [--per-person 1000] [--workers N] [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import math
import pstats
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw, ImageFilter

from netralitas_desktop.core.certificates.background import set_background
from netralitas_desktop.core.certificates.bulk import CertificatesJob
from netralitas_desktop.core.certificates.design import BACKGROUND_ASSET, load_design, save_design
from netralitas_desktop.core.certificates.keystore import temporary_store
from netralitas_desktop.core.database import close_database, open_database
from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.event_settings import put_asset
from netralitas_desktop.core.models import Attendance, Registration, db

BENCH_PASSPHRASE = b"kunci sekali pakai untuk bench"  # a throw-away signing key, never this computer's


def frame_jpeg() -> bytes:
    """A 200 dpi A4-landscape frame with a soft texture, as a designer would deliver it."""
    width, height = 2339, 1654
    image = Image.new("RGB", (width, height), (252, 248, 238))
    draw = ImageDraw.Draw(image)
    for step in range(0, width, 24):
        draw.line((step, 0, step - height // 2, height), fill=(244, 236, 218), width=3)
    for inset, colour, line in ((50, (27, 58, 107), 18), (85, (168, 134, 47), 6)):
        draw.rectangle((inset, inset, width - inset, height - inset), outline=colour, width=line)
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def png(draw_function, size) -> bytes:
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw_function(ImageDraw.Draw(image), size)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _signature(draw, size):
    points = [(30 + i * 5, size[1] / 2 + 50 * math.sin(i / 6)) for i in range(100)]
    draw.line(points, fill=(10, 20, 90, 255), width=6)


def _stamp(draw, size):
    draw.ellipse((8, 8, size[0] - 8, size[1] - 8), outline=(90, 60, 170, 200), width=12)


def _logo(draw, size):
    draw.polygon(
        [(10, 10), (size[0] - 10, 10), (size[0] - 10, 240), (size[0] / 2, size[1] - 10), (10, 240)],
        fill=(20, 70, 140, 255),
    )


def prepare_event(count: int, seed: int) -> int:
    event_id = create_demo_event(participants=count, seed=seed)
    with db.atomic():
        ids = [rid for (rid,) in Registration.select(Registration.id).where(Registration.event == event_id).tuples()]
        for start in range(0, len(ids), 500):
            Attendance.insert_many(
                [{"registration": rid, "method": "qr"} for rid in ids[start : start + 500]]
            ).execute()
    set_background(event_id, frame_jpeg(), "bingkai.jpg")
    put_asset(event_id, "logo", png(_logo, (300, 340)))
    put_asset(event_id, "signatory1_signature", png(_signature, (600, 200)))
    put_asset(event_id, "signatory1_stamp", png(_stamp, (300, 300)))
    design = load_design(event_id)
    design.background, design.frame = BACKGROUND_ASSET, False
    save_design(event_id, design)
    return event_id


@contextlib.contextmanager
def demo_event_database(count: int, seed: int = 1) -> Iterator[tuple[Path, int]]:
    """A throw-away SQLite file and signing key holding ``prepare_event(count)``: (folder, event id)."""
    with tempfile.TemporaryDirectory() as folder, temporary_store(Path(folder) / "kunci", BENCH_PASSPHRASE):
        open_database(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            yield Path(folder), prepare_event(count, seed=seed)
        finally:
            close_database()


def timed(job):
    """(result, wall seconds, (CPU seconds of this process, of the worker processes it joined))."""
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    result = job.run()
    return result, time.perf_counter() - wall, (time.process_time() - cpu, _children_cpu() - children)


def _cpu(seconds: tuple[float, float]) -> str:
    return f"CPU {seconds[0]:.2f} s here + {seconds[1]:.2f} s in workers"


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows: the workers' CPU is not counted
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="certificates in the merged PDF")
    parser.add_argument("--per-person", type=int, default=1000, help="per-person files (0 skips)")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument("--sign", metavar="P12", help="also sign the per-person files with this PKCS#12 file")
    parser.add_argument("--password", default="", help="password of the PKCS#12 file")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with demo_event_database(args.count) as (folder, event_id):
        target = folder / "sertifikat.pdf"
        for label in ("first run (numbers given)", "again (numbers kept)"):
            result, wall, cpu = timed(CertificatesJob(event_id, target, workers=args.workers))
            size = target.stat().st_size
            print(
                f"Merged PDF, {label}: {result.count} certificates in {wall:.2f} s wall ({_cpu(cpu)}): "
                f"{result.count / wall:.0f}/s; {size / 1e6:.2f} MB ({size / result.count / 1e3:.1f} kB each)"
            )
        if args.per_person:
            small = prepare_event(args.per_person, seed=2) if args.per_person != args.count else event_id
            out = folder / "per-orang"
            result, wall, cpu = timed(CertificatesJob(small, out, per_person=True, workers=args.workers))
            size = sum(path.stat().st_size for path in out.iterdir())
            print(
                f"Per-person files: {result.count} in {wall:.2f} s wall ({_cpu(cpu)}): "
                f"{result.count / wall:.0f}/s; {size / result.count / 1e3:.0f} kB a file"
            )
            if args.sign:
                from netralitas_desktop.core.certificates.signing import Signer

                signer = Signer(args.sign, args.password.encode())
                signed = folder / "ditandatangani"
                result, wall, cpu = timed(
                    CertificatesJob(small, signed, per_person=True, workers=args.workers, signer=signer)
                )
                print(f"Signed per-person files: {result.count} in {wall:.2f} s wall: {result.count / wall:.0f}/s")
        if args.profile:
            profile = cProfile.Profile()
            profile.enable()
            CertificatesJob(event_id, target).run()
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()

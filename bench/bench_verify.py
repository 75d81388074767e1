"""Checking a certificate PDF page by page: N certificates in one PDF, every page's QR decoded and
verified (signature, register, holder, the page's printed text), each page with its own verdict.

Builds the same demo event as bench_certificates.py (background, logo, signature, stamp), makes the
merged PDF, then times ``VerifyJob`` over it and prints pages/s and the verdicts counted.

    .venv/bin/python bench/bench_verify.py [--count 1000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_certificates import demo_event_database

from netralitas_desktop.core.certificates.bulk import CertificatesJob
from netralitas_desktop.core.certificates.verify import VerifyJob


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="pages (certificates) in the PDF")
    args = parser.parse_args()
    with demo_event_database(args.count) as (folder, event_id):
        target = folder / "sertifikat.pdf"
        CertificatesJob(event_id, target).run()
        wall, cpu = time.perf_counter(), time.process_time()
        report = VerifyJob(target).run()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        pages = len(report.pages)
        counts = ", ".join(f"{count} {status}" for status, count in report.counts().items() if count)
        print(
            f"Verified a {pages}-page certificate PDF in {wall:.1f} s wall (CPU {cpu:.1f} s): "
            f"{pages / wall:.1f} pages/s, {1000 * wall / pages:.0f} ms a page; verdicts: {counts}"
        )


if __name__ == "__main__":
    main()

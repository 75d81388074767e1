"""A crafted package: how fast and how lean the refusal is (target: under a second, a few MB).

Run: ``.venv/bin/python bench/bench_package_bomb.py [--gigabytes 3]``. Builds a real deflate
bomb (zeros, correct CRC: about 1 MB per GB on disk) and a file whose entry lies about its
size, then times ``read_package`` on each in a fresh process and reads that process's peak
memory (``ru_maxrss``) before and after, so the figure is what the refusal itself costs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.package_forgery import zip_bomb

PROBE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from netralitas_desktop.core.offline import PackageError, read_package
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
try:
    read_package(sys.argv[1])
    message = "DITERIMA"
except PackageError as err:
    message = str(err)
elapsed = time.perf_counter() - started
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": elapsed, "peak_before_kb": before, "peak_after_kb": after, "message": message}}))
"""


def measure(path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=str(ROOT)), str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gigabytes", type=int, default=3, help="how far the bomb expands (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bomb = zip_bomb(Path(folder) / "bom.netralitas", expanded=args.gigabytes * 1024**3)
        liar = zip_bomb(Path(folder) / "bohong.netralitas", expanded=512 * 1024**2, name="manifest.json", stated=1000)
        print(f"{'berkas':<34} {'ukuran':>9} {'waktu tolak':>12} {'memori naik':>12}  (target < 1 s)")
        for label, path in (
            (f"bom {args.gigabytes} GB (ukuran jujur)", bomb),
            ("bom 512 MB (ukuran dibohongi)", liar),
        ):
            figures = measure(path)
            grown = (figures["peak_after_kb"] - figures["peak_before_kb"]) / 1024
            print(
                f"{label:<34} {path.stat().st_size / 1024**2:>7.1f} MB {figures['seconds'] * 1000:>9.1f} ms "
                f"{grown:>9.1f} MB"
            )
            print(f"  pesan: {figures['message']}")


if __name__ == "__main__":
    main()

"""QR building: documents.qr (zxing-cpp's encoder) against the pure-Python ``qrcode`` encoder.

Times, per code, what a document pays before drawing: the module matrix plus its dark
rectangles (``qr_operators``), for a check-in payload and a verification address. The
figures justify the encoder choice stated in core/documents/qr.py.

    .venv/bin/python bench/bench_qr.py [--codes 500]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import qrcode
from qrcode.constants import ERROR_CORRECT_M

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from netralitas_desktop.core.documents.qr import qr_operators

PAYLOADS = {
    "check-in payload (27 chars)": "NTR1ABCDEFGHJKMNPQRST{:06d}",
    "verification address (90 chars)": "https://verifikasi.example.go.id/s/NTR-2024-{:06d}?k=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
}


def qrcode_matrix(text: str) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def per_code_ms(function, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        function(text)
    return (time.perf_counter() - start) / len(texts) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", type=int, default=500)
    args = parser.parse_args()
    for label, template in PAYLOADS.items():
        texts = [template.format(index) for index in range(args.codes)]
        modules = qr_operators(texts[0])[0]
        with_qrcode = per_code_ms(lambda text: qr_operators(qrcode_matrix(text)), texts)
        here = per_code_ms(qr_operators, texts)
        print(
            f"{label}, {modules} modules: qrcode {with_qrcode:.2f} ms, zxing-cpp {here:.2f} ms a code "
            f"({with_qrcode / here:.0f}x)"
        )


if __name__ == "__main__":
    main()

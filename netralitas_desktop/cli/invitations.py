"""``netralitas invitations --event ID --out FILE.pdf|DIR|FILE.zip [--paper a4|f4] [--unit NAMA]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.jobs import Job
from .common import CliError, add_command, cli_actor, paper_type, positive_int, run_with_progress

# The invitation modules (ReportLab, qrcode, Pillow) are imported by the command, so that
# building the parser (every start, GUI included) stays fast.


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "invitations", "buat undangan ber-QR: kartu PDF, atau gambar PNG per orang", make_invitations
    )
    parser.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    parser.add_argument(
        "--out",
        required=True,
        metavar="TUJUAN",
        help="berkas .pdf (kartu untuk dicetak), folder (PNG per orang) atau berkas .zip (PNG)",
    )
    # A text default goes through paper_type too (Paper.A4), without loading the document layer here.
    parser.add_argument(
        "--paper", type=paper_type, default="a4", metavar="KERTAS", help="ukuran kertas PDF: a4 atau f4 (bawaan: a4)"
    )
    parser.add_argument("--unit", default=None, metavar="NAMA", help="hanya peserta dari unit kerja ini")


def make_invitations(args: argparse.Namespace) -> dict:
    from ..core.invitations import InvitationImagesJob, InvitationPdfJob

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        job: Job = InvitationPdfJob(args.event, out, paper=args.paper, unit=args.unit, actor=cli_actor())
    elif suffix == ".zip" or not suffix or out.is_dir():
        job = InvitationImagesJob(args.event, out, unit=args.unit, actor=cli_actor())
    else:
        raise CliError(f"Tujuan {out.name} tidak dikenal: pakai berkas .pdf, berkas .zip, atau sebuah folder.", 2)
    result = run_with_progress(args, job)
    what = (
        f"{result.count} kartu undangan dalam {result.pages} halaman"
        if result.format == "pdf"
        else (f"{result.count} gambar undangan")
    )
    return {**result.to_dict(), "message": f"{what} tersimpan di {result.path}."}

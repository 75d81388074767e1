"""``netralitas invitations --event ID`` with one of:

- ``--out FILE.pdf|DIR|FILE.zip [--paper a4|f4] [--unit NAMA] [--nip NOMOR…] [--only-unsent] [--no-mark]``:
  make the cards (PDF) or one PNG per person; everyone made for is marked sent;
- ``--mark-sent --nip NOMOR…`` / ``--unmark --nip NOMOR…``: say by hand whether invitations went out;
- ``--status``: how many invitations have gone out and how many have not.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.jobs import Job
from .common import CliError, add_command, cli_actor, paper_type, positive_int, run_with_progress

# The invitation modules (ReportLab, qrcode, Pillow) are imported by the command, so that
# building the parser (every start, GUI included) stays fast.


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "invitations",
        "buat undangan ber-QR (kartu PDF, atau gambar PNG per orang) dan catat undangan yang sudah dikirim",
        run_invitations,
    )
    parser.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--out",
        metavar="TUJUAN",
        help="berkas .pdf (kartu untuk dicetak), folder (PNG per orang) atau berkas .zip (PNG untuk WhatsApp)",
    )
    what.add_argument(
        "--mark-sent", action="store_true", help="tandai undangan peserta --nip sudah dikirim (tanpa membuat berkas)"
    )
    what.add_argument("--unmark", action="store_true", help="hapus tanda terkirim undangan peserta --nip")
    what.add_argument("--status", action="store_true", help="tampilkan jumlah undangan yang sudah dan belum dikirim")
    # A text default goes through paper_type too (Paper.A4), without loading the document layer here.
    parser.add_argument(
        "--paper", type=paper_type, default="a4", metavar="KERTAS", help="ukuran kertas PDF: a4 atau f4 (bawaan: a4)"
    )
    parser.add_argument("--unit", default=None, metavar="NAMA", help="hanya peserta dari unit kerja ini")
    parser.add_argument(
        "--nip", nargs="+", default=None, metavar="NOMOR", help="hanya peserta dengan NIP / NI PPPK / NIK ini"
    )
    parser.add_argument(
        "--only-unsent", action="store_true", help="hanya peserta yang undangannya belum ditandai terkirim"
    )
    parser.add_argument(
        "--no-mark",
        action="store_true",
        help="jangan tandai undangan yang dibuat sebagai terkirim (misalnya cetak coba)",
    )


def run_invitations(args: argparse.Namespace) -> dict:
    if args.status:
        return _status(args)
    if args.mark_sent or args.unmark:
        return _mark(args)
    return _make(args)


def _chosen_registrations(args: argparse.Namespace) -> frozenset[int] | None:
    """The registrations ``--nip`` names, or None without it; a number nobody has is an error."""
    if args.nip is None:
        return None
    from ..core.invitation_delivery import registrations_by_numbers

    ids, missing = registrations_by_numbers(args.event, args.nip)
    if missing:
        raise CliError(
            f"Tidak ada peserta kegiatan nomor {args.event} dengan NIP/NIK: {', '.join(missing)}.",
            2,
            not_found=missing,
        )
    return frozenset(ids)


def _make(args: argparse.Namespace) -> dict:
    from ..core.invitations import InvitationImagesJob, InvitationPdfJob, Selection

    selection = Selection(_chosen_registrations(args), args.unit, args.only_unsent)
    options = dict(selection=selection, mark_sent=not args.no_mark, actor=cli_actor())
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        job: Job = InvitationPdfJob(args.event, out, paper=args.paper, **options)
    elif suffix == ".zip" or not suffix or out.is_dir():
        job = InvitationImagesJob(args.event, out, **options)
    else:
        raise CliError(f"Tujuan {out.name} tidak dikenal: pakai berkas .pdf, berkas .zip, atau sebuah folder.", 2)
    result = run_with_progress(args, job)
    what = (
        f"{result.count} kartu undangan dalam {result.pages} halaman"
        if result.format == "pdf"
        else (f"{result.count} gambar undangan")
    )
    marked = f" {result.marked} undangan ditandai terkirim." if result.marked else " Tidak ada yang ditandai terkirim."
    return {**result.to_dict(), "message": f"{what} tersimpan di {result.path}.{marked}"}


def _mark(args: argparse.Namespace) -> dict:
    from ..core.invitation_delivery import delivery_counts, mark_sent, unmark_sent

    if args.nip is None:
        raise CliError("Sebutkan peserta dengan --nip NOMOR (boleh beberapa).", 2)
    ids = _chosen_registrations(args) or frozenset()
    if args.mark_sent:
        count = mark_sent(args.event, ids, actor=cli_actor())
        message = f"{count} undangan ditandai sudah dikirim."
    else:
        count = unmark_sent(args.event, ids, actor=cli_actor())
        message = f"Tanda terkirim dihapus dari {count} undangan."
    counts = delivery_counts(args.event)
    return {"event_id": args.event, "changed": count, "sent": counts.sent, "unsent": counts.unsent, "message": message}


def _status(args: argparse.Namespace) -> dict:
    from ..core.events import get_event
    from ..core.invitation_delivery import delivery_counts

    get_event(args.event)
    counts = delivery_counts(args.event)
    return {
        "event_id": args.event,
        "total": counts.total,
        "sent": counts.sent,
        "unsent": counts.unsent,
        "message": f"Undangan: {counts.sent} sudah dikirim, {counts.unsent} belum, dari {counts.total} peserta.",
    }

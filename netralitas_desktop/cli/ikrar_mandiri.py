"""CLI: ikrar mandiri forms and returns.

``netralitas ikrar-mandiri --event ID --out FILE.pdf [--paper a4|f4] [--for tidak-hadir|hadir-belum-ttd|semua]``:
the forms of everyone who owes one (the absent; or those who attended without signing; or both).
``netralitas ikrar-mandiri --event ID --owed`` (``--returned``, ``--unsigned``): who still owes one / who
returned one / who attended but signed no pledge.
``netralitas ikrar-mandiri receive KODE --event ID [--attach FILE]``: a signed form came back.
``netralitas ikrar-mandiri undo --registration N --reason TEKS``: take back a receipt made by mistake.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import events
from ..core.dates import clock_time, long_date
from ..core.nip import format_nip
from .common import (
    CliError,
    add_command,
    add_json_flag,
    cli_actor,
    format_table,
    paper_type,
    positive_int,
    run_with_progress,
)

# The pledge and document modules (ReportLab, Pillow, pypdfium2) are imported by the
# commands that use them, so that building the parser (every start, GUI included) stays fast.
if TYPE_CHECKING:
    from ..core.pledges import returns

EXIT_REJECTED = 1

HELP = "ikrar mandiri: formulir ber-QR bagi peserta yang tidak hadir, dan penerimaan formulir yang kembali"
EPILOG = (
    "Tanpa AKSI: --out membuat satu PDF berisi formulir setiap peserta yang wajib ikrar mandiri "
    "(terdaftar, tidak hadir, belum menandatangani, formulir belum kembali), atau dengan --for bagi yang "
    "hadir tetapi belum menandatangani ikrar; --owed menampilkan siapa yang belum mengembalikan; "
    "--returned siapa yang sudah; --unsigned siapa yang hadir tetapi belum menandatangani. AKSI receive "
    "mencatat formulir yang kembali dari kode QR-nya (kode keluar 1 bila ditolak), undo membatalkan "
    "penerimaan yang keliru."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(subparsers, "ikrar-mandiri", HELP, run_main)
    parser.epilog = EPILOG
    parser.add_argument("--event", type=positive_int, metavar="ID", help="nomor kegiatan")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--out", metavar="BERKAS", help="berkas .pdf tujuan formulir ikrar mandiri")
    what.add_argument("--owed", action="store_true", help="daftar peserta yang belum mengembalikan formulir")
    what.add_argument("--returned", action="store_true", help="daftar formulir yang sudah kembali")
    what.add_argument(
        "--unsigned", action="store_true", help="daftar peserta yang hadir tetapi belum menandatangani ikrar"
    )
    parser.add_argument(
        "--for",
        dest="audience",
        choices=("tidak-hadir", "hadir-belum-ttd", "semua"),
        default="tidak-hadir",
        metavar="SIAPA",
        help="formulir bagi: tidak-hadir (bawaan), hadir-belum-ttd (hadir tetapi belum tanda tangan), atau semua",
    )
    parser.add_argument(
        "--paper",
        type=paper_type,
        default=None,
        metavar="KERTAS",
        help="ukuran kertas: a4 atau f4 (bawaan: pengaturan dokumen kegiatan)",
    )
    actions = parser.add_subparsers(dest="ikrar_action", metavar="AKSI", title="aksi")

    receive = actions.add_parser(
        "receive",
        help="catat formulir yang kembali dari kode QR-nya",
        description="Catat formulir ikrar mandiri yang sudah ditandatangani dan kembali.",
    )
    add_json_flag(receive)
    receive.set_defaults(func=run_receive)
    receive.add_argument("code", metavar="KODE", help="isi kode QR formulir (NTM1…), boleh diketik dari kertasnya")
    # SUPPRESS: "ikrar-mandiri --event 3 receive KODE" keeps the --event given before the action.
    receive.add_argument("--event", type=positive_int, default=argparse.SUPPRESS, metavar="ID", help="nomor kegiatan")
    receive.add_argument("--attach", metavar="BERKAS", help="foto atau pindaian formulir (JPG, PNG atau PDF)")

    undo = actions.add_parser(
        "undo",
        help="batalkan penerimaan formulir yang keliru",
        description="Batalkan penerimaan formulir ikrar mandiri yang keliru dicatat.",
    )
    add_json_flag(undo)
    undo.set_defaults(func=run_undo)
    undo.add_argument(
        "--registration",
        type=positive_int,
        required=True,
        metavar="N",
        help="nomor pendaftaran peserta (lihat --returned --json)",
    )
    undo.add_argument("--reason", required=True, metavar="TEKS", help="alasan pembatalan (tercatat di log)")


def run_main(args: argparse.Namespace) -> dict:
    if args.event is None:
        raise CliError("Nomor kegiatan (--event) wajib diisi.", 2)
    events.get_event(args.event)  # an unknown event is a usage error
    if args.owed:
        return _owed(args.event)
    if args.returned:
        return _returned(args.event)
    if args.unsigned:
        return _owed(args.event, unsigned=True)
    if not args.out:
        raise CliError("Pilih salah satu: --out BERKAS.pdf (buat formulir), --owed, --returned atau --unsigned.", 2)
    return _make_forms(args)


def _make_forms(args: argparse.Namespace) -> dict:
    from ..core.pledges.ikrar_mandiri import Audience, IkrarMandiriFormsJob

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise CliError(f"Tujuan {out.name} harus berkas .pdf.", 2)
    job = IkrarMandiriFormsJob(args.event, out, paper=args.paper, audience=Audience(args.audience), actor=cli_actor())
    result = run_with_progress(args, job)
    return {**result.to_dict(), "message": f"{result.count} formulir ikrar mandiri tersimpan di {result.path}."}


def _id_text(nip: str, nik: str) -> str:
    return format_nip(nip) if nip else nik


def _owed(event_id: int, *, unsigned: bool = False) -> dict:
    """Who owes a form, or (``unsigned``) who attended without signing any pledge."""
    from ..core.pledges import returns
    from ..core.reports.status import STATUS_LABELS

    view = returns.overview(event_id)
    listed = view.present_unsigned if unsigned else view.owed
    people = [
        {
            "registration_id": row.registration_id,
            "name": row.full_name,
            "nip": row.nip,
            "nik": row.nik,
            "unit_kerja": row.unit_kerja,
            "status": row.status,
        }
        for row in listed
    ]
    summary = _summary(view)
    if people:
        table = format_table(
            ("No", "Nama", "NIP / NIK", "Unit kerja", "Keterangan"),
            [
                (index, p["name"], _id_text(p["nip"], p["nik"]), p["unit_kerja"], STATUS_LABELS[p["status"]])
                for index, p in enumerate(people, start=1)
            ],
            right=(0,),
        )
        text = f"{table}\n\n{summary}"
    elif unsigned:
        text = f"Semua yang hadir sudah menandatangani ikrar. {summary}"
    else:
        text = f"Tidak ada yang belum mengembalikan formulir ikrar mandiri. {summary}"
    return {"event_id": event_id, **view.counts(), "people": people, "message": summary, "text": text}


def _returned(event_id: int) -> dict:
    from ..core.pledges import returns

    view = returns.overview(event_id)
    forms = [
        {
            "registration_id": row.registration_id,
            "name": row.full_name,
            "nip": row.nip,
            "nik": row.nik,
            "unit_kerja": row.unit_kerja,
            "returned_at": row.returned_at.isoformat(sep=" "),
            "method": row.method,
            "desk": row.desk,
            "operator": row.operator,
            "attachment": row.attachment_name,
        }
        for row in view.returned
    ]
    summary = _summary(view)
    if forms:
        table = format_table(
            ("No", "Diterima", "Nama", "NIP / NIK", "Unit kerja", "Meja", "Lampiran"),
            [
                (
                    index,
                    f"{long_date(row.returned_at.date())} {clock_time(row.returned_at.time())}",
                    row.full_name,
                    _id_text(row.nip, row.nik),
                    row.unit_kerja,
                    row.desk,
                    "ada" if row.has_attachment else "-",
                )
                for index, row in enumerate(view.returned, start=1)
            ],
            right=(0,),
        )
        text = f"{table}\n\n{summary}"
    else:
        text = f"Belum ada formulir ikrar mandiri yang kembali. {summary}"
    return {"event_id": event_id, **view.counts(), "forms": forms, "message": summary, "text": text}


def _summary(view: returns.Overview) -> str:
    return (
        f"Wajib ikrar mandiri: {view.required}, sudah kembali: {len(view.returned)}, belum: {len(view.owed)}; "
        f"hadir tetapi belum menandatangani ikrar: {len(view.present_unsigned)}."
    )


def run_receive(args: argparse.Namespace) -> dict:
    from ..core.pledges import returns
    from ..core.pledges.mandiri_attachment import load_attachment

    if args.event is None:
        raise CliError("Nomor kegiatan (--event) wajib diisi.", 2)
    events.get_event(args.event)
    attachment = load_attachment(args.attach) if args.attach else None
    result = returns.receive_by_code(args.event, args.code, cli_actor(), attachment)
    if result.status == returns.ReturnStatus.REJECTED:
        details = {key: value for key, value in result.to_dict().items() if key != "message"}
        raise CliError(result.reason, exit_code=EXIT_REJECTED, text=result.message, **details)
    return result.to_dict()


def run_undo(args: argparse.Namespace) -> dict:
    from ..core.pledges import returns

    returns.undo_return(args.registration, reason=args.reason, actor=cli_actor())
    return {
        "registration_id": args.registration,
        "message": "Penerimaan formulir ikrar mandiri dibatalkan; peserta kembali tercatat belum mengembalikan.",
    }

"""``netralitas pledges | pledge-sheet | attendance-list --event ID --out …``: the pledge documents.

- ``pledges``: signed pakta integritas of everyone who signed at the desk — one PDF, or
  one PDF per person (``--per-person``: a folder, or a ``.zip``).
- ``pledge-sheet``: the lembar ikrar bersama (pledge text plus a signature column).
- ``attendance-list``: the daftar hadir, ``--kind tanda-tangan`` (to sign, blank spaces; the
  default) or ``--kind rekap`` (rekap kehadiran: Keterangan and the desk's signatures),
  optionally grouped by unit, portrait or landscape.

Wording, form fields, kop and paper come from the event's document settings; ``--paper``
and ``--meterai`` override them for one run.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from .common import CliError, add_command, cli_actor, paper_type, positive_int, run_with_progress

# The document modules (ReportLab, Pillow) are imported by the commands that use them, so
# that building the parser (every start, GUI included) stays fast.
if TYPE_CHECKING:
    from ..core.pledges.signing_list import ListOptions


def register(subparsers: argparse._SubParsersAction) -> None:
    pledges = add_command(
        subparsers,
        "pledges",
        "buat pakta integritas bertanda tangan (peserta yang sudah tanda tangan di meja registrasi)",
        make_pledges,
    )
    _common(pledges, "berkas .pdf (semua dalam satu berkas), atau folder/berkas .zip dengan --per-person")
    pledges.add_argument("--per-person", action="store_true", help="satu berkas PDF per peserta")
    pledges.add_argument(
        "--meterai",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="beri kotak meterai di atas tanda tangan (bawaan: pengaturan kegiatan)",
    )

    sheet = add_command(
        subparsers, "pledge-sheet", "buat lembar ikrar bersama dengan kolom tanda tangan", make_pledge_sheet
    )
    _common(sheet, "berkas .pdf")
    _list_options(sheet)

    attendance = add_command(subparsers, "attendance-list", "buat daftar hadir peserta", make_attendance_list)
    _common(attendance, "berkas .pdf")
    attendance.add_argument(
        "--kind",
        choices=("tanda-tangan", "rekap"),
        default="tanda-tangan",
        metavar="JENIS",
        help="tanda-tangan: untuk ditandatangani (ruang kosong, bawaan); rekap: rekap kehadiran dengan "
        "keterangan hadir/daring/izin/sakit/dinas luar/tidak hadir dan tanda tangan dari meja",
    )
    attendance.add_argument("--group-by-unit", action="store_true", help="kelompokkan peserta per unit kerja")
    _list_options(attendance)


def _common(parser: argparse.ArgumentParser, out_help: str) -> None:
    parser.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    parser.add_argument("--out", required=True, metavar="TUJUAN", help=out_help)
    parser.add_argument(
        "--paper",
        type=paper_type,
        default=None,
        metavar="KERTAS",
        help="ukuran kertas: A4 atau F4 (bawaan: pengaturan kegiatan)",
    )


def _list_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--landscape", action="store_true", help="kertas mendatar (lanskap)")
    parser.add_argument("--only-present", action="store_true", help="hanya peserta yang sudah hadir (check-in)")
    parser.add_argument(
        "--no-signatures",
        action="store_true",
        help="jangan cetak tanda tangan dari meja registrasi (kolom dikosongkan untuk ditandatangani)",
    )


def _pdf_target(out: str) -> Path:
    path = Path(out)
    if path.suffix.lower() != ".pdf":
        raise CliError(f"Tujuan {path.name} harus berupa berkas .pdf.", 2)
    return path


def _list_options_of(args: argparse.Namespace) -> ListOptions:
    from ..core.pledges.signing_list import ListKind, ListOptions

    return ListOptions(
        paper=args.paper,
        landscape=args.landscape,
        group_by_unit=getattr(args, "group_by_unit", False),
        only_present=args.only_present,
        signatures=not args.no_signatures,
        kind=ListKind(getattr(args, "kind", ListKind.SIGNING.value)),
    )


def make_pledges(args: argparse.Namespace) -> dict:
    from ..core.pledges.pledge_files import PledgeFormsJob, PledgeOptions

    out = Path(args.out)
    per_person = args.per_person or out.suffix.lower() == ".zip" or out.is_dir()
    if not per_person and out.suffix.lower() != ".pdf":
        raise CliError(
            f"Tujuan {out.name} tidak dikenal: pakai berkas .pdf, atau --per-person dengan folder atau berkas .zip.", 2
        )
    if per_person and out.suffix.lower() == ".pdf":
        raise CliError("Dengan --per-person, tujuan harus sebuah folder atau berkas .zip, bukan berkas .pdf.", 2)
    options = PledgeOptions(paper=args.paper, per_person=per_person, meterai=args.meterai)
    result = run_with_progress(args, PledgeFormsJob(args.event, out, options, actor=cli_actor()))
    if result.format == "pdf":
        what = f"{result.count} pakta integritas bertanda tangan ({result.pages} halaman)"
    else:
        what = f"{result.files} berkas pakta integritas (satu per peserta)"
    return {**result.to_dict(), "message": f"{what} tersimpan di {result.path}."}


def make_pledge_sheet(args: argparse.Namespace) -> dict:
    from ..core.pledges.collective_sheet import PledgeSheetJob

    job = PledgeSheetJob(args.event, _pdf_target(args.out), _list_options_of(args), actor=cli_actor())
    result = run_with_progress(args, job)
    return {
        **result.to_dict(),
        "message": f"Lembar ikrar bersama untuk {result.count} peserta "
        f"({result.pages} halaman) tersimpan di {result.path}.",
    }


def make_attendance_list(args: argparse.Namespace) -> dict:
    from ..core.pledges.attendance_list import AttendanceListJob

    options = _list_options_of(args)
    job = AttendanceListJob(args.event, _pdf_target(args.out), options, actor=cli_actor())
    result = run_with_progress(args, job)
    return {
        **result.to_dict(),
        "kind": options.kind.value,
        "message": f"Daftar hadir ({options.kind.label}) {result.count} peserta ({result.pages} halaman) "
        f"tersimpan di {result.path}.",
    }

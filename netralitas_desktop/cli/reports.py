"""Reports for the Sekda and absence reasons from the command line.

``netralitas export --event ID --xlsx FILE | --csv FILE [--paper a4|f4]``
``netralitas report --event ID --pdf FILE [--paper a4|f4] [--with-attendance-list]``
``netralitas absence set --event ID NIP_ATAU_NIK --reason izin|sakit|dinas-luar [--note TEKS]``
``netralitas absence clear --event ID NIP_ATAU_NIK``
"""

from __future__ import annotations

import argparse

from ..core.events import get_event
from .common import CliError, add_command, add_group, cli_actor, paper_type, positive_int, run_with_progress

# The report modules (openpyxl, ReportLab) are imported by the commands that use them, so
# that building the parser (every start, GUI included) stays fast.

REASON_CHOICES = ("izin", "sakit", "dinas-luar")


def register(subparsers: argparse._SubParsersAction) -> None:
    export = add_command(subparsers, "export", "ekspor daftar hadir dan rekap ke Excel (.xlsx) atau CSV", run_export)
    export.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    target = export.add_mutually_exclusive_group()  # "one of … is required" would be argparse's English
    target.add_argument(
        "--xlsx",
        metavar="BERKAS",
        help="buku kerja Excel: daftar hadir, rekap per OPD, rekap jenis pegawai, tidak hadir",
    )
    target.add_argument("--csv", metavar="BERKAS", help="daftar hadir sebagai CSV (UTF-8, pemisah titik koma)")
    _paper_option(export, "ukuran kertas saat dicetak dari Excel")

    report = add_command(subparsers, "report", "buat laporan pelaksanaan kegiatan (PDF) untuk Sekda", run_report)
    report.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    report.add_argument("--pdf", required=True, metavar="BERKAS", help="berkas PDF tujuan")
    report.add_argument(
        "--with-attendance-list",
        action="store_true",
        help="lampirkan rekap kehadiran (daftar hadir dengan keterangan) sebagai Lampiran, nomor halaman bersambung",
    )
    _paper_option(report, "ukuran kertas")

    actions = add_group(subparsers, "absence", "catat alasan tidak hadir: izin, sakit, dinas luar")
    mark = add_command(actions, "set", "tandai peserta izin, sakit atau dinas luar", run_absence_set)
    _person_arguments(mark)
    mark.add_argument(
        "--reason", required=True, choices=REASON_CHOICES, metavar="ALASAN", help="izin, sakit atau dinas-luar"
    )
    mark.add_argument("--note", default="", metavar="TEKS", help="keterangan, misalnya 'Rapat di provinsi'")
    clear = add_command(actions, "clear", "hapus alasan tidak hadir (kembali: tidak hadir)", run_absence_clear)
    _person_arguments(clear)


def _paper_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument(
        "--paper",
        type=paper_type,
        default=None,
        metavar="KERTAS",
        help=f"{help_text}: a4 atau f4 (bawaan: pengaturan kertas kegiatan, atau A4)",
    )


def _person_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    parser.add_argument(
        "number", metavar="NIP_ATAU_NIK", help="NIP/NI PPPK (18 digit, boleh berspasi) atau NIK (16 digit) peserta"
    )


def run_export(args: argparse.Namespace) -> dict:
    from ..core.reports.export_csv import CsvExportJob
    from ..core.reports.export_xlsx import XlsxExportJob
    from ..core.reports.status import unit_recap

    if not (args.xlsx or args.csv):
        raise CliError("Sebutkan berkas tujuan: --xlsx BERKAS atau --csv BERKAS.", 2)
    get_event(args.event)
    if args.xlsx:
        result = run_with_progress(args, XlsxExportJob(args.event, args.xlsx, paper=args.paper, actor=cli_actor()))
        what = "Buku kerja Excel"
    else:
        result = run_with_progress(args, CsvExportJob(args.event, args.csv, actor=cli_actor()))
        what = "Berkas CSV"
    total = unit_recap(args.event).total
    summary = {
        "registered": total.registered,
        "present": total.present,
        "in_room": total.in_room,
        "online": total.online,
        "absent": total.absent,
        "cancelled": total.cancelled,
    }
    message = (
        f"{what} tersimpan di {result.path}: {result.rows} pendaftaran; hadir {total.present} dari "
        f"{total.registered} peserta ({total.in_room} di ruangan, {total.online} daring), "
        f"tidak hadir {total.absent}."
    )
    return {**result.to_dict(), "summary": summary, "message": message}


def run_report(args: argparse.Namespace) -> dict:
    from ..core.reports.report_pdf import ReportPdfJob

    get_event(args.event)
    job = ReportPdfJob(
        args.event, args.pdf, paper=args.paper, with_attendance_list=args.with_attendance_list, actor=cli_actor()
    )
    result = run_with_progress(args, job)
    extra = " dengan Lampiran rekap kehadiran" if args.with_attendance_list else ""
    return {**result.to_dict(), "message": f"Laporan{extra} ({result.pages} halaman) tersimpan di {result.path}."}


def _person(args: argparse.Namespace) -> tuple[int, str]:
    from ..core.participants import get_participant
    from ..core.reports import absence

    get_event(args.event)
    registration_id = absence.find_registration(args.event, args.number)
    return registration_id, get_participant(registration_id)[0].full_name


def run_absence_set(args: argparse.Namespace) -> dict:
    from ..core.reports import absence

    registration_id, name = _person(args)
    absence.mark_absent(registration_id, args.reason, args.note, actor=cli_actor())
    info = absence.get_absence(registration_id)
    note = f" ({info.note})" if info.note else ""
    return {
        "registration_id": registration_id,
        "name": name,
        "reason": info.reason,
        "note": info.note,
        "message": f"{name} dicatat {info.label}{note}.",
    }


def run_absence_clear(args: argparse.Namespace) -> dict:
    from ..core.reports import absence

    registration_id, name = _person(args)
    cleared = absence.clear_absence(registration_id, actor=cli_actor())
    message = (
        f"Alasan tidak hadir {name} dihapus."
        if cleared
        else f"{name} tidak memiliki alasan tidak hadir; tidak ada yang diubah."
    )
    return {"registration_id": registration_id, "name": name, "cleared": cleared, "message": message}

"""CLI: pledge campaigns over several events, and the instansi's master roster.

``netralitas campaign create --name TEKS --deadline TTTT-BB-HH``, ``list``, ``add-event``,
``remove-event``, ``coverage [--opd NAMA] [--owing]``, ``excuse``, ``forms``, ``export``,
``receive``; ``netralitas roster master import BERKAS [--partial] [--dry-run]`` and
``roster master show`` (registered under the ``roster`` group by ``cli/roster.py``).
``--campaign`` takes the number or the name; it may be left out while there is one campaign.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..core.events import NotFoundError, ValidationError
from .common import (
    CliError,
    add_command,
    add_group,
    cli_actor,
    format_table,
    paper_type,
    positive_int,
    run_with_progress,
    terminal_progress,
)

HELP = "kampanye ikrar: cakupan ikrar seluruh pegawai Pemda dari beberapa kegiatan"
EXIT_REJECTED = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    actions = add_group(subparsers, "campaign", HELP)

    create = add_command(actions, "create", "buat kampanye baru", run_create)
    create.add_argument("--name", required=True, metavar="TEKS", help='nama, misalnya "Netralitas ASN Pilkada 2024"')
    create.add_argument("--deadline", required=True, metavar="TTTT-BB-HH", help="batas waktu ikrar, TTTT-BB-HH")
    create.add_argument("--note", default="", metavar="TEKS", help="catatan")

    add_command(actions, "list", "daftar kampanye", run_list)

    add = add_command(actions, "add-event", "hitung ikrar kegiatan dalam kampanye", run_add_event)
    _campaign_option(add)
    add.add_argument("events", nargs="+", type=positive_int, metavar="ID", help="nomor kegiatan")
    remove = add_command(actions, "remove-event", "jangan hitung lagi sebuah kegiatan", run_remove_event)
    _campaign_option(remove)
    remove.add_argument("events", nargs="+", type=positive_int, metavar="ID", help="nomor kegiatan")

    coverage = add_command(actions, "coverage", "cakupan ikrar per OPD dan siapa yang belum", run_coverage)
    _campaign_option(coverage)
    coverage.add_argument("--opd", metavar="NAMA", help="satu OPD saja (nama seperti di daftar induk)")
    coverage.add_argument("--owing", action="store_true", help="tampilkan juga nama yang belum berikrar")

    excuse = add_command(actions, "excuse", "kecualikan pegawai dari kewajiban ikrar (dengan alasan)", run_excuse)
    _campaign_option(excuse)
    excuse.add_argument("numbers", nargs="+", metavar="NIP/NIK", help="NIP, NI PPPK atau NIK pegawai")
    excuse.add_argument(
        "--reason", metavar="ALASAN", help="cuti, sakit, tugas_belajar, penugasan atau lainnya (wajib kecuali --undo)"
    )
    excuse.add_argument("--note", default="", metavar="TEKS", help="keterangan (wajib untuk alasan lainnya)")
    excuse.add_argument("--undo", action="store_true", help="batalkan pengecualian")

    forms = add_command(
        actions, "forms", "formulir ikrar mandiri bagi yang belum berikrar, per OPD dengan surat pengantar", run_forms
    )
    _campaign_option(forms)
    forms.add_argument("--opd", metavar="NAMA", help="satu OPD saja: --out berkas .pdf; tanpa --opd: --out folder")
    forms.add_argument("--out", required=True, metavar="TUJUAN", help="berkas .pdf (satu OPD) atau folder (semua OPD)")
    forms.add_argument("--paper", type=paper_type, default=None, metavar="KERTAS", help="a4 atau f4")

    export = add_command(actions, "export", "rekap untuk Sekda: XLSX dan/atau ringkasan PDF satu halaman", run_export)
    _campaign_option(export)
    export.add_argument("--xlsx", metavar="BERKAS", help="berkas .xlsx tujuan")
    export.add_argument("--pdf", metavar="BERKAS", help="berkas .pdf tujuan (ringkasan satu halaman dengan grafik)")
    export.add_argument("--paper", type=paper_type, default=None, metavar="KERTAS", help="a4 atau f4 (bawaan a4)")

    receive = add_command(actions, "receive", "catat formulir ikrar mandiri yang kembali (kode QR)", run_receive)
    _campaign_option(receive)
    receive.add_argument("code", metavar="KODE", help="isi kode QR formulir (NTM1…)")


def register_master(roster_actions: argparse._SubParsersAction) -> None:
    """``roster master import|show``, under the ``roster`` group."""
    actions = add_group(roster_actions, "master", "daftar induk seluruh pegawai instansi (untuk kampanye)")
    importer = add_command(
        actions, "import", "impor ekspor SIASN atau daftar non-ASN ke daftar induk", run_master_import
    )
    importer.add_argument("file", metavar="BERKAS", help="berkas .csv atau .xlsx")
    importer.add_argument(
        "--partial",
        action="store_true",
        help="berkas hanya sebagian daftar: pegawai yang tidak ada di berkas tidak ditandai keluar",
    )
    importer.add_argument("--dry-run", action="store_true", help="periksa saja, jangan simpan apa pun")
    add_command(actions, "show", "ringkasan daftar induk", run_master_show)


def _campaign_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--campaign", metavar="KAMPANYE", help="nomor atau nama kampanye (boleh kosong bila hanya satu)"
    )


def _campaign(args: argparse.Namespace):
    from ..core.campaigns.service import find_campaign, list_campaigns

    if args.campaign:
        return find_campaign(args.campaign)
    campaigns = list_campaigns()
    if len(campaigns) == 1:
        return campaigns[0]
    if not campaigns:
        raise CliError("Belum ada kampanye; buat dulu dengan: netralitas campaign create --name … --deadline …", 2)
    names = "; ".join(f"{c.id}: {c.name}" for c in campaigns)
    raise CliError(f"Sebutkan kampanye dengan --campaign (nomor atau nama). Ada: {names}.", 2)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            {"deadline": f"Tanggal '{text}' tidak dikenal; tulis TTTT-BB-HH, misalnya 2024-11-01."}
        ) from None


def run_create(args: argparse.Namespace) -> dict:
    from ..core.campaigns import service
    from ..core.dates import day_and_date

    data = service.CampaignData(args.name, _date(args.deadline), args.note)
    campaign_id = service.create_campaign(data, actor=cli_actor())
    info = service.get_campaign(campaign_id)
    return {
        "id": campaign_id,
        "campaign": info.to_dict(),
        "message": f"Kampanye nomor {campaign_id} tersimpan: {info.name} (batas {day_and_date(info.deadline)}).",
    }


def run_list(args: argparse.Namespace) -> dict:
    from ..core.campaigns.service import list_campaigns

    campaigns = list_campaigns()
    rows = [(c.id, c.deadline.isoformat(), len(c.event_ids), c.name) for c in campaigns]
    text = format_table(("No", "Batas", "Kegiatan", "Nama"), rows, right=(0, 2)) if rows else "Belum ada kampanye."
    return {"campaigns": [c.to_dict() for c in campaigns], "text": text}


def run_add_event(args: argparse.Namespace) -> dict:
    from ..core.campaigns.service import add_event
    from ..core.events import get_event

    campaign = _campaign(args)
    for event_id in args.events:
        get_event(event_id)  # all known before any is added
    added = [event_id for event_id in args.events if add_event(campaign.id, event_id, actor=cli_actor())]
    already = [event_id for event_id in args.events if event_id not in added]
    message = f"Kampanye {campaign.name}: {len(added)} kegiatan ditambahkan"
    message += f", {len(already)} sudah termasuk." if already else "."
    return {"campaign_id": campaign.id, "added": added, "already": already, "message": message}


def run_remove_event(args: argparse.Namespace) -> dict:
    from ..core.campaigns.service import remove_event

    campaign = _campaign(args)
    removed = [event_id for event_id in args.events if remove_event(campaign.id, event_id, actor=cli_actor())]
    return {
        "campaign_id": campaign.id,
        "removed": removed,
        "message": f"Kampanye {campaign.name}: {len(removed)} kegiatan tidak dihitung lagi.",
    }


def run_coverage(args: argparse.Namespace) -> dict:
    from ..core.campaigns.coverage import load_coverage, owing_rows

    campaign = _campaign(args)
    coverage = load_coverage(campaign.id)
    unit_key = None
    if args.opd:
        unit_key = coverage.unit_key_of(args.opd)
        if unit_key is None:
            raise NotFoundError(f"OPD \u201c{args.opd}\u201d tidak ada di daftar induk pegawai aktif.")
    data = coverage.to_dict(unit_key)
    groups = [coverage.unit(unit_key)] if unit_key else coverage.units
    table = format_table(
        ("OPD", "Target", "Sudah", "Dikecualikan", "Belum", "Cakupan"),
        [(g.label, g.target, g.covered, g.excused, g.owing, g.percentage_text) for g in groups]
        + ([] if unit_key else [("JUMLAH", *_figures(coverage.total), coverage.total.percentage_text)]),
        right=(1, 2, 3, 4, 5),
    )
    kinds = format_table(
        ("Jenis pegawai", "Target", "Sudah", "Dikecualikan", "Belum", "Cakupan"),
        [(g.label, *_figures(g), g.percentage_text) for g in coverage.employment_in(unit_key)],
        right=(1, 2, 3, 4, 5),
    )
    total = coverage.unit(unit_key) if unit_key else coverage.total
    summary = (
        f"{campaign.name}: {total.covered} dari {total.target} pegawai sudah berikrar ({total.percentage_text}), "
        f"{total.excused} dikecualikan, {total.owing} belum."
    )
    parts = [summary, table, kinds]
    if args.owing or unit_key:
        rows = owing_rows(coverage, unit_key)
        data["owing_people"] = [row.to_dict() for row in rows]
        names = format_table(
            ("No", "Nama", "NIP / NIK", "OPD", "Keterangan"),
            [(n, r.full_name, r.printed_identity, r.unit_kerja, r.full_note) for n, r in enumerate(rows, 1)],
            right=(0,),
        )
        parts.append(names if rows else "Tidak ada yang belum berikrar.")
    return {**data, "message": summary, "text": "\n\n".join(parts)}


def _figures(group) -> tuple[int, int, int, int]:
    return group.target, group.covered, group.excused, group.owing


def run_excuse(args: argparse.Namespace) -> dict:
    from ..core.campaigns.master_roster import find_members
    from ..core.campaigns.service import excuse, unexcuse

    campaign = _campaign(args)
    found, missing = find_members(args.numbers)
    if missing:
        raise CliError(f"Tidak ada di daftar induk: {', '.join(missing)}.", 2)
    if args.undo:
        count = unexcuse(campaign.id, found.values(), actor=cli_actor())
        return {"campaign_id": campaign.id, "count": count, "message": f"{count} pengecualian dibatalkan."}
    if not args.reason:
        raise CliError("Alasan pengecualian (--reason) wajib diisi.", 2)
    count = excuse(campaign.id, found.values(), args.reason.strip().lower(), args.note, actor=cli_actor())
    return {"campaign_id": campaign.id, "count": count, "message": f"{count} pegawai dikecualikan."}


def run_forms(args: argparse.Namespace) -> dict:
    from ..core.campaigns.coverage import load_coverage
    from ..core.campaigns.gap import GapFormsJob

    campaign = _campaign(args)
    out = Path(args.out)
    unit_key = None
    if args.opd:
        unit_key = load_coverage(campaign.id).unit_key_of(args.opd)
        if unit_key is None:
            raise NotFoundError(f"OPD \u201c{args.opd}\u201d tidak ada di daftar induk pegawai aktif.")
        if out.suffix.lower() != ".pdf":
            raise CliError(f"Untuk satu OPD, tujuan {out.name} harus berkas .pdf.", 2)
    elif out.suffix.lower() == ".pdf":
        raise CliError("Tanpa --opd dibuat satu PDF per OPD: --out harus folder, bukan berkas .pdf.", 2)
    result = run_with_progress(
        args, GapFormsJob(campaign.id, out, unit_key=unit_key, paper=args.paper, actor=cli_actor())
    )
    message = (
        f"{result.people} formulir ikrar mandiri untuk {result.units} OPD tersimpan di {result.path}; "
        "formulir yang kembali diterima di kegiatan ikrar mandiri kampanye ini."
    )
    return {**result.to_dict(), "message": message}


def run_export(args: argparse.Namespace) -> dict:
    from ..core.campaigns.coverage import load_coverage
    from ..core.campaigns.export_xlsx import CampaignXlsxJob
    from ..core.campaigns.summary_pdf import CampaignSummaryJob
    from ..core.documents import Paper

    if not args.xlsx and not args.pdf:
        raise CliError("Pilih --xlsx BERKAS dan/atau --pdf BERKAS.", 2)
    campaign = _campaign(args)
    coverage = load_coverage(campaign.id)  # both files from one snapshot
    paper = args.paper or Paper.A4
    files = [
        run_with_progress(args, make(campaign.id, path, paper=paper, actor=cli_actor(), coverage=coverage)).to_dict()
        for make, path in ((CampaignXlsxJob, args.xlsx), (CampaignSummaryJob, args.pdf))
        if path
    ]
    return {"files": files, "message": "Tersimpan: " + ", ".join(f["path"] for f in files) + "."}


def run_receive(args: argparse.Namespace) -> dict:
    from ..core.campaigns.gap import receive_form
    from ..core.pledges import returns

    campaign = _campaign(args)
    result = receive_form(campaign.id, args.code, cli_actor())
    if result.status == returns.ReturnStatus.REJECTED:
        details = {key: value for key, value in result.to_dict().items() if key != "message"}
        raise CliError(result.reason, exit_code=EXIT_REJECTED, text=result.message, **details)
    return result.to_dict()


def run_master_import(args: argparse.Namespace) -> dict:
    from ..core.campaigns.master_roster import OUTCOME_LABELS, import_master_roster
    from ..core.jobs import Progress
    from ..core.roster.rows import row_label

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"Berkas {path} tidak ditemukan.", exit_code=2)
    with terminal_progress(args, with_counts=True) as show:
        result = import_master_roster(
            path, partial=args.partial, dry_run=args.dry_run, actor=cli_actor(), progress=Progress(show)
        )
    data = result.to_dict()
    lead = "Uji coba, tidak ada yang disimpan" if args.dry_run else "Daftar induk diperbarui"
    counts = ", ".join(f"{data[key]} {label}" for key, label in OUTCOME_LABELS.items())
    lines = [f"{lead}: {counts}."]
    lines += [
        row_label(item["row"], item["sheet"])
        + (f", kolom {item['column']}" if item["column"] else "")
        + f": {item['reason']}"
        for item in data["rejected_rows"]
    ]
    return {**data, "text": "\n".join(lines)}


def run_master_show(args: argparse.Namespace) -> dict:
    from ..core.campaigns.master_roster import roster_summary
    from ..core.participants import EMPLOYMENT_LABELS

    summary = roster_summary()
    kinds = ", ".join(f"{EMPLOYMENT_LABELS.get(k, k)} {n}" for k, n in summary.by_type.items())
    text = (
        f"Daftar induk: {summary.active} pegawai aktif di {summary.units} OPD ({kinds or '-'}); "
        f"{summary.left} sudah keluar."
    )
    return {**summary.to_dict(), "text": text}

"""``netralitas event create | list | show | settings``."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from ..core import events
from ..core.dates import clock_time, day_and_date
from ..core.event_settings import MASK_NIK, TIME_ZONES, nik_masked, set_setting
from ..core.events import EventData, Signatory, ValidationError
from ..core.models import EVENT_KINDS
from ..core.nip import format_nip
from .common import add_command, add_group, cli_actor, format_table, positive_int


def register(subparsers: argparse._SubParsersAction) -> None:
    actions = add_group(subparsers, "event", "kegiatan: buat, daftar, tampilkan")

    create = add_command(actions, "create", "buat kegiatan baru", create_event)
    create.add_argument("--title", default="", metavar="TEKS", help="nama kegiatan")
    create.add_argument(
        "--date", default="", metavar="TTTT-BB-HH", help="tanggal kegiatan, TTTT-BB-HH (misalnya 2024-07-01)"
    )
    create.add_argument("--venue", default="", metavar="TEKS", help="tempat kegiatan")
    create.add_argument(
        "--kind", default="both", metavar="JENIS", help=f"jenis: {', '.join(EVENT_KINDS)} (bawaan: both)"
    )
    create.add_argument("--start", default="", metavar="JJ:MM", help="jam mulai, JJ:MM")
    create.add_argument("--end", default="", metavar="JJ:MM", help="jam selesai, JJ:MM")
    create.add_argument("--instansi", default="", metavar="TEKS", help="instansi, misalnya Pemerintah Kabupaten …")
    create.add_argument(
        "--place", default="", metavar="TEKS", help="nama tempat untuk baris tanggal surat (Purworejo, 1 Juli 2024)"
    )
    create.add_argument("--organizer", default="", metavar="TEKS", help="penyelenggara, misalnya BKPSDM")
    create.add_argument("--election", default="", metavar="TEKS", help="nama pemilihan, misalnya Pilkada Tahun 2024")
    create.add_argument("--speaker", action="append", default=[], metavar="NAMA", help="narasumber (boleh berulang)")
    for index in (1, 2):
        create.add_argument(
            f"--signatory{index}-jabatan", default="", metavar="TEKS", help=f"jabatan penanda tangan {index}"
        )
        create.add_argument(
            f"--signatory{index}-name", default="", metavar="NAMA", help=f"nama penanda tangan {index} (dengan gelar)"
        )
        create.add_argument(
            f"--signatory{index}-pangkat", default="", metavar="TEKS", help=f"pangkat penanda tangan {index}"
        )
        create.add_argument(f"--signatory{index}-nip", default="", metavar="NIP", help=f"NIP penanda tangan {index}")
    create.add_argument("--jp", default="0", metavar="N", help="jumlah jam pelajaran (JP) untuk sertifikat")
    _zone_option(create, "WIB")
    create.add_argument(
        "--full-nik",
        action="store_true",
        help="cetak NIK lengkap pada daftar, ekspor dan sertifikat (bawaan: disamarkan, UU PDP)",
    )

    add_command(actions, "list", "daftar kegiatan, terbaru dahulu", list_events)

    show = add_command(actions, "show", "tampilkan satu kegiatan lengkap", show_event)
    show.add_argument("id", type=positive_int, metavar="ID", help="nomor kegiatan")

    settings = add_command(actions, "settings", "ubah zona waktu atau cara mencetak NIK suatu kegiatan", event_settings)
    settings.add_argument("id", type=positive_int, metavar="ID", help="nomor kegiatan")
    _zone_option(settings, None)
    settings.add_argument(
        "--nik",
        choices=("samarkan", "lengkap"),
        default=None,
        metavar="CARA",
        help="NIK pada dokumen yang dibagikan: samarkan (3302**********01) atau lengkap",
    )


def _zone_option(parser: argparse.ArgumentParser, default: str | None) -> None:
    parser.add_argument(
        "--time-zone",
        type=str.upper,
        choices=tuple(TIME_ZONES),
        default=default,
        metavar="ZONA",
        help="zona waktu yang dicetak di belakang setiap jam: WIB, WITA atau WIT"
        + (" (bawaan: WIB)" if default else ""),
    )


def create_event(args: argparse.Namespace) -> dict:
    data, errors = _event_data(args)
    errors = {**events.validate(data), **errors}  # a parse error says more than "wajib diisi"
    if errors:
        raise ValidationError(errors)
    event_id = events.create_event(data, actor=cli_actor())
    if args.full_nik:
        set_setting(event_id, MASK_NIK, False)
    data.id = event_id
    when = day_and_date(data.date)
    return {
        "id": event_id,
        "event": data.to_dict(),
        "message": f"Kegiatan nomor {event_id} tersimpan: {data.title} ({when}).",
    }


def _event_data(args: argparse.Namespace) -> tuple[EventData, dict[str, str]]:
    """Turn options into ``EventData``; text that cannot be read becomes a field error."""
    errors: dict[str, str] = {}
    data = EventData(
        title=args.title,
        kind=args.kind.strip().lower(),
        venue=args.venue,
        instansi=args.instansi,
        place_name=args.place,
        organizer=args.organizer,
        election_name=args.election,
        speakers="\n".join(s.strip() for s in args.speaker if s.strip()),
        time_zone=args.time_zone,
    )
    for index in (1, 2):
        setattr(
            data,
            f"signatory{index}",
            Signatory(
                **{name: getattr(args, f"signatory{index}_{name}") for name in ("jabatan", "name", "pangkat", "nip")}
            ),
        )
    if args.date.strip():
        try:
            data.date = dt.date.fromisoformat(args.date.strip())
        except ValueError:
            errors["date"] = f"Tanggal '{args.date}' tidak dikenal; tulis TTTT-BB-HH, misalnya 2024-07-01."
    for option, field, label in (("start", "start_time", "mulai"), ("end", "end_time", "selesai")):
        text = getattr(args, option).strip()
        if text:
            match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", text)
            try:
                setattr(data, field, dt.time(int(match.group(1)), int(match.group(2))))
            except (AttributeError, ValueError):
                errors[field] = f"Jam {label} '{text}' tidak dikenal; tulis JJ:MM, misalnya 08:00."
    try:
        data.jp_hours = Decimal(args.jp.strip().replace(",", "."))
    except InvalidOperation:
        errors["jp_hours"] = f"Jumlah JP '{args.jp}' bukan angka."
    return data, errors


def list_events(args: argparse.Namespace) -> dict:
    summaries = events.list_events()
    rows = [
        {
            "id": s.id,
            "title": s.title,
            "date": s.date.isoformat(),
            "venue": s.venue,
            "kind": s.kind,
            "registered": s.registered,
            "present": s.present,
        }
        for s in summaries
    ]
    if not rows:
        text = "Belum ada kegiatan. Buat dengan: netralitas event create --title … --date TTTT-BB-HH"
    else:
        text = format_table(
            ("No", "Tanggal", "Jenis", "Terdaftar", "Hadir", "Nama kegiatan"),
            [(s.id, s.date.isoformat(), s.kind, s.registered, s.present, s.title) for s in summaries],
            right=(0, 3, 4),
        )
    return {"count": len(rows), "events": rows, "text": text}


def show_event(args: argparse.Namespace) -> dict:
    data = events.get_event(args.id)
    summary = next(s for s in events.list_events() if s.id == args.id)
    masked = nik_masked(args.id)
    detail = {**data.to_dict(), "registered": summary.registered, "present": summary.present, "mask_nik": masked}
    return {"id": data.id, "event": detail, "text": _describe(data, summary, masked)}


def event_settings(args: argparse.Namespace) -> dict:
    data = events.get_event(args.id)
    if args.time_zone and args.time_zone != data.time_zone:
        data.time_zone = args.time_zone
        events.update_event(data, actor=cli_actor())
    if args.nik:
        set_setting(args.id, MASK_NIK, None if args.nik == "samarkan" else False)
    masked = nik_masked(args.id)
    shown = "disamarkan" if masked else "dicetak lengkap"
    return {
        "id": args.id,
        "time_zone": data.time_zone,
        "mask_nik": masked,
        "message": f"Kegiatan nomor {args.id}: jam dicetak dalam {data.time_zone}, NIK {shown}.",
    }


def _describe(data: EventData, summary: events.EventSummary, masked: bool = True) -> str:
    times = "–".join(t for t in (clock_time(data.start_time), clock_time(data.end_time)) if t)
    times = f"{times} {data.time_zone}" if times else ""
    lines = [
        ("Nomor", str(data.id)),
        ("Nama kegiatan", data.title),
        ("Jenis", events.KIND_LABELS.get(data.kind, data.kind)),
        ("Tanggal", day_and_date(data.date) if data.date else ""),
        ("Jam", times),
        ("Tempat", data.venue),
        ("Instansi", data.instansi),
        ("Tempat surat", data.place_name),
        ("Penyelenggara", data.organizer),
        ("Pemilihan", data.election_name),
        ("Narasumber", "; ".join(data.speakers.splitlines())),
        ("JP", f"{data.jp_hours.normalize():f}"),
        ("NIK", "disamarkan pada dokumen (UU PDP)" if masked else "lengkap pada dokumen"),
    ]
    for index, signatory in ((1, data.signatory1), (2, data.signatory2)):
        if not signatory.is_empty:
            nip = f"NIP {format_nip(signatory.nip)}" if signatory.nip else ""
            parts = [signatory.jabatan, signatory.name, signatory.pangkat, nip]
            lines.append((f"Penanda tangan {index}", " — ".join(p for p in parts if p)))
    lines += [("Terdaftar", str(summary.registered)), ("Hadir", str(summary.present))]
    width = max(len(label) for label, _ in lines)
    return "\n".join(f"{label.ljust(width)} : {value}" for label, value in lines)

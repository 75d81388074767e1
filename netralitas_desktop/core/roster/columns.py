"""Which column holds what: header synonyms and finding the header row below title rows.

The synonym tables are data: add a spelling here and every importer path knows it.
Headers are compared folded (case, accents, spaces and punctuation ignored), so
``N I P``, ``nip`` and ``NIP.`` are the same header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..names import fold

# PersonData field (or "mode") -> header spellings, the most specific first: when two
# columns mean the same field (``Gol`` and ``Pangkat``) the earlier spelling wins and the
# later column only fills rows where the first is empty.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "nama": (
        "NAMA",
        "Nama Lengkap",
        "Nama Peserta",
        "Nama Pegawai",
        "Nama ASN",
        "Nama PNS",
        "Nama Undangan",
        "Nama dan Gelar",
        "Nama Lengkap dan Gelar",
        "Nama Lengkap Beserta Gelar",
        "Nama/Gelar",
    ),
    "gelar_depan": ("GELAR DEPAN", "Gelar Dpn", "Glr Depan"),
    "gelar_belakang": ("GELAR BELAKANG", "Gelar Blkg", "Glr Belakang"),
    "nip": (
        "NIP BARU",
        "NIP",
        "NIP/NI PPPK",
        "NIP / NIPPPK",
        "NI PPPK",
        "NIPPPK",
        "NIP PPPK",
        "NIP 18 Digit",
        "Nomor Induk Pegawai",
        "NIP/NIK",
        "NIK/NIP",
        "NIP/NIK/NI PPPK",
    ),
    "nik": ("NIK", "No KTP", "Nomor KTP", "NIK KTP", "Nomor Induk Kependudukan"),
    "sex": ("JENIS KELAMIN", "L/P", "JK", "Kelamin", "Jenis Kel", "Gender"),
    "employment_type": (
        "JENIS PEGAWAI NAMA",
        "Jenis Pegawai",
        "Status Kepegawaian",
        "Status Pegawai",
        "Status ASN",
        "Jenis ASN",
    ),
    "golongan": (
        "GOL AKHIR NAMA",
        "Gol",
        "Golongan",
        "Gol Ruang",
        "Golongan Ruang",
        "Pangkat/Gol.",
        "Pangkat/Golongan",
        "Pangkat/Gol. Ruang",
        "Pangkat Golongan Ruang",
        "Pangkat/Gol/Ruang",
        "Pangkat",
    ),
    "jabatan": ("JABATAN NAMA", "Jabatan", "Nama Jabatan", "Jabatan Terakhir"),
    "unit_kerja": (
        "UNOR NAMA",
        "Unit Kerja",
        "Unit Organisasi",
        "Unor",
        "Sub Unit Kerja",
        "Satuan Kerja",
        "Satker",
        "SKPD",
        "OPD",
        "Perangkat Daerah",
        "Asal SKPD",
        "Asal OPD",
        "Asal Instansi",
        "Unit Kerja/Instansi",
        "Instansi/Unit Kerja",
        "SKPD/Unit Kerja",
        "Instansi",
        "Asal",
    ),
    "phone": (
        "NOMOR HP",
        "No HP",
        "No. HP/WA",
        "No HP/WA",
        "No. WA",
        "No WA",
        "Nomor WA",
        "No WhatsApp",
        "Nomor WhatsApp",
        "WhatsApp",
        "HP",
        "Handphone",
        "No Telp",
        "No Telepon",
        "Nomor Telepon",
        "Telepon",
        "Telp",
    ),
    "email": ("EMAIL", "E-mail", "Alamat Email", "Alamat E-mail", "Surel"),
    "mode": (
        "Kehadiran",
        "Daring/Luring",
        "Luring/Daring",
        "Mode",
        "Mode Kehadiran",
        "Jenis Kehadiran",
        "Cara Mengikuti",
        "Metode Kehadiran",
    ),
}

# Headers that are known but not imported. They count when telling a header row from a
# title row, and so does a header repeated mid-table.
IGNORED_HEADERS: tuple[str, ...] = (
    "No",
    "No.",
    "Nomor",
    "No Urut",
    "Nomor Urut",
    "PNS ID",
    "NIP LAMA",
    "TEMPAT LAHIR",
    "TEMPAT LAHIR NAMA",
    "TANGGAL LAHIR",
    "Tgl Lahir",
    "Tempat/Tgl Lahir",
    "Tempat, Tanggal Lahir",
    "KEDUDUKAN HUKUM ID",
    "KEDUDUKAN HUKUM NAMA",
    "GOL AKHIR ID",
    "JENIS JABATAN NAMA",
    "JENIS JABATAN ID",
    "INSTANSI KERJA NAMA",
    "TMT Gol",
    "TMT Jabatan",
    "Eselon",
    "Agama",
    "Alamat",
    "Keterangan",
    "Ket",
    "Ket.",
    "Tanda Tangan",
    "TTD",
    "Paraf",
    "Hadir",
    "Jam Datang",
    "Pendidikan",
    "Tingkat Pendidikan",
)

# A "NIP/NIK" column holds either number; a 16-digit value there is a NIK.
NIP_OR_NIK_HEADERS: tuple[str, ...] = ("NIP/NIK", "NIK/NIP", "NIP/NIK/NI PPPK")

# Values of the mode column meaning the person follows online; anything else is on site.
ONLINE_WORDS: tuple[str, ...] = (
    "daring",
    "online",
    "zoom",
    "virtual",
    "dalam jaringan",
    "vicon",
    "video conference",
    "meet",
    "webinar",
)

# Files that are recognisably something other than a roster: (description, headers all present).
NOT_A_ROSTER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("laporan kehadiran rapat daring (Zoom)", ("Join Time", "Leave Time", "Duration (Minutes)")),
    ("laporan kehadiran rapat daring", ("Join Time", "Leave Time")),
    ("laporan kehadiran Google Meet", ("First seen", "Time in call")),
)

# First cell words that mark a footer or signature block, not a person.
FOOTER_WORDS: tuple[str, ...] = ("jumlah", "total", "jml", "mengetahui", "catatan")

HEADER_SCAN_ROWS = 30

# How a row issue names a field the file has no column for (e.g. a type derived from the NIP).
FIELD_LABELS: dict[str, str] = {
    "nama": "Nama",
    "gelar_depan": "Gelar Depan",
    "gelar_belakang": "Gelar Belakang",
    "nip": "NIP",
    "nik": "NIK",
    "sex": "Jenis Kelamin",
    "employment_type": "Jenis Pegawai",
    "golongan": "Golongan",
    "jabatan": "Jabatan",
    "unit_kerja": "Unit Kerja",
    "phone": "Nomor HP",
    "email": "Email",
    "mode": "Kehadiran",
}

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def header_key(text: object) -> str:
    """``N I P`` -> ``nip``; ``Pangkat/Gol.`` -> ``pangkatgol``."""
    return _NON_ALNUM.sub("", fold(str(text or "")))


def _build_lookup() -> dict[str, tuple[str, int]]:
    lookup: dict[str, tuple[str, int]] = {}
    for name, spellings in HEADER_SYNONYMS.items():
        for rank, spelling in enumerate(spellings):
            lookup.setdefault(header_key(spelling), (name, rank))
    for spelling in IGNORED_HEADERS:
        lookup.setdefault(header_key(spelling), ("", 0))
    return lookup


_LOOKUP = _build_lookup()
_NIP_OR_NIK = {header_key(s) for s in NIP_OR_NIK_HEADERS}


def match_header(text: object) -> tuple[str, int] | None:
    """(field, rank) for a known header, ``("", 0)`` for a known ignored one, None if unknown.

    ``Nama (dengan gelar)`` is tried as ``Nama`` when the full text is unknown.
    """
    key = header_key(text)
    if not key:
        return None
    found = _LOOKUP.get(key)
    if found is None:
        bare = header_key(_PARENTHESES.sub(" ", str(text)))
        found = _LOOKUP.get(bare) if bare and bare != key else None
    return found


@dataclass
class HeaderMatch:
    """The header row of a sheet and where each field's values are."""

    row_number: int  # as the user sees it
    columns: dict[str, list[int]] = field(default_factory=dict)  # field -> column indexes, best first
    headers: list[str] = field(default_factory=list)  # header text per column index, as written
    nip_or_nik: bool = False  # the NIP column may also hold NIKs
    score: int = 0

    @property
    def column_map(self) -> dict[str, str]:
        return {name: self.headers[indexes[0]] for name, indexes in self.columns.items()}

    def header_of(self, name: str) -> str:
        return issue_headers(self.column_map).get(name) or FIELD_LABELS.get(name, name)


def issue_headers(column_map: dict[str, str]) -> dict[str, str]:
    """Field -> the header a row issue names; a NIK read from a "NIP/NIK" column names that column."""
    headers = dict(column_map)
    if "nik" not in headers and header_key(headers.get("nip", "")) in _NIP_OR_NIK:
        headers["nik"] = headers["nip"]
    for name, label in FIELD_LABELS.items():
        headers.setdefault(name, label)
    return headers


def _header_text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def read_header(row_number: int, values: list[object]) -> HeaderMatch:
    """Score one row as a header: how many of its cells are known headers."""
    ranked: dict[str, list[tuple[int, int]]] = {}
    match = HeaderMatch(row_number, headers=[_header_text(v) for v in values])
    for index, value in enumerate(values):
        found = match_header(value) if isinstance(value, str) else None
        if found is None:
            continue
        match.score += 1
        name, rank = found
        if name:
            ranked.setdefault(name, []).append((rank, index))
            if name == "nip" and header_key(value) in _NIP_OR_NIK:
                match.nip_or_nik = True
    match.columns = {name: [index for _, index in sorted(pairs)] for name, pairs in ranked.items()}
    return match


def find_header(rows: list[tuple[int, list[object]]]) -> HeaderMatch | None:
    """The best header row among the first rows; it must have a name column.

    A tie with the row right below goes to the lower row: a two-row header whose
    upper cells are merged downwards reads completely on its lower row.
    """
    best: HeaderMatch | None = None
    for row_number, values in rows[:HEADER_SCAN_ROWS]:
        candidate = read_header(row_number, values)
        if "nama" not in candidate.columns:
            continue
        if (
            best is None
            or candidate.score > best.score
            or (candidate.score == best.score and row_number == best.row_number + 1)
        ):
            best = candidate
    return best


def not_a_roster(rows: list[tuple[int, list[object]]]) -> str | None:
    """Describe a file that is recognisably not a roster (an online meeting report), or None."""
    for _, values in rows[:HEADER_SCAN_ROWS]:
        keys = {header_key(v) for v in values if isinstance(v, str)}
        for description, headers in NOT_A_ROSTER:
            if all(header_key(h) in keys for h in headers):
                return description
    return None


def is_online(value: str) -> bool:
    text = fold(value)
    return any(word in text for word in ONLINE_WORDS)


_FOOTER_STARTS = tuple({word[:2] for word in FOOTER_WORDS})


def is_footer(text: str) -> bool:
    if not text[:2].casefold().startswith(_FOOTER_STARTS):  # the cheap test first: it runs on every row
        return False
    words = _NON_ALNUM.sub(" ", fold(text)).split()
    return bool(words) and words[0] in FOOTER_WORDS

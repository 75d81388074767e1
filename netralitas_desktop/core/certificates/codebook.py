"""Short text in few bytes, so a certificate's signed QR code stays small enough to read from a photo.

Event titles are formulaic ("Sosialisasi Netralitas ASN pada Pemilihan Bupati dan Wakil Bupati
Tahun 2024"): each phrase of ``WORDS`` becomes one byte. A text is written as bytes:

- ``0x20``–``0x7E``: that ASCII character;
- ``0x80``–``0xFF``: ``WORDS[byte - 0x80]``;
- ``0x02`` then a word byte: that word in capitals (titles typed in capitals);
- ``0x01``, a length, then that many UTF-8 bytes: anything else (``é``, ``’``).

The encoder takes the longest phrase at each position, so a text always gives the same bytes. The
table is part of payload version 2 and never changes (a new table needs a new version); the
verification site gets it from ``site.py`` so Python and the page read the same list.
"""

from __future__ import annotations

from ..errors import UserError

UTF8_RUN = 0x01
CAPITALS = 0x02
FIRST_WORD = 0x80

WORDS: tuple[str, ...] = (
    # event titles
    "Sosialisasi",
    " Netralitas",
    " Aparatur Sipil Negara",
    " ASN",
    " Pegawai",
    " Negeri Sipil",
    " pada",
    " Pada",
    " dalam",
    " Dalam",
    " Rangka",
    " rangka",
    " Penyelenggaraan",
    " Pemilihan",
    " Umum",
    " Pemilu",
    " Pilkada",
    " Kepala Daerah",
    " Gubernur",
    " Wakil",
    " Bupati",
    " Wali Kota",
    " Walikota",
    " dan",
    " Dan",
    " Tahun",
    " Serentak",
    " di",
    " Di",
    " Lingkungan",
    "Pemerintah",
    " Pemerintah",
    " Kabupaten",
    " Kota",
    " Provinsi",
    " Presiden",
    " Legislatif",
    " Anggota",
    " Dewan Perwakilan Rakyat",
    " Daerah",
    " DPRD",
    " Republik Indonesia",
    " Badan",
    " Kepegawaian",
    " Pengembangan",
    " Sumber Daya Manusia",
    " Sekretariat",
    " Inspektorat",
    " Bawaslu",
    " KPU",
    " Pengawas",
    " Ikrar",
    " Deklarasi",
    " Apel",
    " Bimbingan Teknis",
    " Pembinaan",
    " Penegakan",
    " Kode Etik",
    " Integritas",
    " bagi",
    " Bagi",
    " tentang",
    " Tentang",
    " Menjaga",
    " Mewujudkan",
    " yang",
    " Jujur",
    " Adil",
    " Damai",
    " Tenaga",
    " Non",
    " PPPK",
    " PNS",
    " Perangkat",
    " Kecamatan",
    " Kelurahan",
    " Desa",
    " Dinas",
    " 2024",
    " 2025",
    " 2026",
    " 2027",
    " 2028",
    " 2029",
    " 2030",
    # certificate numbers
    "800/",
    "/BKPSDM/",
    "/BKD/",
    "/BKPP/",
    "/SETDA/",
    "/SERT/",
    "/2024",
    "/2025",
    "/2026",
    "/2027",
    "/2028",
    "/2029",
    # titles around names
    "Prof. ",
    "Dr. ",
    "Drs. ",
    "Dra. ",
    "Ir. ",
    "Hj. ",
    "H. ",
    "dr. ",
    "Ns. ",
    "Muhammad ",
    ", S.H.",
    ", S.E.",
    ", S.Pd.",
    ", S.Sos.",
    ", S.Kom.",
    ", S.T.",
    ", S.IP.",
    ", S.Ag.",
    ", S.Kep.",
    ", S.Kes.",
    ", S.P.",
    ", S.Si.",
    ", S.AP.",
    ", A.Md.",
    ", M.Si.",
    ", M.M.",
    ", M.H.",
    ", M.Pd.",
    ", M.Kes.",
    ", M.AP.",
    ", M.T.",
)
assert len(WORDS) <= 0x100 - FIRST_WORD and len(set(WORDS)) == len(WORDS) and all(word.isascii() for word in WORDS)


class CodebookError(UserError, ValueError):
    """Bytes that are no text of this codebook (a damaged code; the message is for the user)."""


def _candidates() -> list[tuple[str, int, bool]]:
    found: dict[str, tuple[str, int, bool]] = {}
    for index, word in enumerate(WORDS):
        found.setdefault(word, (word, index, False))
        found.setdefault(word.upper(), (word.upper(), index, True))
    return sorted(found.values(), key=lambda item: -len(item[0]))


_CANDIDATES = _candidates()


def encode_text(text: str) -> bytes:
    """``text`` in codebook bytes; the longest phrase wins at each position."""
    out = bytearray()
    position = 0
    while position < len(text):
        match = next((item for item in _CANDIDATES if text.startswith(item[0], position)), None)
        if match is not None:
            phrase, index, capitals = match
            if capitals:
                out.append(CAPITALS)
            out.append(FIRST_WORD + index)
            position += len(phrase)
            continue
        char = text[position]
        if " " <= char <= "~":
            out.append(ord(char))
            position += 1
            continue
        end = position
        while end < len(text) and not (" " <= text[end] <= "~") and end - position < 60:
            end += 1
        run = text[position:end].encode("utf-8")
        out += bytes((UTF8_RUN, len(run))) + run
        position = end
    return bytes(out)


def decode_text(data: bytes) -> str:
    """The text of codebook bytes; ``CodebookError`` for bytes no encoder writes."""
    parts: list[str] = []
    position = 0
    while position < len(data):
        byte = data[position]
        if 0x20 <= byte <= 0x7E:
            parts.append(chr(byte))
            position += 1
        elif byte >= FIRST_WORD:
            parts.append(_word(byte))
            position += 1
        elif byte == CAPITALS and position + 1 < len(data) and data[position + 1] >= FIRST_WORD:
            parts.append(_word(data[position + 1]).upper())
            position += 2
        elif byte == UTF8_RUN and position + 1 < len(data):
            length = data[position + 1]
            run = data[position + 2 : position + 2 + length]
            if length == 0 or len(run) != length:
                raise CodebookError("teks terpotong")
            try:
                parts.append(run.decode("utf-8"))
            except UnicodeDecodeError as err:
                raise CodebookError("UTF-8 rusak") from err
            position += 2 + length
        else:
            raise CodebookError(f"byte {byte:#04x} tidak dikenal")
    return "".join(parts)


def _word(byte: int) -> str:
    index = byte - FIRST_WORD
    if index >= len(WORDS):
        raise CodebookError(f"kata {index} tidak ada")
    return WORDS[index]


__all__ = ["WORDS", "CodebookError", "decode_text", "encode_text"]

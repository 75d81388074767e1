"""The pledge wording: default texts, their ``{variables}``, and the blocks a page draws.

No official form has fixed wording, so each event may edit it; the defaults come from
``resources/templates`` (the usual four points of the Ikrar Netralitas ASN). A template is
plain text an office clerk can edit: a blank line separates paragraphs, a line starting
with ``1.`` or ``a.`` is a numbered point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...resources import resource_path
from ..dates import long_date
from ..events import EventData

VARIABLES = {
    "nama_pemilihan": "nama pemilihan (Pemilu/Pilkada)",
    "instansi": "nama instansi",
    "kegiatan": "nama kegiatan",
    "tempat": "kota tempat penandatanganan",
    "tanggal": "tanggal kegiatan",
}
# Used when the event leaves the election or instansi empty, so the sentence still reads.
FALLBACK_ELECTION = "Pemilihan Umum dan Pemilihan Kepala Daerah"
FALLBACK_INSTANSI = "instansi masing-masing"

_VARIABLE = re.compile(r"\{([^{}]*)\}")
_POINT = re.compile(r"^\s*((?:\d{1,2}|[a-zA-Z])[.)])\s+(.*)$")


@lru_cache(maxsize=4)
def _template(name: str) -> str:
    return resource_path("templates", name).read_text(encoding="utf-8").strip()


def default_pledge_text() -> str:
    """Body of the individual form (``saya``), after the person's data."""
    return _template("pakta_integritas.txt")


def default_non_asn_text() -> str:
    """Body of the form for non-ASN staff (PPNPN, PTT/GTT, honorer): the same duty, their own words."""
    return _template("pakta_integritas_non_asn.txt")


def default_sheet_text() -> str:
    """The oath read together (``kami berikrar``), on the collective sheet."""
    return _template("ikrar_bersama.txt")


def unknown_variables(template: str) -> list[str]:
    """Names in braces that are not variables, e.g. a typo ``{instasi}``; for the settings form."""
    return sorted({name for name in _VARIABLE.findall(template or "") if name.strip() not in VARIABLES})


def variable_values(event: EventData) -> dict[str, str]:
    return {
        "nama_pemilihan": event.election_name.strip() or FALLBACK_ELECTION,
        "instansi": event.instansi.strip() or event.organizer.strip() or FALLBACK_INSTANSI,
        "kegiatan": event.title.strip(),
        "tempat": event.place_name.strip(),
        "tanggal": long_date(event.date) if event.date else "",
    }


def fill(template: str, values: dict[str, str]) -> str:
    """Replace known ``{variables}``; anything else in braces stays as written."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        return values[name] if name in values else match.group(0)

    return _VARIABLE.sub(replace, template or "")


@dataclass(frozen=True)
class TextBlock:
    """A paragraph (``marker`` empty) or a numbered point (``marker`` like ``1.``)."""

    text: str
    marker: str = ""


def blocks(text: str) -> list[TextBlock]:
    """Split filled text into paragraphs and numbered points; wrapped lines are joined."""
    result: list[TextBlock] = []
    current: list[str] = []
    marker = ""

    def flush() -> None:
        nonlocal current, marker
        if current:
            result.append(TextBlock(" ".join(current), marker))
        current, marker = [], ""

    for line in (text or "").splitlines():
        if not line.strip():
            flush()
            continue
        point = _POINT.match(line)
        if point:
            flush()
            marker, current = point.group(1), [point.group(2).strip()]
        else:
            current.append(line.strip())
    flush()
    return result


__all__ = [
    "FALLBACK_ELECTION",
    "FALLBACK_INSTANSI",
    "VARIABLES",
    "TextBlock",
    "blocks",
    "default_non_asn_text",
    "default_pledge_text",
    "default_sheet_text",
    "fill",
    "unknown_variables",
    "variable_values",
]

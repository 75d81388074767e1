"""Indonesian names with academic and religious titles.

Rosters write ``Drs. H. Budi Santoso, M.Si.`` in one cell; certificates and
search need the parts apart. Search must ignore case, accents and titles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Titles written before the name (gelar depan). Compared case-insensitively, dots ignored.
_FRONT_TITLES = {
    "prof",
    "dr",
    "drs",
    "dra",
    "drg",
    "ir",
    "h",
    "hj",
    "kh",
    "ny",
    "nn",
    "tn",
    "apt",
    "ns",
    "r",
    "rr",
    "raden",
    "hc",
    "dt",
    "st",
    "rm",
    "ra",
    "ustadz",
    "ustadzah",
    "gus",
}


@dataclass(frozen=True)
class SplitName:
    gelar_depan: str
    nama: str
    gelar_belakang: str


def _title_key(token: str) -> str:
    return token.replace(".", "").lower()


def split_name(full: str) -> SplitName:
    """Split ``Drs. H. Budi Santoso, M.Si., M.H.`` into front titles, name and back titles.

    Front titles are known abbreviations at the start; back titles are everything after
    the first comma (how Indonesian names carry them). ``dr.`` (medical doctor) and
    ``Dr.`` (doctorate) are both kept as written.
    """
    text = " ".join((full or "").split())
    if not text:
        return SplitName("", "", "")
    head, _, tail = text.partition(",")
    back = ", ".join(p.strip() for p in tail.split(",") if p.strip())
    tokens = _unglue_front_titles(head).split(" ")
    front: list[str] = []
    while (
        len(tokens) > 1
        and _title_key(tokens[0]) in _FRONT_TITLES
        and (tokens[0].endswith(".") or _title_key(tokens[0]) in {"h", "hj", "kh"})
    ):
        front.append(tokens.pop(0))
    name = " ".join(tokens).strip()
    if not name and front:  # a title alone is a name, not a title
        name, front = " ".join(front), []
    return SplitName(" ".join(front), name, back)


_GLUED_TITLE = re.compile(r"([^\W\d_]+\.)(?=\S)")


def _unglue_front_titles(head: str) -> str:
    """``Drs.H.Budi Santoso`` -> ``Drs. H. Budi Santoso``: hand-typed rosters often drop the spaces."""
    peeled = []
    while (match := _GLUED_TITLE.match(head)) and _title_key(match.group(1)) in _FRONT_TITLES:
        peeled.append(match.group(1))
        head = head[match.end() :]
    return " ".join([*peeled, head])


def full_name(gelar_depan: str, nama: str, gelar_belakang: str) -> str:
    """The name as printed: ``Drs. H. Budi Santoso, M.Si.``."""
    name = " ".join(p for p in ((gelar_depan or "").strip(), (nama or "").strip()) if p)
    back = (gelar_belakang or "").strip().lstrip(",").strip()
    return f"{name}, {back}" if back else name


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced text for comparisons."""
    text = text or ""
    if text.isascii():  # nothing to decompose; casefold() equals lower() on ASCII
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(ascii_text.casefold().replace("\u2019", "'").split())


def name_key(full: str) -> str:
    """The bare name, folded: titles dropped, punctuation dropped (``Sri Ma'ruf`` = ``sri maruf``)."""
    bare = split_name(full).nama
    return " ".join(re.sub(r"[^\w\s]", "", fold(bare)).split())


def smart_title_case(name: str) -> str:
    """``SUTRISNO PRASETYO`` -> ``Sutrisno Prasetyo``; mixed-case input is left alone."""
    if not name or not name.isupper():
        return name
    words = []
    for word in name.split(" "):
        words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)

"""Pangkat / golongan of PNS (I/a … IV/e) and PPPK golongan (I … XVII).

Rosters write ``Penata Muda Tingkat I, III/b``, ``III/b``, ``III-b`` or ``Penata Muda Tk. I``;
we store the golongan code and print the pangkat name beside it.
"""

from __future__ import annotations

import re

PNS_PANGKAT: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
PPPK_GOLONGAN: tuple[str, ...] = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
)

_PNS_CODE = re.compile(r"\b(IV|III|II|I)\s*[/\-.]?\s*([a-eA-E])\b")
_PPPK_CODE = re.compile(r"^(?:gol(?:ongan)?\.?\s*)?([IVX]{1,5})$", re.IGNORECASE)
_NAME_TO_CODE = {re.sub(r"\s+", " ", name.lower()): code for code, name in PNS_PANGKAT.items()}


def _canonical_name(text: str) -> str:
    text = text.lower()
    text = re.sub(r"\btk\.?\s*", "tingkat ", text)
    text = re.sub(r"\btingkat\s*(1|i)\b", "tingkat i", text)
    return " ".join(text.replace(",", " ").split())


def normalize_golongan(raw: str | None) -> str:
    """Return ``III/b`` or a PPPK ``IX``, or ``""`` when the text names no golongan.

    A text with a golongan code wins over the pangkat name (the code is what SIASN keeps).
    """
    text = (raw or "").strip()
    if not text or text.lower() == "null":
        return ""
    match = _PNS_CODE.search(text)
    if match:
        return f"{match.group(1)}/{match.group(2).lower()}"
    pppk = _PPPK_CODE.match(text)
    if pppk and pppk.group(1).upper() in PPPK_GOLONGAN:
        return pppk.group(1).upper()
    canonical = _canonical_name(text)
    # Longest names first so "Penata Muda Tingkat I" is not read as "Penata Muda".
    for name in sorted(_NAME_TO_CODE, key=len, reverse=True):
        if canonical == name:
            return _NAME_TO_CODE[name]
    return ""


def pangkat_label(golongan: str) -> str:
    """``Penata Muda Tingkat I, III/b`` for PNS; ``Golongan IX`` for PPPK; as given otherwise."""
    if golongan in PNS_PANGKAT:
        return f"{PNS_PANGKAT[golongan]}, {golongan}"
    if golongan in PPPK_GOLONGAN:
        return f"Golongan {golongan}"
    return golongan or ""

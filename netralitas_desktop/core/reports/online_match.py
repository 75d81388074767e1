"""Who is behind a meeting display name: NIP in the name, email, exact name, fuzzy name in the unit.

Display names are typed by participants: ``19860926 201505 1 001 - Budi``,
``Rahmawati_198402272019042001``, ``Bayu Sulistyo - Ruang`` (a word of the unit),
``rudi``. The rules, in order (the first that decides wins):

1. a remembered manual assignment of the same display name (``OnlineAlias``);
2. an 18-digit NIP / NI PPPK or 16-digit NIK in the name, spaces allowed: the registration
   with that number, or *unmatched* when the event has none (a name lookup could pick a
   namesake);
3. the email, when exactly one registration has it;
4. the exact name (titles, case, accents and punctuation ignored; a single word also
   stands for everyone whose name starts with it), narrowed to the unit when the display
   name names one: one candidate is a match, several are *ambiguous*;
5. with a unit in the display name, the closest name in that unit (similarity ratio at least
   ``FUZZY_MIN``, and ``FUZZY_MARGIN`` ahead of the next, else *ambiguous*).

Fuzzy scores come from rapidfuzz (the Indel ratio difflib also computes, in C++): a broad
unit hint ("Daerah") or the review's suggestions compare a name with thousands of names,
which took difflib 20–45 s for a 2,000-row report at 20,000 registrations.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import fuzz, process

from ..models import Person, Registration, db
from ..names import fold, full_name, name_key
from ..nip import format_nip
from .models import OnlineAlias

FUZZY_MIN = 0.85
FUZZY_MARGIN = 0.05
SUGGESTION_MIN = 0.75
MAX_CANDIDATES = 12


class MatchStatus(StrEnum):
    """How a line of a meeting report matched the roster."""

    MATCHED = "matched"
    AMBIGUOUS = "ambiguous"
    UNMATCHED = "unmatched"
    BELOW_MINIMUM = "below_minimum"  # matched, but stayed fewer minutes than the event's minimum


_ID_RUN = re.compile(r"\d+(?:[ .\-]?\d+)*")
_NOISE = re.compile(r"\((?:host|co-host|cohost|me|saya|guest|tamu|penyelenggara)\)", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+[-|/]\s+|\s*[_|]\s*|\s*\(\s*|\s*\)\s*|\s+-|-\s+")
_FILLER_WORDS = {"dan", "&", "kab", "kabupaten", "kota", "pemkab", "pemkot"}


@dataclass(frozen=True)
class Candidate:
    """A registration offered for a display name (the review screen lists these)."""

    registration_id: int
    full_name: str
    nip: str  # digits; "" without
    unit_kerja: str
    score: float = 1.0  # 1.0 exact; the similarity for fuzzy suggestions

    @property
    def label(self) -> str:
        number = f" — {format_nip(self.nip)}" if self.nip else ""
        unit = f" — {self.unit_kerja}" if self.unit_kerja else ""
        return f"{self.full_name}{number}{unit}"


@dataclass
class Resolution:
    status: str  # matched | ambiguous | unmatched
    registration_id: int | None = None
    matched_by: str = ""  # alias, nip, nik, email, name, fuzzy
    reason: str = ""
    candidates: list[Candidate] = field(default_factory=list)


@dataclass(frozen=True)
class ParsedName:
    """A display name taken apart: the number, the person's name and a unit hint."""

    id_digits: str  # 18 (NIP / NI PPPK) or 16 (NIK) digits, or ""
    name: str
    unit_hint: str


def participant_key(display_name: str, email: str) -> str:
    """Rows of one participant (rejoins) share this key: the email, else the folded name."""
    return f"email:{email.lower()}" if email else f"name:{' '.join(fold(display_name).split())}"[:300]


def parse_display_name(text: str, is_unit: Callable[[str], bool] = lambda hint: False) -> ParsedName:
    """Split ``Arif Hidayat (19800103 202321 1 004)`` or ``Bayu Sulistyo - Ruang``."""
    text = _NOISE.sub(" ", text or "")
    id_digits = ""
    for match in _ID_RUN.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) in (16, 18):
            id_digits = digits
            text = text[: match.start()] + " " + text[match.end() :]
            break
    parts = [p.strip(" .,-") for p in _SEPARATORS.split(text)]
    parts = [p for p in parts if p and not p.isdigit()]  # "01_Budi": a seat number is not a name
    if not parts:
        return ParsedName(id_digits, "", "")
    if len(parts) >= 2 and is_unit(parts[0]) and not is_unit(parts[-1]):
        return ParsedName(id_digits, " ".join(parts[1:]), parts[0])  # "Dinkes - Budi"
    hint = " ".join(parts[1:])
    return ParsedName(id_digits, parts[0], hint)


@dataclass
class _Entry:
    registration_id: int
    full_name: str
    nip: str
    nik: str
    email: str
    unit: str
    unit_key: str
    key: str  # name_key of the name

    def candidate(self, score: float = 1.0) -> Candidate:
        return Candidate(self.registration_id, self.full_name, self.nip, self.unit, score)


class RosterIndex:
    """The event's registrations (cancelled ones left out), indexed for matching."""

    def __init__(self, event_id: int) -> None:
        self.event_id = event_id
        query = (
            Registration.select(
                Registration.id,
                Person.gelar_depan,
                Person.nama,
                Person.gelar_belakang,
                Person.nip,
                Person.nik,
                Person.email,
                Person.unit_kerja,
            )
            .join(Person)
            .where((Registration.event == event_id) & Registration.cancelled_at.is_null())
        )
        self.entries: dict[int, _Entry] = {}
        self.by_id: dict[str, int] = {}
        self.by_email: dict[str, list[int]] = defaultdict(list)
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.by_first: dict[str, list[int]] = defaultdict(list)
        self.by_unit: dict[str, list[int]] = defaultdict(list)
        for reg_id, depan, nama, belakang, nip, nik, email, unit in db.execute(query).fetchall():
            entry = _Entry(
                reg_id,
                full_name(depan, nama, belakang),
                nip or "",
                nik or "",
                (email or "").lower(),
                unit or "",
                _words(unit or ""),
                name_key(nama),
            )
            self.entries[reg_id] = entry
            for number in (entry.nip, entry.nik):
                if number:
                    self.by_id[number] = reg_id
            if entry.email:
                self.by_email[entry.email].append(reg_id)
            self.by_key[entry.key].append(reg_id)
            if entry.key:
                self.by_first[entry.key.split()[0]].append(reg_id)
            self.by_unit[entry.unit_key].append(reg_id)
        self._acronyms = {unit: _acronym(unit) for unit in self.by_unit}
        self._all_names: list[str] | None = None  # for suggestions, built on first need
        self._aliases: dict[str, int] = dict(
            OnlineAlias.select(OnlineAlias.participant_key, OnlineAlias.registration)
            .where(OnlineAlias.event == event_id)
            .tuples()
        )

    # Units --------------------------------------------------------------------------------
    def units_for(self, hint: str) -> list[str]:
        """Units (folded) the hint names: all its words occur in the unit name, or it is the
        unit's initials (``BKPSDM``)."""
        words = [w for w in _words(hint).split() if w not in _FILLER_WORDS]
        if not words:
            return []
        compact = "".join(words)
        return [
            unit
            for unit in self.by_unit
            if unit and (all(w in unit.split() for w in words) or compact == self._acronyms[unit])
        ]

    def is_unit(self, hint: str) -> bool:
        return bool(self.units_for(hint))

    # Matching -----------------------------------------------------------------------------
    def resolve(self, key: str, display_name: str, email: str) -> Resolution:
        alias = self._aliases.get(key)
        if alias in self.entries:
            return Resolution(MatchStatus.MATCHED, alias, "manual", "Ditetapkan manual pada impor sebelumnya.")
        parsed = parse_display_name(display_name, self.is_unit)
        units = self.units_for(parsed.unit_hint) if parsed.unit_hint else []
        if parsed.id_digits:
            return self._by_number(parsed, units)
        if email and len(self.by_email.get(email, ())) == 1:
            return Resolution(MatchStatus.MATCHED, self.by_email[email][0], "email", "Cocok dengan email.")
        return self._by_name(parsed, units)

    def _by_number(self, parsed: ParsedName, units: list[str]) -> Resolution:
        label = "NIK" if len(parsed.id_digits) == 16 else "NIP"
        shown = parsed.id_digits if label == "NIK" else format_nip(parsed.id_digits)
        found = self.by_id.get(parsed.id_digits)
        if found is not None:
            return Resolution(MatchStatus.MATCHED, found, label.lower(), f"Cocok dengan {label} {shown}.")
        suggestions = self._by_name(parsed, units).candidates if parsed.name else []
        return Resolution(
            MatchStatus.UNMATCHED, reason=f"{label} {shown} tidak terdaftar pada kegiatan ini.", candidates=suggestions
        )

    def _by_name(self, parsed: ParsedName, units: list[str]) -> Resolution:
        key = name_key(parsed.name)
        if not key:
            return Resolution(MatchStatus.UNMATCHED, reason="Nama tampilan tidak memuat nama orang.")
        exact = list(self.by_key.get(key, ()))
        if " " not in key:  # "rudi" may be Rudi, or Rudi Handayani
            exact += [r for r in self.by_first.get(key, ()) if r not in exact]
        in_unit = [r for r in exact if self.entries[r].unit_key in units] if units else exact
        if len(in_unit) == 1:
            how = " dan unit kerja" if units else ""
            return Resolution(MatchStatus.MATCHED, in_unit[0], "name", f"Cocok dengan nama{how}.")
        if len(in_unit) > 1:
            return Resolution(
                MatchStatus.AMBIGUOUS,
                reason=f"Nama ini cocok dengan {len(in_unit)} peserta; pilih orangnya.",
                candidates=self._candidates(in_unit),
            )
        if units:
            fuzzy = self._fuzzy_in_units(key, units)
            if fuzzy.status != MatchStatus.UNMATCHED or not exact:
                return fuzzy
            return Resolution(
                MatchStatus.AMBIGUOUS,
                reason=f"Nama cocok, tetapi unit kerjanya bukan '{parsed.unit_hint}'.",
                candidates=self._candidates(exact),
            )
        return Resolution(
            MatchStatus.UNMATCHED, reason="Nama tidak ditemukan di daftar peserta.", candidates=self._suggestions(key)
        )

    def _fuzzy_in_units(self, key: str, units: list[str]) -> Resolution:
        names: dict[str, list[int]] = defaultdict(list)  # each distinct name once: rosters repeat names
        for unit in units:
            for reg_id in self.by_unit[unit]:
                names[self.entries[reg_id].key].append(reg_id)
        scored = [(score, reg_id) for name, score in _similar(key, names, SUGGESTION_MIN) for reg_id in names[name]]
        scored.sort(key=lambda item: (-item[0], self.entries[item[1]].full_name))
        if not scored or scored[0][0] < FUZZY_MIN:
            candidates = [self.entries[r].candidate(s) for s, r in scored[:MAX_CANDIDATES]]
            return Resolution(
                MatchStatus.UNMATCHED, reason="Nama tidak ditemukan di unit kerja yang disebut.", candidates=candidates
            )
        best, reg_id = scored[0]
        close = [(s, r) for s, r in scored if s >= best - FUZZY_MARGIN]
        if len(close) > 1:
            return Resolution(
                MatchStatus.AMBIGUOUS,
                reason=f"Ada {len(close)} nama mirip di unit kerja yang disebut; pilih orangnya.",
                candidates=[self.entries[r].candidate(s) for s, r in close[:MAX_CANDIDATES]],
            )
        entry = self.entries[reg_id]
        return Resolution(
            MatchStatus.MATCHED,
            reg_id,
            "fuzzy",
            f"Nama mirip ({round(best * 100)}%) dengan {entry.full_name} di {entry.unit}.",
        )

    def _candidates(self, registration_ids: list[int]) -> list[Candidate]:
        entries = sorted((self.entries[r] for r in registration_ids), key=lambda e: (e.key, e.unit_key))
        return [e.candidate() for e in entries[:MAX_CANDIDATES]]

    def _suggestions(self, key: str) -> list[Candidate]:
        """Close names anywhere in the roster, offered for review but never matched on their own."""
        if self._all_names is None:
            self._all_names = list(self.by_key)
        found = [
            (score, r) for name, score in _similar(key, self._all_names, SUGGESTION_MIN) for r in self.by_key[name]
        ]
        found.sort(key=lambda item: (-item[0], self.entries[item[1]].full_name))
        return [self.entries[r].candidate(s) for s, r in found[:MAX_CANDIDATES]]


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


def _acronym(unit_words: str) -> str:
    return "".join(w[0] for w in unit_words.split() if w not in _FILLER_WORDS)


def _similar(key: str, names: Iterable[str], cutoff: float) -> list[tuple[str, float]]:
    """(name, score 0–1) for the names at least ``cutoff`` like ``key``: the Indel ratio (as
    difflib's), also on the words sorted (``Santoso Budi`` is ``Budi Santoso``)."""
    choices = names if isinstance(names, list) else list(names)
    best: dict[str, float] = {}
    for scorer in (fuzz.ratio, fuzz.token_sort_ratio):
        for name, score, _ in process.extract(key, choices, scorer=scorer, score_cutoff=cutoff * 100, limit=None):
            best[name] = max(best.get(name, 0.0), score / 100)
    return list(best.items())


__all__ = [
    "FUZZY_MARGIN",
    "FUZZY_MIN",
    "Candidate",
    "MatchStatus",
    "ParsedName",
    "Resolution",
    "RosterIndex",
    "parse_display_name",
    "participant_key",
]

"""Names with gelar: splitting, printing, folding and the search key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netralitas_desktop.core.names import fold, full_name, name_key, smart_title_case, split_name


@pytest.mark.parametrize(
    ("written", "depan", "nama", "belakang"),
    [
        ("Drs. H. Budi Santoso, M.Si.", "Drs. H.", "Budi Santoso", "M.Si."),
        ("dr. Siti Aminah, Sp.A.", "dr.", "Siti Aminah", "Sp.A."),
        ("Prof. Dr. Ir. H. Ahmad, S.H., M.H., M.Si.", "Prof. Dr. Ir. H.", "Ahmad", "S.H., M.H., M.Si."),
        ("Hj. Sri Ma'ruf", "Hj.", "Sri Ma'ruf", ""),
        ("Nur Ramadhan, S.Kep., Ners", "", "Nur Ramadhan", "S.Kep., Ners"),
        ("Dra. Hj. Sri Wahyuni, M.Pd.", "Dra. Hj.", "Sri Wahyuni", "M.Pd."),
        ("KH. Ahmad Dahlan", "KH.", "Ahmad Dahlan", ""),
        ("Ns. Dewi Lestari, S.Kep.", "Ns.", "Dewi Lestari", "S.Kep."),
        ("apt. Rina Marlina, S.Farm.", "apt.", "Rina Marlina", "S.Farm."),
        ("drg. Wulan Sari", "drg.", "Wulan Sari", ""),
        ("H Muhammad Rizki", "H", "Muhammad Rizki", ""),  # Haji is written without a dot too
        ("DRS. H. BUDI SANTOSO, M.SI.", "DRS. H.", "BUDI SANTOSO", "M.SI."),  # all caps rosters
        ("Drs.H.Budi Santoso, M.Si.", "Drs. H.", "Budi Santoso", "M.Si."),  # titles typed without spaces
        ("Budi Santoso", "", "Budi Santoso", ""),
        ("Sutrisno", "", "Sutrisno", ""),
        ("  budi   santoso ,  s.pd  ", "", "budi santoso", "s.pd"),
        ("Budi,S.Pd,M.Pd", "", "Budi", "S.Pd, M.Pd"),
        ("Raden Ajeng Kartini", "", "Raden Ajeng Kartini", ""),  # "Raden" undotted is part of the name
        ("M. Yusuf, S.T.", "", "M. Yusuf", "S.T."),  # M. abbreviates Muhammad: a name, not a title
        ("Hadi", "", "Hadi", ""),  # looks like nothing but a name
        # A cell holding only a title is a name: the committee typed something, keep it visible.
        ("Ir.", "", "Ir.", ""),
        ("Dr.", "", "Dr.", ""),
        ("", "", "", ""),
    ],
)
def test_split_name(written, depan, nama, belakang):
    parts = split_name(written)
    assert (parts.gelar_depan, parts.nama, parts.gelar_belakang) == (depan, nama, belakang)


@pytest.mark.parametrize(
    "written",
    [
        "Drs. H. Budi Santoso, M.Si.",
        "dr. Siti Aminah, Sp.A.",
        "Prof. Dr. Ir. H. Ahmad, S.H., M.H., M.Si.",
        "Hj. Sri Ma'ruf",
        "Nur Ramadhan, S.Kep., Ners",
        "Budi Santoso",
        "Ir.",
    ],
)
def test_full_name_prints_what_was_split(written):
    parts = split_name(written)
    assert full_name(parts.gelar_depan, parts.nama, parts.gelar_belakang) == written


def test_full_name_tolerates_missing_and_stray_parts():
    assert full_name("", "Budi Santoso", "") == "Budi Santoso"
    assert full_name("Drs.", "Budi Santoso", "") == "Drs. Budi Santoso"
    assert full_name("", "Budi Santoso", ", M.Si.") == "Budi Santoso, M.Si."
    assert full_name(" Drs. ", " Budi ", " M.Si. ") == "Drs. Budi, M.Si."
    assert full_name(None, "Budi", None) == "Budi"


name_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'", min_size=3, max_size=10)


@given(
    depan=st.lists(st.sampled_from(["Drs.", "Dra.", "Dr.", "dr.", "Prof.", "Ir.", "H.", "Hj.", "KH."]), max_size=3),
    words=st.lists(name_words, min_size=1, max_size=4),
    belakang=st.lists(st.sampled_from(["S.H.", "M.Si.", "S.Pd.", "Sp.A.", "M.M.", "Ners", "S.Kep."]), max_size=3),
)
def test_split_then_full_name_round_trips(depan, words, belakang):
    # A name word that is itself a title abbreviation plus dot cannot occur: words carry no dots.
    written = full_name(" ".join(depan), " ".join(words), ", ".join(belakang))
    parts = split_name(written)
    assert full_name(parts.gelar_depan, parts.nama, parts.gelar_belakang) == written
    assert parts.nama == " ".join(words)
    assert parts.gelar_belakang == ", ".join(belakang)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("André", "andre"),
        ("  SITI   Aminah ", "siti aminah"),
        ("Ma\u2019ruf", "ma'ruf"),
        ("Ruslan\u0301", "ruslan"),  # combining accent
        ("Straße", "strasse"),  # casefold, not lower
        ("", ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_is_idempotent_on_any_text():
    for text in ("Drs. H. Budí Santoso, M.Si.", "ÉLODIE", "ǅemal"):
        assert fold(fold(text)) == fold(text)


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Hj. Sri Ma'ruf", "sri maruf"),
        ("Sri Ma\u2019ruf", "sri maruf"),
        ("SRI MARUF", "sri maruf"),
        ("Drs. H. Budi Santoso, M.Si.", "budi santoso"),
        ("budi  santoso", "budi santoso"),
        ("Andre Taulany", "andre taulany"),
        ("André Taulany, S.E.", "andre taulany"),
    ],
)
def test_name_key_ignores_titles_case_accents_and_punctuation(written, key):
    assert name_key(written) == key


@pytest.mark.parametrize(
    ("raw", "titled"),
    [
        ("SUTRISNO PRASETYO", "Sutrisno Prasetyo"),
        ("SITI NUR-HALIZA", "Siti Nur-Haliza"),
        ("Budi van Dijk", "Budi van Dijk"),  # mixed case is the person's own spelling
        ("budi santoso", "budi santoso"),
        ("", ""),
    ],
)
def test_smart_title_case(raw, titled):
    assert smart_title_case(raw) == titled

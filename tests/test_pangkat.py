"""Pangkat / golongan as rosters write them, and the label printed on documents."""

from __future__ import annotations

import pytest

from netralitas_desktop.core.pangkat import PNS_PANGKAT, PPPK_GOLONGAN, normalize_golongan, pangkat_label


@pytest.mark.parametrize(
    ("written", "golongan"),
    [
        ("Penata Muda Tingkat I, III/b", "III/b"),
        ("Penata Muda Tk. I / III/b", "III/b"),
        ("Pembina Tingkat I (IV/b)", "IV/b"),
        ("III/b", "III/b"),
        ("III/B", "III/b"),
        ("III-b", "III/b"),
        ("III.b", "III/b"),
        ("III b", "III/b"),
        ("III / b", "III/b"),
        ("Gol. III/b", "III/b"),
        ("IV/e", "IV/e"),
        ("I/a", "I/a"),
        ("II/d", "II/d"),
        # the pangkat name alone
        ("Penata Muda Tingkat I", "III/b"),
        ("Penata Muda Tk. I", "III/b"),
        ("Penata Muda Tk.I", "III/b"),
        ("PENATA TK I", "III/d"),
        ("Penata Muda", "III/a"),  # not mistaken for "Penata"
        ("Penata", "III/c"),
        ("Juru Muda Tingkat 1", "I/b"),
        ("Pembina Utama Muda", "IV/c"),
        ("pembina utama madya", "IV/d"),
        # PPPK golongan
        ("IX", "IX"),
        ("Gol. IX", "IX"),
        ("Golongan IX", "IX"),
        ("golongan v", "V"),
        ("XVII", "XVII"),
        # nothing recognisable
        ("XVIII", ""),
        ("Penata Madya", ""),
        ("null", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_normalize_golongan(written, golongan):
    assert normalize_golongan(written) == golongan


@pytest.mark.parametrize("code", sorted(PNS_PANGKAT))
def test_every_pns_label_reads_back_to_its_code(code):
    label = pangkat_label(code)
    assert label == f"{PNS_PANGKAT[code]}, {code}"
    assert normalize_golongan(label) == code
    assert normalize_golongan(PNS_PANGKAT[code]) == code


def test_pppk_labels():
    assert pangkat_label("IX") == "Golongan IX"
    assert all(normalize_golongan(pangkat_label(g)) == g for g in PPPK_GOLONGAN)


def test_unknown_golongan_is_printed_as_given():
    assert pangkat_label("Honorer") == "Honorer"
    assert pangkat_label("") == ""

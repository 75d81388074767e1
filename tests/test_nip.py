"""NIP (PNS), NI PPPK and NIK: examples from real rosters, then properties over generated numbers."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from netralitas_desktop.core.nip import (
    IdError,
    IdKind,
    excel_corruption,
    explain,
    format_nip,
    is_valid_nip,
    normalize_id,
    parse_nik,
    parse_nip,
)

# --- examples --------------------------------------------------------------------------------


def test_pns_nip_encodes_birth_tmt_sex_and_serial():
    info = parse_nip("19860926 201505 1 001")
    assert info.digits == "198609262015051001"
    assert info.kind is IdKind.PNS
    assert info.birth_date == dt.date(1986, 9, 26)
    assert (info.start_year, info.start_month) == (2015, 5)
    assert info.sex == "L"
    assert info.serial == 1
    assert info.contract_count is None
    assert info.formatted == "19860926 201505 1 001"


def test_woman_pns_with_tmt_in_december():
    info = parse_nip("199201152019122003")
    assert info.kind is IdKind.PNS
    assert (info.start_year, info.start_month) == (2019, 12)
    assert info.sex == "P"
    assert info.serial == 3


def test_pppk_number_is_told_apart_by_digit_13_and_skips_the_month_check():
    info = parse_nip("200012312024211001")
    assert info.kind is IdKind.PPPK
    assert info.birth_date == dt.date(2000, 12, 31)
    assert info.start_year == 2024
    assert info.start_month is None  # "21" would be an impossible month for a PNS
    assert info.contract_count == 1
    assert info.sex == "L"
    assert info.serial == 1


def test_pppk_with_a_second_contract_and_a_woman():
    info = parse_nip("19950310 202423 2 015")
    assert info.kind is IdKind.PPPK
    assert info.contract_count == 3
    assert info.sex == "P"
    assert info.serial == 15


@pytest.mark.parametrize(
    ("raw", "message_part"),
    [
        ("19860230 201505 1 001", "bukan tanggal lahir yang benar"),  # 30 February
        ("19861326 201505 1 001", "bukan tanggal lahir yang benar"),  # birth month 13
        ("19860926 201513 1 001", "bulan TMT CPNS (13) harus 01 sampai 12"),
        ("19860926 201500 1 001", "bulan TMT CPNS (00)"),
        ("19860926 198505 1 001", "TMT CPNS (05/1985) harus sesudah tanggal lahir"),
        ("19860926 198609 1 001", "harus sesudah tanggal lahir"),  # same month as birth
        ("19860926 201505 3 001", "digit ke-15 (jenis kelamin) harus 1 atau 2, bukan 3"),
        ("19860926 201505 0 001", "jenis kelamin"),
        ("19860926 201505 1 000", "berakhiran 000"),  # serial 000 is what Excel rounding leaves
        ("19860926 201505 1 01", "harus 18 digit; yang diisi 17 digit"),
        ("1986092620150510011", "harus 18 digit; yang diisi 19 digit"),
        ("1986O926 201505 1 001", "hanya boleh berisi angka"),  # letter O for zero
        ("19860926 201505 1 00l", "hanya boleh berisi angka"),  # letter l for one
        ("", "NIP kosong"),
        ("null", "NIP kosong"),
        ("200012312024201001", "jumlah kontrak"),  # PPPK with contract count 0
        ("200012312010211001", "terlalu dekat dengan tahun lahir"),  # PPPK appointed at ten
    ],
)
def test_invalid_nips_say_why_in_indonesian(raw, message_part):
    with pytest.raises(IdError) as caught:
        parse_nip(raw)
    assert message_part in str(caught.value)
    assert not is_valid_nip(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "'198609262015051001",  # SIASN export prefix
        "\u2018198609262015051001",  # the quote Word/Excel curl
        "  19860926 201505 1 001 ",
        "19860926.201505.1.001",
        "19860926-201505-1-001",
        "19860926\u00a0201505\u00a01\u00a0001",  # non-breaking spaces pasted from a PDF
        "NIP. 19860926 201505 1 001",
        "NIP: 198609262015051001",
    ],
)
def test_normalisation_strips_what_exports_and_people_add(raw):
    assert normalize_id(raw) == "198609262015051001"
    assert parse_nip(raw).digits == "198609262015051001"
    assert format_nip(raw) == "19860926 201505 1 001"


@pytest.mark.parametrize("raw", [None, "", "null", "NULL", "-", "nan", "None"])
def test_empty_markers_normalise_to_nothing(raw):
    assert normalize_id(raw) == ""


@pytest.mark.parametrize(
    ("raw", "message_part"),
    [
        (1.98001012005011e17, "1.98001012005011E+17"),
        (198001012005011000, "tersimpan sebagai angka oleh Excel"),
        ("1.98001E+17", "notasi ilmiah"),
        ("1,98E+17", "notasi ilmiah"),
        ("'1.98001012005011E+17", "notasi ilmiah"),
        ("198001012005011001.0", "bilangan desimal"),
        ("198001012005011000", "berakhiran 000"),
        ("19800101 200501 1 000", "berakhiran 000"),
    ],
)
def test_excel_corruption_is_recognised_and_explained(raw, message_part):
    corrupted = excel_corruption(raw)
    assert corrupted is not None
    reason = corrupted.text
    assert message_part in reason
    assert "Format kolom NIP sebagai Teks" in reason
    with pytest.raises(IdError, match=re.escape(reason)):
        parse_nip(raw)


@pytest.mark.parametrize("raw", ["198001012005011001", "19860926 201505 1 001", True, "", None, "abc"])
def test_values_excel_did_not_touch_have_no_corruption_reason(raw):
    assert excel_corruption(raw) is None


def test_nik_of_a_man():
    nik = parse_nik("3306011509900002")
    assert (nik.province, nik.regency, nik.district) == ("33", "06", "01")
    assert nik.birth_date == dt.date(1990, 9, 15)
    assert nik.sex == "L"
    assert nik.serial == "0002"


def test_nik_of_a_woman_has_forty_added_to_the_day():
    nik = parse_nik("'3306 0155 0990 0001")
    assert nik.birth_date == dt.date(1990, 9, 15)
    assert nik.sex == "P"


def test_nik_two_digit_year_of_this_century():
    nik = parse_nik("3306017103050001")  # 31 March 2005, woman
    assert nik.birth_date == dt.date(2005, 3, 31)
    assert nik.sex == "P"


@pytest.mark.parametrize(
    ("raw", "message_part"),
    [
        ("330601150990002", "NIK harus 16 digit"),
        ("0006011509900002", "kode provinsi"),
        ("3300011509900002", "kode provinsi dan kabupaten/kota"),
        ("3306011513900002", "bukan tanggal lahir yang benar"),  # month 13
        ("3306017209900002", "bukan tanggal lahir yang benar"),  # day 32 (+40)
        ("3306013102900002", "tidak ada"),  # 31 February
        ("3306011509900000", "0000"),
        ("33060115099OOOO2", "hanya boleh berisi angka"),
        ("", "NIK kosong"),
    ],
)
def test_invalid_niks_say_why(raw, message_part):
    with pytest.raises(IdError, match=re.escape(message_part)):
        parse_nik(raw)


def test_explain_pns():
    assert explain("198609262015051001") == (
        "NIP 19860926 201505 1 001: PNS, lahir 26 September 1986, TMT CPNS Mei 2015, laki-laki, nomor urut 001."
    )


def test_explain_pppk():
    assert explain("200012312024211001") == (
        "NI PPPK 20001231 202421 1 001: lahir 31 Desember 2000, diangkat tahun 2024, kontrak ke-1, "
        "laki-laki, nomor urut 001."
    )


def test_explain_nik():
    assert explain("3306015509900001") == (
        "NIK 3306015509900001: wilayah 33.06.01, lahir 15 September 1990, perempuan, nomor urut 0001."
    )


def test_explain_gives_the_reason_for_invalid_numbers():
    assert explain("19860926 201513 1 001") == str(_error_of("19860926 201513 1 001"))
    assert "notasi ilmiah" in explain("1.98001E+17")
    assert "16 digit" not in explain("123")  # a short number is read as a NIP attempt
    assert "18 digit" in explain("123")


def _error_of(raw) -> IdError:
    with pytest.raises(IdError) as caught:
        parse_nip(raw)
    return caught.value


def test_format_nip_leaves_other_text_ungrouped():
    assert format_nip("12345") == "12345"
    assert format_nip("'3306011509900002") == "3306011509900002"


# --- properties ------------------------------------------------------------------------------

birth_dates = st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2008, 12, 31))
sexes = st.sampled_from("12")
serials = st.integers(min_value=1, max_value=999)


@st.composite
def pns_nips(draw):
    birth = draw(birth_dates)
    # Any month after the birth month: count months from the birth month onwards.
    months_later = draw(st.integers(min_value=1, max_value=(2099 - birth.year) * 12))
    year, month = divmod(birth.year * 12 + birth.month - 1 + months_later, 12)
    month += 1
    sex, serial = draw(sexes), draw(serials)
    return f"{birth:%Y%m%d}{year:04d}{month:02d}{sex}{serial:03d}", birth, year, month, sex, serial


@st.composite
def pppk_nips(draw):
    birth = draw(birth_dates)
    year = draw(st.integers(min_value=birth.year + 15, max_value=2099))
    contract = draw(st.integers(min_value=1, max_value=9))
    sex, serial = draw(sexes), draw(serials)
    return f"{birth:%Y%m%d}{year:04d}2{contract}{sex}{serial:03d}", birth, year, contract, sex, serial


def _nik_year_range() -> tuple[int, int]:
    """Birth years a two-digit NIK year maps back to unambiguously (a sliding hundred years)."""
    this_year = dt.date.today().year
    return this_year - 99, this_year


@st.composite
def niks(draw):
    low, high = _nik_year_range()
    birth = draw(st.dates(min_value=dt.date(low, 1, 1), max_value=dt.date(high, 1, 1)))
    woman = draw(st.booleans())
    region = draw(st.integers(min_value=1, max_value=99)), draw(st.integers(min_value=1, max_value=99))
    district = draw(st.integers(min_value=0, max_value=99))
    serial = draw(st.integers(min_value=1, max_value=9999))
    day = birth.day + (40 if woman else 0)
    digits = f"{region[0]:02d}{region[1]:02d}{district:02d}{day:02d}{birth:%m}{birth.year % 100:02d}{serial:04d}"
    return digits, birth, "P" if woman else "L"


@given(pns_nips())
def test_any_valid_pns_nip_parses_and_round_trips(case):
    digits, birth, year, month, sex, serial = case
    info = parse_nip(digits)
    assert info.kind is IdKind.PNS
    assert (info.birth_date, info.start_year, info.start_month) == (birth, year, month)
    assert info.sex == ("L" if sex == "1" else "P")
    assert info.serial == serial
    printed = format_nip(digits)
    assert re.fullmatch(r"\d{8} \d{6} \d \d{3}", printed)
    assert normalize_id(printed) == digits
    assert parse_nip(printed) == info


@given(pppk_nips())
def test_any_valid_pppk_number_parses_and_round_trips(case):
    digits, birth, year, contract, sex, serial = case
    info = parse_nip(digits)
    assert info.kind is IdKind.PPPK
    assert (info.birth_date, info.start_year, info.contract_count) == (birth, year, contract)
    assert info.start_month is None
    assert info.sex == ("L" if sex == "1" else "P")
    assert info.serial == serial
    printed = format_nip(digits)
    assert re.fullmatch(r"\d{8} \d{6} \d \d{3}", printed)
    assert normalize_id(printed) == digits
    assert parse_nip(printed) == info


@given(niks())
def test_any_valid_nik_parses(case):
    digits, birth, sex = case
    nik = parse_nik(digits)
    assert nik.birth_date == birth
    assert nik.sex == sex
    assert parse_nik(" ".join([digits[:6], digits[6:12], digits[12:]])) == nik


@given(st.text(alphabet="0123456789", min_size=18, max_size=18))
def test_random_18_digit_strings_parse_or_raise_id_error(digits):
    try:
        info = parse_nip(digits)
    except IdError as err:
        assert str(err)  # always a message for the user
    else:
        assert info.digits == digits
        assert format_nip(digits).replace(" ", "") == digits


@pytest.mark.parametrize(
    "raw, sentence",
    [
        (
            "19860926 201505 1 001",
            "NIP 19860926 201505 1 001: PNS, lahir 26 September 1986, TMT CPNS Mei 2015, laki-laki, nomor urut 001.",
        ),
        (
            "198407212024221001",
            "NI PPPK 19840721 202422 1 001: lahir 21 Juli 1984, diangkat tahun 2024, kontrak ke-2, laki-laki, "
            "nomor urut 001.",
        ),
        (
            "3306124505900003",
            "NIK 3306124505900003: wilayah 33.06.12, lahir 5 Mei 1990, perempuan, nomor urut 0003.",
        ),
        ("123", "NIP harus 18 digit; yang diisi 3 digit (123)."),
        (None, "NIP kosong."),
    ],
)
def test_explain_says_what_a_number_encodes_or_why_it_is_refused(raw, sentence):
    assert explain(raw) == sentence


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none()))
def test_any_input_is_accepted_or_rejected_with_id_error(raw):
    for parse in (parse_nip, parse_nik):
        with contextlib.suppress(IdError):
            parse(raw)
    # explain() reads 16 digits as a NIK and anything else as a NIP: the parser's verdict, in words.
    sixteen = len(normalize_id(raw)) == 16
    try:
        info = parse_nik(raw) if sixteen else parse_nip(raw)
    except IdError as err:
        assert explain(raw) == str(err) != ""
    else:
        if sixteen:
            label = f"NIK {info.digits}"
        else:
            label = f"{'NI PPPK' if info.kind is IdKind.PPPK else 'NIP'} {info.formatted}"
        text = explain(raw)
        assert text.startswith(f"{label}: ") and ", lahir " in text and text.endswith(".")


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=18))
@example("19860926201505100\u00b2")  # superscript two: isdigit() but not int()-able
@example("\u0661\u0669\u0668\u0666\u0660\u0669\u0662\u0666\u0662\u0660\u0661\u0665\u0660\u0665\u0661\u0660\u0660\u0661")
@example("\uff11\uff19\uff18\uff16\uff10\uff19\uff12\uff16\uff12\uff10\uff11\uff15\uff10\uff15\uff11\uff10\uff10\uff11")
def test_only_ascii_digits_count_as_digits(raw):
    """Superscripts or Arabic-Indic digits pass str.isdigit() but are no NIP digits."""
    try:
        info = parse_nip(raw)
    except IdError:
        return
    assert re.fullmatch(r"[0-9]{18}", info.digits)


@given(st.one_of(st.text(), st.text(alphabet="0123456789 .-'nipNIPkull:\u2019", max_size=30)))
@example("nipnip1")
@example("' '198609262015051001")
@example("n ull")
def test_normalize_id_is_idempotent(raw):
    once = normalize_id(raw)
    assert normalize_id(once) == once


def test_mask_nik_keeps_the_region_and_the_last_two_digits():
    """UU PDP: a NIK handed out shows where, not who (birth date and serial hidden)."""
    from netralitas_desktop.core.nip import mask_nik

    assert mask_nik("3302123456789001") == "3302**********01"
    assert mask_nik("3302 1234 5678 9001") == "3302**********01"  # as typed, spaces and all
    assert mask_nik("'3302123456789001") == "3302**********01"  # as SIASN exports it
    assert mask_nik("") == "" and mask_nik("123") == "***"


@given(st.text(alphabet="0123456789", min_size=16, max_size=16))
def test_a_masked_nik_never_shows_the_birth_date_or_serial(nik):
    from netralitas_desktop.core.nip import mask_nik

    masked = mask_nik(nik)
    assert len(masked) == 16 and masked[:4] == nik[:4] and masked[-2:] == nik[-2:]
    assert set(masked[4:14]) == {"*"}

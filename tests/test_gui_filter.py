"""Typing in the search box: the fast path must answer exactly as ``filter_rows`` would."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.participant_filter import IncrementalFilter, split_last_word
from netralitas_desktop.core.participants import filter_rows, list_participants
from netralitas_desktop.gui.participants.model import COL_GOL, COL_NAME, COL_NO, ParticipantsModel

BACKSPACE = "\b"
KEYS = st.sampled_from([*"adeiknrsu tl19 0.-'é", BACKSPACE, BACKSPACE])


@pytest.fixture(scope="module")
def demo_rows(tmp_path_factory):
    from netralitas_desktop.core import database

    location = database.open_database(f"sqlite:///{tmp_path_factory.mktemp('filter') / 'demo.db'}")
    try:
        rows = list_participants(create_demo_event(participants=300))
    finally:
        database.close_database()
    assert location.is_sqlite and len(rows) == 300
    return rows


def typed(keys: list[str]) -> list[str]:
    """The search box's text after each key."""
    texts, text = [], ""
    for key in keys:
        text = text[:-1] if key == BACKSPACE else text + key
        texts.append(text)
    return texts


def test_split_last_word_only_where_words_are_searched_apart():
    assert split_last_word("dinas kes") == ("dinas ", "kes")
    assert split_last_word("dinas kes ") is None  # trailing space: narrowed by prefix instead
    assert split_last_word("budi") is None
    assert split_last_word("19860926 201505") is None  # a NIP search
    assert split_last_word("rudi 1979") is None  # digits in a word search are sought in the text
    assert split_last_word("1979 rudi") is None


def test_typing_narrows_without_changing_the_answer(demo_rows):
    sample = demo_rows[150]
    for text in (sample.nama.lower(), sample.unit_kerja, sample.nip[:12], "dinas  kesehatan ahli"):
        fast = IncrementalFilter(demo_rows)
        for end in range(len(text) + 1):
            assert fast.matches(text[:end]) == filter_rows(demo_rows, text[:end]), text[:end]
    assert sample.registration_id in {demo_rows[i].registration_id for i in fast.matches(sample.unit_kerja)}


@settings(max_examples=150, deadline=None)
@given(keys=st.lists(KEYS, min_size=1, max_size=25))
def test_any_typing_answers_as_filter_rows(demo_rows, keys):
    fast = IncrementalFilter(demo_rows)
    for text in typed(keys):
        assert fast.matches(text) == filter_rows(demo_rows, text), repr(text)


@settings(max_examples=60, deadline=None)
@given(
    keys=st.lists(KEYS, min_size=1, max_size=15),
    column=st.sampled_from([COL_NO, COL_NAME, COL_GOL]),
    descending=st.booleans(),
)
def test_sorted_model_shows_exactly_the_matches_in_order(qapp, demo_rows, keys, column, descending):
    model = ParticipantsModel()
    model.set_rows(demo_rows)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(column, order)
    everything = [model.row_at(r).registration_id for r in range(model.rowCount())]
    position = {registration_id: p for p, registration_id in enumerate(everything)}
    for text in typed(keys):
        model.set_filter(text)
        shown = [model.row_at(r).registration_id for r in range(model.rowCount())]
        expected = {demo_rows[i].registration_id for i in filter_rows(demo_rows, text)}
        assert set(shown) == expected and len(shown) == len(expected)
        assert shown == sorted(shown, key=position.__getitem__)  # same order as the unfiltered view


def test_digits_then_words_is_searched_afresh(db):
    """ "19" looks for a NIP; "19 sd" looks for words, so a unit named with 19 appears."""
    import datetime as dt

    from netralitas_desktop.core.events import EventData, create_event
    from netralitas_desktop.core.participants import PersonData, add_participant

    event_id = create_event(EventData(title="Sosialisasi", date=dt.date(2024, 7, 1)))
    add_participant(event_id, PersonData(nama="Rina Wulandari", nik="3306124507900001", unit_kerja="SD Negeri 19"))
    add_participant(event_id, PersonData(nama="Budi Santoso", nip="198609262015051001", unit_kerja="Dinas Kesehatan"))
    rows = list_participants(event_id)
    fast = IncrementalFilter(rows)
    assert [rows[i].nama for i in fast.matches("19")] == ["Budi Santoso"]
    assert (
        [rows[i].nama for i in fast.matches("19 sd")]
        == ["Rina Wulandari"]
        == [rows[i].nama for i in filter_rows(rows, "19 sd")]
    )

"""QR payloads: format, round trip, tamper detection, and the per-database secret."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest
import qrcode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netralitas_desktop.core import database, qr_payload
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.events import EventData, NotFoundError, create_event
from netralitas_desktop.core.models import AppSetting
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.core.qr_payload import ScannedCodeError, decode, encode

ACTOR = Actor("Meja 1", "Rina")


def test_payload_is_short_uppercase_alphanumeric_with_prefix(db):
    payload = encode(12, 34567)
    assert payload.startswith("NTR1")
    assert len(payload) == qr_payload.PAYLOAD_LENGTH == 27
    assert re.fullmatch(r"[A-Z0-9]+", payload)
    assert decode(payload) == qr_payload.DecodedPayload(12, 34567)


def test_largest_ids_fit_a_version_2_qr_code_at_level_q(db):
    payload = encode(qr_payload.MAX_EVENT_ID, qr_payload.MAX_REGISTRATION_ID)
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q)
    code.add_data(payload)
    code.make(fit=True)
    assert code.version == 2
    assert code.data_list[0].mode == qrcode.util.MODE_ALPHA_NUM


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # one database serves all examples
@given(
    event_id=st.integers(1, qr_payload.MAX_EVENT_ID),
    registration_id=st.integers(1, qr_payload.MAX_REGISTRATION_ID),
)
def test_round_trip_for_any_ids(db, event_id, registration_id):
    payload = encode(event_id, registration_id)
    assert len(payload) == 27
    assert decode(payload) == qr_payload.DecodedPayload(event_id, registration_id)


def test_scanner_noise_and_caps_lock_are_accepted(db):
    payload = encode(3, 99)
    for scanned in (payload.lower(), f"  {payload}\r\n", f"\t{payload.swapcase()}\n"):
        assert qr_payload.looks_like_payload(scanned)
        assert decode(scanned) == qr_payload.DecodedPayload(3, 99)


def test_every_single_character_change_is_refused(db):
    payload = encode(7, 1234)
    for position in range(len(payload)):
        for replacement in ("0", "Z", "7", "A"):
            if payload[position] == replacement:
                continue
            altered = payload[:position] + replacement + payload[position + 1 :]
            with pytest.raises(ScannedCodeError):
                decode(altered)


def test_random_codes_with_our_prefix_are_forged(db):
    rng = random.Random(4)
    for _ in range(200):
        fake = "NTR1" + "".join(rng.choice(qr_payload.ALPHABET) for _ in range(23))
        with pytest.raises(ScannedCodeError) as caught:
            decode(fake)
        assert caught.value.kind in ("forged", "malformed")
    fake = "NTR1" + "0" * 23
    with pytest.raises(ScannedCodeError, match="tanda tangan tidak cocok") as caught:
        decode(fake)
    assert caught.value.kind == "forged"


@pytest.mark.parametrize(
    "text, kind, message",
    [
        ("https://example.org/undangan/12", "foreign", "bukan undangan Netralitas"),
        ("", "foreign", "bukan undangan Netralitas"),
        ("NTR2" + "0" * 23, "foreign", "bukan undangan Netralitas"),
        ("NTR1ABC", "malformed", "tidak lengkap atau rusak"),
        ("NTR1" + "0" * 24, "malformed", "tidak lengkap atau rusak"),
        ("NTR1" + "O" * 23, "malformed", "tidak lengkap atau rusak"),  # O is not in Crockford's alphabet
        ("NTR1" + "Z" * 23, "malformed", "tidak lengkap atau rusak"),  # more than 114 bits
    ],
)
def test_refusals_say_why(db, text, kind, message):
    with pytest.raises(ScannedCodeError, match=message) as caught:
        decode(text)
    assert caught.value.kind == kind


def test_looks_like_payload_only_for_our_prefix():
    assert qr_payload.looks_like_payload(" ntr1abc ")
    assert not qr_payload.looks_like_payload("19860926 201505 1 001")
    assert not qr_payload.looks_like_payload("")


def test_encode_refuses_ids_that_do_not_fit(db):
    for event_id, registration_id in ((0, 1), (1, 0), (qr_payload.MAX_EVENT_ID + 1, 1), (1, 2**30)):
        with pytest.raises(ValueError):
            encode(event_id, registration_id)


def test_payload_for_looks_up_the_event(db):
    event_id = create_event(EventData(title="Sosialisasi", date=dt.date(2024, 7, 1)), actor=ACTOR)
    registration_id = add_participant(event_id, PersonData(nama="Budi Santoso", nip="198609262015051001"), actor=ACTOR)
    payload = qr_payload.payload_for(registration_id)
    assert decode(payload) == qr_payload.DecodedPayload(event_id, registration_id)
    with pytest.raises(NotFoundError):
        qr_payload.payload_for(registration_id + 1000)


def test_secret_is_per_database_and_survives_reopening(tmp_path):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    database.open_database(str(first))
    from_first = encode(1, 1)
    stored = AppSetting.get(AppSetting.key == qr_payload.SECRET_SETTING).value
    assert re.fullmatch(r"[0-9a-f]{64}", stored)  # 32 random bytes
    database.close_database()

    database.open_database(str(second))
    assert encode(1, 1) != from_first
    with pytest.raises(ScannedCodeError, match="tanda tangan tidak cocok"):
        decode(from_first)  # a card from another database is refused
    database.close_database()

    database.open_database(str(first))
    assert encode(1, 1) == from_first
    assert decode(from_first) == qr_payload.DecodedPayload(1, 1)
    database.close_database()


def test_secret_created_in_a_rolled_back_transaction_is_not_kept(db):
    class Abort(Exception):
        pass

    with pytest.raises(Abort), database.db.atomic():
        inside = encode(1, 1)
        raise Abort
    assert AppSetting.get_or_none(AppSetting.key == qr_payload.SECRET_SETTING) is None
    outside = encode(1, 1)
    assert outside != inside  # a new secret: the one from the rolled-back transaction was not cached
    assert decode(outside) == qr_payload.DecodedPayload(1, 1)

"""Crafted package files: a zip bomb, a lying size, too many entries, deep JSON, absurd numbers.

Each is refused with a clear message before it can take time or memory, and nothing is written.
The bomb's figures are printed by ``bench/bench_package_bomb.py`` (time and peak memory).
"""

from __future__ import annotations

import json
import secrets
import time
import tracemalloc
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from netralitas_desktop.core.models import Event
from netralitas_desktop.core.offline import PackageError, import_package, read_package
from support.offline import DESK_A, Site, export_package, make_office
from support.package_forgery import edit, entries_of, write, zip_bomb

office = pytest.fixture(make_office)


def refused(path, expected: str) -> PackageError:
    with Site(path.parent / f"laptop-{secrets.token_hex(3)}.db").open():
        with pytest.raises(PackageError) as caught:
            import_package(path, actor=DESK_A)
        assert Event.select().count() == 0
    assert expected in str(caught.value), str(caught.value)
    assert "Traceback" not in str(caught.value) and "tak terduga" not in str(caught.value)
    return caught.value


def test_a_zip_bomb_is_refused_in_under_a_second_without_memory(tmp_path):
    bomb = zip_bomb(tmp_path / "bom.netralitas")  # about 3 MB expanding to 3 GB
    assert bomb.stat().st_size < 5 * 1024 * 1024
    with zipfile.ZipFile(bomb) as archive:
        assert archive.infolist()[0].file_size == 3 * 1024**3
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(PackageError) as caught:
        read_package(bomb)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1.0 and peak < 5 * 1024 * 1024
    assert "mengembang menjadi 3.072 MB" in str(caught.value) and "tidak dibuka" in str(caught.value)
    refused(bomb, "mengembang")


def test_an_entry_that_expands_beyond_its_stated_size_is_cut_off(tmp_path):
    liar = zip_bomb(tmp_path / "bohong.netralitas", expanded=512 * 1024**2, name="manifest.json", stated=1000)
    with zipfile.ZipFile(liar) as archive:
        assert archive.infolist()[0].file_size == 1000
    started = time.perf_counter()
    with pytest.raises(PackageError, match="rusak"):
        read_package(liar)
    assert time.perf_counter() - started < 1.0


def test_too_many_entries_unknown_names_and_repeated_names_are_refused(office, tmp_path):
    many = tmp_path / "banyak.netralitas"
    with zipfile.ZipFile(many, "w") as archive:
        for index in range(60_000):
            archive.writestr(f"signatures/{index + 1}.png", b"")
    refused(many, "bagian")
    genuine = export_package(office, tmp_path)
    entries = entries_of(genuine)
    stranger = tmp_path / "asing.netralitas"
    with zipfile.ZipFile(stranger, "w") as archive:
        for name, blob in entries.items():
            archive.writestr(name, blob)
        archive.writestr("../../etc/passwd", b"root")
    refused(stranger, "bagian tak dikenal")
    twice = tmp_path / "ganda.netralitas"
    with zipfile.ZipFile(twice, "w") as archive:
        for name, blob in entries.items():
            archive.writestr(name, blob)
        with pytest.warns(UserWarning):
            archive.writestr("data.json", b"{}")
    refused(twice, "ada dua kali")


def signed(office, tmp_path, name: str, change) -> object:
    """A package re-signed by the test's own key after ``change``: its JSON is parsed and checked."""
    return edit(export_package(office, tmp_path), tmp_path / name, change, key=Ed25519PrivateKey.generate())


def test_deeply_nested_json_gets_a_clear_message(office, tmp_path):
    genuine = read_package(export_package(office, tmp_path))
    nested = b"[" * 200_000 + b"]" * 200_000
    path = write(tmp_path / "dalam.netralitas", genuine.manifest, nested, key=Ed25519PrivateKey.generate())
    refused(path, "bersarang terlalu dalam")
    manifest = tmp_path / "dalam-manifest.netralitas"
    with zipfile.ZipFile(manifest, "w") as archive:
        archive.writestr("manifest.json", b'{"a":' * 100_000 + b"1" + b"}" * 100_000)
    refused(manifest, "bersarang terlalu dalam")


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        ("registration_id", 10**30, "angka terlalu besar"),
        ("registration_id", 2**40, "nomor 1099511627776 tidak sah"),
        ("registration_id", -5, "nomor -5 tidak sah"),
        ("float", "1e400", "angka terlalu besar"),
        ("nan", "NaN", "bukan angka"),
        ("date", "9999-12-31", "di luar rentang"),
        ("desk", "M" * 10_000, "10.000 karakter"),
        ("name", "Budi\x00Santoso", "karakter kendali"),
    ],
)
def test_absurd_values_are_refused_with_a_message(office, tmp_path, where, value, expected):
    def change(manifest, data, files):
        if where == "registration_id":
            data["registrations"][0]["id"] = value
        elif where == "date":
            data["event"]["date"] = value
        elif where == "desk":
            data["checkins"][0]["desk"] = value
        elif where == "name":
            data["people"][0]["nama"] = value

    path = signed(office, tmp_path, f"{where}.netralitas", change)
    if where in ("float", "nan"):  # JSON that Python's json would happily turn into inf / nan
        entries = entries_of(path)
        blob = entries["data.json"].replace(b'"jp_hours": "0"', b'"jp_hours": ' + value.encode(), 1)
        assert blob != entries["data.json"]
        path = write(
            tmp_path / f"{where}-2.netralitas",
            json.loads(entries["manifest.json"]),
            blob,
            {k: v for k, v in entries.items() if k.startswith("signatures/")},
            key=Ed25519PrivateKey.generate(),
        )
    refused(path, expected)

"""The exported verification site, opened from file:// in Debian's headless Chromium with no network.

A genuine code shows ASLI with the holder's name; one changed character, a changed name, another
instansi's key and a revoked number each show their verdict; the bundled TweetNaCl gives the same
answers as WebCrypto; an altered data.js is refused; the page fits a 360-px-wide phone.
"""

from __future__ import annotations

import base64
import dataclasses
import html
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from netralitas_desktop.core.certificates import keystore, site
from netralitas_desktop.core.certificates.bulk import CertificatesJob
from netralitas_desktop.core.certificates.payload import PREFIX, encode_body, parse_code, sign_claims
from netralitas_desktop.core.certificates.verify import revoke
from netralitas_desktop.core.database import close_database, open_database
from support.certificates import ACTOR, legacy_code
from support.pdf_checks import qr_codes

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (scripts/test.sh)")
URL = "https://bkpsdm.sukamakmurkab.go.id/sertifikat/"
NO_NETWORK = ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]


@dataclasses.dataclass
class Page:
    status: str
    name: str
    number: str
    message: str
    engine: str
    text: str
    dom: str


def chromium_dom(url: str, tmp_path: Path) -> str:
    """Headless Chromium's DOM of ``url`` once its scripts ran (no network: every host is unknown)."""
    profile = tmp_path / f"chromium-{len(list(tmp_path.glob('chromium-*')))}"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *NO_NETWORK,
        "--virtual-time-budget=8000",
        "--dump-dom",
        url,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout


def open_page(folder: Path, tmp_path: Path, fragment: str = "", query: str = "") -> Page:
    """The site's index.html from file://, its DOM once the check has run."""
    url = (
        (folder / "index.html").resolve().as_uri()
        + (f"?{query}" if query else "")
        + (f"#{fragment}" if fragment else "")
    )
    dom = chromium_dom(url, tmp_path)

    def text_of(element_id: str) -> str:
        match = re.search(rf'id="{element_id}"[^>]*>(.*?)</', dom, re.S)
        return html.unescape(match.group(1)).strip() if match else ""

    body = re.search(r"<body([^>]*)>", dom).group(1)

    def attribute(name: str) -> str:
        match = re.search(rf'{name}="([^"]*)"', body)
        return match.group(1) if match else ""

    return Page(
        attribute("data-status"),
        text_of("nama"),
        text_of("nomor"),
        text_of("pesan"),
        attribute("data-engine"),
        html.unescape(re.sub(r"<[^>]+>", " ", dom)),
        dom,
    )


def phone_width_layout(folder: Path, tmp_path: Path, fragment: str) -> dict:
    """The page in a 360-px-wide frame (a phone): the width its content needs, as it reports it."""
    frame = tmp_path / "ponsel.html"
    source = (folder / "index.html").resolve().as_uri() + "#" + fragment
    frame.write_text(
        '<html><body style="margin:0"><iframe src="' + source + '" style="width:360px;height:800px;border:0">'
        "</iframe><script>addEventListener('message', function (event) { if (event.data.netralitas) {"
        "document.body.setAttribute('data-width', event.data.width);"
        "document.body.setAttribute('data-viewport', event.data.viewport);"
        "document.body.setAttribute('data-status', event.data.status); } });</script></body></html>",
        encoding="utf-8",
    )
    body = re.search(r"<body([^>]*)>", chromium_dom(frame.as_uri(), tmp_path)).group(1)
    return dict(re.findall(r'data-(\w+)="([^"]*)"', body))


@pytest.fixture
def published(certificate_event, tmp_path):
    event_id, _ids = certificate_event
    folder = tmp_path / "situs"
    site.export_site(folder, url=URL, actor=ACTOR)
    pdf = tmp_path / "sertifikat.pdf"
    CertificatesJob(event_id, pdf).run()
    return event_id, folder, qr_codes(pdf)


def fragment(scanned: str) -> str:
    assert scanned.startswith(URL + "#SRT2.")
    return scanned.split("#", 1)[1]


def test_a_genuine_code_shows_asli_with_the_name_offline(published, tmp_path):
    _event_id, folder, codes = published
    page = open_page(folder, tmp_path, fragment(codes[0]))
    assert page.status == "valid" and page.engine == "WebCrypto"
    assert page.name == "Prof. Dr. Ir. H. Muhammad Abdurrahman Syahputra Wicaksono, S.H., M.H., M.Si."
    assert page.number == "Nomor 800/0001/BKPSDM/2024"
    for shown in (
        "ASLI",
        "NIP. 19860926 201505 1 001",
        "Sosialisasi Netralitas ASN pada Pemilihan Kepala Daerah Tahun 2024",
        "Senin, 1 Juli 2024",
        "2 JP",
        "Pemerintah Kabupaten Sukamakmur",
        "Cocokkan nama dan nomor ini dengan yang tercetak pada sertifikat",
    ):
        assert shown in page.text
    phone = phone_width_layout(folder, tmp_path, fragment(codes[0]))
    assert phone["viewport"] == "360" and phone["status"] == "valid"
    assert int(phone["width"]) <= 360  # nothing wider than the phone (a scrollbar may take some)
    nik_holder = next(code for code in codes if parse_code(code).claims.holder_id.startswith("3306"))
    assert "NIK. 3306**********01" in open_page(folder, tmp_path, fragment(nik_holder)).text


def test_the_bundled_tweetnacl_gives_the_same_answers(published, tmp_path):
    _event_id, folder, codes = published
    genuine = open_page(folder, tmp_path, fragment(codes[1]), query="periksa=js")
    assert genuine.status == "valid" and genuine.engine == "TweetNaCl"
    forged = open_page(folder, tmp_path, _changed_character(fragment(codes[1])), query="periksa=js")
    assert forged.status == "invalid" and forged.engine == "TweetNaCl"


def _changed_character(code: str) -> str:
    position = len(code) // 2
    return code[:position] + ("B" if code[position] != "B" else "C") + code[position + 1 :]


def test_one_changed_character_shows_tidak_sah(published, tmp_path):
    _event_id, folder, codes = published
    page = open_page(folder, tmp_path, _changed_character(fragment(codes[0])))
    assert page.status in ("invalid", "unrecorded") and "TIDAK SAH" in page.text
    assert re.search(r'<p id="cocokkan"[^>]*hidden', page.dom)  # no "compare the name" for a forgery


def test_a_changed_name_shows_tidak_sah(published, tmp_path):
    _event_id, folder, codes = published
    code = parse_code(codes[0])
    body = encode_body(dataclasses.replace(code.claims, name="Orang Lain, S.H."), code.key_id)
    forged = PREFIX + base64.b32encode(body + code.signature).decode().rstrip("=")
    page = open_page(folder, tmp_path, forged)
    assert page.status == "invalid" and "tidak cocok" in page.message and page.name == "Orang Lain, S.H."


def test_another_instansis_key_shows_tidak_sah(published, tmp_path):
    _event_id, folder, codes = published
    genuine = parse_code(codes[0])
    close_database()
    keystore.lock_all()
    open_database(f"sqlite:///{tmp_path / 'instansi-lain.db'}")
    from netralitas_desktop.core.certificates import register

    other, private = register.create_key("Pemerintah Kabupaten Lain")
    forged = sign_claims(private, other.key_id, genuine.claims)  # same data, signed by another instansi
    page = open_page(folder, tmp_path, forged)
    assert page.status == "invalid" and "tidak ditandatangani dengan kunci Pemerintah Kabupaten Sukamakmur" in (
        page.message
    )


def test_a_revoked_number_shows_dicabut_once_the_site_is_updated(published, tmp_path):
    _event_id, folder, codes = published
    number = parse_code(codes[2]).claims.number
    assert open_page(folder, tmp_path, fragment(codes[2])).status == "valid"
    revoke(number, "Salah nama", actor=ACTOR)
    site.export_site(folder)
    page = open_page(folder, tmp_path, fragment(codes[2]))
    assert page.status == "revoked" and "DICABUT" in page.text and "Salah nama" not in page.text
    assert open_page(folder, tmp_path, fragment(codes[3])).status == "valid"


def test_an_altered_data_file_is_refused(published, tmp_path):
    _event_id, folder, codes = published
    data = folder / "data.js"
    data.write_text(data.read_text(encoding="utf-8").replace('\\"revoked\\":[]', '\\"revoked\\":[[\\"x\\",\\"\\"]]'))
    page = open_page(folder, tmp_path, fragment(codes[0]))
    assert page.status == "invalid" and "telah diubah" in page.message


def test_a_code_typed_into_the_page_and_no_code_at_all(published, tmp_path):
    _event_id, folder, _codes = published
    page = open_page(folder, tmp_path)
    assert page.status == "menunggu" and "Sidik kunci Pemerintah Kabupaten Sukamakmur" in page.text


def test_the_site_loads_nothing_from_elsewhere(published):
    _event_id, folder, _codes = published
    for path in folder.iterdir():
        if path.suffix in (".html", ".js"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), path.name
            assert "fetch(" not in text and "XMLHttpRequest" not in text, path.name
    assert {path.name for path in folder.iterdir()} >= {"index.html", "verifikasi.js", "nacl.min.js", "data.js"}
    assert "public domain" in (folder / "LISENSI-tweetnacl.txt").read_text(encoding="utf-8")


def test_a_certificate_printed_before_this_release_checks_on_the_site(upgraded, tmp_path):
    """An old ``URL?c=SRT1|…`` code: ASLI while its signature is the one recorded at the upgrade."""
    _event_id, _ids, old, codes = upgraded
    ((number, code),) = codes.items()
    site.export_site(tmp_path / "situs")
    page = open_page(tmp_path / "situs", tmp_path, query="c=" + quote(code, safe=""))
    assert page.status == "valid" and "format lama" in page.text and page.name == "Drs. H. Budi Santoso, M.Si."
    forged = legacy_code(old, number, "196905121994031004", "Orang Lain", "20240701")
    assert open_page(tmp_path / "situs", tmp_path, query="c=" + quote(forged, safe="")).status == "invalid"

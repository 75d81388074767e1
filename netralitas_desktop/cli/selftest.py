"""``netralitas selftest``: prove an installation works end to end, in a throw-away database.

Meant for the frozen bundle (PyInstaller drops modules and files silently when a hook
misses them) and for IT support on a committee's laptop: it opens a fresh SQLite file,
creates an event and a fictional participant, draws the invitation QR, reads it back with
the camera decoder, checks the participant in, renders the certificate, verifies the QR
read back from the rendered page, and signs the certificate (PAdES) with a throw-away key.
It never touches the user's database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ..core import database
from ..core.audit import Actor
from ..core.events import EventData, create_event
from .common import CliError, add_command

# Each step imports what it tests: the parser is built at every start, and a module missing
# from a bundle then fails its own step, by name.

ACTOR = Actor("Uji mandiri", "selftest")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "selftest", "uji cepat instalasi (basis data sementara, QR, check-in, sertifikat)", run_selftest
    )
    parser.set_defaults(opens_database=False)  # never the user's database


def run_selftest(args: argparse.Namespace) -> dict:
    steps: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="netralitas-selftest-") as folder:
        try:
            context: dict = {"folder": Path(folder)}
            for label, step in STEPS:
                started = time.perf_counter()
                try:
                    detail = step(context)
                except Exception as err:  # report which step broke, in words
                    raise CliError(f"Uji mandiri gagal pada langkah '{label}': {err}", 1, steps=steps) from err
                steps.append({"step": label, "ms": round((time.perf_counter() - started) * 1000, 1), "detail": detail})
        finally:
            database.close_database()
    lines = "\n".join(f"  ✓ {s['step']} ({s['ms']} ms) {s['detail']}" for s in steps)
    return {"steps": steps, "message": f"Uji mandiri berhasil:\n{lines}"}


def _open(context: dict) -> str:
    location = database.open_database(f"sqlite:///{context['folder'] / 'uji.db'}")
    return location.display


def _event(context: dict) -> str:
    from ..core.participants import PersonData, add_participant

    data = EventData(
        title="Uji Mandiri Netralitas ASN",
        date=dt.date.today(),
        venue="Aula",
        instansi="Pemerintah Kabupaten Contoh",
        place_name="Contoh",
    )
    context["event_id"] = create_event(data, actor=ACTOR)
    person = PersonData(
        nip="198609262015051001",
        nama="Budi Santoso",
        gelar_depan="Drs.",
        gelar_belakang="M.Si.",
        sex="L",
        employment_type="PNS",
        golongan="III/b",
        jabatan="Analis",
        unit_kerja="Sekretariat",
    )
    context["registration_id"] = add_participant(context["event_id"], person, actor=ACTOR)
    return f"kegiatan {context['event_id']}"


def _invitation_qr(context: dict) -> str:
    from ..core import invitations, qr_decode

    event, cards = invitations.load_invitations(context["event_id"])
    image = invitations.render_invitation_png(event, cards[0])
    decoded = qr_decode.decode_image(image)
    if cards[0].payload not in decoded:
        raise RuntimeError("kode QR undangan tidak terbaca kembali")
    context["payload"] = cards[0].payload
    return context["payload"]


def _check_in(context: dict) -> str:
    from ..core import checkin

    result = checkin.check_in(context["event_id"], context["payload"], actor=ACTOR)
    if result.status != checkin.CheckinStatus.CHECKED_IN:
        raise RuntimeError(result.message)
    again = checkin.check_in(context["event_id"], context["payload"], actor=ACTOR)
    if again.status != checkin.CheckinStatus.ALREADY:
        raise RuntimeError("pindai kedua tidak dikenali sebagai sudah hadir")
    return "hadir, lalu sudah hadir"


def _certificate(context: dict) -> str:
    from ..core.certificates.bulk import CertificatesJob
    from ..core.certificates.keystore import temporary_store
    from ..core.certificates.verify import verify

    target = context["folder"] / "sertifikat.pdf"
    # A throw-away signing key in the temporary folder: never this computer's key or keyring.
    with temporary_store(context["folder"] / "kunci", b"uji mandiri sekali pakai"):
        result = CertificatesJob(context["event_id"], target, actor=ACTOR, workers=1).run()
    if result.count != 1:
        raise RuntimeError(f"{result.count} sertifikat dibuat, seharusnya 1")
    checked = verify(target)  # renders the page, decodes its QR and compares it with the page's text
    if not checked.valid:
        raise RuntimeError(checked.first.message if checked.first else "kode QR tidak terbaca")
    context["certificate"] = target
    return checked.first.number


def _signature(context: dict) -> str:
    """Sign the certificate with a throw-away self-signed key and validate it (pyHanko)."""
    import io

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID
    from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from ..core.certificates.signing import Signer

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Uji Mandiri")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    p12 = context["folder"] / "uji.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(b"uji", key, cert, None, serialization.BestAvailableEncryption(b"uji"))
    )
    signed = Signer(p12, b"uji").sign_bytes(context["certificate"].read_bytes())
    (embedded,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    status = validate_pdf_signature(
        embedded, ValidationContext(trust_roots=[translate_pyca_cryptography_cert_to_asn1(cert)])
    )
    if not (status.intact and status.valid):
        raise RuntimeError("tanda tangan digital tidak sah setelah dibuat")
    return "PAdES utuh dan sah"


STEPS: list[tuple[str, Callable[[dict], str]]] = [
    ("buka basis data", _open),
    ("buat kegiatan dan peserta", _event),
    ("QR undangan", _invitation_qr),
    ("check-in", _check_in),
    ("sertifikat dan verifikasi QR", _certificate),
    ("tanda tangan digital", _signature),
]

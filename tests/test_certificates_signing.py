"""Signed certificates from the bulk run and the CLI: PAdES that pyHanko validates, the stamp in
the design's TTE box, per-person files (cut by PDFium) signed in worker processes too."""

from __future__ import annotations

import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from netralitas_desktop.cli import main
from netralitas_desktop.core.certificates.bulk import CertificatesJob
from netralitas_desktop.core.certificates.design import load_design
from netralitas_desktop.core.certificates.render import stamp_box
from netralitas_desktop.core.certificates.signing import FIELD_NAME, Signer
from netralitas_desktop.core.certificates.verify import verify
from netralitas_desktop.core.database import close_database, open_database
from netralitas_desktop.core.documents import mm
from support.certificates import make_event, populate
from support.pdf_text import page_count
from support.signing import PASSWORD, make_p12, validate


@pytest.fixture(scope="module")
def p12(tmp_path_factory):
    return make_p12(tmp_path_factory.mktemp("p12"))


def signature_rect(pdf: bytes) -> list[float]:
    reader = PdfFileReader(io.BytesIO(pdf))
    (embedded,) = reader.embedded_signatures
    assert embedded.field_name == FIELD_NAME
    return [float(value) for value in embedded.sig_field["/Rect"]]


def test_merged_signed_pdf_validates_and_the_stamp_sits_in_the_tte_box(certificate_event, p12, tmp_path):
    event_id, _ids = certificate_event
    path, cert = p12
    box = stamp_box(load_design(event_id))
    target = tmp_path / "bertanda.pdf"
    result = CertificatesJob(event_id, target, signer=Signer(path, PASSWORD, stamp_box=box)).run()
    data = target.read_bytes()
    status = validate(data, cert)
    assert result.signed and status.intact and status.valid
    x1, _y1, x2, y2 = signature_rect(data)
    spec = load_design(event_id).field("tte")
    assert x1 == pytest.approx(spec.x_mm * mm, abs=1) and x2 == pytest.approx((spec.x_mm + spec.width_mm) * mm, abs=1)
    assert y2 == pytest.approx((210 - spec.y_mm) * mm, abs=1)
    assert page_count(target) == 7 and verify(target).valid  # the QR still reads and verifies


@pytest.mark.parametrize("workers", [1, 2])
def test_per_person_files_are_each_signed(certificate_event, p12, tmp_path, workers):
    event_id, _ids = certificate_event
    path, cert = p12
    folder = tmp_path / "bertanda"
    CertificatesJob(event_id, folder, per_person=True, workers=workers, signer=Signer(path, PASSWORD)).run()
    files = sorted(folder.iterdir())
    assert len(files) == 7
    for file in files:
        status = validate(file.read_bytes(), cert)
        assert status.intact and status.valid
    assert verify(files[0]).valid


def test_cli_signs_with_a_password_file(sqlite_url, p12, tmp_path, capsys):
    open_database(sqlite_url)
    event_id = make_event()
    populate(event_id)
    close_database()
    path, cert = p12
    password = tmp_path / "sandi.txt"
    password.write_bytes(PASSWORD + b"\n")
    target = tmp_path / "cli.pdf"
    code = main(
        [
            "--db",
            sqlite_url,
            "certificates",
            "--event",
            str(event_id),
            "--out",
            str(target),
            "--sign",
            str(path),
            "--password-file",
            str(password),
        ]
    )
    assert code == 0 and "Ditandatangani secara digital" in capsys.readouterr().out
    assert validate(target.read_bytes(), cert).valid
    password.write_bytes(b"salah")
    code = main(
        [
            "--db",
            sqlite_url,
            "certificates",
            "--event",
            str(event_id),
            "--out",
            str(tmp_path / "x.pdf"),
            "--sign",
            str(path),
            "--password-file",
            str(password),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and err.strip()

"""``netralitas selftest``: the end-to-end check the frozen bundle runs."""

import json

from netralitas_desktop.cli import main
from netralitas_desktop.core import qr_decode


def test_selftest_passes_and_leaves_the_given_database_alone(tmp_path, capsys):
    user_db = tmp_path / "pengguna.db"
    assert main(["--db", f"sqlite:///{user_db}", "selftest", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    steps = [s["step"] for s in out["steps"]]
    assert steps == [
        "buka basis data",
        "buat kegiatan dan peserta",
        "QR undangan",
        "check-in",
        "sertifikat dan verifikasi QR",
        "tanda tangan digital",
    ]
    assert out["steps"][2]["detail"].startswith("NTR1")
    assert not user_db.exists()


def test_selftest_names_the_failing_step(monkeypatch, capsys):
    monkeypatch.setattr(qr_decode, "decode_image", lambda image: [])
    assert main(["selftest"]) == 1
    err = capsys.readouterr().err
    assert "Uji mandiri gagal pada langkah 'QR undangan'" in err and "tidak terbaca" in err

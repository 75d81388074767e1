"""The CLI's one progress line (cli/common.py): shown only while a person watches a terminal."""

from __future__ import annotations

import argparse
import sys

import pytest

from netralitas_desktop.cli.common import TerminalProgress, run_with_progress
from netralitas_desktop.core.jobs import Job


class CountingJob(Job[int]):
    """Reports each of ``total`` units the way the document jobs do."""

    def __init__(self, total: int, fail_at: int | None = None) -> None:
        super().__init__()
        self.total, self.fail_at = total, fail_at

    def run(self) -> int:
        for done in range(1, self.total + 1):
            if done == self.fail_at:
                raise ValueError("rusak")
            self.report(done, self.total, f"Halaman {done} dari {self.total}")
        return self.total


def test_job_messages_are_shown_every_25_units_and_at_the_end(capsys):
    report = TerminalProgress()
    for done in range(1, 61):
        report(done, 60, f"Halaman {done} dari 60")
    shown = capsys.readouterr().err.split("\r")[1:]
    assert [line.strip() for line in shown] == ["Halaman 25 dari 60", "Halaman 50 dari 60", "Halaman 60 dari 60"]


def test_messages_without_counts_get_them_on_every_report(capsys):
    report = TerminalProgress(with_counts=True)
    report(7, 2000, "Membaca baris…")
    report(3, 0, "")
    assert [line.strip() for line in capsys.readouterr().err.split("\r")[1:]] == [
        "Membaca baris… 7/2000",
        "Memproses 3",
    ]


def test_a_watched_job_reports_on_one_line_ended_even_when_it_fails(capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    job = CountingJob(30)
    assert run_with_progress(argparse.Namespace(), job) == 30
    assert capsys.readouterr().err == "\rHalaman 25 dari 30   \rHalaman 30 dari 30   \n"

    failing = CountingJob(30, fail_at=26)
    with pytest.raises(ValueError):
        run_with_progress(argparse.Namespace(), failing)
    assert capsys.readouterr().err.endswith("\n")


@pytest.mark.parametrize("terminal, json_output", [(False, False), (True, True)])
def test_nothing_is_shown_to_a_pipe_or_with_json(capsys, monkeypatch, terminal, json_output):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: terminal)
    job = CountingJob(50)
    run_with_progress(argparse.Namespace(json=json_output), job)
    assert capsys.readouterr().err == ""

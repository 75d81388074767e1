"""The rotating log file."""

import logging
import sys

from netralitas_desktop.core import logs


def test_log_file_rotates_and_records_exceptions(tmp_path):
    path = logs.setup_logging(tmp_path)
    try:
        assert path == tmp_path / logs.LOG_NAME and logs.setup_logging(tmp_path) == path
        logs.log.info("event %d opened", 7)
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            logs.log_exception(*sys.exc_info())
        for handler in logs.log.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "event 7 opened" in text and "RuntimeError: boom" in text and "Traceback" in text
        logs.log.info("x" * 1000)
        for _ in range(1200):
            logs.log.info("x" * 1000)
        assert (tmp_path / f"{logs.LOG_NAME}.1").exists()
    finally:
        logs.close_logging()
    assert logs.log_file() is None


def test_unwritable_folder_means_no_log_file_not_a_crash(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert logs.setup_logging(blocker / "logs") is None
    assert logging.getLogger("netralitas").handlers == [] or logs.log_file() is None

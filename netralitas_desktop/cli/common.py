"""What every command shares: the Indonesian argument parser, the command runner, output, tables.

``run_command`` is the one place where an error becomes a message and an exit code: a
``UserError`` (every error the user can act on derives from ``core.errors.UserError``) is
printed as it is with its own exit code; anything else is a defect, logged with its
traceback and reported as unexpected (exit code 1). Commands therefore raise and never
translate errors themselves.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TextIO, TypeVar
from urllib.parse import urlsplit

from ..core import audit, database
from ..core.errors import BAD_INPUT, OTHER_FAILURE, UserError, as_user_error
from ..core.jobs import Cancelled, Job, ProgressCallback

if TYPE_CHECKING:  # the document layer loads ReportLab: imported when a --paper value is read
    from ..core.documents import Paper

T = TypeVar("T")
EXIT_CANCELLED = 130  # as a shell reports Ctrl+C


class CliError(UserError):
    """A failure found by the command line itself; ``extra`` adds keys to the JSON error object."""

    def __init__(self, message: str, exit_code: int = OTHER_FAILURE, **extra: object) -> None:
        super().__init__(message, exit_code=exit_code)
        self.extra = extra

    @classmethod
    def wrap(cls, err: UserError) -> CliError:
        return err if isinstance(err, CliError) else cls(err.message, err.exit_code)


class UsageError(CliError):
    """The command line itself is wrong (unknown option, missing argument)."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message, exit_code=BAD_INPUT)
        self.usage = usage


# argparse's own messages are English; these patterns cover the ones a user can meet.
_ARGPARSE_MESSAGES = (
    (r"the following arguments are required: (.*)", r"argumen berikut wajib diisi: \1"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (
        r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)",
        r"argumen \1: pilihan \2 tidak dikenal (pilih dari \3)",
    ),
    (r"argument (.*?): invalid (\w+) value: (.*)", r"argumen \1: nilai \3 tidak valid"),
    (r"argument (.*?): expected one argument", r"argumen \1: perlu satu nilai"),
    (r"argument (.*?): expected at least one argument", r"argumen \1: perlu paling sedikit satu nilai"),
    (r"argument (.*?): ignored explicit argument (.*)", r"argumen \1: nilai \2 tidak dipakai"),
    (r"argument (.*?): not allowed with argument (.*)", r"argumen \1 tidak boleh bersama \2"),
    (r"one of the arguments (.*) is required", r"salah satu argumen berikut wajib diisi: \1"),
    (r"ambiguous option: (.*?) could match (.*)", r"pilihan \1 bisa berarti \2"),
    (r"argument (.*?): (.*)", r"argumen \1: \2"),
)


def translate_argparse_message(message: str) -> str:
    for pattern, replacement in _ARGPARSE_MESSAGES:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "Penggunaan: " if prefix is None else prefix)


class ArgumentParser(argparse.ArgumentParser):
    """argparse with Indonesian headings and errors that ``main`` can report (also as JSON)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str):
        raise UsageError(translate_argparse_message(message), usage=self.format_usage())


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a sub-command's default must not reset ``netralitas --json …`` given before it.
    parser.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="cetak hasil sebagai satu objek JSON"
    )


def add_command(
    subparsers: argparse._SubParsersAction, name: str, help_text: str, func: Callable[[argparse.Namespace], dict]
) -> argparse.ArgumentParser:
    """A leaf command: takes ``--json`` and runs ``func(args) -> dict`` with the database open."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    add_json_flag(parser)
    parser.set_defaults(func=func)
    return parser


def add_group(subparsers: argparse._SubParsersAction, name: str, help_text: str) -> argparse._SubParsersAction:
    """A command group such as ``event`` whose actions (``create``, ``list``) are sub-commands."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    actions = parser.add_subparsers(dest=f"{name}_action", metavar="AKSI", title="aksi")
    actions.required = True
    return actions


# Ids and amounts fit PostgreSQL's integer (and SQLite's, which is wider); a longer number would
# otherwise reach the driver and fail as an "unexpected error" (OverflowError) instead of a sentence.
MAX_NUMBER = 2**31 - 1


def _whole_number(text: str, minimum: int, below_message: str) -> int:
    digits = text.strip().lstrip("+-")
    if len(digits) > 12:
        raise argparse.ArgumentTypeError(
            f"'{text[:30]}…' terlalu besar (paling besar {MAX_NUMBER:_}).".replace("_", ".")
        )
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text[:30]}' bukan bilangan bulat.") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(below_message.format(value))
    if value > MAX_NUMBER:
        raise argparse.ArgumentTypeError(f"{value} terlalu besar (paling besar {MAX_NUMBER:_}).".replace("_", "."))
    return value


def positive_int(text: str) -> int:
    """argparse type for ids: a whole number from 1 to ``MAX_NUMBER``."""
    return _whole_number(text, 1, "harus 1 atau lebih, bukan {}.")


def count_int(text: str) -> int:
    """argparse type for amounts: a whole number from 0 to ``MAX_NUMBER``."""
    return _whole_number(text, 0, "tidak boleh negatif ({}).")


def paper_type(text: str) -> Paper:
    """argparse type for ``--paper``: a4 or f4, any case."""
    from ..core.documents import Paper, PaperError

    try:
        return Paper.parse(text)
    except PaperError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


class TerminalProgress:
    """One updating progress line on stderr: a ``ProgressCallback`` for a ``Job`` or ``Progress``.

    By default it shows the job's own message (which already counts, "Sertifikat 5 dari
    100") every 25 units; ``with_counts`` appends done/total to every report instead, for
    services whose messages do not count ("Membaca baris…").
    """

    def __init__(self, *, with_counts: bool = False) -> None:
        self.with_counts = with_counts

    def __call__(self, done: int, total: int, message: str = "") -> None:
        if self.with_counts:
            shown = f"{done}/{total}" if total else str(done)
            text = f"{message or 'Memproses'} {shown}"
        elif done == total or done % 25 == 0:
            text = message or str(done)
        else:
            return
        sys.stderr.write(f"\r{text}   ")
        sys.stderr.flush()


@contextlib.contextmanager
def terminal_progress(args: argparse.Namespace, *, with_counts: bool = False) -> Iterator[ProgressCallback | None]:
    """The progress callback while a person watches (stderr is a terminal and no ``--json``), else
    None; its line is ended with a newline however the work ends."""
    if not sys.stderr.isatty() or getattr(args, "json", False):
        yield None
        return
    try:
        yield TerminalProgress(with_counts=with_counts)
    finally:
        sys.stderr.write("\n")


PASSWORD_ON_COMMAND_LINE = (
    "Peringatan: kata sandi di --db terlihat oleh pengguna lain komputer ini (daftar proses, riwayat perintah). "
    "Tulis alamat tanpa kata sandi dan pakai variabel PGPASSWORD, berkas .pgpass, atau simpan kata sandinya "
    "di brankas sistem lewat menu Berkas \u2192 Sambungkan ke server (lihat README)."
)


def warn_about_password(url: str | None) -> None:
    """A password typed into ``--db`` is visible in ``ps``: say how to avoid it (it still works)."""
    if url and "://" in url:
        try:
            password = urlsplit(url).password
        except ValueError:
            return
        if password:
            sys.stderr.write(PASSWORD_ON_COMMAND_LINE + "\n")


def run_with_progress(args: argparse.Namespace, job: Job[T], *, with_counts: bool = False) -> T:
    """Run ``job`` here, its progress on one terminal line while a person watches."""
    with terminal_progress(args, with_counts=with_counts) as show:
        return job.execute(on_progress=show)


def open_db(args: argparse.Namespace) -> database.DatabaseLocation:
    warn_about_password(args.db)
    return database.open_database(args.db)


def run_command(args: argparse.Namespace) -> int:
    """Open the database, run the command, print its dict; the one place errors become exit codes."""
    try:
        if getattr(args, "opens_database", True):  # selftest, check and restore open their own
            open_db(args)
        result = args.func(args)
    except (KeyboardInterrupt, Cancelled):
        return report_error(args, UserError("Dibatalkan.", exit_code=EXIT_CANCELLED))
    except Exception as err:  # the last guard: a message, never a traceback
        return report_error(args, err)
    finally:
        database.close_database()
    emit(args, {"ok": True, **result})
    return 0


def report_error(args: argparse.Namespace, err: BaseException) -> int:
    """Say what went wrong (stderr as text, or stdout as the one JSON object a script reads); the exit code."""
    user_error = as_user_error(err)
    if user_error is None:
        user_error = _unexpected(err)
    payload = {"ok": False, "error": user_error.message, **getattr(user_error, "extra", {})}
    errors = getattr(user_error, "errors", None)  # a form's field messages (ValidationError)
    if errors:
        payload["errors"] = errors
    if getattr(args, "json", False):
        emit(args, payload)
        return user_error.exit_code
    if errors and len(errors) > 1:
        payload["text"] = "\n".join(["Data belum benar:"] + [f"- {line}" for line in errors.values()])
    emit(args, payload, stream=sys.stderr)
    return user_error.exit_code


def _unexpected(err: BaseException) -> UserError:
    """A defect: its traceback goes to the log file, the user gets one sentence."""
    from ..core.logs import log_exception, setup_logging

    path = setup_logging()
    log_exception(type(err), err, err.__traceback__)
    where = f" Rinciannya tercatat di {path}." if path else ""
    return UserError(f"Terjadi kesalahan tak terduga ({type(err).__name__}): {err}.{where}", exit_code=OTHER_FAILURE)


def cli_actor() -> audit.Actor:
    """Audit entries from the command line name the computer and say they came from the CLI."""
    default = audit.Actor.default()
    return audit.Actor(desk=f"{default.desk} (CLI)", operator=default.operator)


def emit(args: argparse.Namespace, result: dict, stream: TextIO | None = None) -> None:
    """Print ``result`` as one JSON object (``--json``) or as text.

    ``text`` (a table, a report) is for people only and left out of JSON; ``message`` is
    a short sentence kept in both.
    """
    stream = stream or sys.stdout
    if getattr(args, "json", False):
        payload = {key: value for key, value in result.items() if key != "text"}
        stream.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")
        return
    text = result.get("text") or result.get("message") or result.get("error")
    if text:
        stream.write(f"{text.rstrip()}\n")


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[int] = ()) -> str:
    """An aligned plain-text table; columns listed in ``right`` are right-aligned (numbers)."""
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        parts = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=False))]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule] + [line(row) for row in cells[1:]])

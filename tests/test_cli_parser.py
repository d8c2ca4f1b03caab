"""``build_parser(argv)`` builds only the named command's parser (cli/main.py): it must read
every command line, print every help and refuse every mistake as the whole parser does."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from smpanel_desktop.cli import parser as cli_parser
from smpanel_desktop.cli.main import _command_in, build_parser, main

READ = [
    ["orders", "--json"], ["--json", "orders", "--status", "in progress", "--search", "x"],
    ["--api-url", "http://127.0.0.1/api/v2", "balance", "--all"], ["--api", "u", "status", "1,2"],
    ["--data", "d", "spend", "--by", "day"], ["panels", "add", "n", "u"], ["panels"],
    ["key", "status"], ["resolve", "3", "--not-placed"], ["sandbox", "--port", "1"],
    ["--panel=x", "refill", "--eligible"], ["mass-order", "-", "--dry-run"],
    ["add", "--service", "5", "--field", "a=b", "--json"], ["--panel", "orders", "orders"],
]  # fmt: skip


@pytest.mark.parametrize("argv", READ, ids=" ".join)
def test_a_command_line_reads_as_with_the_whole_parser(argv: list[str]) -> None:
    lean, whole = vars(build_parser(argv).parse_args(argv)), vars(build_parser().parse_args(argv))
    lean_func, whole_func = lean.pop("func", None), whole.pop("func", None)
    assert lean == whole and (lean_func is None) == (whole_func is None)


PRINTED = [
    ["--help"], ["-h"], ["--he"], ["--help", "orders"], ["orders", "--help"], ["panels", "-h"],
    ["bogus"], ["orders", "--bogus"], ["--bogus", "orders"], ["resolve"], ["--version"], [],
    ["key"], ["--api-url"], ["spend", "--by", "year"], ["--", "orders"],
    ["-,", "orders", "--json"],  # an option that sorts before "--": not taken for the command
]  # fmt: skip


@pytest.mark.parametrize("argv", PRINTED, ids=lambda a: " ".join(a) or "nothing")
def test_help_and_errors_print_as_with_the_whole_parser(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    printed = []
    for parser in (build_parser(argv), build_parser()):
        with pytest.raises(SystemExit) as exit_:
            parser.parse_args(argv)
            raise SystemExit("parsed")  # [] parses: both must
        printed.append((exit_.value.code, capsys.readouterr()))
    assert printed[0] == printed[1]


def test_the_command_is_found_past_global_options() -> None:
    assert _command_in(["--api-url", "orders", "balance"]) == "balance"
    assert _command_in(["--pan", "orders", "services"]) == "services"
    assert _command_in(["--api-url=x", "orders"]) == "orders"
    assert _command_in(["--json", "-h", "orders"]) is None


@pytest.mark.parametrize("columns", [None, "200", "40", "12"])
def test_help_and_errors_are_laid_out_as_by_argparses_own_formatter(
    columns: str | None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """cli/parser.py asks the terminal's width only when it lays text out: the same width, the
    same lines, however wide the terminal (``COLUMNS``, as shutil reads it)."""
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    for argv in [*PRINTED, ["panels", "add", "-h"], ["add", "-h"], ["refill", "-h"]]:
        printed = []
        for formatter in (cli_parser.LazyWidthFormatter, argparse.HelpFormatter):
            monkeypatch.setattr(cli_parser, "LazyWidthFormatter", formatter)
            with pytest.raises(SystemExit) as exit_:
                build_parser(argv).parse_args(argv)
                raise SystemExit("parsed")
            printed.append((exit_.value.code, capsys.readouterr()))
        assert printed[0] == printed[1], argv


def test_a_commands_usage_is_named_smpanel_command(capsys: pytest.CaptureFixture[str]) -> None:
    """The commands' prog, given to ``add_subparsers`` (argparse would lay out a usage for it)."""
    with pytest.raises(SystemExit):
        build_parser(["orders", "--help"]).parse_args(["orders", "--help"])
    assert capsys.readouterr().out.startswith("usage: smpanel orders [-h]")
    with pytest.raises(SystemExit):
        build_parser(["resolve"]).parse_args(["resolve"])
    assert "smpanel resolve: error: the following arguments are required" in capsys.readouterr().err


def test_a_command_that_runs_measures_no_terminal() -> None:
    """Reading ``orders --json`` makes formatters (one per argument) but lays nothing out:
    ``shutil`` and the compression modules it imports stay out of the start."""
    code = (
        "import sys; from smpanel_desktop.cli.main import build_parser; "
        "argv = ['--panel', 'p', 'orders', '--json', '--status', 'x']; "
        "build_parser(argv).parse_args(argv); "
        "print(sorted({'shutil', 'bz2', 'lzma', 'zlib'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_only_the_process_entry_freezes_what_is_imported(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``main()`` of the process (no argv) moves what the imports made out of the collector's
    walks (``gc.freeze``: its exit walked it all); ``main(argv)`` in a caller's process does not
    touch the caller's collector."""
    import gc

    frozen = gc.get_freeze_count()
    assert main(["--version"]) == 0
    assert gc.get_freeze_count() == frozen and "smpanel" in capsys.readouterr().out
    code = (
        "import gc, sys; sys.argv = ['smpanel', '--version']; "
        "from smpanel_desktop.cli.main import main; code = main(); "
        "print(code, gc.get_freeze_count() > 1000)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "0 True"

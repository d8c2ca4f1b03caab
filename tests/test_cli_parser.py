"""``build_parser(argv)`` builds only the named command's parser (cli/main.py): it must read
every command line, print every help and refuse every mistake as the whole parser does."""

from __future__ import annotations

import pytest

from smpanel_desktop.cli.main import _command_in, build_parser

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

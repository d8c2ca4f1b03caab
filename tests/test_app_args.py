"""The desktop app's command line: read without argparse when it holds only the app's options
in full, and then exactly as argparse reads it; everything else is argparse's."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smpanel_desktop.app_args import _plain, parse_args, parser

URL = "https://smpanel.net/api/v2"
WORDS = st.sampled_from(
    [
        "--api-url", "--data-dir", "--lang", "--demo", "--api", "--demo=1", "--lang=tr",
        f"--api-url={URL}", "--api-url=", "--data-dir=/tmp/x=y", URL, "tr", "", "-", "-x",
        "--", "-5", "a=b", "--help", "--version",
    ]
)  # fmt: skip


@given(st.lists(WORDS, max_size=6))
def test_a_command_line_read_without_argparse_reads_as_argparse_reads_it(argv: list[str]) -> None:
    plain = _plain(argv)
    if plain is not None:
        assert plain == parser().parse_args(argv)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--demo"],
        ["--api-url", URL],
        [f"--api-url={URL}", "--lang", "tr", "--data-dir", "/home/me/panel data"],
        ["--lang", "en", "--lang=tr"],  # the last one counts, as in argparse
    ],
)
def test_the_usual_starts_skip_argparse(argv: list[str]) -> None:
    plain = _plain(argv)
    assert plain is not None and plain == parser().parse_args(argv)
    assert parse_args(argv) == plain


@pytest.mark.parametrize(
    "argv", [["--api"], ["--demo=yes"], ["--api-url"], ["--lang", "--demo"], ["x"], ["-h"]]
)
def test_anything_else_is_argparse_s_to_answer(argv: list[str]) -> None:
    assert _plain(argv) is None
    with pytest.raises(SystemExit):  # an error, or the help printed
        parse_args(argv)


def test_an_abbreviation_argparse_accepts_is_read_by_argparse() -> None:
    assert _plain(["--api", URL]) is None
    assert parse_args(["--api", URL]) == argparse.Namespace(
        api_url=URL, data_dir=None, demo=False, lang=None
    )


def test_reading_the_usual_start_does_not_import_the_locale_module() -> None:
    """argparse's parser looks its texts up with gettext, which imports locale (~2 ms)."""
    code = (
        "import sys\n"
        "from smpanel_desktop.app_args import parse_args\n"
        f"parse_args(['--api-url', {URL!r}, '--demo'])\n"
        "print('locale' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"

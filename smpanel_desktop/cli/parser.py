"""The CLI's ``ArgumentParser``: argparse's, measuring the terminal only when it lays out text.

argparse makes a help formatter at every ``add_argument`` (to check the metavar), and the
formatter asks ``shutil`` for the terminal's width when it is made: ``shutil`` imports bz2, lzma
and zlib, ~3 ms of every ``smpanel`` start, though a command that runs prints no help.  Here the
width is asked the first time the formatter reads it, with argparse's own default and rule, so
help, usage and errors are laid out as before (tests/test_cli_parser.py).
"""

from __future__ import annotations

import argparse

TYPE_CHECKING = False  # typing's, without importing typing: ~5 ms of every CLI start
if TYPE_CHECKING:
    from typing import Any


class LazyWidthFormatter(argparse.HelpFormatter):
    """``argparse.HelpFormatter`` whose ``_width`` and ``_max_help_position`` (set by its
    ``__init__``, read when text is laid out) are worked out on first read."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        self._asked = (indent_increment, max_help_position, width)
        self._layout: tuple[int, int] | None = None
        super().__init__(prog, indent_increment, max_help_position, width=0)  # read lazily

    def _laid_out(self) -> tuple[int, int]:
        if self._layout is None:
            indent_increment, max_help_position, width = self._asked
            if width is None:  # argparse's default: the terminal's columns less 2
                import shutil

                width = shutil.get_terminal_size().columns - 2
            position = min(max_help_position, max(width - 20, indent_increment * 2))
            self._layout = (width, position)
        return self._layout

    @property  # argparse's attribute, read and written alike: a property here
    def _width(self) -> int:
        return self._laid_out()[0]

    @_width.setter
    def _width(self, value: int) -> None:
        """argparse's ``__init__`` sets its placeholder: the width is worked out when read."""

    @property
    def _max_help_position(self) -> int:
        return self._laid_out()[1]

    @_max_help_position.setter
    def _max_help_position(self, value: int) -> None:
        """As ``_width``."""


class Parser(argparse.ArgumentParser):
    """``argparse.ArgumentParser`` with ``LazyWidthFormatter`` by default; its sub-parsers are
    ``Parser`` too (argparse makes them of the parent's class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", LazyWidthFormatter)
        super().__init__(*args, **kwargs)

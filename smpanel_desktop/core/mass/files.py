"""Reading a mass order from a file: ``.csv``, ``.xlsx`` (first sheet) or plain text lines."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from smpanel_desktop.core.mass.lines import RawLine, parse_rows, parse_text

MAX_FILE_BYTES = 20_000_000
"""A mass order is a few thousand lines; a bigger file is a mistake, refused unread."""


class UnreadableFileError(ValueError):
    """The file cannot be read as a mass order (a sentence for the user)."""


def read_lines(path: str | Path) -> list[RawLine]:
    """The order lines of the file, by its extension: CSV, .xlsx, anything else as text."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFileError(f"Cannot open {path.name}: {exc.strerror or exc}") from None
    if size > MAX_FILE_BYTES:
        raise UnreadableFileError(f"{path.name} is too big for a mass order ({size:,} bytes)")
    suffix = path.suffix.casefold()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_lines(path)
    data = path.read_bytes()
    text = decode(data, path.name)
    return csv_lines(text) if suffix == ".csv" else parse_text(text)


def decode(data: bytes, name: str = "the input") -> str:
    """UTF-8 (with or without BOM), else UTF-16 with a BOM; anything else is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFileError(f"{name} is not UTF-8 text") from None


def csv_lines(text: str) -> list[RawLine]:
    """CSV with ``,`` ``;`` or tab between the cells (told from the first lines)."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return parse_rows(csv.reader(io.StringIO(text), dialect))


def _xlsx_lines(path: Path) -> list[RawLine]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableFileError(f"{path.name} is not a readable .xlsx file ({exc})") from None
    try:
        sheet = book.worksheets[0]
        return parse_rows(sheet.iter_rows(values_only=True))
    finally:
        book.close()

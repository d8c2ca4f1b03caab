"""Mass-order lines as panels take them: ``service|link|quantity`` or ``service|quantity|link``.

PerfectPanel's mass order box wants ``service|link|quantity``; SmartPanel-family scripts
``service|quantity|link``.  The format is told per line: of the two fields after the service,
the one that is a whole number and not a URL is the quantity.  Spaces around ``|`` are ignored;
blank lines and lines starting with ``#`` are skipped.  ``service|link`` (no quantity) is kept
for packages, which take none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SEPARATOR = "|"


@dataclass(frozen=True, slots=True)
class RawLine:
    """One line as read, before it is checked against the catalog."""

    number: int
    """Where it is in the input (1-based line or row number), for messages."""
    service: str
    link: str
    quantity: str
    problem: str | None = None
    """Why the line cannot even be read (wrong number of fields, no way to tell the fields)."""


def _whole(text: str) -> bool:
    return text.isascii() and text.isdecimal()


def _looks_like_url(text: str) -> bool:
    return "/" in text or "." in text or text.startswith("@") or ":" in text


def line_from_fields(number: int, fields: Sequence[str]) -> RawLine:
    """A line from its fields (already split): tells the link from the quantity."""
    cells = [str(f).strip() for f in fields]
    while cells and not cells[-1]:  # trailing empty cells (CSV, spreadsheets)
        cells.pop()
    if len(cells) not in (2, 3):
        return RawLine(
            number,
            cells[0] if cells else "",
            "",
            "",
            f"Expected service{SEPARATOR}link{SEPARATOR}quantity, got {len(cells)} field(s)",
        )
    service = cells[0]
    if len(cells) == 2:
        if _whole(cells[1]) and not _looks_like_url(cells[1]):
            return RawLine(number, service, "", cells[1], "No link")
        return RawLine(number, service, cells[1], "")
    first, second = cells[1], cells[2]
    first_qty = _whole(first) and not _looks_like_url(first)
    second_qty = _whole(second) and not _looks_like_url(second)
    if first_qty and not second_qty:
        return RawLine(number, service, second, first)
    if second_qty and not first_qty:
        return RawLine(number, service, first, second)
    if first_qty and second_qty:
        return RawLine(number, service, first, second, "Cannot tell the link from the quantity")
    return RawLine(number, service, first, second, "No quantity (a whole number)")


def is_skipped(text: str) -> bool:
    """Blank lines and ``#`` comments carry no order."""
    stripped = text.strip()
    return not stripped or stripped.startswith("#")


def parse_text(text: str) -> list[RawLine]:
    """Every order line of a pasted text or a text file, with its line number."""
    lines: list[RawLine] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if is_skipped(raw):
            continue
        lines.append(line_from_fields(number, raw.split(SEPARATOR)))
    return lines


def parse_rows(rows: Iterable[Sequence[object]]) -> list[RawLine]:
    """Rows of a CSV file or a sheet: columns service, link, quantity in either order, with or
    without a header row (a header names the columns; without one each row is told apart like a
    text line)."""
    lines: list[RawLine] = []
    order: tuple[int, int, int] | None = None
    for number, row in enumerate(rows, start=1):
        cells = ["" if c is None else _cell(c) for c in row]
        if not any(cells) or (cells and cells[0].startswith("#")):
            continue
        if not lines and order is None and (found := _header(cells)) is not None:
            order = found
            continue
        if order is not None:
            picked = [cells[i] if i < len(cells) else "" for i in order]
            extra = [c for i, c in enumerate(cells) if i not in order and c]
            if extra:
                lines.append(RawLine(number, picked[0], "", "", "More cells than the header"))
            else:
                lines.append(_named(number, picked))
        else:
            lines.append(line_from_fields(number, cells))
    return lines


def _named(number: int, picked: Sequence[str]) -> RawLine:
    service, link, quantity = picked
    if quantity and not _whole(quantity):
        return RawLine(number, service, link, quantity, "The quantity is not a whole number")
    return RawLine(number, service, link, quantity, None if link else "No link")


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # spreadsheets store 500 as 500.0
    return str(value).strip()


_HEADERS = {
    "service": ("service", "service id", "service_id", "id"),
    "link": ("link", "url", "target"),
    "quantity": ("quantity", "qty", "amount", "count"),
}


def _header(cells: Sequence[str]) -> tuple[int, int, int] | None:
    """Column positions (service, link, quantity) when the row is a header, else None."""
    names = [c.strip().casefold() for c in cells]
    found: list[int] = []
    for aliases in _HEADERS.values():
        where = [i for i, name in enumerate(names) if name in aliases]
        if len(where) != 1:
            return None
        found.append(where[0])
    return found[0], found[1], found[2]

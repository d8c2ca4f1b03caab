"""Checks of single values typed in an order form; messages are shown next to the field."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping

from smpanel_desktop.api.models import UNLIMITED, Service
from smpanel_desktop.core.orders.fields import LINK_HELP

RESERVED_NAMES = frozenset({"key", "action", "service", "order", "orders"})
_HOST_LABEL = re.compile(r"(?!-)[^\W_](?:[\w-]{0,61}[^\W_])?\Z")
# ASCII top-level domains (or punycode): panels validate links like PHP's FILTER_VALIDATE_URL.
_TLD = re.compile(r"(?:[A-Za-z]{2,63}|xn--[a-z0-9-]{1,59})\Z", re.IGNORECASE)
_AT_NAME = re.compile(r"@[A-Za-z0-9_.]{1,64}\Z")
DIGITS = re.compile(r"[0-9]+\Z")


def given(values: Mapping[str, str], name: str) -> str:
    value = values.get(name)
    return "" if value is None else str(value).strip()


def quantity_bounds(service: Service) -> tuple[int, int]:
    low = max(1, service.min)
    high = UNLIMITED if service.max >= UNLIMITED or service.max <= 0 else service.max
    return low, high


def _has_control(text: str, allow_newline: bool = False) -> bool:
    for ch in text:
        if ch in "\n\r" and allow_newline:
            continue
        if ch < " " or "\x7f" <= ch <= "\x9f" or ch in "\u2028\u2029\ufeff":
            return True
    return False


def _plausible_host(host: str) -> bool:
    if ":" in host:
        host, _, port = host.rpartition(":")
        if not (DIGITS.match(port) and 0 < int(port) < 65536):
            return False
    labels = host.split(".")
    return (
        len(labels) >= 2
        and len(host) <= 253
        and all(_HOST_LABEL.match(label) for label in labels)
        and bool(_TLD.match(labels[-1]))
    )


def check_link(
    raw: str,
    *,  # pragma: no mutate
    allow_username: bool = True,  # pragma: no mutate
    max_length: int | None = 2000,  # pragma: no mutate
) -> str | None:
    """None for a plausible link: http(s) URL, bare ``domain.tld/path`` or (links) ``@name``."""
    wanted = LINK_HELP if allow_username else "A URL (https://…) or a domain with a path"
    if not raw or any(ch.isspace() for ch in raw) or _has_control(raw):
        return f"Not a link: no spaces or line breaks. Expected: {wanted}"
    if max_length is not None and len(raw) > max_length:
        return f"Too long (at most {max_length} characters)"
    if raw.startswith("@"):
        return None if allow_username and _AT_NAME.match(raw) else f"Not a link. Expected: {wanted}"
    scheme, sep, rest = raw.partition("://")
    if sep:
        if scheme.lower() not in ("http", "https"):
            return "Only http:// and https:// links"
    else:
        rest = raw
    host = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if "@" in host or not _plausible_host(host):
        return f"Not a link. Expected: {wanted}"
    return None


def check_int(raw: str, low: int, high: int) -> str | None:
    if not DIGITS.match(raw):
        return "Enter a whole number (digits only)"
    value = int(raw)
    if value < low:
        return f"At least {low}"
    if value > high:
        return f"At most {high}"
    return None


def split_lines(
    raw: str,
    *,  # pragma: no mutate
    keep_blank: bool = False,
) -> list[str]:
    """Lines of a multi-line value, each trimmed; blank lines dropped unless ``keep_blank``."""
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return lines if keep_blank else [line for line in lines if line]


def check_lines(
    raw: str,
    *,  # pragma: no mutate
    max_length: int | None = None,
    keep_blank: bool = False,  # pragma: no mutate
) -> str | None:
    if _has_control(raw, allow_newline=True):
        return "Contains control characters"
    if not split_lines(raw, keep_blank=keep_blank) or not raw.strip():
        return "Enter at least one line"
    if max_length is not None and len(raw) > max_length:
        return f"Too long (at most {max_length} characters)"
    return None


def check_text(
    raw: str,
    *,  # pragma: no mutate
    word: bool = False,  # pragma: no mutate
    max_length: int | None = None,
) -> str | None:
    if "\n" in raw or "\r" in raw:
        return "A single line, please"
    if _has_control(raw):
        return "Contains control characters"
    if word and any(ch.isspace() for ch in raw):
        return "A single word, without spaces"
    if max_length is not None and len(raw) > max_length:
        return f"Too long (at most {max_length} characters)"
    return None


def parse_date(raw: str) -> _dt.date | None:
    """``d/m/Y`` (as the API wants it) or ISO ``Y-m-d``; None when neither."""
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return _dt.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    return None


def check_date(raw: str, today: _dt.date) -> str | None:
    parsed = parse_date(raw)
    if parsed is None:
        return "A date as d/m/Y (31/12/2026) or 2026-12-31"
    if parsed < today:
        return "The date is in the past"
    return None

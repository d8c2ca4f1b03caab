"""Service types -> the fields their ``add`` takes, as data; validation, parameters and cost.

The New Order form is built from ``fields_for(service)`` and the CLI checks ``--field`` values
with ``validate``; both send exactly ``build_params``.  Values come in as the user typed them
(``dict[str, str]``, empty string = not given).

Decisions where the protocol is silent:

* Drip-feed (Default only, and only when ``service.dripfeed``): ``runs`` and ``interval`` are
  given together or not at all; ``runs`` >= 2 (one run is a plain order), ``interval`` >= 1 min.
* Lines fields (comments, usernames ...) drop blank lines; where the lines make the quantity
  (Custom Comments, Mentions Custom List, Comment Replies) their count must lie in min..max.
* Package and Custom Comments Package cost ``rate`` itself: real catalogs show package rates such
  as "84.00" for a "15000 views" package, i.e. the price of the package, not per 1000.
* Subscriptions have no fixed quantity: ``total_quantity`` and ``estimate_cost`` return None.
* Known types accept only their declared fields (a misspelt ``--field`` is an error, not a silent
  extra parameter); unknown types get the generic form and free extra ``NAME=VALUE`` fields.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from smpanel_desktop.api.models import UNLIMITED, Service

__all__ = [
    "FIELDS_BY_TYPE",
    "GENERIC_FIELDS",
    "PACKAGE_TYPES",
    "FieldProblem",
    "FieldSpec",
    "InvalidOrderError",
    "build_params",
    "canonical_type",
    "estimate_cost",
    "fields_for",
    "is_known_type",
    "total_quantity",
    "validate",
]

DELAYS = ("0", "5", "10", "15", "30", "60", "90")
LINK_HELP = "A link (https://…, instagram.com/p/…, t.me/…) or @username"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    """The API parameter (also the widget's object name suffix: ``field_<name>``)."""
    label: str
    kind: str
    """One of ``link``, ``url``, ``int``, ``text``, ``lines``, ``choice``, ``date``."""
    required: bool = True
    help: str = ""
    choices: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None
    max_length: int | None = None
    dripfeed: bool = False
    """Only offered (and only accepted) when the service allows drip-feed."""
    word: bool = False
    """A single word (a username, a hashtag): no whitespace inside."""


@dataclass(frozen=True, slots=True)
class FieldProblem:
    field: str
    """The API parameter the problem is about."""
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class InvalidOrderError(ValueError):
    """``build_params`` was called with values that do not validate."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


_f = FieldSpec

LINK = _f("link", "Link", "link", help=LINK_HELP, max_length=2000)
QUANTITY = _f("quantity", "Quantity", "int", help="Within the service's min and max")
RUNS = _f("runs", "Runs", "int", dripfeed=True, min=2, max=10_000, help="Repeat the order N times")
INTERVAL = _f("interval", "Interval (minutes)", "int", dripfeed=True, min=1, max=100_000)
COMMENTS = _f("comments", "Comments", "lines", help="One comment a line", max_length=100_000)
USERNAMES = _f("usernames", "Usernames", "lines", help="One username a line", max_length=100_000)
HASHTAGS = _f("hashtags", "Hashtags", "lines", help="One hashtag a line", max_length=100_000)
USERNAME = _f("username", "Username", "text", word=True, max_length=200)

FIELDS_BY_TYPE: dict[str, tuple[FieldSpec, ...]] = {
    "Default": (LINK, QUANTITY, RUNS, INTERVAL),
    "Package": (LINK,),
    "Custom Comments": (LINK, COMMENTS),
    "Custom Comments Package": (LINK, COMMENTS),
    "Mentions": (LINK, QUANTITY, USERNAMES),
    "Mentions with Hashtags": (LINK, QUANTITY, USERNAMES, HASHTAGS),
    "Mentions Custom List": (LINK, USERNAMES),
    "Mentions Hashtag": (
        LINK,
        QUANTITY,
        _f("hashtag", "Hashtag", "text", word=True, max_length=200),
    ),
    "Mentions User Followers": (
        LINK,
        QUANTITY,
        _f("username", "Username", "text", word=True, max_length=200, help="Whose followers"),
    ),
    "Mentions Media Likers": (
        LINK,
        QUANTITY,
        _f("media", "Media URL", "url", max_length=2000, help="Whose likers"),
    ),
    "Comment Likes": (
        LINK,
        QUANTITY,
        _f("username", "Comment owner", "text", word=True, max_length=200),
    ),
    "Comment Replies": (LINK, USERNAME, COMMENTS),
    "Poll": (LINK, QUANTITY, _f("answer_number", "Answer number", "int", min=1, max=1000)),
    "Invites from Groups": (
        LINK,
        QUANTITY,
        _f("groups", "Groups", "lines", help="One group a line", max_length=100_000),
    ),
    "SEO": (
        LINK,
        QUANTITY,
        _f("keywords", "Keywords", "lines", help="One keyword a line", max_length=100_000),
    ),
    "Subscriptions": (
        USERNAME,
        _f("min", "Min per post", "int", min=1),
        _f("max", "Max per post", "int", min=1),
        _f("posts", "New posts", "int", required=False, min=1, help="Empty = unlimited"),
        _f("old_posts", "Old posts", "int", required=False, min=0, max=1000),
        _f("delay", "Delay (minutes)", "choice", choices=DELAYS),
        _f("expiry", "Expiry", "date", required=False, help="d/m/Y; empty = none"),
    ),
    "Web Traffic": (
        LINK,
        QUANTITY,
        _f("country", "Country", "text", required=False, max_length=100),
        _f("device", "Device", "int", required=False, min=1, max=5, help="1-5"),
        _f("type_of_traffic", "Type of traffic", "int", required=False, min=1, max=3),
        _f("google_keyword", "Google keyword", "text", required=False, max_length=200),
        _f("referring_url", "Referring URL", "url", required=False, max_length=2000),
    ),
}
GENERIC_FIELDS: tuple[FieldSpec, ...] = (LINK, QUANTITY)
PACKAGE_TYPES = frozenset({"Package", "Custom Comments Package"})
# Types whose quantity is the number of lines of a field, checked against min..max.
_COUNTED_LINES = {"Custom Comments": "comments", "Mentions Custom List": "usernames"}
_COUNTED_LINES["Comment Replies"] = "comments"
_EXTRA_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}\Z")
_BY_KEY = {" ".join(name.split()).casefold(): name for name in FIELDS_BY_TYPE}


def canonical_type(service_type: str) -> str | None:
    """``" custom  comments"`` -> ``"Custom Comments"``; None for a type not in the table."""
    return _BY_KEY.get(" ".join(str(service_type).split()).casefold())


def is_known_type(service_type: str) -> bool:
    return canonical_type(service_type) is not None


def fields_for(service: Service | str) -> tuple[FieldSpec, ...]:
    """The form's fields; given a Service, drip-feed fields only when it allows drip-feed."""
    service_type = service.type if isinstance(service, Service) else service
    known = canonical_type(service_type)
    fields = FIELDS_BY_TYPE[known] if known else GENERIC_FIELDS
    if isinstance(service, Service) and not service.dripfeed:
        fields = tuple(f for f in fields if not f.dripfeed)
    return fields


def _given(values: Mapping[str, str], name: str) -> str:
    value = values.get(name)
    return "" if value is None else str(value).strip()


def _quantity_bounds(service: Service) -> tuple[int, int]:
    low = max(1, service.min)
    high = UNLIMITED if service.max >= UNLIMITED or service.max <= 0 else service.max
    return low, high


def _check_field(spec: FieldSpec, raw: str, service: Service, today: _dt.date) -> str | None:
    if spec.kind in ("link", "url"):
        return check_link(raw, allow_username=spec.kind == "link", max_length=spec.max_length)
    if spec.kind == "int":
        if spec.name == "quantity":
            low, high = _quantity_bounds(service)
        else:
            low = 0 if spec.min is None else spec.min
            high = UNLIMITED if spec.max is None else spec.max
        return check_int(raw, low, high)
    if spec.kind == "lines":
        return check_lines(raw, max_length=spec.max_length)
    if spec.kind == "choice":
        return None if raw in spec.choices else "Choose one of " + ", ".join(spec.choices)
    if spec.kind == "date":
        return check_date(raw, today)
    return check_text(raw, word=spec.word, max_length=spec.max_length)


def validate(
    service: Service, values: Mapping[str, str], *, today: _dt.date | None = None
) -> list[FieldProblem]:
    """Every problem with ``values`` for this service, in form order; empty when it can be sent."""
    today = today or _dt.date.today()
    known = canonical_type(service.type)
    declared = FIELDS_BY_TYPE[known] if known else GENERIC_FIELDS
    problems: list[FieldProblem] = []
    for spec in declared:
        raw = _given(values, spec.name)
        if spec.dripfeed and not service.dripfeed:
            if raw:
                problems.append(FieldProblem(spec.name, "This service does not allow drip-feed"))
            continue
        if not raw:
            if spec.required and not spec.dripfeed:
                problems.append(FieldProblem(spec.name, f"{spec.label} is required"))
            continue
        message = _check_field(spec, raw, service, today)
        if message:
            problems.append(FieldProblem(spec.name, message))
    problems += _cross_checks(service, known, values)
    names = {spec.name for spec in declared}
    for name in values:
        if name in names or not _given(values, name):
            continue
        if name in RESERVED_NAMES or not _EXTRA_NAME.match(name):
            problems.append(FieldProblem(name, "Not a field that can be set"))
        elif known:
            allowed = ", ".join(f.name for f in fields_for(service))
            problems.append(FieldProblem(name, f"Not a field of {known} (fields: {allowed})"))
        else:
            message = check_lines(str(values[name]), max_length=10_000, keep_blank=True)
            if message:
                problems.append(FieldProblem(name, message))
    return problems


def _cross_checks(
    service: Service, known: str | None, values: Mapping[str, str]
) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if service.dripfeed and known == "Default":
        runs, interval = _given(values, "runs"), _given(values, "interval")
        if bool(runs) != bool(interval):
            missing = "interval" if runs else "runs"
            problems.append(FieldProblem(missing, "Drip-feed needs both runs and interval"))
    if known in _COUNTED_LINES:
        name = _COUNTED_LINES[known]
        count = len(split_lines(_given(values, name)))
        low, high = _quantity_bounds(service)
        if count and not low <= count <= high:
            bound = f"at least {low}" if count < low else f"at most {high}"
            problems.append(FieldProblem(name, f"{count} lines: this service takes {bound}"))
    if known == "Subscriptions":
        low_raw, high_raw = _given(values, "min"), _given(values, "max")
        if _DIGITS.match(low_raw) and _DIGITS.match(high_raw) and int(low_raw) > int(high_raw):
            problems.append(FieldProblem("max", "Max must not be less than min"))
        low, high = _quantity_bounds(service)
        for name in ("min", "max"):
            raw = _given(values, name)
            if _DIGITS.match(raw) and not low <= int(raw) <= high:
                problems.append(FieldProblem(name, f"Must be between {low} and {high}"))
    return problems


def build_params(service: Service, values: Mapping[str, str]) -> dict[str, str]:
    """Exactly the parameters ``add`` sends (without ``service``); raises InvalidOrderError."""
    problems = validate(service, values)
    if problems:
        raise InvalidOrderError(problems)
    params: dict[str, str] = {}
    specs = {spec.name: spec for spec in fields_for(service)}
    for name in values:
        raw = _given(values, name)
        if not raw:
            continue
        spec = specs.get(name)
        if spec is None or spec.kind == "lines":
            params[name] = "\n".join(split_lines(raw, keep_blank=spec is None))
        elif spec.kind == "int":
            params[name] = str(int(raw))
        elif spec.kind == "date":
            params[name] = _parse_date_text(raw).strftime("%d/%m/%Y")
        else:
            params[name] = raw
    order = list(specs)
    return dict(sorted(params.items(), key=lambda kv: _position(order, kv[0])))


def _position(order: list[str], name: str) -> int:
    return order.index(name) if name in order else len(order)


def _parse_date_text(raw: str) -> _dt.date:
    parsed = parse_date(raw)
    assert parsed is not None  # validated before
    return parsed


def total_quantity(service: Service, values: Mapping[str, str]) -> int | None:
    """Units the order delivers in total (quantity × runs, lines count, 1 for packages)."""
    known = canonical_type(service.type)
    if known in PACKAGE_TYPES:
        return 1
    if known == "Subscriptions":
        return None
    if known in _COUNTED_LINES:
        count = len(split_lines(_given(values, _COUNTED_LINES[known])))
        return count or None
    raw = _given(values, "quantity")
    if not (raw.isascii() and raw.isdecimal()):
        return None
    quantity = int(raw)
    runs = _given(values, "runs")
    if service.dripfeed and known == "Default" and runs.isascii() and runs.isdecimal():
        quantity *= int(runs)
    return quantity


def estimate_cost(service: Service, values: Mapping[str, str]) -> Decimal | None:
    """rate × total quantity / 1000 (a package costs its rate); None when not computable."""
    if canonical_type(service.type) in PACKAGE_TYPES:
        return service.rate
    total = total_quantity(service, values)
    if total is None:
        return None
    return service.rate * total / 1000


# --- checks of single values (messages are shown next to the field) -----------------------

RESERVED_NAMES = frozenset({"key", "action", "service", "order", "orders"})
_HOST_LABEL = re.compile(r"(?!-)[^\W_](?:[\w-]{0,61}[^\W_])?\Z")
# ASCII top-level domains (or punycode): panels validate links like PHP's FILTER_VALIDATE_URL.
_TLD = re.compile(r"(?:[A-Za-z]{2,63}|xn--[a-z0-9-]{1,59})\Z", re.IGNORECASE)
_AT_NAME = re.compile(r"@[A-Za-z0-9_.]{1,64}\Z")
_DIGITS = re.compile(r"[0-9]+\Z")


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
        if not (_DIGITS.match(port) and 0 < int(port) < 65536):
            return False
    labels = host.split(".")
    return (
        len(labels) >= 2
        and len(host) <= 253
        and all(_HOST_LABEL.match(label) for label in labels)
        and bool(_TLD.match(labels[-1]))
    )


def check_link(
    raw: str, *, allow_username: bool = True, max_length: int | None = 2000
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
    if not _DIGITS.match(raw):
        return "Enter a whole number (digits only)"
    value = int(raw)
    if value < low:
        return f"At least {low}"
    if value > high:
        return f"At most {high}"
    return None


def split_lines(raw: str, *, keep_blank: bool = False) -> list[str]:
    """Lines of a multi-line value, each trimmed; blank lines dropped unless ``keep_blank``."""
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return lines if keep_blank else [line for line in lines if line]


def check_lines(raw: str, *, max_length: int | None = None, keep_blank: bool = False) -> str | None:
    if _has_control(raw, allow_newline=True):
        return "Contains control characters"
    if not split_lines(raw, keep_blank=keep_blank) or not raw.strip():
        return "Enter at least one line"
    if max_length is not None and len(raw) > max_length:
        return f"Too long (at most {max_length} characters)"
    return None


def check_text(raw: str, *, word: bool = False, max_length: int | None = None) -> str | None:
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

"""The declared table: service type -> the fields its ``add`` takes, and their specs.

Every type of the protocol (docs/protocol.md) is listed; an unknown type gets the generic form
(``GENERIC_FIELDS``).  The rules built on the table are described in core/orders/__init__.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from smpanel_desktop.api.dialects import type_key
from smpanel_desktop.api.models import Service

__all__ = [
    "COUNTED_LINES",
    "FIELDS_BY_TYPE",
    "GENERIC_FIELDS",
    "PACKAGE_TYPES",
    "FieldProblem",
    "FieldSpec",
    "InvalidOrderError",
    "canonical_type",
    "fields_for",
    "is_known_type",
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
COUNTED_LINES = {"Custom Comments": "comments", "Mentions Custom List": "usernames"}
COUNTED_LINES["Comment Replies"] = "comments"
_BY_KEY = {type_key(name): name for name in FIELDS_BY_TYPE}


def canonical_type(service_type: str) -> str | None:
    """The table's name of a type in any spelling (case, ``_``, ``-``, spaces do not count:
    ``custom_comments``, ``Custom-Comments``, `` custom  comments`` -> ``"Custom Comments"``);
    None for a type not in the table."""
    return _BY_KEY.get(type_key(service_type))


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

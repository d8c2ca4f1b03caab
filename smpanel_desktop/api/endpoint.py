"""Panel endpoints: what URL may carry the key, and where a redirect points."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import unquote, urlsplit, urlunsplit

from .errors import ConfigError, InsecureEndpointError

EXAMPLE = "e.g. https://smpanel.net/api/v2"


def is_loopback(host: str) -> bool:
    if host.rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def idna_host(host: str) -> str:
    """``host.encode("idna")`` as text.  An ASCII host is checked by the codec's own rule for
    one (each label 1-63 characters, the last may be empty) without loading the codec, which
    with stringprep and unicodedata is ~1.5 ms of an ``--api-url`` start; ``UnicodeError`` as
    the codec raises it."""
    if not host.isascii():
        return host.encode("idna").decode("ascii")
    *labels, last = host.split(".")
    if len(last) > 63 or not all(0 < len(label) < 64 for label in labels):
        raise UnicodeError("label empty or too long")
    return host


def validate_endpoint(url: object, key: str | None = None) -> str:
    """The endpoint, normalized; ``ConfigError`` for what is no usable URL (or one holding
    ``key`` anywhere, e.g. in its path), ``InsecureEndpointError`` for http:// to a non-loopback
    host.  Messages never echo the text (it may be a key)."""
    text = url.strip() if isinstance(url, str) else ""
    if key and len(key) >= 8 and key in unquote(text):  # shorter: could be part of a port
        raise ConfigError("The endpoint must not contain the API key: enter the key separately")
    if not text or any(ch.isspace() or not ch.isprintable() for ch in text):
        raise ConfigError(f"The endpoint is not a URL ({EXAMPLE})")
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a bad port
        ascii_host = host if ":" in host else idna_host(host)
    except (ValueError, UnicodeError):
        raise ConfigError(f"The endpoint is not a URL ({EXAMPLE})") from None
    if not re.fullmatch(r"[a-z0-9_.:-]*", ascii_host):
        raise ConfigError(f"The endpoint's host name is not valid ({EXAMPLE})")
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host:
        raise ConfigError(f"The endpoint must be an https:// URL ({EXAMPLE})")
    if parts.username is not None or parts.password is not None:
        raise ConfigError("The endpoint must not contain a user name or password")
    if "key=" in parts.query.lower():
        raise ConfigError("The endpoint must not contain the API key: enter the key separately")
    if scheme == "http" and not is_loopback(host):
        raise InsecureEndpointError(
            f"Plain http:// would send the API key unencrypted to {host}: use https://"
        )
    return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))


def origin_of(location: str, base: str) -> str:
    """scheme://host:port of a redirect target (relative targets resolve against ``base``)."""
    try:
        parts = urlsplit(location)
        if not parts.netloc:
            parts = urlsplit(base)
        port = parts.port
    except ValueError:
        return "an unreadable address"
    default = {"http": 80, "https": 443}.get(parts.scheme)
    suffix = f":{port}" if port is not None and port != default else ""
    return f"{parts.scheme}://{parts.hostname}{suffix}"

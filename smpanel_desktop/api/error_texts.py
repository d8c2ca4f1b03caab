"""Texts for errors about a panel's answer: short, and never the key."""

from __future__ import annotations

import re
from urllib.parse import quote_plus

from .convert import clean_text, soft
from .dialects import is_browser_check


def secret_pattern(key: str) -> re.Pattern[str]:
    """Matches the key (plain or form-encoded).  A short key only as a word of its own, so
    that a toy key such as ``k`` does not blank out every "k" of a message."""
    forms = "|".join(re.escape(form) for form in sorted({key, quote_plus(key)}) if form)
    if len(key) >= 8:
        return re.compile(forms)
    return re.compile(rf"(?<![\w.])(?:{forms})(?![\w.])")


def scrub(text: str, secrets: re.Pattern[str]) -> str:
    return secrets.sub("***", text)


PANEL_TEXT_LIMIT = 500


def clip(text: str, limit: int = PANEL_TEXT_LIMIT) -> str:
    """A panel's own error text cut to ``limit`` characters (a panel once sent 10 MB of it)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


_TRANSLATION_KEY = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)+")


def readable(text: str) -> str:
    """An untranslated message key from a panel (``neworder.error.not_enough_funds``) as words,
    the key kept in brackets: "Not enough funds (neworder.error.not_enough_funds)"."""
    if not _TRANSLATION_KEY.fullmatch(text):
        return text
    words = text.rsplit(".", 1)[-1].replace("_", " ").strip()
    return f"{words[:1].upper()}{words[1:]} ({text})" if words else text


def panel_text(value: object, default: str) -> str:
    """A panel's own error text as shown to users: cleaned, in words, cut to size."""
    return clip(readable(soft(clean_text, value, "") or default))


def excerpt(text: str, limit: int = 120) -> str:
    """A short one-line sample of a body: an HTML page's title, else its first characters."""
    lower = text.lower()
    start, end = lower.find("<title>"), lower.find("</title>")
    if 0 <= start < end:
        text = text[start + 7 : end]
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


BROWSER_CHECK = (
    "The panel's website answered with a browser check (HTTP {status}: {sample}) instead of"
    " data: its protection (Cloudflare or similar) lets browsers through, not programs. Try again"
    " in a few minutes; if it lasts, ask the panel's support to let API requests through (or for"
    " an API address without the check)."
)


def describe_unreadable(text: str, status: int) -> str:
    sample = excerpt(text)
    stripped = text.lstrip()
    if is_browser_check(stripped):
        return BROWSER_CHECK.format(status=status, sample=sample)
    if not stripped:
        return f"The panel sent an empty answer (HTTP {status})."
    if stripped[:1] == "<":
        return f"The panel sent a web page instead of data (HTTP {status}: {sample})."
    if stripped[:1] in "[{" and status < 400:
        return f"The panel's answer was cut off or malformed (HTTP {status}): {sample}"
    return f"The panel's answer is not readable data (HTTP {status}): {sample}"


def scrub_values(value: object, secrets: re.Pattern[str]) -> object:
    if isinstance(value, str):
        return scrub(value, secrets)
    if isinstance(value, list):
        return [scrub_values(v, secrets) for v in value]
    if isinstance(value, dict):
        return {scrub(k, secrets): scrub_values(v, secrets) for k, v in value.items()}
    return value

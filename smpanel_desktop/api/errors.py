"""The client's typed error taxonomy.

Every failure the client can meet is one of these.  Texts are meant for users: they carry the
panel's own words where there are any, and never the API key.
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """Base of every error the API client raises."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ConfigError(ApiError):
    """The endpoint or the key cannot be used (raised before any request is sent)."""


class InsecureEndpointError(ConfigError):
    """Plain http:// to a host that is not loopback: the key would cross the network in clear."""


class PanelError(ApiError):
    """The panel answered with its own error text (``{"error": "..."}``)."""

    def __init__(self, text: str, *, http_status: int | None = None) -> None:  # pragma: no mutate
        super().__init__(text)
        self.text = text
        self.http_status = http_status


class InvalidKeyError(PanelError):
    """The panel rejected the API key."""


class InsufficientFundsError(PanelError):
    """The balance does not cover the order."""


class RateLimitedError(ApiError):
    """HTTP 429 (after the retries allowed for reads were used up)."""

    def __init__(
        self,
        message: str,
        *,  # pragma: no mutate
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class UnreadableAnswerError(ApiError):
    """The answer was not the JSON the action promises: HTML, empty, truncated, wrong shape."""

    def __init__(
        self,
        message: str,
        *,  # pragma: no mutate
        http_status: int | None = None,
        excerpt: str = "",
    ) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.excerpt = excerpt


class NetworkError(ApiError):
    """The panel could not be reached or did not answer in time (for a read, or before sending)."""


class UnknownOutcomeError(ApiError):
    """``add``, ``refill`` or ``cancel`` was sent, but its answer was lost or unreadable.

    The panel may have acted (and charged).  Never retried automatically: the user reconciles it.
    """

    def __init__(
        self,
        message: str,
        *,  # pragma: no mutate
        cause: ApiError | None = None,
        partial: tuple[Any, ...] = (),
        unknown_ids: tuple[int, ...] = (),
        unsent_ids: tuple[int, ...] = (),
    ) -> None:
        super().__init__(message)
        self.cause = cause
        self.partial = partial
        """For a list split into batches: the results of the batches answered before the loss."""
        self.unknown_ids = unknown_ids
        """The ids of the batch whose answer was lost (may or may not have been acted on)."""
        self.unsent_ids = unsent_ids
        """The ids of later batches, never sent because of the loss."""


def panel_error(text: str, *, http_status: int | None = None) -> PanelError:  # pragma: no mutate
    """The right ``PanelError`` subclass for a panel's error text (key, funds, or the generic);
    the texts of every engine are in dialects.py (imported here: the app's window imports the
    error classes before its first paint, and dialects.py compiles its patterns)."""
    from .dialects import is_funds_text, is_invalid_key_text

    if is_funds_text(text):
        return InsufficientFundsError(text, http_status=http_status)
    if is_invalid_key_text(text):
        return InvalidKeyError(text, http_status=http_status)
    return PanelError(text, http_status=http_status)

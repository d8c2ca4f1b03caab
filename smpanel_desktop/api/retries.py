"""Retrying reads: which answers are retried and how long a ``Retry-After`` may ask to wait."""

from __future__ import annotations

import email.utils
import time
from typing import TYPE_CHECKING, Any

import urllib3.exceptions as u3
from urllib3.util.retry import Retry

if TYPE_CHECKING:  # pragma: no mutate
    from types import TracebackType

    from typing_extensions import Self
    from urllib3.connectionpool import ConnectionPool
    from urllib3.response import BaseHTTPResponse

RETRY_STATUSES = (429, 500, 502, 503, 504)


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds (a number or an HTTP date), None when absent or unreadable."""
    if not value or not value.strip():
        return None
    try:
        return max(0.0, float(value.strip()))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time.time())


class ReadRetry(Retry):
    """urllib3 ``Retry`` that gives up at once when the panel asks for a longer wait than
    ``max_wait`` (the last answer then reaches the caller as a 429)."""

    max_wait: float = 60.0  # pragma: no mutate

    def new(self, **kw: Any) -> Self:
        retry = super().new(**kw)
        retry.max_wait = self.max_wait
        return retry

    def increment(
        self,
        method: str | None = None,
        url: str | None = None,
        response: BaseHTTPResponse | None = None,
        error: Exception | None = None,
        _pool: ConnectionPool | None = None,
        _stacktrace: TracebackType | None = None,
    ) -> Self:
        if response is not None:
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            if wait is not None and wait > self.max_wait:
                reason = u3.ResponseError("Retry-After longer than allowed")
                raise u3.MaxRetryError(_pool, url or "", reason)  # type: ignore[arg-type]  # pragma: no mutate
        return super().increment(method, url, response, error, _pool, _stacktrace)

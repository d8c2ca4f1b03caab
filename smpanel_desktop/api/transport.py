"""HTTP for API v2: one POST per action, the key only in the body, typed failures.

Reads go through a session whose urllib3 ``Retry`` retries connection errors, read timeouts and
429/5xx with backoff, honouring ``Retry-After`` up to ``max_retry_after`` (a longer wait gives up
at once with ``RateLimitedError``); a body that stalls or breaks after the headers came (which
urllib3 never sees) is retried here with the same backoff.  Writes (add, refill, cancel) go
through a session that never retries: once a write may have reached the panel, any failure is
an ``UnknownOutcomeError``.
Redirects are never followed (a POST carrying the key must not be re-sent anywhere).
"""

from __future__ import annotations

import json
import ssl
import time
from collections.abc import Callable, Mapping
from decimal import Decimal
from urllib.parse import urlsplit

import requests
import urllib3.exceptions as u3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .. import __version__
from .dialects import error_text, unwrap
from .endpoint import origin_of, validate_endpoint
from .error_texts import (
    describe_unreadable,
    excerpt,
    panel_text,
    scrub,
    scrub_values,
    secret_pattern,
)
from .errors import (
    ApiError,
    ConfigError,
    NetworkError,
    RateLimitedError,
    UnknownOutcomeError,
    UnreadableAnswerError,
    panel_error,
)
from .inflight import InFlight
from .retries import RETRY_STATUSES, ReadRetry, retry_after_seconds

Hook = Callable[[dict[str, object]], object] | None
"""A ``json`` object hook: what each decoded JSON object becomes."""


def _session(retry: Retry, inflight: InFlight | None = None) -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = f"smpanel-desktop/{__version__}"
    session.headers["Accept"] = "application/json"
    adapter = HTTPAdapter(max_retries=retry)
    if inflight is not None:  # its connections can be closed from another thread
        adapter.poolmanager.pool_classes_by_scheme = inflight.pool_classes
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def _reason(exc: BaseException) -> object:
    """The urllib3 error inside a requests error (unwrapping ``MaxRetryError``)."""
    reason = exc.args[0] if exc.args else None
    return reason.reason if isinstance(reason, u3.MaxRetryError) else reason


def _certificate_refused(exc: BaseException) -> bool:
    """The TLS handshake failed on the panel's certificate (so nothing was sent)."""
    reason = _reason(exc)
    inner = reason.args[0] if isinstance(reason, u3.SSLError) and reason.args else reason
    return isinstance(inner, ssl.SSLCertVerificationError)


def _not_sent(exc: BaseException) -> bool:
    """True when the request cannot have left this machine (refused, DNS, connect timeout, an
    untrusted certificate).  Any other TLS failure may come after the request went out."""
    if isinstance(exc, requests.ConnectTimeout) or _certificate_refused(exc):
        return True
    return isinstance(_reason(exc), (u3.NewConnectionError, u3.ConnectTimeoutError))


def _close_pools(session: requests.Session) -> None:
    """Close the session's connection pools now: urllib3 2 leaves a cleared pool's sockets to
    the garbage collector, and an error whose traceback holds a response kept them open."""
    for adapter in session.adapters.values():
        if isinstance(adapter, HTTPAdapter):
            pools = adapter.poolmanager.pools
            for key in list(pools.keys()):
                pool = pools.get(key)
                if pool is not None:
                    pool.close()


def _cut_mid_body(exc: BaseException) -> bool:
    """The headers came, then the body stalled or broke (urllib3's ``Retry`` never sees it)."""
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return True
    reason = exc.args[0] if exc.args else None  # not a MaxRetryError: retries were not used
    return isinstance(exc, requests.ConnectionError) and isinstance(reason, u3.ReadTimeoutError)


class Transport:
    """POSTs actions to one endpoint.  Not for concurrent use from several threads."""

    def __init__(
        self,
        endpoint: str,
        key: str,
        *,  # pragma: no mutate
        timeout: float = 30.0,  # pragma: no mutate
        connect_timeout: float = 10.0,  # pragma: no mutate
        read_retries: int = 4,  # pragma: no mutate
        backoff_factor: float = 0.5,  # pragma: no mutate
        max_retry_after: float = 60.0,  # pragma: no mutate
        inflight: InFlight | None = None,
    ) -> None:
        self.endpoint = validate_endpoint(endpoint, key)
        self._key = key
        self._secrets = secret_pattern(key)
        self.timeout = timeout
        self._timeouts = (connect_timeout, timeout)
        reads = ReadRetry(
            total=read_retries, connect=read_retries, read=read_retries, status=read_retries,
            redirect=0, other=0, allowed_methods=frozenset({"POST"}),
            status_forcelist=RETRY_STATUSES, backoff_factor=backoff_factor,
            respect_retry_after_header=True,
            raise_on_status=False, raise_on_redirect=False,
        )  # fmt: skip
        reads.max_wait = max_retry_after
        self._body_retries, self._backoff = read_retries, backoff_factor
        self._reads = _session(reads, inflight)
        self._writes = _session(
            Retry(total=0, read=False, redirect=0, raise_on_status=False), inflight
        )
        self._writes.headers["Connection"] = "close"  # each write on a fresh connection

    def __repr__(self) -> str:
        return f"Transport(endpoint={self.endpoint!r})"

    def close(self) -> None:
        for session in (self._reads, self._writes):
            _close_pools(session)
            session.close()

    def post(
        self,
        action: str,
        params: Mapping[str, str],
        *,  # pragma: no mutate
        write: bool,
        object_hook: Hook = None,
    ) -> object:
        """The decoded JSON answer of ``action``, or a typed ``ApiError``.  ``object_hook`` is
        ``json``'s: what each decoded object becomes (not used on an answer echoing the key,
        whose texts are scrubbed as decoded)."""
        data = {"key": self._key, "action": action, **params}
        for name, value in data.items():
            if not _sendable(value):
                raise ConfigError(f"The field {name!r} holds characters that cannot be sent")
        session = self._writes if write else self._reads
        attempt = 0
        while True:
            try:
                response = session.post(
                    self.endpoint, data=data, timeout=self._timeouts, allow_redirects=False,
                    verify=True,
                )  # fmt: skip
            except (requests.RequestException, u3.HTTPError, OSError) as exc:
                if write or attempt >= self._body_retries or not _cut_mid_body(exc):
                    raise self._failure(exc, write) from exc
                time.sleep(self._backoff * 2**attempt)
                attempt += 1
                continue
            finally:
                if write:  # a pooled socket the panel closed meanwhile would turn a write "unknown"
                    self._writes.close()
            try:
                status, headers = response.status_code, response.headers
                raw = response.content.decode("utf-8-sig", errors="replace")
            finally:  # back to the pool even when an error (whose traceback holds it) is raised
                response.close()
            del response  # its bytes (16 MB for 50,000 services) go before the text is decoded
            return self._answer(status, headers, raw, action, write, object_hook)

    def _failure(self, exc: BaseException, write: bool) -> ApiError:
        host = urlsplit(self.endpoint).hostname
        if _certificate_refused(exc):
            message = f"The TLS certificate of {host} could not be verified"
        elif isinstance(exc, requests.exceptions.SSLError):
            message = f"The secure (TLS) connection to {host} broke"
        elif _not_sent(exc):
            message = f"Could not connect to {host}"
        elif isinstance(exc, requests.ReadTimeout) or isinstance(_reason(exc), u3.ReadTimeoutError):
            message = f"{host} did not answer within {self.timeout:g} s"
        else:
            message = f"The connection to {host} broke before a complete answer came"
        error = NetworkError(message)
        if write and not _not_sent(exc):
            return UnknownOutcomeError(
                f"{message}. The panel may have acted on it: check its order list before retrying.",
                cause=error,
            )
        return error

    def _answer(
        self,
        status: int,
        headers: Mapping[str, str],
        raw: str,
        action: str,
        write: bool,
        object_hook: Hook = None,
    ) -> object:
        text = scrub(raw, self._secrets)  # for messages and excerpts
        if 300 <= status < 400:
            location = scrub(headers.get("Location", ""), self._secrets)
            target = origin_of(location, self.endpoint)
            if target == origin_of(self.endpoint, self.endpoint):  # same panel, other path
                target += urlsplit(location).path[:80]  # pragma: no mutate
            raise self._unknown_if(write, UnreadableAnswerError(
                f"The panel redirected the request to {target}; not followed, so the key is not"
                " sent there. If the panel has moved, change the endpoint.",
                http_status=status, excerpt=target,
            ))  # fmt: skip
        echoed = len(self._key) >= 8 and self._key in raw  # (a shorter, toy key could be
        # part of a number)
        payload = _decode(raw, None if echoed else object_hook)
        if echoed:  # a panel echoing the key: keep it out of every text passed on
            payload = scrub_values(payload, self._secrets)
        said = None if payload is _NOT_JSON else error_text(payload)  # every engine's shape
        if status == 429:  # a rate limiter in front of the panel: nothing was acted on
            message = "The panel is rate limiting (HTTP 429)"
            if said is not None:
                message = f"Rate limited: {scrub(panel_text(said, message), self._secrets)}"
            retry_after = retry_after_seconds(headers.get("Retry-After"))
            raise RateLimitedError(message, retry_after=retry_after)
        if said is not None:
            text_said = panel_text(said, "The panel reported an error without a text")
            message = scrub(text_said, self._secrets)
            error = type(panel_error(text_said))(message, http_status=status)  # its own words
            if write and status >= 500:  # a catch-all may answer so after the order row was
                raise UnknownOutcomeError(  # written: on a write a 5xx decides nothing
                    f"The panel answered HTTP {status} ({message}). The request was sent: the"
                    " panel may have acted on it; check its order list before retrying.",
                    cause=error,
                )
            raise error
        if status >= 400 or payload is _NOT_JSON:
            raise self._unknown_if(write, UnreadableAnswerError(
                describe_unreadable(text, status), http_status=status, excerpt=excerpt(text)
            ))  # fmt: skip
        return unwrap(action, payload)

    @staticmethod
    def _unknown_if(write: bool, error: ApiError) -> ApiError:
        if not write:
            return error
        return UnknownOutcomeError(
            f"{error.message} The request was sent: the panel may have acted on it; check its"
            " order list before retrying.",
            cause=error,
        )


_NOT_JSON = object()


def _sendable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate pasted from somewhere
        return False
    return True


def _decode(text: str, object_hook: Hook = None) -> object:
    if not text.strip():
        return _NOT_JSON
    try:
        return json.loads(text, parse_float=Decimal, object_hook=object_hook)
    except (ValueError, RecursionError):
        return _NOT_JSON

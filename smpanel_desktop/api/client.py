"""``PanelClient``: every API v2 action, typed, with the key kept out of sight.

Reads (services, status, refill_status, balance) are retried by the transport; writes (add,
refill, cancel) are sent once and raise ``UnknownOutcomeError`` when the panel may have acted but
no readable answer came back.  Lists of ids go out in requests of at most 100.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import TracebackType
from typing import TypeVar

from . import forms
from .batching import batches, unique
from .errors import ApiError, ConfigError, UnknownOutcomeError, UnreadableAnswerError
from .inflight import InFlight
from .models import (
    Balance,
    CancelResult,
    Catalog,
    OrderStatus,
    RefillResult,
    RefillStatus,
    Service,
    StatusResult,
)
from .parse import (
    parse_catalog,
    parse_multi_status,
    parse_order_id,
    parse_status,
    service_records,
)
from .parse_actions import (
    parse_balance,
    parse_cancels,
    parse_refill,
    parse_refill_status,
    parse_refill_statuses,
    parse_refills,
)
from .transport import Hook, Transport

log = logging.getLogger(__name__)

RESERVED_FIELDS = frozenset({"key", "action", "service"})
T = TypeVar("T")


class PanelClient:
    """One panel (endpoint + key).  Blocking; use it from one worker thread at a time."""

    def __init__(
        self,
        endpoint: str,
        key: str,
        *,  # pragma: no mutate
        timeout: float = 30.0,
        connect_timeout: float = 10.0,
        read_retries: int = 4,
        backoff_factor: float = 0.5,
        max_retry_after: float = 60.0,
        inflight: InFlight | None = None,
    ) -> None:
        """``inflight``: where the client notes its open connections, so that another thread
        can close them (the desktop app does when it quits)."""
        key = key.strip() if isinstance(key, str) else ""
        if not key:
            raise ConfigError("The API key is empty")
        if any(ch.isspace() or not ch.isprintable() for ch in key):
            raise ConfigError("The API key contains spaces or line breaks: paste it again")
        self._transport = Transport(
            endpoint, key, timeout=timeout, connect_timeout=connect_timeout,
            read_retries=read_retries, backoff_factor=backoff_factor,
            max_retry_after=max_retry_after, inflight=inflight,
        )  # fmt: skip
        self.single_form: set[str] = set()
        """Actions this panel reads only in the single form (``forms.py``): learnt from a
        definite refusal of the multi form; core/ remembers it per panel (``panel_forms``)."""

    @property
    def endpoint(self) -> str:
        return self._transport.endpoint

    def __repr__(self) -> str:
        return f"PanelClient(endpoint={self.endpoint!r})"

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> PanelClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:  # fmt: skip
        self.close()

    # -- plumbing ---------------------------------------------------------------------------
    def _call(
        self,
        action: str,
        params: Mapping[str, str],
        *,  # pragma: no mutate
        write: bool = False,
        object_hook: Hook = None,
    ) -> object:
        started = time.perf_counter()
        outcome = "ok"
        try:
            return self._transport.post(action, params, write=write, object_hook=object_hook)
        except ApiError as exc:
            outcome = type(exc).__name__
            raise
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            log.info("%s: %s in %.0f ms", action, outcome, elapsed)

    def _write(self, action: str, params: Mapping[str, str], parse: Callable[[object], T]) -> T:
        payload = self._call(action, params, write=True)
        try:
            return parse(payload)
        except UnreadableAnswerError as exc:
            raise UnknownOutcomeError(
                f"{exc.message} The request was sent: the panel may have acted on it; check its"
                " order list before retrying.",
                cause=exc,
            ) from None

    def _write_batches(
        self,
        action: str,
        ids: Iterable[int],
        parse: Callable[[object, Sequence[int]], list[T]],
        not_done: Callable[[int, str], T],
    ) -> list[T]:
        """A write over many ids, batch by batch, stopping at the first failure.

        The first batch's failure is raised as is.  A later batch that was refused or could not
        be sent turns into per-id errors for it and the rest, so the answered batches' results
        are never lost.  A lost answer raises ``UnknownOutcomeError`` with the results so far
        in ``partial``, the batch in doubt in ``unknown_ids`` and the rest in ``unsent_ids``."""
        chunks = list(batches(ids))
        done: list[T] = []
        for index, chunk in enumerate(chunks):
            try:
                done += self._write(
                    action, {"orders": _joined(chunk)}, functools.partial(_flip, parse, chunk)
                )
            except UnknownOutcomeError as exc:
                raise UnknownOutcomeError(
                    exc.message, cause=exc.cause, partial=tuple(done), unknown_ids=tuple(chunk),
                    unsent_ids=tuple(i for later in chunks[index + 1 :] for i in later),
                ) from None  # fmt: skip
            except ApiError as exc:
                if index == 0:
                    raise
                rest = [i for later in chunks[index:] for i in later]
                done += [not_done(i, f"Not done: {exc.message}") for i in rest]
                break
        return done

    def _read_batches(
        self, action: str, field: str, ids: Iterable[int],
        parse: Callable[[object, Sequence[int]], list[T]],
    ) -> list[T]:  # fmt: skip
        results: list[T] = []
        for chunk in batches(ids):
            results += parse(self._call(action, {field: _joined(chunk)}), chunk)
        return results

    # -- actions ----------------------------------------------------------------------------
    def services(self, known: Mapping[int, Service] | None = None) -> Catalog:
        """The catalog; a service equal to the one ``known`` by its id is that one
        (``parse.service_records``: each record a Service as soon as it is decoded)."""
        texts: dict[str, str] = {}
        answer = self._call("services", {}, object_hook=service_records(texts, known))
        return parse_catalog(answer, texts)

    def balance(self) -> Balance:
        return parse_balance(self._call("balance", {}))

    def add(self, service: int, params: Mapping[str, str | int]) -> int:
        """Place one order; the panel's order id.  Never retried (see ``UnknownOutcomeError``)."""
        reserved = sorted(RESERVED_FIELDS & set(params))
        if reserved:
            raise ConfigError(f"The field {reserved[0]!r} cannot be set: the client sends it")
        fields = {"service": str(int(service))}
        fields.update((name, str(value)) for name, value in params.items())
        return self._write("add", fields, parse_order_id)

    def status(self, order: int) -> OrderStatus:
        return parse_status(self._call("status", {"order": str(order)}), order)

    def statuses(self, orders: Iterable[int]) -> list[StatusResult]:
        """One result per distinct order id, in the order given (``orders=`` in batches of 100;
        one id, or a panel that reads only ``order=``: one request per id)."""

        def one(order: int) -> StatusResult:
            return StatusResult(order, self.status(order))

        return self._either(
            "status", unique(orders), one, lambda i, text: StatusResult(i, None, text),
            lambda ids: self._read_batches("status", "orders", ids, parse_multi_status),
        )  # fmt: skip

    def refill(self, order: int) -> int:
        """Request a refill of one order; the refill id."""
        return self._write(
            "refill", {"order": str(order)}, functools.partial(parse_refill, order=order)
        )

    def refills(self, orders: Iterable[int]) -> list[RefillResult]:
        def one(order: int) -> RefillResult:
            return RefillResult(order, self.refill(order))

        def failed(order: int, text: str) -> RefillResult:
            return RefillResult(order, None, text)

        return self._either(
            "refill", unique(orders), one, failed,
            lambda ids: self._write_batches("refill", ids, parse_refills, failed),
        )  # fmt: skip

    def refill_status(self, refill: int) -> RefillStatus:
        return parse_refill_status(self._call("refill_status", {"refill": str(refill)}), refill)

    def refill_statuses(self, refills: Iterable[int]) -> list[RefillStatus]:
        return self._either(
            "refill_status", unique(refills), self.refill_status,
            lambda i, text: RefillStatus(i, None, text),
            lambda ids: self._read_batches("refill_status", "refills", ids, parse_refill_statuses),
        )  # fmt: skip

    def cancel(self, orders: Iterable[int]) -> list[CancelResult]:
        """Ask to cancel orders; ``accepted`` means the panel took the request."""

        def one(order: int) -> CancelResult:
            parse = functools.partial(forms.parse_cancel, order=order)
            return self._write("cancel", {"order": str(order)}, parse)

        def failed(order: int, text: str) -> CancelResult:
            return CancelResult(order, False, text)

        return self._either(
            "cancel", unique(orders), one, failed,
            lambda ids: self._write_batches("cancel", ids, parse_cancels, failed),
        )  # fmt: skip

    def _either(
        self, action: str, ids: list[int], one: Callable[[int], T],
        failed: Callable[[int, str], T], multi: Callable[[list[int]], list[T]],
    ) -> list[T]:  # fmt: skip
        """The single form for one id (or a panel known to read only it), else the multi form,
        falling back to the single form on a definite refusal (forms.py)."""
        single = action in self.single_form
        if single or (len(ids) == 1 and action not in forms.ALWAYS_MULTI_FIRST):
            return forms.one_by_one(ids, one, failed)
        if not ids:
            return []
        try:
            return multi(ids)
        except ApiError as exc:
            if not forms.is_definite_refusal(exc):
                raise
            log.info("%s: the panel refused the multi form (%s); one id a request", action, exc)
            self.single_form.add(action)
        return forms.one_by_one(ids, one, failed)


def _flip(
    parse: Callable[[object, Sequence[int]], list[T]], ids: Sequence[int], payload: object
) -> list[T]:
    return parse(payload, ids)


def _joined(ids: Sequence[int]) -> str:
    return ",".join(str(i) for i in ids)

"""Lists of ids as the protocol takes them: without repeats, at most 100 per request.

Shared by the client (``PanelClient``'s multi-id actions) and the use cases in core/ (which
batch their own reads to run them in parallel).  No ``requests`` import: core/ uses it too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

BATCH_SIZE = 100
"""Ids per ``orders=`` / ``refills=`` request (the protocol's limit)."""


def unique(ids: Iterable[int]) -> list[int]:
    """The ids as ints, without repeats, in their first order."""
    return list(dict.fromkeys(int(i) for i in ids))


def chunks(ids: Sequence[int], size: int = BATCH_SIZE) -> Iterator[list[int]]:
    """``ids`` cut into lists of at most ``size``, in order."""
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def batches(ids: Iterable[int], size: int = BATCH_SIZE) -> Iterator[list[int]]:
    """The ids without repeats, in order, in lists of at most ``size``."""
    return chunks(unique(ids), size)

"""The services cache reads the body format it writes (columns) and the one written before it."""

from __future__ import annotations

import dataclasses
import json
import marshal
import sqlite3
from decimal import Decimal
from pathlib import Path

from smpanel_desktop.api.dialects import service_type
from smpanel_desktop.api.models import UNLIMITED, Service
from smpanel_desktop.store.store import Store

SERVICES = [
    Service(1, "Likes &amp; more", "Default", "IG", Decimal("0.50"), 10, UNLIMITED, True),
    Service(2, "Views 🚀", "default", "IG", Decimal("1E+2"), 1, 1, False, True, True, "Fast"),
    Service(3, "", "Package", "TT", Decimal("0.0001"), 100, 5000, description="Fast"),
]
# Types come back as the protocol spells them, whatever an older cache holds ("default").
READ = [dataclasses.replace(s, type=service_type(s.type)) for s in SERVICES]


def test_a_cache_written_before_the_column_format_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with Store(path) as store:
        panel = store.add_panel("a", "https://a/api/v2")
    rows = [
        [s.id, s.name, s.type, s.category, str(s.rate), s.min, s.max, int(s.refill),
         int(s.cancel), int(s.dripfeed), s.description]
        for s in SERVICES
    ]  # fmt: skip
    with sqlite3.connect(path) as conn:  # what save_services wrote until the column format
        conn.execute(
            "INSERT INTO catalogs (panel_id, fetched_at, body) VALUES (?, ?, ?)",
            (panel.id, 5.0, json.dumps(rows)),
        )
    with Store(path) as store:
        assert store.load_services(panel.id) == (READ, 5.0)
        store.save_services(panel.id, SERVICES[::-1], 6.0)
        assert store.load_services(panel.id) == (READ[::-1], 6.0)
        loaded, _ = store.load_services(panel.id)
        assert loaded[0].description is loaded[1].description  # repeated texts stored once


def test_a_cache_body_this_python_cannot_read_counts_as_no_cache(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with Store(path) as store:
        panel = store.add_panel("a", "https://a/api/v2")
        store.save_services(panel.id, SERVICES, 5.0)
    with sqlite3.connect(path) as conn:
        (body,) = conn.execute("SELECT body FROM catalogs").fetchone()
        for damaged in (body[:-9], b"another format" + body, b""):
            conn.execute("UPDATE catalogs SET body = ?", (damaged,))
            conn.commit()
            with Store(path) as store:
                assert store.load_services(panel.id) == ([], None)


def _body(store_path: Path) -> bytes:
    with sqlite3.connect(store_path) as conn:
        (body,) = conn.execute("SELECT body FROM catalogs").fetchone()
    return bytes(body)


def test_a_damaged_or_foreign_cache_body_counts_as_no_cache(tmp_path: Path) -> None:
    """The order form then fetches the catalog again instead of failing to open (or showing a
    catalog made of another format's columns, e.g. after going back to an older version)."""
    path = tmp_path / "store.sqlite3"
    with Store(path) as store:
        panel = store.add_panel("a", "https://a/api/v2")
        store.save_services(panel.id, SERVICES, 5.0)
    body = _body(path)
    magic = body[: body.index(b"\n") + 1]
    columns = marshal.loads(body[len(magic) :])
    bodies = {
        "bad type code": magic + b"\xff\x00\x00",  # ValueError
        "unhashable key": magic + b"{[\x00\x00\x00\x00N0",  # a list as a dict key: TypeError
        "not a dict": magic + marshal.dumps([1, 2, 3]),
        "newer format": magic + marshal.dumps({**columns, "format": columns["format"] + 1}),
        "older format": magic + marshal.dumps({**columns, "format": columns["format"] - 1}),
    }
    for what, damaged in bodies.items():
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE catalogs SET body = ?", (damaged,))
        with Store(path) as store:
            assert store.load_services(panel.id) == ([], None), what
            assert store.services_fetched_at(panel.id) == 5.0  # the row itself is untouched


def test_the_catalog_just_loaded_or_saved_is_handed_out_again_not_decoded(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with Store(path) as store, Store(path) as other:
        panel = store.add_panel("a", "https://a/api/v2")
        store.save_services(panel.id, READ, 5.0)
        first, at = store.load_services(panel.id)
        again, _ = store.load_services(panel.id)
        assert (first, at) == (READ, 5.0) and first is not again  # a list of its own
        assert all(a is b for a, b in zip(first, again, strict=True))  # the same services
        other.save_services(panel.id, READ[:1], 6.0)  # written by another store meanwhile
        assert store.load_services(panel.id) == (READ[:1], 6.0)
        assert store.load_services(other.add_panel("b", "https://b/api/v2").id) == ([], None)


def _one(panel_id: int, n: int, **fields: object) -> list[Service]:
    base = Service(n, f"Service {n} of panel {panel_id}", "Default", "IG", Decimal("1.5"), 1, 10)
    return [dataclasses.replace(base, **fields)]  # type: ignore[arg-type]


def test_every_mix_of_refill_cancel_and_dripfeed_comes_back_from_the_cache(tmp_path: Path) -> None:
    services = [
        Service(
            i + 1, f"s{i}", "Default", "IG", Decimal(1), 1, 10, *(bool(i & b) for b in (1, 2, 4))
        )
        for i in range(8)
    ]
    path = tmp_path / "store.sqlite3"
    with Store(path) as store:
        panel = store.add_panel("a", "https://a/api/v2")
        store.save_services(panel.id, services, 5.0)
    with Store(path) as store:  # decoded from the file, not the catalog just saved
        assert store.load_services(panel.id) == (services, 5.0)


def test_two_panels_fetched_at_the_same_moment_each_show_their_own_catalog(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "store.sqlite3") as store:
        a = store.add_panel("a", "https://a/api/v2")
        b = store.add_panel("b", "https://b/api/v2")
        catalogs = {a.id: _one(a.id, 1), b.id: _one(b.id, 2)}
        for first, second in ((a, b), (b, a)):
            store.save_services(first.id, catalogs[first.id], 5.0)
            store.save_services(second.id, catalogs[second.id], 5.0)
            assert store.load_services(first.id) == (catalogs[first.id], 5.0)
            assert store.load_services(second.id) == (catalogs[second.id], 5.0)


def test_a_type_saved_as_a_panel_spelt_it_loads_as_the_protocol_spells_it(tmp_path: Path) -> None:
    """Even right after saving (the catalog just saved is handed out again only when it loads
    as saved)."""
    with Store(tmp_path / "store.sqlite3") as store:
        panel = store.add_panel("a", "https://a/api/v2")
        for raw in ("default", "DEFAULT", "comment_likes"):
            store.save_services(panel.id, _one(panel.id, 1, type=raw), 5.0)
            (loaded,), _ = store.load_services(panel.id)
            assert loaded.type == service_type(raw) != raw

"""The store's favourites, presets and remembered batches: per panel, kept across opening the
file again, and a version-2 database upgraded to them without losing its orders."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from smpanel_desktop.store import db
from smpanel_desktop.store.store import Store


def test_favourites_and_presets_are_per_panel_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with Store(path) as store:
        a = store.add_panel("a", "https://a.example/api/v2")
        b = store.add_panel("b", "https://b.example/api/v2")
        store.set_favourite(a.id, 12)
        store.set_favourite(a.id, 12)  # twice is once
        store.set_favourite(b.id, 99)
        store.save_preset(a.id, "  Weekly   likes ", 12, {"link": "x.com/p", "quantity": "100"})
        store.save_preset(a.id, "weekly likes", 13, {"link": "x.com/q", "quantity": ""})
        with pytest.raises(ValueError, match="needs a name"):
            store.save_preset(a.id, "   ", 12, {})
    with Store(path) as store:
        assert store.favourites(a.id) == {12} and store.favourites(b.id) == {99}
        (preset,) = store.presets(a.id)
        assert (preset.name, preset.service_id, preset.values) == (
            "Weekly likes", 13, {"link": "x.com/q"},
        )  # fmt: skip
        assert store.presets(b.id) == []
        store.set_favourite(a.id, 12, False)
        store.delete_preset(preset.id)
        assert store.favourites(a.id) == set() and store.presets(a.id) == []


def test_a_version_2_database_is_upgraded_keeping_its_orders(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = db.connect(path, migrations=db.MIGRATIONS[:2])
    conn.execute("INSERT INTO panels (name, endpoint, created_at) VALUES ('p', 'https://p/', 0)")
    conn.execute(
        "INSERT INTO orders (panel_id, service_id, service_name, service_type, params, state, "
        "created_at, updated_at) VALUES (1, 5, 'S', 'Default', '{}', 'placed', 0, 0)"
    )
    conn.close()
    with Store(path) as store:
        assert store.count_orders() == 1
        batch = store.remember_batch(1, "f" * 64, "5|x.com|10", 1)
        store.attach_batch_order(batch, 1, 1)
        assert store.placed_batch(1, "f" * 64) is not None
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    check.close()


def test_the_same_batch_cannot_start_twice_while_it_is_being_sent(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite3") as store:
        panel = store.add_panel("p", "https://p.example/api/v2")
        first = store.remember_batch(panel.id, "a" * 64, "5|x.com/p|10", 1)
        with pytest.raises(ValueError, match="being placed right now"):
            store.remember_batch(panel.id, "a" * 64, "5|x.com/p|10", 1)
        store.remember_batch(panel.id, "b" * 64, "6|x.com/p|10", 1)  # another batch: fine
        store.finish_batch(first)
        store.remember_batch(panel.id, "a" * 64, "5|x.com/p|10", 1)  # ended: may start again

"""Favourite services and New Order presets, per panel."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

from smpanel_desktop.store.base import StoreBase, dumps_json

MAX_PRESET_NAME = 80


@dataclass(frozen=True, slots=True)
class Preset:
    id: int
    panel_id: int
    name: str
    service_id: int
    values: dict[str, str] = field(hash=False)
    """The New Order form's texts (the same ``values`` ``place_order`` takes)."""
    updated_at: float = 0.0


class FavouriteStore(StoreBase):
    """Tables ``favourites`` (panel, service) and ``presets`` (panel, name -> service, values)."""

    def favourites(self, panel_id: int) -> set[int]:
        rows = self._conn().execute(
            "SELECT service_id FROM favourites WHERE panel_id = ?", (panel_id,)
        )
        return {int(r[0]) for r in rows}

    def set_favourite(self, panel_id: int, service_id: int, favourite: bool = True) -> None:
        self._require_panel(panel_id)
        with self._tx() as conn:
            if favourite:
                conn.execute(
                    "INSERT OR IGNORE INTO favourites (panel_id, service_id, created_at) "
                    "VALUES (?, ?, ?)",
                    (panel_id, service_id, time.time()),
                )
            else:
                conn.execute(
                    "DELETE FROM favourites WHERE panel_id = ? AND service_id = ?",
                    (panel_id, service_id),
                )

    def presets(self, panel_id: int) -> list[Preset]:
        """The panel's presets by name."""
        rows = self._conn().execute(
            "SELECT id, panel_id, name, service_id, fields, updated_at FROM presets "
            "WHERE panel_id = ? ORDER BY name COLLATE NOCASE",
            (panel_id,),
        )
        return [Preset(r[0], r[1], r[2], r[3], _values(r[4]), r[5]) for r in rows]

    def save_preset(
        self, panel_id: int, name: str, service_id: int, values: dict[str, str]
    ) -> Preset:
        """Create the preset, or replace the one with this name (names ignore case)."""
        clean = " ".join(name.split())
        if not clean:
            raise ValueError("A preset needs a name.")
        if len(clean) > MAX_PRESET_NAME:
            raise ValueError(f"A preset name has at most {MAX_PRESET_NAME} characters.")
        self._require_panel(panel_id)
        kept = {k: str(v) for k, v in values.items() if str(v).strip()}
        now = time.time()
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO presets (panel_id, name, service_id, fields, updated_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (panel_id, name) DO UPDATE SET "
                "service_id = excluded.service_id, fields = excluded.fields, "
                "updated_at = excluded.updated_at",
                (panel_id, clean, service_id, dumps_json(kept), now),
            )
        found = [p for p in self.presets(panel_id) if p.name.casefold() == clean.casefold()]
        return found[0]

    def delete_preset(self, preset_id: int) -> None:
        with self._tx() as conn:
            conn.execute("DELETE FROM presets WHERE id = ?", (preset_id,))


def _values(text: str) -> dict[str, str]:
    try:
        loaded = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {str(k): str(v) for k, v in loaded.items()}

"""Panels (name, endpoint, currency; never a key) and settings (key/value)."""

from __future__ import annotations

import sqlite3
import time

from smpanel_desktop.store.base import StoreBase, inserted_id
from smpanel_desktop.store.models import Panel

CURRENT_PANEL = "current_panel"
"""Setting key: the name of the panel the app and CLI use by default."""


class PanelStore(StoreBase):
    """Panels and settings."""

    @staticmethod
    def _clean_name(name: str) -> str:
        name = " ".join(name.split())
        if not name:
            raise ValueError("The panel name is empty.")
        return name

    def add_panel(self, name: str, endpoint: str, currency: str | None = None) -> Panel:
        """Add a panel; names are unique ignoring case (``ValueError`` on a duplicate)."""
        name = self._clean_name(name)
        endpoint = endpoint.strip()
        if not endpoint:
            raise ValueError("The panel endpoint is empty.")
        try:
            with self._tx() as conn:
                cur = conn.execute(
                    "INSERT INTO panels (name, endpoint, currency, created_at) VALUES (?,?,?,?)",
                    (name, endpoint, currency, time.time()),
                )
        except sqlite3.IntegrityError:
            raise ValueError(f'A panel named "{name}" already exists.') from None
        return Panel(inserted_id(cur), name, endpoint, currency)

    def panels(self) -> list[Panel]:
        """Every panel, by name."""
        rows = self._conn().execute(
            "SELECT id, name, endpoint, currency FROM panels ORDER BY name COLLATE NOCASE"
        )
        return [Panel(*r) for r in rows]

    def panel(self, name: str) -> Panel | None:
        """The panel with this name (ignoring case and extra spaces), or None."""
        row = (
            self._conn()
            .execute(
                "SELECT id, name, endpoint, currency FROM panels WHERE name = ?",
                (" ".join(name.split()),),
            )
            .fetchone()
        )
        return Panel(*row) if row else None

    def update_panel(
        self,
        panel_id: int,
        *,  # pragma: no mutate
        endpoint: str | None = None,
        currency: str | None = None,
        name: str | None = None,
    ) -> Panel:
        """Change the given fields.  A rename also moves the ``current_panel`` setting; the
        caller moves the keyring entry (``KeyStore.rename``), which is keyed by name."""
        old = self._require_panel(panel_id)
        new = Panel(
            old.id,
            self._clean_name(name) if name is not None else old.name,
            endpoint.strip() if endpoint is not None else old.endpoint,
            currency if currency is not None else old.currency,
        )
        if not new.endpoint:
            raise ValueError("The panel endpoint is empty.")
        try:
            with self._tx() as conn:
                conn.execute(
                    "UPDATE panels SET name = ?, endpoint = ?, currency = ? WHERE id = ?",
                    (new.name, new.endpoint, new.currency, panel_id),
                )
                conn.execute(
                    "UPDATE settings SET value = ? WHERE key = ? AND value = ?",
                    (new.name, CURRENT_PANEL, old.name),
                )
        except sqlite3.IntegrityError:
            raise ValueError(f'A panel named "{new.name}" already exists.') from None
        return new

    def remove_panel(
        self,
        name: str,
        *,  # pragma: no mutate
        force: bool = False,
    ) -> None:
        """Remove a panel with its services cache.

        Decision: a panel with tracked orders is kept (``ValueError`` saying how many) unless
        ``force=True``, which deletes its orders, history and refills too.  Clears the
        ``current_panel`` setting when it named this panel.  The key is the caller's business.
        """
        panel = self.panel(name)
        if panel is None:
            raise ValueError(f'No panel named "{name}".')
        with self._tx() as conn:
            (count,) = conn.execute(
                "SELECT count(*) FROM orders WHERE panel_id = ?", (panel.id,)
            ).fetchone()
            if count and not force:
                raise ValueError(
                    f'Panel "{panel.name}" has {count} tracked order(s); '
                    "remove it with force to delete them too."
                )
            conn.execute("DELETE FROM panels WHERE id = ?", (panel.id,))
            conn.execute(
                "DELETE FROM settings WHERE key = ? AND value = ?", (CURRENT_PANEL, panel.name)
            )

    # -- settings ----------------------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """The stored value, or ``default`` (e.g. ``get_setting(CURRENT_PANEL)``)."""
        row = self._conn().execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_setting(self, key: str, value: str | None) -> None:
        """Store ``value`` under ``key``; None deletes the setting."""
        with self._tx() as conn:
            if value is None:
                conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

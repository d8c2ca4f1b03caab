"""A key stored, read back and deleted through a real Secret Service (gnome-keyring).

Run with ``tests/keyring_session.sh .venv/bin/pytest -m keyring_integration`` (``make test``
does); the normal run deselects it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.core
import pytest

from smpanel_desktop.secrets import KEYRING_SERVICE, KeyStore, mask

pytestmark = pytest.mark.keyring_integration


@pytest.fixture(autouse=True)
def detected_backend() -> Iterator[None]:
    """Detect the backend as the app would: conftest's MemoryKeyring subclass is visible to
    keyring's discovery in this process, so leave test-only backends out."""
    previous = keyring.get_keyring()
    keyring.core.init_backend(limit=lambda b: type(b).__module__.startswith("keyring."))
    try:
        yield
    finally:
        keyring.backend._limit = None  # type: ignore[attr-defined]
        keyring.set_keyring(previous)


def test_key_round_trip_through_the_secret_service() -> None:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.fail("no D-Bus session: run through tests/keyring_session.sh")
    keys = KeyStore()
    assert keys.backend_name() == "SecretService", keyring.get_keyring()
    assert keys.available()
    panel = f"integration-{uuid.uuid4().hex[:8]}"
    key = uuid.uuid4().hex + uuid.uuid4().hex
    assert keys.get(panel) is None
    keys.set(panel, key)
    try:
        assert keys.get(panel) == key
        assert KeyStore().get(panel) == key  # another instance reads the same entry
        assert keyring.get_password(KEYRING_SERVICE, panel) == key
        assert keys.get(panel + "-other") is None  # entries are per panel
        assert mask(keys.get(panel)) == "••••" + key[-4:]
        keys.set(panel, key[::-1])  # replacing works
        assert keys.get(panel) == key[::-1]
    finally:
        assert keys.delete(panel) is True
    assert keys.get(panel) is None
    assert keys.delete(panel) is False

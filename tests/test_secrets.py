"""API keys through the keyring wrapper (the in-memory keyring from conftest)."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from smpanel_desktop.secrets import (
    KEYRING_SERVICE,
    KeyStore,
    KeyStoreError,
    KeyStoreUnavailable,
    get_key_for,
    mask,
)

KEY = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"


@pytest.fixture
def no_backend() -> None:
    keyring.set_keyring(fail.Keyring())  # conftest restores the previous one


def test_keys_are_stored_per_panel_in_the_keyring(memory_keyring: object) -> None:
    keys = KeyStore()
    assert keys.available() and keys.backend_name() == "MemoryKeyring"
    keys.set("Main", f"  {KEY}\n")
    keys.set("Other", "z" * 20)
    assert keys.get("Main") == KEY
    assert memory_keyring.entries[(KEYRING_SERVICE, "Main")] == KEY  # type: ignore[attr-defined]
    assert keys.get("missing") is None
    assert keys.delete("Main") is True
    assert keys.delete("Main") is False
    assert keys.get("Main") is None and keys.get("Other") == "z" * 20


def test_rename_moves_the_key() -> None:
    keys = KeyStore()
    keys.set("old", KEY)
    keys.rename("old", "new")
    assert (keys.get("old"), keys.get("new")) == (None, KEY)


@pytest.mark.parametrize("bad", ["", "   ", "abc def", "abc\ndef", "abc\x00def"])
def test_malformed_keys_are_refused_without_echoing_them(bad: str) -> None:
    with pytest.raises(ValueError) as err:
        KeyStore().set("p", bad)
    assert not bad.strip() or bad.strip() not in str(err.value)


def test_no_backend_says_what_to_install(no_backend: None) -> None:
    keys = KeyStore()
    assert not keys.available()
    assert keys.backend_name() == KeyStore.backend_name() == "none"
    with pytest.raises(KeyStoreUnavailable, match="gnome-keyring or KWallet"):
        keys.set("p", KEY)
    with pytest.raises(KeyStoreUnavailable):
        keys.get("p")


def test_memory_only_keeps_keys_in_this_process(no_backend: None) -> None:
    keys = KeyStore()
    keys.enable_memory_only()
    assert keys.available() and keys.backend_name() == "Memory only"
    keys.set("p", KEY)
    assert keys.get("p") == KEY
    assert KeyStore(memory_only=True).get("p") is None  # nothing persisted anywhere
    assert KEY not in repr(keys)
    assert keys.delete("p") and keys.get("p") is None


def test_a_failing_backend_error_never_shows_the_key(memory_keyring: object) -> None:
    def explode(service: str, user: str, password: str) -> None:
        raise RuntimeError(f"D-Bus said no to {password}")

    memory_keyring.set_password = explode  # type: ignore[attr-defined]
    with pytest.raises(KeyStoreError) as err:
        KeyStore().set("p", KEY)
    assert KEY not in str(err.value) and "D-Bus said no" in str(err.value)
    assert err.value.__cause__ is None and err.value.__suppress_context__


def test_mask_shows_only_the_last_four() -> None:
    assert mask(KEY) == "••••c5d6"
    assert mask("short-key") == "••••"
    assert mask("") == mask(None) == ""


def test_environment_key_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    keys = KeyStore()
    keys.set("p", KEY)
    assert get_key_for("p", keys) == KEY
    assert get_key_for("p") == KEY  # a fresh KeyStore reads the same keyring
    monkeypatch.setenv("SMPANEL_API_KEY", " from-env-key-1234 ")
    assert get_key_for("p", keys) == "from-env-key-1234"
    assert get_key_for("unknown") == "from-env-key-1234"


def test_environment_key_needs_no_keyring(
    no_backend: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMPANEL_API_KEY", "from-env-key-1234")
    assert get_key_for("p") == "from-env-key-1234"

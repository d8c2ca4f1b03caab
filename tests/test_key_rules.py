"""Where a key may be kept: only a keyring that really stores it.

The ``null`` backend (``PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring``) accepts every
key and forgets it; the ``fail`` one refuses; a chainer is as good as the best backend it holds.
A key given to any of the first two must not look stored: the user is told what to install.
"""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import PasswordDeleteError
from memory_keyring import MemoryKeyring

from smpanel_desktop.secrets import KeyStore, KeyStoreError, KeyStoreUnavailable

KEY = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"


def _chain(*backends: KeyringBackend) -> chainer.ChainerBackend:
    class Chain(chainer.ChainerBackend):
        pass

    Chain.backends = list(backends)  # type: ignore[assignment,misc]
    return Chain()


@pytest.mark.parametrize(
    "backend",
    [null.Keyring(), fail.Keyring(), _chain(null.Keyring(), fail.Keyring()), _chain()],
    ids=["null", "fail", "chain-of-unusable", "empty-chain"],
)
def test_a_keyring_that_would_lose_the_key_is_no_keyring(backend: KeyringBackend) -> None:
    keyring.set_keyring(backend)  # conftest restores the previous one
    keys = KeyStore()
    assert not keys.available()
    assert keys.backend_name() == "none"
    with pytest.raises(KeyStoreUnavailable, match="gnome-keyring or KWallet"):
        keys.set("Main", KEY)
    with pytest.raises(KeyStoreUnavailable):
        keys.get("Main")
    keys.enable_memory_only()  # what the app then offers
    keys.set("Main", KEY)
    assert keys.available() and keys.get("Main") == KEY


def test_a_chain_holding_a_real_keyring_stores_the_key_there() -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(_chain(memory, null.Keyring()))
    keys = KeyStore()
    assert keys.available() and keys.backend_name() == "MemoryKeyring"
    keys.set("Main", KEY)
    assert keys.get("Main") == KEY and ("smpanel-desktop", "Main") in memory.entries


def test_renaming_a_panel_to_its_own_name_keeps_its_key() -> None:
    keys = KeyStore()
    keys.set("Main", KEY)
    keys.rename("Main", "Main")
    assert keys.get("Main") == KEY
    keys.rename("Main", "Other")
    assert (keys.get("Main"), keys.get("Other")) == (None, KEY)


class _Lenient(MemoryKeyring):
    """A backend whose delete of a missing entry does nothing (no PasswordDeleteError)."""

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


def test_deleting_a_key_that_is_not_there_says_so() -> None:
    keyring.set_keyring(_Lenient())
    keys = KeyStore()
    assert keys.delete("Main") is False
    keys.set("Main", KEY)
    assert keys.delete("Main") is True and keys.get("Main") is None


class _Verbose(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("D-Bus said: " + "blah " * 5_000 + password)


def test_a_backend_error_is_one_short_line_without_the_key() -> None:
    keyring.set_keyring(_Verbose())
    with pytest.raises(KeyStoreError) as caught:
        KeyStore().set("Main", KEY)
    text = str(caught.value)
    assert KEY not in text and len(text) < 400 and "\n" not in text
    assert text.startswith("The keyring (_Verbose) could not store the API key: RuntimeError")


@pytest.mark.parametrize(
    ("platform", "hint"),
    [("darwin", "macOS Keychain"), ("win32", "Windows Credential Manager"),
     ("linux", "gnome-keyring or KWallet"), ("freebsd14", "gnome-keyring or KWallet"),
     ("cygwin", "gnome-keyring or KWallet"), ("zos", "gnome-keyring or KWallet")],
)  # fmt: skip
def test_the_install_hint_fits_the_platform(
    monkeypatch: pytest.MonkeyPatch, platform: str, hint: str
) -> None:
    from smpanel_desktop import secrets

    monkeypatch.setattr(secrets.sys, "platform", platform)
    assert hint in secrets.install_hint() and hint in secrets.unavailable_message()


def _backend_named(cls_name: str, module: str) -> KeyringBackend:
    cls = type(cls_name, (MemoryKeyring,), {"__module__": module})
    return cls()  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("cls_name", "module", "shown"),
    [
        ("Keyring", "keyring.backends.SecretService", "SecretService"),
        ("Keyring", "keyring.backends.kwallet", "kwallet"),
        ("Alpha", "some.module", "Alpha"),
        ("Zeta", "some.module", "Zeta"),
    ],
)
def test_the_backend_is_named_as_the_user_knows_it(cls_name: str, module: str, shown: str) -> None:
    keyring.set_keyring(_backend_named(cls_name, module))
    assert KeyStore().backend_name() == shown


def test_a_broken_keyring_configuration_is_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    from smpanel_desktop import secrets

    def broken() -> KeyringBackend:
        raise RuntimeError("PYTHON_KEYRING_BACKEND names a missing class")

    monkeypatch.setattr(secrets, "_get_keyring", broken)
    keys = KeyStore()
    assert not keys.available() and keys.backend_name() == "none"


class _Racing(MemoryKeyring):
    """The entry is there when asked, gone when deleted (another program removed it)."""

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("already gone")


def test_a_key_deleted_meanwhile_by_another_program_is_reported_not_deleted() -> None:
    keyring.set_keyring(_Racing())
    keys = KeyStore()
    keys.set("Main", KEY)
    assert keys.delete("Main") is False


def test_only_keys_of_12_characters_or_more_show_their_last_4() -> None:
    from smpanel_desktop.secrets import mask

    assert mask("abcdefghijkl") == "••••ijkl"
    assert mask("abcdefghijk") == "••••"
    assert mask("  abcdefghijkl \n") == "••••ijkl"  # as pasted
    assert mask("") == "" and mask(None) == ""


def test_importing_the_key_store_does_not_load_keyring() -> None:
    import subprocess
    import sys

    code = "import sys, smpanel_desktop.secrets; print('keyring' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"  # ~100 ms that neither start-up nor --help pays

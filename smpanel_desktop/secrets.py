"""API keys in the OS keyring, one entry per panel (Qt-free).

Entries live under the service ``smpanel-desktop`` with the panel's name as the user name.
With no usable backend (a Linux desktop without a Secret Service) every call raises
``KeyStoreUnavailable`` saying what to install, unless the caller opted into memory-only mode
(``enable_memory_only()``): keys then live in this process only.  Never a file, never
``keyrings.alt``.  A key never appears in an exception text, a repr or a log line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # keyring itself is imported when a key is first read or written: importing
    # it costs ~100 ms, which neither the window's first paint nor ``smpanel --help`` should pay
    from keyring.backend import KeyringBackend

KEYRING_SERVICE = "smpanel-desktop"
ENV_KEY = "SMPANEL_API_KEY"
MEMORY_ONLY = "Memory only"
NO_BACKEND = "none"


class KeyStoreError(RuntimeError):
    """The keyring failed (locked, D-Bus error ...).  The text never holds the key."""


class KeyStoreUnavailable(KeyStoreError):
    """No keyring backend on this machine, and memory-only mode is off."""


def install_hint() -> str:
    """What the user should install or enable so keys can be stored, for this platform."""
    if sys.platform == "darwin":
        return "The macOS Keychain could not be reached; check that you are logged in."
    if sys.platform == "win32":
        return "The Windows Credential Manager could not be reached."
    return "Install gnome-keyring or KWallet (a Secret Service) and log in again."


def unavailable_message() -> str:
    return (
        "No keyring is available to store the API key. "
        + install_hint()
        + " Until then the key can be kept in memory only, for as long as the app runs, "
        f"or given in the {ENV_KEY} environment variable."
    )


def mask(key: str | None) -> str:
    """``••••`` and the key's last 4 characters; keys shorter than 12 are fully masked."""
    if not key:
        return ""
    key = key.strip()
    return "••••" + key[-4:] if len(key) >= 12 else "••••"


def _get_keyring() -> KeyringBackend:
    import keyring

    return keyring.get_keyring()


def _is_usable(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring) or type(backend).__module__.endswith(".null"):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_is_usable(b) for b in backend.backends)
    return True


def _describe(backend: KeyringBackend) -> str:
    from keyring.backends import chainer

    if isinstance(backend, chainer.ChainerBackend):
        names = [_describe(b) for b in backend.backends if _is_usable(b)]
        return ", ".join(names) or NO_BACKEND
    if not _is_usable(backend):
        return NO_BACKEND
    cls = type(backend)
    if cls.__name__ == "Keyring":  # keyring.backends.SecretService.Keyring -> "SecretService"
        return cls.__module__.rsplit(".", 1)[-1]
    return cls.__name__


class _ClassOrInstance:
    """A method callable on the class (describes the OS keyring) or on an instance."""

    def __init__(self, func: Callable[[KeyStore | None], str]) -> None:
        self.func = func

    def __get__(self, obj: KeyStore | None, owner: type | None = None) -> Callable[[], str]:
        return lambda: self.func(obj)


def _clean_key(key: str) -> str:
    key = (key or "").strip()
    if not key:
        raise ValueError("The API key is empty.")
    if any(ch.isspace() or not ch.isprintable() for ch in key):
        raise ValueError("The API key contains spaces, line breaks or control characters.")
    return key


class KeyStore:
    """Per-panel API keys in the OS keyring, or in memory only when asked."""

    def __init__(self, memory_only: bool = False) -> None:
        self._memory: dict[str, str] | None = {} if memory_only else None

    def __repr__(self) -> str:
        return f"<KeyStore {self.backend_name()}>"

    @property
    def memory_only(self) -> bool:
        return self._memory is not None

    def enable_memory_only(self) -> None:
        """Keep keys in this process only from now on (for machines without a keyring)."""
        if self._memory is None:
            self._memory = {}

    @_ClassOrInstance
    def backend_name(self: KeyStore | None) -> str:
        """``SecretService``, ``kwallet``, ``macOS``, ``Windows`` ..., ``Memory only`` or
        ``none``.  Callable on the class too (what the OS keyring offers)."""
        if self is not None and self.memory_only:
            return MEMORY_ONLY
        try:
            return _describe(_get_keyring())
        except Exception:  # a broken backend configuration
            return NO_BACKEND

    def available(self) -> bool:
        """True when keys can be stored: a real backend, or memory-only mode."""
        if self.memory_only:
            return True
        try:
            return _is_usable(_get_keyring())
        except Exception:
            return False

    def _backend(self) -> KeyringBackend:
        backend = _get_keyring()
        if not _is_usable(backend):
            raise KeyStoreUnavailable(unavailable_message())
        return backend

    def _call(self, what: str, fn: Callable[[KeyringBackend], Any], secret: str = "") -> Any:
        from keyring.errors import KeyringLocked, NoKeyringError

        backend = self._backend()
        try:
            return fn(backend)
        except NoKeyringError:
            raise KeyStoreUnavailable(unavailable_message()) from None
        except KeyringLocked:
            raise KeyStoreError(
                f"The keyring ({_describe(backend)}) is locked: unlock it and try again."
            ) from None
        except Exception as exc:
            text = str(exc)
            if secret:
                text = text.replace(secret, mask(secret))
            raise KeyStoreError(
                f"The keyring ({_describe(backend)}) could not {what} the API key: "
                f"{type(exc).__name__}: {text[:200]}"  # pragma: no mutate
            ) from None

    def get(self, panel_name: str) -> str | None:
        """The panel's key, or None when none is stored."""
        if self._memory is not None:
            return self._memory.get(panel_name)
        value = self._call("read", lambda b: b.get_password(KEYRING_SERVICE, panel_name))
        return str(value) if value else None

    def set(self, panel_name: str, key: str) -> None:
        """Store (or replace) the panel's key.  ``ValueError`` for an empty or malformed key."""
        key = _clean_key(key)
        if self._memory is not None:
            self._memory[panel_name] = key
            return
        self._call("store", lambda b: b.set_password(KEYRING_SERVICE, panel_name, key), key)

    def delete(self, panel_name: str) -> bool:
        """Delete the panel's key; False when there was none."""
        if self._memory is not None:
            return self._memory.pop(panel_name, None) is not None

        def remove(backend: KeyringBackend) -> bool:
            from keyring.errors import PasswordDeleteError

            if backend.get_password(KEYRING_SERVICE, panel_name) is None:
                return False
            try:
                backend.delete_password(KEYRING_SERVICE, panel_name)
            except PasswordDeleteError:
                return False
            return True

        return bool(self._call("delete", remove))

    def rename(self, old_name: str, new_name: str) -> None:
        """Move a key after the panel was renamed (nothing to do when it has none)."""
        key = self.get(old_name)
        if key is not None and old_name != new_name:
            self.set(new_name, key)
            self.delete(old_name)


def get_key_for(panel_name: str, keys: KeyStore | None = None) -> str | None:
    """The key to use for a panel: ``$SMPANEL_API_KEY`` when set, else the keyring entry.

    Raises ``KeyStoreUnavailable`` only when the keyring must be asked and has no backend.
    """
    from_env = os.environ.get(ENV_KEY, "").strip()
    if from_env:
        return from_env
    return (keys if keys is not None else KeyStore()).get(panel_name)

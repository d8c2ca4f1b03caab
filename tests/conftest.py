"""Fixtures every test shares: no test touches the real keychain or the user's files."""

from __future__ import annotations

import logging
import os
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import keyring
import pytest
from hypothesis import settings
from memory_keyring import MemoryKeyring

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.store.models import Panel
from smpanel_desktop.store.store import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests: free to explore on a developer's machine (random, with the example database),
# the same examples on every run in CI and under `make test` (derandomized, no database), so a
# test that catches a bug in one run catches it in the next.  The edge cases found so far are
# pinned with @example in the tests themselves.  HYPOTHESIS_PROFILE=ci or =dev chooses.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("dev")
_PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or (
    "ci" if os.environ.get("CI", "").lower() in ("true", "1") else "dev"
)
settings.load_profile(_PROFILE)


@pytest.fixture(autouse=True)
def memory_keyring(request: pytest.FixtureRequest) -> Iterator[MemoryKeyring | None]:
    """Every test gets a fresh in-memory keyring, except the real Secret Service test."""
    if request.node.get_closest_marker("keyring_integration"):
        yield None
        return
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data folder per test; the user's own files and config stay untouched."""
    path = tmp_path / "data"
    path.mkdir()
    monkeypatch.setenv("SMPANEL_DATA_DIR", str(path))
    monkeypatch.setenv("SMPANEL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SMPANEL_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.delenv("SMPANEL_API_KEY", raising=False)
    return path


@pytest.fixture
def clean_logging() -> Iterator[None]:
    """The root logger's handlers and level, and the secrets filter, as they were before the test
    (``setup_logging`` adds a file handler and registers keys; the test's are removed after it)."""
    from smpanel_desktop import logging_setup

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    logging_setup.forget_secrets()
    try:
        yield
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
        logging.captureWarnings(False)
        logging_setup.forget_secrets()


@pytest.fixture
def sandbox() -> Iterator[object]:
    """A real sandbox panel on 127.0.0.1 with a small catalog; stopped after the test."""
    from smpanel_desktop.sandbox.server import SandboxPanel

    panel = SandboxPanel(services=300, seed=7)
    panel.start()
    try:
        yield panel
    finally:
        panel.stop()


DIALECTS = ("perfectpanel", "smartpanel")


@pytest.fixture(params=DIALECTS)
def dialect_sandbox(request: pytest.FixtureRequest) -> Iterator[object]:
    """The sandbox panel speaking each engine's dialect in turn (PerfectPanel at /api/v2,
    SmartPanel at /api/v1: sandbox/smartpanel.py); the same catalog and lifecycle."""
    from smpanel_desktop.sandbox.server import SandboxPanel

    panel = SandboxPanel(services=300, seed=7, dialect=request.param)
    panel.start()
    try:
        yield panel
    finally:
        panel.stop()
        assert not panel.errors


@pytest.fixture
def self_signed_cert(tmp_path: Path) -> tuple[ssl.SSLContext, Path]:
    """A server TLS context with a fresh self-signed certificate for 127.0.0.1, and the
    certificate's file (for a test that trusts it)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context, cert


@pytest.fixture
def self_signed_server(
    self_signed_cert: tuple[ssl.SSLContext, Path],
) -> Iterator[tuple[str, list[str]]]:
    context, _ = self_signed_cert
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            seen.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/api/v2", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real store in a fresh SQLite file; closed after the test."""
    with Store(tmp_path / "smpanel.sqlite3") as s:
        yield s


@pytest.fixture
def client(sandbox: Any) -> Iterator[PanelClient]:
    """A client of the ``sandbox`` panel (no read retries: a fault shows at once)."""
    with PanelClient(sandbox.url, sandbox.key, read_retries=0, timeout=5.0) as c:
        yield c


@pytest.fixture
def panel(store: Store, sandbox: Any) -> Panel:
    """The ``sandbox`` panel as a row of ``store``."""
    return store.add_panel("Sandbox", sandbox.url, "USD")

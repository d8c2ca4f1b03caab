"""The ``smpanel`` CLI end to end: real subprocesses (few) and ``main()`` in-process (many),
always against the sandbox over loopback HTTP and a real SQLite file."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smpanel_desktop.api.client import PanelClient
from smpanel_desktop.api.dialects import service_type
from smpanel_desktop.api.errors import ConfigError
from smpanel_desktop.api.models import UNLIMITED
from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.cli.main import main
from smpanel_desktop.paths import db_path
from smpanel_desktop.store.store import Store

KEY = "sandbox-key"  # the sandbox fixture's key: must never show up in any output or file

# One set of --field values per type (the sandbox fixture's catalog has every type).
FIELDS: dict[str, list[str]] = {
    "Default": ["link=https://instagram.com/p/a", "quantity={min}"],
    "Package": ["link=t.me/channel"],
    "Custom Comments": ["link=instagram.com/p/a", "comments={comments}"],
    "Custom Comments Package": ["link=instagram.com/p/a", "comments=one\\ntwo"],
    "Mentions": ["link=instagram.com/p/a", "quantity={min}", "usernames=a\\nb"],
    "Mentions with Hashtags": [
        "link=instagram.com/p/a",
        "quantity={min}",
        "usernames=a\\nb",
        "hashtags=#x\\n#y",
    ],
    "Mentions Custom List": ["link=instagram.com/p/a", "usernames={comments}"],
    "Mentions Hashtag": ["link=instagram.com/p/a", "quantity={min}", "hashtag=#cats"],
    "Mentions User Followers": ["link=instagram.com/p/a", "quantity={min}", "username=nasa"],
    "Mentions Media Likers": [
        "link=instagram.com/p/a",
        "quantity={min}",
        "media=https://instagram.com/p/b",
    ],
    "Comment Likes": ["link=instagram.com/p/a", "quantity={min}", "username=bob"],
    "Comment Replies": ["link=instagram.com/p/a", "username=bob", "comments={comments}"],
    "Poll": ["link=https://t.me/c/5", "quantity={min}", "answer_number=2"],
    "Invites from Groups": ["link=t.me/g", "quantity={min}", "groups=t.me/a\\nt.me/b"],
    "SEO": ["link=https://example.com/x", "quantity={min}", "keywords=buy\\nsell"],
    "Subscriptions": [
        "username=natgeo",
        "min={min}",
        "max={min}",
        "delay=30",
        "posts=3",
        "expiry=31/12/2099",
    ],
    "Web Traffic": ["link=https://example.com", "quantity={min}", "device=2", "country=US"],
    "Special": ["link=https://example.com/s", "quantity={min}", "note=free extra field"],
    "default": ["link=https://example.com/d", "quantity={min}"],
}


@pytest.fixture
def env(sandbox: Any, monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> dict[str, str]:
    monkeypatch.setenv("SMPANEL_API_KEY", KEY)
    environ = dict(os.environ)
    environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # never the real one
    return environ


def cli(
    sandbox: Any, *args: str, capsys: pytest.CaptureFixture[str], url: bool = True
) -> tuple[int, str, str]:
    """``main()`` in-process (cheap), with the global options a script would give."""
    argv = (["--api-url", sandbox.url] if url else []) + list(args)
    code = main(argv)
    captured = capsys.readouterr()
    assert KEY not in captured.out + captured.err
    return code, captured.out, captured.err


def run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The real thing: a new interpreter running ``python -m smpanel_desktop.cli``."""
    proc = subprocess.run(
        [sys.executable, "-m", "smpanel_desktop.cli", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert KEY not in proc.stdout + proc.stderr
    return proc


def open_store(data_dir: Path) -> Store:
    return Store(db_path(data_dir))


def values_for(sandbox: Any, type_: str) -> list[str]:
    svc = parse_service(sandbox.find_service(type_))
    comments = "\\n".join(f"comment {i}" for i in range(max(svc.min, 1)))
    args = ["--service", str(svc.id)]
    for item in FIELDS[type_]:
        args += ["--field", item.format(min=svc.min, comments=comments)]
    return args


# -- subprocess: the promises that matter most --------------------------------------------------


def test_lost_answer_to_add_exits_4_with_one_order_and_one_unknown_row(
    sandbox: Any, env: dict[str, str], data_dir: Path
) -> None:
    svc = parse_service(sandbox.find_service("Default"))
    sandbox.faults.add("drop_after_accept", action="add")
    argv = ["--api-url", sandbox.url, "--data-dir", str(data_dir), "add", "--service"]
    proc = run(env, *argv, str(svc.id), "--link", "instagram.com/p/x", "--quantity", str(svc.min))
    assert proc.returncode == 4, proc.stderr
    assert "MAY HAVE BEEN PLACED" in proc.stderr and proc.stdout == ""
    assert sandbox.order_count() == 1 and sandbox.requests_for("add") == 1
    store = open_store(data_dir)
    try:
        (row,) = store.orders()
        assert row.state == "unknown" and row.order is None
        assert row.params == {"link": "instagram.com/p/x", "quantity": str(svc.min)}
        assert f"resolve {row.id}" in proc.stderr
    finally:
        store.close()
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path


def test_exit_codes_and_json_through_real_processes(
    sandbox: Any, env: dict[str, str], data_dir: Path
) -> None:
    base = ["--api-url", sandbox.url, "--data-dir", str(data_dir)]
    svc = parse_service(sandbox.find_service("Custom Comments"))
    comments = "\\n".join(f"great {i}" for i in range(svc.min))
    added = run(
        env, *base, "--json", "add", "--service", str(svc.id),
        "--field", "link=https://instagram.com/p/z", "--field", f"comments={comments}",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    order = json.loads(added.stdout)["order"]
    assert isinstance(order, int) and order in sandbox.orders

    listed = run(env, *base, "orders", "--json")  # --json after the command works too
    (row,) = json.loads(listed.stdout)
    assert {
        "order",
        "service",
        "status",
        "charge",
        "currency",
        "start_count",
        "remains",
        "link",
    } <= set(row)
    assert (row["order"], row["service"], row["link"]) == (
        order,
        svc.id,
        "https://instagram.com/p/z",
    )
    assert row["params"]["comments"] == "\n".join(f"great {i}" for i in range(svc.min))

    refused = run(env, *base, "status", "999999")  # the panel's own error
    assert refused.returncode == 1 and "Incorrect order ID" in refused.stdout
    invalid = run(env, *base, "add", "--service", str(svc.id), "--link", "two words")
    assert invalid.returncode == 2 and "link" in invalid.stderr and "comments" in invalid.stderr
    sandbox.faults.add("truncated", action="balance", count=1)
    unreadable = run(env, *base, "balance")
    assert unreadable.returncode == 3 and unreadable.stderr.startswith("smpanel: ")

    # No SMPANEL_API_KEY and no keyring backend: a clear message, nothing sent.
    no_key = {k: v for k, v in env.items() if k != "SMPANEL_API_KEY"}
    run(no_key, "--data-dir", str(data_dir), "panels", "add", "Main", sandbox.url)
    sandbox.clear_log()
    locked = run(no_key, "--data-dir", str(data_dir), "--panel", "Main", "balance")
    assert locked.returncode == 2 and "keyring" in locked.stderr.lower()
    assert "SMPANEL_API_KEY" in locked.stderr and sandbox.request_log == []
    assert sandbox.order_count() == 1
    # No keyring, but SMPANEL_API_KEY in use: `key status` says so instead of failing.
    status = run(env, "--data-dir", str(data_dir), "--panel", "Main", "key", "status")
    assert status.returncode == 0, status.stderr
    assert "not stored (no keyring)" in status.stdout and "SMPANEL_API_KEY" in status.stdout
    assert (
        run(no_key, "--data-dir", str(data_dir), "--panel", "Main", "key", "status").returncode == 2
    )


def test_sandbox_command_serves_until_terminated(
    env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [sys.executable, "-m", "smpanel_desktop.cli", "sandbox", "--port", "0"]
    proc = subprocess.Popen(
        [*argv, "--services", "50", "--currency", "EUR"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # blocks until the server listens
        url = first.split(" on ", 1)[1].split(" ", 1)[0]
        assert url.startswith("http://127.0.0.1:") and "EUR" in first
        assert main(["--api-url", url, "--json", "balance"]) == 0
        assert json.loads(capsys.readouterr().out)["currency"] == "EUR"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)  # also closes the pipes
    assert proc.returncode == 0 and "Traceback" not in err


def test_cli_never_imports_qt(env: dict[str, str]) -> None:
    code = (
        "import sys, smpanel_desktop.cli.main as c, smpanel_desktop.cli.commands, "
        "smpanel_desktop.cli.panels, smpanel_desktop.core.demo; c.build_parser(); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')]"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)


# -- in-process: every command and shape ---------------------------------------------------------


@pytest.mark.parametrize("type_", sorted(FIELDS))
def test_every_service_type_is_orderable_with_field(
    sandbox: Any, env: dict[str, str], capsys: pytest.CaptureFixture[str], type_: str
) -> None:
    code, out, err = cli(sandbox, "add", *values_for(sandbox, type_), capsys=capsys)
    assert code == 0, err
    order = int(out)
    assert sandbox.orders[order].id == order
    store = open_store(Path(env["SMPANEL_DATA_DIR"]))
    try:
        (row,) = store.orders()
        assert row.order == order and row.state == "placed"
        assert row.service_type == service_type(type_)  # "default" is recorded as Default
    finally:
        store.close()


def test_services_filters_and_cache(
    sandbox: Any, env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(sandbox, "services", "--json", "--type", "  custom COMMENTS", capsys=capsys)
    rows = json.loads(out)
    assert code == 0 and rows and {r["type"] for r in rows} == {"Custom Comments"}
    first = rows[0]
    assert isinstance(first["service"], int) and isinstance(first["min"], int)
    assert isinstance(first["rate"], str) and isinstance(first["refill"], bool)
    code, out, err = cli(sandbox, "services", "--search", "followers", capsys=capsys)
    assert code == 0 and "cached" in err and "Followers" in out
    assert sandbox.requests_for("services") == 1  # the second listing came from the cache
    cli(sandbox, "services", "--refresh", "--json", capsys=capsys)
    assert sandbox.requests_for("services") == 2
    store = open_store(Path(env["SMPANEL_DATA_DIR"]))
    try:  # an hour later the panel sends garbage: the stale cache is shown, with a warning
        (panel,) = store.panels()
        services, fetched_at = store.load_services(panel.id)
        store.save_services(panel.id, services, fetched_at - 7200)  # type: ignore[operator]
    finally:
        store.close()
    sandbox.faults.add("truncated", action="services")
    code, out, err = cli(sandbox, "services", "--json", capsys=capsys)
    assert code == 0 and len(json.loads(out)) == 300 and "could not be refreshed" in err
    assert cli(sandbox, "services", "--refresh", capsys=capsys)[0] == 3
    sandbox.faults.clear()
    unlimited = [s for s in sandbox.specs if s.max >= UNLIMITED]
    if unlimited:
        _, out, _ = cli(sandbox, "services", "--search", str(unlimited[0].id), capsys=capsys)
        assert "unlimited" in out


def test_services_search_finds_turkish_capitals_by_the_letters_a_user_types(
    sandbox: Any, env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    cli(sandbox, "services", "--json", capsys=capsys)  # the panel and its cached catalog
    store = open_store(Path(env["SMPANEL_DATA_DIR"]))
    try:
        (panel,) = store.panels()
        services, fetched_at = store.load_services(panel.id)
        assert services and fetched_at
        turkish = replace(services[0], name="TAKİPÇİ PAKETİ", category="İZLENME")
        store.save_services(panel.id, [turkish, *services[1:]], fetched_at)
    finally:
        store.close()
    for typed in (["--search", "takipçi"], ["--search", "TAKİPÇİ"], ["--category", "izlenme"]):
        code, out, _ = cli(sandbox, "services", "--json", *typed, capsys=capsys)
        assert code == 0 and [r["service"] for r in json.loads(out)] == [turkish.id], typed


def test_status_refresh_refill_cancel_shapes(
    sandbox: Any, env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    svc = parse_service(sandbox.find_service("Default", refill=True, cancel=True))
    add = ["add", "--service", str(svc.id), "--link", "x.com/p", "--quantity", str(svc.min)]
    ids = [int(cli(sandbox, *add, capsys=capsys)[1]) for _ in range(2)]

    code, out, _ = cli(sandbox, "--json", "status", f"{ids[0]},5", capsys=capsys)
    good, bad = json.loads(out)
    assert code == 1 and bad == {"order": 5, "error": "Incorrect order ID"}
    assert good["order"] == ids[0] and good["status"] == "Pending"
    assert isinstance(good["charge"], str) and isinstance(good["remains"], int)

    code, out, _ = cli(sandbox, "--json", "cancel", str(ids[1]), capsys=capsys)
    assert code == 0 and json.loads(out) == [{"order": ids[1], "cancel": True}]

    sandbox.clock.advance(3600)
    code, out, _ = cli(sandbox, "--json", "refresh", capsys=capsys)
    summary = json.loads(out)
    assert code == 0 and (summary["checked"], summary["changed"], summary["requests"]) == (2, 2, 1)
    code, out, _ = cli(sandbox, "refresh", capsys=capsys)
    assert code == 0 and out.startswith("Checked 0 open order(s) in 0 requests")

    code, out, _ = cli(sandbox, "--json", "refill", str(ids[0]), capsys=capsys)
    (refill,) = json.loads(out)
    assert code == 0 and refill["order"] == ids[0] and isinstance(refill["refill"], int)
    code, out, _ = cli(sandbox, "--json", "refill-status", str(refill["refill"]), capsys=capsys)
    assert code == 0 and json.loads(out)[0]["status"] == "Pending"

    code, out, _ = cli(sandbox, "orders", "--status", "completed", capsys=capsys)
    assert code == 0 and str(ids[0]) in out and str(ids[1]) not in out


def test_balance_json_is_a_decimal_string(
    sandbox: Any, env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(sandbox, "balance", "--json", capsys=capsys)
    assert code == 0 and json.loads(out) == {"balance": "1000.00", "currency": "USD"}


def test_resolve_an_unknown_order(
    sandbox: Any, env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    svc = parse_service(sandbox.find_service("Default"))
    sandbox.faults.add("drop_after_accept", action="add")
    add = ["add", "--service", str(svc.id), "--link", "x.com/p", "--quantity", str(svc.min)]
    assert cli(sandbox, *add, capsys=capsys)[0] == 4
    code, out, _ = cli(sandbox, "orders", "--status", "unknown", "--json", capsys=capsys)
    (row,) = json.loads(out)
    assert row["state"] == "unknown" and row["order"] is None
    (panel_order,) = sandbox.orders
    code, out, _ = cli(sandbox, "resolve", str(row["id"]), "--order", "424242", capsys=capsys)
    assert code == 1
    code, out, _ = cli(
        sandbox, "resolve", str(row["id"]), "--order", str(panel_order), capsys=capsys
    )
    assert code == 0 and "placed" in out
    assert sandbox.order_count() == 1


def test_order_id_zero_in_the_add_answer_is_an_unknown_outcome(
    sandbox: Any, env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``{"order": 0}`` names no order (the CLI refuses 0 as an id: it could never be polled,
    refilled or resolved): the order was processed, so its outcome is unknown, kept for resolve."""
    svc = parse_service(sandbox.find_service("Default"))
    sandbox.faults.add("raw", action="add", body={"order": 0}, process=True)
    add = ["add", "--service", str(svc.id), "--link", "x.com/p", "--quantity", str(svc.min)]
    code, out, err = cli(sandbox, *add, capsys=capsys)
    assert code == 4 and out == "" and "MAY HAVE BEEN PLACED" in err, (code, out, err)
    code, out, _ = cli(sandbox, "orders", "--json", capsys=capsys)
    (row,) = json.loads(out)
    assert row["state"] == "unknown" and row["order"] is None
    (panel_order,) = sandbox.orders
    code, out, _ = cli(
        sandbox, "resolve", str(row["id"]), "--order", str(panel_order), capsys=capsys
    )
    assert code == 0 and sandbox.requests_for("add") == 1


def test_an_endpoint_holding_the_key_in_its_path_is_refused_before_it_is_stored_or_sent(
    sandbox: Any, env: dict[str, str], capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    """Only ``?key=`` was refused: a key pasted into the path was stored, listed and sent."""
    url = sandbox.url.replace("/api/v2", f"/{KEY}/api/v2")
    for argv in (["--api-url", url, "balance"], ["panels", "add", "p", url]):
        code, out, err = cli(sandbox, *argv, capsys=capsys, url=False)
        assert code == 2 and "must not contain the API key" in err, (code, out, err)
    with pytest.raises(ConfigError):
        PanelClient(url.replace(KEY, "sandbox%2Dkey"), KEY)
    assert sandbox.requests_for("balance") == 0
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path


@pytest.mark.parametrize("command", ["refill", "cancel"])
def test_a_lost_answer_in_a_later_batch_still_reports_every_id(
    sandbox: Any, env: dict[str, str], capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """150 ids go in 2 requests; the second answer is lost.  The first batch's answers (refill
    ids) were printed nowhere: each id must be listed as answered, in doubt or not sent."""
    sandbox.faults.add("drop_after_accept", action=command, after=1)
    ids = ",".join(str(i) for i in range(1, 151))
    code, out, err = cli(sandbox, "--json", command, ids, capsys=capsys)
    assert code == 4 and "100 answered, 50 in doubt, 0 not sent" in err, (code, err)
    rows = json.loads(out)
    assert [r["order"] for r in rows] == list(range(1, 151))
    assert all("outcome unknown" not in str(r.get("error")) for r in rows[:100])
    assert all("outcome unknown" in r["error"] for r in rows[100:])
    assert sandbox.requests_for(command) == 2


def test_panels_and_key_commands(
    sandbox: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: Any,
) -> None:
    code, _, err = cli(sandbox, "balance", capsys=capsys, url=False)
    assert code == 2 and "No panel set up" in err
    assert cli(sandbox, "panels", "add", "Main", sandbox.url, capsys=capsys, url=False)[0] == 0
    code, _, err = cli(sandbox, "balance", capsys=capsys, url=False)
    assert code == 2 and "key set" in err  # no key yet: nothing sent
    assert sandbox.requests_for("balance") == 0

    monkeypatch.setattr(sys, "stdin", io.StringIO(KEY + "\n"))
    code, out, _ = cli(sandbox, "key", "set", capsys=capsys, url=False)
    assert code == 0 and "sandbox-key" not in out
    assert memory_keyring.entries[("smpanel-desktop", "Main")] == KEY
    code, out, _ = cli(sandbox, "--json", "key", "status", capsys=capsys, url=False)
    assert json.loads(out)["stored"] is True
    code, out, _ = cli(sandbox, "balance", capsys=capsys, url=False)
    assert code == 0 and out.strip() == "1000.00 USD"

    cli(sandbox, "panels", "add", "Other", "https://example.com/api/v2", capsys=capsys, url=False)
    code, out, _ = cli(sandbox, "panels", "list", "--json", capsys=capsys, url=False)
    assert [(p["name"], p["current"]) for p in json.loads(out)] == [
        ("Main", True),
        ("Other", False),
    ]
    code, _, err = cli(
        sandbox, "panels", "add", "Bad", "http://example.com/api", capsys=capsys, url=False
    )
    assert code == 2 and err
    assert cli(sandbox, "panels", "use", "Other", capsys=capsys, url=False)[0] == 0
    assert cli(sandbox, "--panel", "Main", "key", "delete", capsys=capsys, url=False)[0] == 0
    assert ("smpanel-desktop", "Main") not in memory_keyring.entries
    assert cli(sandbox, "panels", "remove", "Main", capsys=capsys, url=False)[0] == 0
    code, out, _ = cli(sandbox, "panels", capsys=capsys, url=False)
    assert "Main" not in out and "Other" in out


def test_demo_panel_from_the_cli(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    assert main(["--panel", "demo", "--json", "balance"]) == 0
    assert json.loads(capsys.readouterr().out)["currency"] == "USD"
    assert main(["--panel", "demo", "key", "status"]) == 2


def test_usage_errors_never_send(
    sandbox: Any, env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    svc = parse_service(sandbox.find_service("Default"))
    bad = [
        ["add", "--service", str(svc.id), "--link", "x.com/a", "--quantity", "-5"],
        [
            "add",
            "--service",
            str(svc.id),
            "--link",
            "x.com/a",
            "--quantity",
            str(svc.min),
            "--runs",
            "3",
            "--interval",
            "5",
        ],
        ["add", "--service", str(svc.id), "--link", "x.com/a", "--field", "quantity"],
        [
            "add",
            "--service",
            str(svc.id),
            "--field",
            "key=x",
            "--link",
            "x.com/a",
            "--quantity",
            "100",
        ],
        ["add", "--service", "abc"],
        ["status"],
    ]
    if svc.dripfeed:
        bad.pop(1)
    for argv in bad:
        code, _, err = cli(sandbox, *argv, capsys=capsys)
        assert code == 2 and err, argv
    assert sandbox.requests_for("add") == 0
    code, _, err = cli(
        sandbox, "--api-url", "http://example.com/api/v2", "balance", capsys=capsys, url=False
    )
    assert code == 2 and "http" in err.lower()


ODD = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "-5", "0", "1e3", "99999999999", "x.com/a\nx.com/b", " 100 "]),
    st.sampled_from(["instagram.com/p/x", "@user", "https://t.me/c", "100", "1000", "١٠٠"]),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_whatever_is_typed_is_refused_before_sending_or_accepted(
    sandbox: Any, env: dict[str, str], capsys: pytest.CaptureFixture[str], data: st.DataObject
) -> None:
    svc = parse_service(sandbox.find_service("Default", dripfeed=True))

    def typed(name: str, good: str) -> str:
        return data.draw(ODD, label=name) if data.draw(st.integers(0, 2)) == 0 else good

    link, quantity = typed("link", "instagram.com/p/x"), typed("quantity", str(svc.min))
    argv = ["add", "--service", str(svc.id), f"--link={link}", f"--quantity={quantity}"]
    if data.draw(st.booleans()):
        argv += [f"--runs={typed('runs', '2')}", f"--interval={typed('interval', '5')}"]
    before = sandbox.order_count()
    code, out, err = cli(sandbox, *argv, capsys=capsys)
    if code == 0:
        assert sandbox.order_count() == before + 1 and int(out) in sandbox.orders
    else:
        assert code == 2 and err.startswith("smpanel: ") and sandbox.order_count() == before

"""Bad input from the user: hypothesis over every order field of every service type and every
``smpanel`` option that takes a value (unicode, whitespace, huge and negative numbers, newlines
in single-line fields, control characters, other digit systems).

The promise: a validation message (exit 2, ``smpanel: ...``) and nothing sent — or an order the
panel accepts.  Never a request the panel refuses for its form (exit 1), never a traceback.
(tests/test_cli.py does this for a Default service's link and quantity, tests/test_order_types.py
for ``validate`` itself; here it is the whole command line, for every type.)
"""

from __future__ import annotations

import io
import json
import unittest.mock
from collections import Counter
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_cli import FIELDS  # good --field values per service type

from smpanel_desktop.api.parse import parse_service
from smpanel_desktop.cli.main import main
from smpanel_desktop.core.orders.fields import fields_for
from smpanel_desktop.sandbox.server import SandboxPanel

pytestmark = pytest.mark.reliability

KEY = "user-input-key-0123456789"
NASTY = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "\t",
            "\n",
            "\u00a0100",
            "１００",
            "١٠٠",
            "100\n",
            " 100 ",
            "1e3",
            "-5",
            "0",
            "+100",
            "100.0",
            "0x64",
            "99999999999999999999",
            "2147483648",
            "9223372036854775808",
            "https://x.com/a\nhttps://y.com/b",
            "a\rb",
            "x\u2028y",
            "😀",
            "<script>alert(1)</script>",
            "@user",
            "@",
            "x.com/a b",
            "' OR 1=1 --",
            "\x00",
            "a\x00b",
            "\u202eevil",
            "\ufeff100",
            "31/02/2030",
            "29/02/2031",
            "01/01/1999",
            "31/12/2099",
            "ftp://x.com/a",
            "javascript:x",
            "https://",
            "http://localhost/a",
            "x" * 3000,
            "\\n",
            "a=b",
            "5",
            "30",
            "600",
            "-0",
        ]
    ),
)
SLOW_OK = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@pytest.fixture(scope="module")
def panel() -> Iterator[SandboxPanel]:
    with SandboxPanel(services=300, seed=7, key=KEY, balance=Decimal(10**12)) as sandbox:
        yield sandbox
        assert sandbox.errors == []


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def good_fields(panel: SandboxPanel, type_: str) -> tuple[int, dict[str, str]]:
    service = parse_service(panel.find_service(type_))
    comments = "\\n".join(f"comment {i}" for i in range(max(service.min, 1)))
    values = {}
    for item in FIELDS[type_]:
        name, _, value = item.format(min=service.min, comments=comments).partition("=")
        values[name] = value.replace("\\n", "\n")
    return service.id, values


@pytest.fixture
def cli_env(panel: SandboxPanel, monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> SandboxPanel:
    monkeypatch.setenv("SMPANEL_API_KEY", KEY)
    assert run(["--api-url", panel.url, "services"])[0] == 0  # the catalog cached once
    return panel


def test_every_order_field_is_refused_before_sending_or_accepted(
    cli_env: SandboxPanel, figures: Any
) -> None:
    outcomes: Counter[str] = Counter()

    @settings(max_examples=250, deadline=None, suppress_health_check=SLOW_OK)
    @given(type_=st.sampled_from(sorted(FIELDS)), data=st.data())
    def attempt(type_: str, data: st.DataObject) -> None:
        outcomes[order_attempt(cli_env, type_, data)] += 1

    attempt()
    figures(
        "user input: smpanel add, every type and field",
        "examples by outcome",
        dict(sorted(outcomes.items())),
    )
    assert outcomes["accepted"] >= 10 and outcomes["refused before sending"] >= 10


def order_attempt(panel: SandboxPanel, type_: str, data: st.DataObject) -> str:
    service_id, good = good_fields(panel, type_)
    service = parse_service(panel.find_service(type_))
    names = [f.name for f in fields_for(service)] + list(good)
    argv = ["--api-url", panel.url, "add", "--service", str(service_id)]
    for name in dict.fromkeys(names):
        how = data.draw(st.sampled_from(["good", "good", "nasty", "absent"]), label=name)
        if how == "absent":
            continue
        value = good.get(name, "") if how == "good" else data.draw(NASTY, label=f"{name} value")
        if name in ("link", "quantity", "runs", "interval") and data.draw(st.booleans()):
            argv.append(f"--{name}={value}")
        else:
            argv += ["--field", f"{name}={value}"]
    if data.draw(st.booleans(), label="an unknown field"):
        argv += ["--field", f"{data.draw(NASTY, label='extra name')}=1"]
    sent, orders = panel.requests_for("add"), panel.order_count()
    code, out, err = run(argv)
    assert "Traceback" not in err and KEY not in out + err
    if code == 0:
        assert panel.order_count() == orders + 1 and int(out) in panel.orders
        return "accepted"
    assert code == 2, f"the panel refused what was sent: {err}"
    assert err.startswith(("smpanel: ", "usage: ")) and len(err) < 5_000, err[:300]
    assert panel.requests_for("add") == sent and panel.order_count() == orders
    return "refused before sending"


ID_COMMANDS = ["status", "refill", "refill-status", "cancel", "import"]


@settings(max_examples=80, deadline=None, suppress_health_check=SLOW_OK)
@given(
    command=st.sampled_from([*ID_COMMANDS, "resolve", "add-service"]),
    ids=st.lists(NASTY, min_size=1, max_size=3),
    how=st.sampled_from(["--order", "--not-placed"]),
)
@example(command="add-service", ids=["2", ":"], how="--order")  # only the first id is used
@example(command="resolve", ids=["1", "x"], how="--not-placed")
@example(command="refill", ids=["9223372036854775808"], how="--order")  # 2^63: not storable
@example(command="cancel", ids=["1", "-2"], how="--order")
def test_every_id_option_is_checked_before_sending(
    cli_env: SandboxPanel, command: str, ids: list[str], how: str
) -> None:
    panel = cli_env
    if command == "resolve":
        argv = ["resolve", ids[0], how]
        used = [ids[0]]
        if how == "--order":
            argv.append(ids[-1])
            used.append(ids[-1])
    elif command == "add-service":
        argv = ["add", "--service", ids[0], "--link", "example.com/a", "--quantity", "100"]
        used = [ids[0]]
    else:
        argv = [command, *ids]
        used = ids
    writes = sum(panel.requests_for(a) for a in ("add", "refill", "cancel"))
    code, _out, err = run(["--api-url", panel.url, *argv])
    assert "Traceback" not in err
    valid = all(
        part.strip().isascii() and part.strip().isdigit() and 0 < int(part) < 2**63
        for i in used
        for part in (i.split(",") if command in ID_COMMANDS else [i])
        if part.strip()
    )
    if code == 2:
        assert err.startswith(("smpanel: ", "usage: ")), err[:300]
    if not valid:  # refused before anything was sent
        assert code == 2, (argv, code, err[:300])
    if code == 2:  # nothing was written to the panel
        assert sum(panel.requests_for(a) for a in ("add", "refill", "cancel")) == writes
    assert code in (0, 1, 2, 3), (argv, code, err[:300])


@settings(max_examples=60, deadline=None, suppress_health_check=SLOW_OK)
@given(
    option=st.sampled_from(
        [
            "--search",
            "--category",
            "--type",
            "--status",
            "--api-url",
            "--panel",
            "panels-add",
            "key-set",
        ]
    ),
    value=NASTY,
)
def test_every_other_option_gives_an_answer_or_a_message(
    cli_env: SandboxPanel, option: str, value: str
) -> None:
    panel = cli_env
    before = len(panel.records)
    base = ["--api-url", panel.url]
    argv = {
        "--search": [*base, "services", "--cached", f"--search={value}"],
        "--category": [*base, "services", "--cached", f"--category={value}"],
        "--type": [*base, "services", "--cached", f"--type={value}"],
        "--status": [*base, "orders", f"--status={value}", f"--search={value}"],
        "--api-url": [f"--api-url={value}", "balance"],
        "--panel": [f"--panel={value}", "balance"],
        "panels-add": ["panels", "add", f"{value}", f"{value}"],
        "key-set": [*base, "key", "set"],
    }[option]
    with unittest.mock.patch("sys.stdin", io.StringIO(value + "\n")):  # key set reads stdin
        code, out, err = run(argv)
    assert "Traceback" not in err and KEY not in out + err
    if option == "key-set":
        _check_key_set(panel, value, code, out, err)
        return
    if option in ("--search", "--category", "--type", "--status"):
        assert code == 0 and len(panel.records) == before  # answered from the local data
    else:
        assert code in (0, 2, 3), (argv, code, err[:300])
        if code == 2:
            assert err.startswith("smpanel: ") and len(panel.records) == before, err[:300]


def _check_key_set(panel: SandboxPanel, value: str, code: int, out: str, err: str) -> None:
    """A hostile key from stdin: stored exactly (one word, printable) or refused, never shown."""
    from smpanel_desktop.secrets import mask

    key = value.split("\n", 1)[0].strip()  # key set reads one line
    storable = bool(key) and not any(ch.isspace() or not ch.isprintable() for ch in key)
    assert code == (0 if storable else 2), (repr(value), code, err[:300])
    if len(key) >= 5:
        assert key not in out + err  # at most its last 4 characters are shown
    if storable:
        status = run(["--api-url", panel.url, "--json", "key", "status"])
        assert status[0] == 0 and json.loads(status[1])["masked"] == mask(key)
    else:
        assert err.startswith("smpanel: ") and len(err) < 1_000, err[:300]

"""Every message the order rules produce is known to the UI, so it is shown translated, with the
locale's number format; none reads "Comments is required"."""

from __future__ import annotations

from order_helpers import good_values
from orders_fixtures import OrderEnv
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from smpanel_desktop.core.orders.fields import FIELDS_BY_TYPE
from smpanel_desktop.core.orders.validation import validate
from smpanel_desktop.ui import language
from smpanel_desktop.ui.new_order.problem_texts import known, problem_text

BAD = ["", " ", "x y", "-1", "abc", "0", "99999999999", "@", "ftp://x.com", "a\x01b", "1/1/2000"]


def test_every_rule_message_is_known(order_env: OrderEnv) -> None:
    seen: set[str] = set()
    for kind in FIELDS_BY_TYPE:
        service = order_env.service(kind)
        good = good_values(service)
        for name in good:
            for bad in BAD:
                for problem in validate(service, {**good, name: bad, "runs": "3"}):
                    seen.add(problem.message)
        for problem in validate(service, {**good, "min": "500", "max": "100", "nope": "1"}):
            seen.add(problem.message)
    unknown = sorted(m for m in seen if not known(m))
    assert len(seen) > 10
    assert not unknown, unknown


def test_messages_in_turkish_with_turkish_numbers() -> None:
    try:
        language.apply("tr")
        QLocale.setDefault(QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey))
        assert problem_text("Comments is required") == "Zorunlu"
        assert problem_text("Must be between 10 and 100000") == "10 ile 100.000 arasında olmalı"
        assert problem_text("Something new") == "Something new"  # unknown: as given
    finally:
        language.apply("en")
    assert problem_text("Comments is required") == "Required"
    assert problem_text("Must be between 10 and 100000") == "Must be between 10 and 100,000"


def test_the_form_shows_the_translated_message(qtbot: QtBot, order_env: OrderEnv) -> None:
    from smpanel_desktop.ui.new_order.tab import NewOrderTab

    tab = NewOrderTab(order_env.ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.select_service(order_env.service("Custom Comments"))
    tab.submit()
    assert tab.form.message_for("comments") == "Required"

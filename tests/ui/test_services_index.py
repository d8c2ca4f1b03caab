"""Filtering and sorting the catalog without Qt: what the Services tab shows for each input."""

from __future__ import annotations

from decimal import Decimal

from smpanel_desktop.api.models import UNLIMITED, Service
from smpanel_desktop.core.search import fold
from smpanel_desktop.ui.services.index import (
    COL_ID,
    COL_MAX,
    COL_NAME,
    COL_RATE,
    LETTERS,
    Filters,
    ServiceIndex,
)


def svc(
    id: int, name: str, category: str, rate: str, max: int = 1000, type: str = "Default", **kw: bool
) -> Service:
    return Service(id, name, type, category, Decimal(rate), 10, max, **kw)


CATALOG = [
    svc(2495, "Instagram Likes [Max 50K] ♻️", "Instagram Likes", "0.076", dripfeed=True),
    svc(1308, "Instagram Followers | 30 Days", "Instagram Followers", "1.38", refill=True),
    svc(77, "TikTok Views", "TikTok", "0.9", max=UNLIMITED, cancel=True),
    svc(9, "YouTube Comments", "YouTube &amp; More", "120.00000000", type="Custom Comments"),
    svc(310, "Telegram Members", "Telegram", "10", refill=True, cancel=True),
]


def make() -> ServiceIndex:
    return ServiceIndex(CATALOG)


def ids(index: ServiceIndex) -> list[int]:
    return [index.services[i].id for i in index.visible]


def search(ix: ServiceIndex, text: str) -> list[int]:
    ix.set_filters(Filters(text=text))
    return ids(ix)


def test_search_is_case_insensitive_over_name_category_and_id() -> None:
    ix = make()
    assert search(ix, "INSTAGRAM") == [2495, 1308]
    assert search(ix, "tiktok") == [77]
    assert search(ix, "1308") == [1308]
    assert search(ix, "&amp; more") == [9]
    assert search(ix, "nothing like this") == []


def test_typing_letter_by_letter_matches_a_fresh_search() -> None:
    ix = make()
    typed = ""
    for ch in "instagram f":
        typed += ch
        narrowed = ix.set_filters(Filters(text=typed))
        assert narrowed == ServiceIndex(CATALOG).set_filters(Filters(text=typed))
    assert ids(ix) == [1308]
    # deleting letters widens again
    ix.set_filters(Filters(text="insta"))
    assert ids(ix) == [2495, 1308]


def test_category_type_and_flag_filters_combine_with_the_search() -> None:
    ix = make()
    ix.set_filters(Filters(category="Instagram Likes"))
    assert ids(ix) == [2495]
    ix.set_filters(Filters(type="Custom Comments"))
    assert ids(ix) == [9]
    ix.set_filters(Filters(refill=True))
    assert ids(ix) == [1308, 310]
    ix.set_filters(Filters(refill=True, cancel=True))
    assert ids(ix) == [310]
    ix.set_filters(Filters(dripfeed=True, text="likes"))
    assert ids(ix) == [2495]
    ix.set_filters(Filters(refill=True, text="tiktok"))
    assert ids(ix) == []


def test_numeric_columns_sort_as_numbers_and_unlimited_sorts_last() -> None:
    ix = make()
    ix.set_sort(COL_RATE)
    assert ids(ix) == [2495, 77, 1308, 310, 9]  # 0.076 < 0.9 < 1.38 < 10 < 120
    ix.set_sort(COL_RATE, descending=True)
    assert ids(ix) == [9, 310, 1308, 77, 2495]
    ix.set_sort(COL_ID)
    assert ids(ix) == [9, 77, 310, 1308, 2495]
    ix.set_sort(COL_MAX, descending=True)
    assert ids(ix)[0] == 77
    ix.set_sort(COL_NAME)
    assert ids(ix) == [1308, 2495, 310, 77, 9]
    ix.set_sort(COL_NAME, descending=True)
    assert ids(ix) == [9, 77, 310, 2495, 1308]
    ix.set_sort(None)
    assert ids(ix) == [s.id for s in CATALOG]


def test_deferred_preparation_gives_the_same_answers() -> None:
    big = [svc(i, f"Service {i % 97} Likes", f"Cat {i % 13}", f"{i % 50}.5") for i in range(9000)]
    warm, cold = ServiceIndex(big), ServiceIndex(big)
    steps = 0
    while warm.warm_step():
        steps += 1
    assert warm.prepared and not cold.prepared and steps > 3
    for column in range(10):
        assert warm.set_sort(column) == cold.set_sort(column)
    assert warm.set_filters(Filters(text="e 4")) == cold.set_filters(Filters(text="e 4"))
    assert len(warm.visible) > 0


def test_pairs_that_begin_words_are_found_as_a_scan_finds_them() -> None:
    words = ("Instagram", "TikTok", "YouTube", "Telegram", "Spotify", "Twitter", "Likes")
    big = [
        svc(i, f"{words[i % 7]} {words[(i * 3) % 7]} {i % 41}K İzlenme", f"Cat {i % 13}", "1.5")
        for i in range(6000)
    ]
    warm = ServiceIndex(big)
    while warm.warm_step():
        pass
    pairs = warm._masks.keys() - set(LETTERS)  # prepared while idle, besides the letters
    assert {"in", "ti", "yo", "te", "li", "iz"} <= pairs  # the words' first letters
    cold = ServiceIndex(big)
    for pair in sorted(pairs):
        assert warm.set_filters(Filters(text=pair)) == cold.set_filters(Filters(text=pair)), pair
        expected = [i for i, s in enumerate(big) if pair in fold(f"{s.name} {s.category} {s.id}")]
        assert warm.visible == expected, pair


def test_a_line_break_in_a_name_does_not_shift_the_search() -> None:
    odd = [svc(1, "Two\nlines", "A", "1"), svc(2, "Plain", "B", "1")]
    assert search(ServiceIndex(odd), "plain") == [2]


def test_sort_and_filter_together() -> None:
    ix = make()
    ix.set_sort(COL_RATE, descending=True)
    ix.set_filters(Filters(text="instagram"))
    assert ids(ix) == [1308, 2495]
    assert ix.columns[COL_RATE][ix.visible[0]] == Decimal("1.38")
    assert sorted(ix.categories) == sorted({s.category for s in CATALOG})
    assert ix.types == ["Custom Comments", "Default"]


def test_any_text_finds_and_sorts_as_a_search_of_the_lowercase_strings() -> None:
    names = ["Çift İzlenme 🇹🇷 ♻️", "ÇİFT beğeni", "視聴回数 🚀", "Likes 🚀🚀", "a\ud83dlone", "Zz",
             "émoji 🇧🇷 views", "views"]  # fmt: skip
    catalog = [svc(100 + n, name, f"Cat {n % 3} 🚀", "1") for n, name in enumerate(names)]
    index = ServiceIndex(catalog)
    plain = [fold(f"{s.name}\x00{s.category}\x00{s.id}") for s in catalog]
    needles = ["🚀", "🇹🇷", "i̇", "çift", "\ud83d", "視聴", "s 🚀", "views", "1", "z", "🚀🚀", "é"]
    for needle in needles:
        index.set_filters(Filters(text=needle))
        assert index.visible == [i for i, h in enumerate(plain) if fold(needle) in h], needle
    index.set_filters(Filters(text="çift"))  # a capital İ is found by the i a user types
    assert index.visible == [0, 1]
    index.set_filters(Filters(text="İZLENME"))
    assert index.visible == [0]
    index.set_filters(Filters())
    index.set_sort(COL_NAME)
    assert index.visible == sorted(range(len(catalog)), key=plain.__getitem__)

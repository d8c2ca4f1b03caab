"""Watching for the user (Qt-free): refill eligibility and the refill manager (refills.py,
guarantee windows in guarantee.py), stuck orders (stuck.py), catalog changes per fetch
(catalog_diff.py) and the events to announce, each once (events.py)."""

"""The local SQLite store: panels, services cache, tracked orders and refills (Qt-free)."""

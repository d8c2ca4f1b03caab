"""The watchers' GUI: eligibility and stuck marks in Orders, the refill-all action, catalog
changes in Services, notifications in the tray (or the status bar)."""

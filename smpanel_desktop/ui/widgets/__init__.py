"""Widgets, formatting and styles shared by the tabs."""

"""smpanel-desktop: a desktop app and CLI for SMM panels that speak the API v2."""

__version__ = "0.1.0"
APP_NAME = "smpanel-desktop"

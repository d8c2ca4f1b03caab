"""Dialogs shared by the window: panels, API keys, the keyring, the welcome."""

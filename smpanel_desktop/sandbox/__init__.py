"""The built-in sandbox panel: a real API v2 server on loopback for demo mode and tests."""

"""The API v2 client: Qt-free, typed, careful with money and with the key."""

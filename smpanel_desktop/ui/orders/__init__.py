"""The Orders tab: the tracked orders' table, filters, actions and refresh."""

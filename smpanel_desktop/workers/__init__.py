"""The only place where the GUI meets I/O: Qt workers living in their own threads."""

"""Qt-free use cases shared by the CLI and the GUI."""

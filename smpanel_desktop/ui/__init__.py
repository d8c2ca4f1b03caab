"""The Qt layer: main window, one module per tab, dialogs, item models."""

"""``python -m smpanel_desktop`` starts the desktop app."""

import sys

from smpanel_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())

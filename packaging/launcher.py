"""Entry script of the frozen app (PyInstaller runs this as __main__)."""

import sys

from smpanel_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())

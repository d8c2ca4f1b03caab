"""``python -m smpanel_desktop.cli``: the ``smpanel`` command."""

import sys

from smpanel_desktop.cli.main import main

sys.exit(main())

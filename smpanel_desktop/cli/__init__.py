"""The ``smpanel`` command line: parsing and dispatch (main.py), the session a command starts
from, the commands, what they print."""

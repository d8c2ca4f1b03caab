"""The Mass order view: paste or import lines, a live preview, place them one at a time."""

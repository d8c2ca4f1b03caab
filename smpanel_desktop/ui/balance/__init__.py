"""The Balance tab."""

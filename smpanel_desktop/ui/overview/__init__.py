"""The Overview tab: every panel side by side (balances, spending, outcomes, prices)."""

"""The store's money parts: the ledger (balance history, exchange rates, linked services,
resale prices, markups) and the spend sums."""

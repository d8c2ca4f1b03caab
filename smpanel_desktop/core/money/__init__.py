"""Money across every panel (Qt-free): balances fetched in parallel, price comparison, the spend
ledger with profit, and the overview the GUI shows; the CLI's ``balance --all``, ``compare`` and
``spend`` run over the same functions."""

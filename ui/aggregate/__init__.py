"""汇总 in the window: pick the units' reports, see who is missing or wrong, sum them, chart the result."""

"""Importing a Word or PDF report in the window: the menu action, drop, the summary dialog, accepting totals."""

"""The 检查结果 panel: the findings of the rule engine, one per line; double-click jumps to the cell."""

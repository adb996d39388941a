"""The 检查结果 panel (the rule engine's findings; double-click jumps to the cell), explaining warnings, 提交前检查."""

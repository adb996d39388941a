"""The 帮助 menu: 填报说明 (the official explanations of every section, row and column)."""

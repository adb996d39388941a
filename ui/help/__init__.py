"""The 帮助 menu: 填报说明 (the official explanations of sections, rows and columns) and 关于."""

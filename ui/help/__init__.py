"""帮助 menu windows: 关于 (version, formats, where data lives) and the help texts."""

"""The command line for headless work: one module per command word, over the same model code as the window."""

"""Output from the window: export to Word/PDF, print preview and printing."""

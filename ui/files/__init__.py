"""Draft files in the window: new, open, recent, save prompt, autosave and crash recovery."""

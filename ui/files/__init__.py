"""Draft files in the window: new, open, recent, save prompt, autosave, recovery, the lock, last year's draft."""

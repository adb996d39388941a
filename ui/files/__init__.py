"""Draft files in the window: new, open, recent, save prompt, autosave, recovery, the draft's lock, last year's draft."""

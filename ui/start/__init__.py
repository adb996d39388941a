"""The start page shown when the window opens without a report: new, open, recent files."""

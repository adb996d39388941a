"""Pure-Python core of the annual-report application: formats, report document, rules, drafts (no Qt)."""

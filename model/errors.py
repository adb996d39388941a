"""The project's own exception types; every message is Chinese and meant for the clerk."""


class ReportError(Exception):
    """Base of every error the application reports to the user."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class InputError(ReportError, ValueError):
    """A value typed, pasted or loaded for a cell is not acceptable."""


class DraftError(ReportError):
    """A draft file cannot be read or written."""


class ImportRefused(ReportError):
    """A Word or PDF file cannot be imported as a report (unreadable, unsafe, or not a report)."""

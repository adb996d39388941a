"""What every command shares: exit codes and printing."""
from __future__ import annotations

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def out(text: str = "") -> None:
    print(text)

"""What every command shares: exit codes and printing (control characters escaped: a name in a draft or a
file name must not drive the terminal)."""
from __future__ import annotations

import sys

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def out(text: str = "") -> None:
    print(printable(text))


def err(text: str) -> None:
    print(printable(text), file=sys.stderr)


def printable(text: str) -> str:
    """Each line of text with its control characters and lone surrogates escaped (\\x1b, \\udcff)."""
    from model.chars import visible

    return "\n".join(visible(line) for line in text.split("\n"))

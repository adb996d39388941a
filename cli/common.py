"""What every command shares: exit codes, printing with control characters escaped, printed commands, refusals.

A name in a draft or a file name must not drive the terminal: every line printed has its control characters
and lone surrogates escaped (\\x1b)."""
from __future__ import annotations

import sys

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def command_line() -> str:
    """How this command line is started, for commands printed to be run again: the bundle's program by its full
    path (on Windows its folder is not on PATH), quoted when it has spaces; or main.py under Python."""
    from model.resources import frozen

    return quote_arg(sys.executable) if frozen() else "python main.py"


def quote_arg(text: str) -> str:
    """An argument of a printed command, in double quotes where it has a space or a quote mark."""
    return f'"{text}"' if any(c in text for c in " \t'\"") else text


def exists_message(path, what: str = "") -> str:
    """The refusal to write over an existing file without --force; what: why it may not be replaced (“且不是…”)."""
    from model.file_read import show_path

    return f"“{show_path(path)}”已存在{what}；如要覆盖请加 --force"


def out(text: str = "") -> None:
    print(printable(text))


def err(text: str) -> None:
    print(printable(text), file=sys.stderr)


def printable(text: str) -> str:
    """Each line of text with its control characters and lone surrogates escaped (\\x1b, \\udcff)."""
    from model.chars import visible

    return "\n".join(visible(line) for line in text.split("\n"))

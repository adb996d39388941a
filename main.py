"""Entry point: the desktop window, and a small command line (cli/) over the same model."""
from __future__ import annotations

import os
import sys

# command words; argparse and each command's module are imported only when one is given (faster window start)
COMMANDS = ("check", "new", "export", "link", "import", "aggregate")


def run_cli(argv: list[str]) -> int:
    """Run one command; a refusal or an OSError is one Chinese line on stderr and exit code 2."""
    from cli.common import EXIT_UNREADABLE, err
    from cli.parser import build_parser, command_module
    from model.errors import ReportError

    args = build_parser(COMMANDS).parse_args(argv)
    try:
        return command_module(args.command).run(args)
    except ReportError as exc:
        err(f"错误：{exc.message}")
        return EXIT_UNREADABLE
    except OSError as exc:
        from model.file_read import show_path
        from model.os_errors import os_reason

        err(f"错误：{os_reason(exc)}：{show_path(exc.filename or '')}")
        return EXIT_UNREADABLE


def is_command_line(argv: list[str]) -> bool:
    """True when argv is for the command line: a command word, an option, or a word that names no file
    (a mistyped command: argparse then lists the commands); False for the window (nothing, or a file)."""
    if not argv:
        return False
    first = argv[0]
    if first in COMMANDS or first.startswith("-"):
        return True
    looks_like_a_file = "." in first or "/" in first or "\\" in first
    return not looks_like_a_file and not os.path.exists(first)


def main(argv: list[str] | None = None) -> int:
    """The window, or the command line when argv is for it; returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass
    if argv[:1] in (["--version"], ["-V"]):
        from model.version import version_line

        print(version_line())
        return 0
    if is_command_line(argv):
        return run_cli(argv)
    from ui.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())

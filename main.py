"""Entry point: the desktop window, and a small command line (cli/) over the same model."""
from __future__ import annotations

import sys

# command words; argparse and each command's module are imported only when one is given (faster window start)
COMMANDS = ("check", "new", "export", "link", "import", "aggregate")


def run_cli(argv: list[str]) -> int:
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


def main(argv: list[str] | None = None) -> int:
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
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        return run_cli(argv)
    from ui.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())

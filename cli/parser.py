"""The argument parser: one sub-command per module of this package, named in main.COMMANDS."""
from __future__ import annotations

import argparse
import importlib


# command words that are not valid module names
MODULES = {"import": "import_report"}


def command_module(name: str):
    return importlib.import_module(f"cli.{MODULES.get(name, name)}")


def build_parser(commands: tuple[str, ...]) -> argparse.ArgumentParser:
    from model.resources import frozen
    from model.version import version_line

    parser = argparse.ArgumentParser(prog="gkbg" if frozen() else "main.py",
                                     description="政府信息公开工作年度报告：填报、检查、导出")
    parser.add_argument("-V", "--version", action="version", version=version_line(), help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in commands:
        command_module(name).add_parser(sub)
    return parser

"""The argument parser: one sub-command per module of this package, named in main.COMMANDS; help and errors in Chinese."""
from __future__ import annotations

import argparse
import importlib
import re

# command words that are not valid module names
MODULES = {"import": "import_report"}

# argparse's own texts (its gettext messages, Python 3.11–3.13) in Chinese
ARGPARSE_TEXTS = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的%(type)s值：%(value)r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}
# the type names argparse puts into "invalid %(type)s value"
TYPE_NAMES = {"int": "整数", "float": "数字"}
_HEADING = re.compile(r"^(\S[^\n]*):$", re.M)  # argparse ends each help section's title with an ASCII colon
# placeholders shown for option values in the help (argparse would show the English name in capitals)
METAVARS = {"file": "草稿文件", "previous": "上年草稿", "last": "上年草稿", "year": "年度", "unit": "单位名称",
            "output": "文件", "to": "输出文件", "command": "命令", "inputs": "文件", "xlsx": "明细表",
            "check": "汇总草稿"}
COMMAND_METAVARS = {("import", "file"): "报告文件", ("aggregate", "output"): "汇总草稿"}  # where one command differs


def _chinese(text: str) -> str:
    return ARGPARSE_TEXTS.get(text, TYPE_NAMES.get(text, text))


def _chinese_plural(singular: str, plural: str, n: int) -> str:
    return _chinese(singular if n == 1 else plural)


def speak_chinese() -> None:
    """argparse looks its messages up through its module's `_` and `ngettext` at the time it prints them."""
    argparse._ = _chinese  # type: ignore[attr-defined]
    argparse.ngettext = _chinese_plural  # type: ignore[attr-defined]


class ChineseHelpFormatter(argparse.HelpFormatter):
    """An option's value not named by name_arguments_in_chinese shows as 值 (argparse: the option in capitals)."""

    def _get_default_metavar_for_optional(self, action) -> str:
        return "值"


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose sub-command parsers are of the same kind (argparse makes them type(self))."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, **kwargs)

    def _get_value(self, action, arg_string):
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError:
            if getattr(action.type, "__name__", "") in TYPE_NAMES:
                kind = TYPE_NAMES[action.type.__name__]
                raise argparse.ArgumentError(action, f"“{arg_string}”不是{kind}") from None
            raise

    def format_help(self) -> str:
        return align_columns(_HEADING.sub(r"\1：", super().format_help()))


_ENTRY = re.compile(r"^( {2,})(\S.*?) {2,}(\S.*)$")


def display_width(text: str) -> int:
    """Columns a terminal gives text: two for each Chinese character."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def align_columns(text: str) -> str:
    """argparse lines up the help texts by counting characters; Chinese ones are two columns wide."""
    lines = text.split("\n")
    entries = [m for m in map(_ENTRY.match, lines) if m]
    if not entries:
        return text
    column = min(max(display_width(m[1] + m[2]) for m in entries) + 2, 40)
    out = []
    for line, m in zip(lines, map(_ENTRY.match, lines)):
        if m:
            head = m[1] + m[2]
            line = head + " " * max(2, column - display_width(head)) + m[3]
        out.append(line)
    return "\n".join(out)


def name_arguments_in_chinese(parser: argparse.ArgumentParser) -> None:
    """Each value an option or argument takes is named in Chinese in the usage lines and in errors
    (“缺少必需的参数：草稿文件”), also where a command gave it an English placeholder."""
    command = parser.prog.split()[-1]
    for action in parser._actions:  # noqa: SLF001 - argparse keeps no public list of them
        name = COMMAND_METAVARS.get((command, action.dest), METAVARS.get(action.dest))
        if action.nargs != 0 and name and (action.metavar is None or action.metavar.isascii()):
            action.metavar = name
        for subparser in (getattr(action, "choices", None) or {}).values():
            if isinstance(subparser, argparse.ArgumentParser):
                name_arguments_in_chinese(subparser)


def command_module(name: str):
    return importlib.import_module(f"cli.{MODULES.get(name, name)}")


def build_parser(commands: tuple[str, ...]) -> argparse.ArgumentParser:
    from model.resources import frozen
    from model.version import version_line

    speak_chinese()
    program = "gkbg" if frozen() else "main.py"
    parser = ChineseArgumentParser(prog=program, description="政府信息公开工作年度报告：填报、检查、导出。"
                                   "不带参数（或只给草稿文件）时打开窗口。")
    parser.add_argument("-V", "--version", action="version", version=version_line(), help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令", title="命令",
                                help=f"以下之一；“{program} 命令 -h”显示该命令的用法")
    for name in commands:
        command_module(name).add_parser(sub)
    name_arguments_in_chinese(parser)
    return parser

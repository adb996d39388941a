"""Characters a report may hold: control characters cleaned or refused, lone surrogates refused; escapes.

Texts (pasted from Word, PowerPoint, web pages) are cleaned: line ends become a line feed, a vertical tab,
form feed or Unicode line/paragraph separator a new line, other control characters are dropped (they print
as nothing). One-line fields lose line breaks (a tab becomes a space) and refuse any other control
character (an escape sequence in a unit name is a mistake to show, not to hide). Everywhere a lone UTF-16
surrogate or the non-characters U+FFFE/U+FFFF are refused: UTF-8 and the XML of a DOCX cannot hold them.
"""
from __future__ import annotations

from .errors import InputError
from .lazy_re import LazyPattern

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 and C1 control characters and DEL, tab and line feed excepted
_UNWRITABLE = "\ud800-\udfff\ufffe\uffff"
# (the classes naming characters beyond U+00FF are the costly ones to compile: they wait until a text needs them)
_LINE_ENDS = LazyPattern(r"\r\n?")
_BREAKS = LazyPattern("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")  # a new line in a text
_CONTROL = LazyPattern(f"[{_CONTROLS}]")
_REFUSED_IN_TEXT = LazyPattern(f"[{_CONTROLS}{_UNWRITABLE}]")
_REFUSED_IN_LINE = LazyPattern(f"[\t\n{_CONTROLS}{_UNWRITABLE}\u2028\u2029]")
_ESCAPE = LazyPattern(f"[\t\n\r{_CONTROLS}{_UNWRITABLE}]")

NAMES = {"\t": "制表符", "\n": "换行符", "\r": "回车符", "\x1b": "转义符", "\x00": "空字符", "\x7f": "删除符",
         "\x07": "响铃符", "\x08": "退格符"}


def describe_char(ch: str) -> str:
    """A refused character as the clerk is told about it, e.g. 控制字符 U+001B（转义符）."""
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        return f"无效字符 U+{code:04X}（孤立的代理项，多为编码错误）"
    if code in (0xFFFE, 0xFFFF):
        return f"无效字符 U+{code:04X}（非字符）"
    if code in (0x2028, 0x2029):
        return f"换行符 U+{code:04X}"
    name = NAMES.get(ch)
    return f"控制字符 U+{code:04X}（{name}）" if name else f"控制字符 U+{code:04X}"


def refused_char(text: str, one_line: bool = False) -> tuple[int, str] | None:
    """(index, character) of the first character not allowed in a text (or a one-line field), or None."""
    if _all_allowed(text, one_line):
        return None
    match = (_REFUSED_IN_LINE if one_line else _REFUSED_IN_TEXT).search(text)
    return (match.start(), match.group()) if match else None


def replace_refused(text: str, by: str = "\ufffd") -> str:
    """text with every character refused in a text (control characters, lone surrogates, U+FFFE/U+FFFF)
    replaced by `by`: what a draft may keep of a text from outside, such as a file name in a broken encoding."""
    return text if refused_char(text) is None else _REFUSED_IN_TEXT.sub(by, text)


def _all_allowed(text: str, one_line: bool) -> bool:
    """True when text holds no character refused in a text (one_line: in a one-line field): the common case,
    told without the patterns naming every refused character."""
    if _CONTROL.search(text) or (one_line and ("\t" in text or "\n" in text or "\u2028" in text
                                                or "\u2029" in text)):
        return False
    if text.isascii():
        return True
    if "\ufffe" in text or "\uffff" in text:
        return False
    try:
        text.encode("utf-8")  # refuses a lone surrogate
    except UnicodeEncodeError:
        return False
    return True


def check_chars(text: str, what: str, one_line: bool = False) -> None:
    """Raise InputError naming the first refused character of text and where it is."""
    found = refused_char(text, one_line)
    if found is not None:
        index, ch = found
        raise InputError(f"{what}第{index + 1}个字处含有{describe_char(ch)}，不能保存和打印；请删除该字符")


def normalize_line_ends(text: str) -> str:
    """Windows (CR LF) and old Mac (CR) line ends become a line feed."""
    return _LINE_ENDS.sub("\n", text) if "\r" in text else text


def clean_text(text: str) -> str:
    """A text section as stored: line ends and line breaks a line feed, other control characters dropped.
    Lone surrogates stay (check_chars refuses them). Returns text itself when nothing needed cleaning."""
    if _all_allowed(text, False) and "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text
    return _CONTROL.sub("", _BREAKS.sub("\n", normalize_line_ends(text)))


def clean_line(text: str) -> str:
    """A one-line field as stored: line breaks removed (pasted text), a tab a space; nothing else."""
    if _all_allowed(text, True) and "\r" not in text:
        return text
    return _BREAKS.sub("", text.replace("\r", "").replace("\n", "")).replace("\t", " ")


def visible(text: str) -> str:
    """text with control characters and lone surrogates written as escapes (\\x1b, \\ud800): safe to print
    in a terminal or a message box. Line feeds and tabs too, so that a name stays on one line."""
    if not _ESCAPE.search(text):
        return text
    return _ESCAPE.sub(lambda m: _escape(m.group()), text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

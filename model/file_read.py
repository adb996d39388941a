"""Reading files: regular files only (a pipe or device never blocks), a size bound enforced while reading."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from .chars import visible
from .errors import DraftError
from .os_errors import os_reason

CHUNK = 1 << 20
_FLAGS = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
          | getattr(os, "O_CLOEXEC", 0))


class FileReadError(DraftError):
    """A file that cannot be read: the message names the file, reason says why without naming it (for a
    list of files, each shown with its path)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class FileContent(NamedTuple):
    """The bytes read and the status of the open file they came from."""

    data: bytes
    stat: os.stat_result


def read_regular_file(path: str | os.PathLike[str], max_bytes: int, what: str = "草稿文件") -> FileContent:
    """Read a regular file of at most max_bytes; raises FileReadError (a DraftError) with a Chinese message for
    anything else.

    The path is checked with stat before opening (a FIFO is never opened, so nothing blocks), opened
    non-blocking all the same, and checked again with fstat (it may have been swapped in between). A file
    larger than max_bytes by fstat is refused unread; a smaller size is not trusted: the bound is enforced
    while reading (/proc files and growing files lie).
    """
    path = Path(path)
    try:
        _check_kind(os.stat(path), path, what)
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise read_error(exc, path, what) from None
    try:
        status = os.fstat(fd)
        _check_kind(status, path, what)
        if status.st_size > max_bytes:  # (refused unread; a size below the bound is not trusted)
            raise _too_large(path, max_bytes, what)
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise _too_large(path, max_bytes, what)
        return FileContent(b"".join(chunks), status)
    except OSError as exc:
        raise read_error(exc, path, what) from None
    finally:
        os.close(fd)


def _check_kind(status: os.stat_result, path: Path, what: str) -> None:
    mode = status.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise _named(path, f"是文件夹，不是{what}")
    kind = ("管道（FIFO）" if stat.S_ISFIFO(mode) else "设备文件" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "套接字" if stat.S_ISSOCK(mode) else "特殊文件")
    raise _named(path, f"是{kind}，不是普通文件，不能作为{what}打开")


def read_error(exc: OSError, path: Path, what: str = "文件") -> FileReadError:
    """The error for an OSError met while reading path, told in Chinese."""
    if isinstance(exc, FileNotFoundError):
        return FileReadError(f"找不到文件“{show_path(path)}”", "找不到文件")
    if isinstance(exc, IsADirectoryError):
        return _named(path, f"是文件夹，不是{what}")
    if isinstance(exc, PermissionError):
        return FileReadError(f"没有权限读取“{show_path(path)}”", "没有读取权限")
    reason = os_reason(exc)
    return FileReadError(f"无法读取“{show_path(path)}”：{reason}", reason)


def _named(path: Path, reason: str) -> FileReadError:
    """“path”reason (是文件夹，不是草稿文件)."""
    return FileReadError(f"“{show_path(path)}”{reason}", reason)


def show_path(path: str | os.PathLike[str]) -> str:
    """A path as it appears in a message: control characters escaped, undecodable bytes as \\udcXX."""
    return visible(str(path))


def real_path(path: str | os.PathLike[str]) -> Path:
    """The file a path names once every symbolic link is followed; never raises (a loop or an unreadable
    folder gives the absolute path as it is)."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, RuntimeError, ValueError):
        return Path(os.path.abspath(path))


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name the same file (links followed); False when either cannot be checked."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return real_path(a) == real_path(b)


def _too_large(path: Path, max_bytes: int, what: str) -> FileReadError:
    return _named(Path(path.name), f"太大（超过{_size(max_bytes)}），不是{_bare(what)}")


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _bare(what: str) -> str:
    return "年度报告草稿文件" if what == "草稿文件" else what

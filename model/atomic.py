"""Atomic file writes, the one place that writes files: temp file beside the target, fsync, replace or link.

Through a symbolic link the link's target is written (the link stays). An existing file keeps its
permissions (and, where allowed, its owner); a new file gets the permissions the user's umask gives. A
read-only or non-regular target is refused. With exclusive=True an existing target is never replaced, even
by a racing writer (the finished temp file is hard-linked into place). Temp files a killed writer left
behind are removed once clearly stale. Every failure is a DraftError with a Chinese message.
"""
from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from .chars import describe_char
from .errors import DraftError
from .file_read import real_path, show_path
from .lazy_re import LazyPattern
from .os_errors import os_reason

STALE_TEMP_SECONDS = 3600  # a temp file of ours this old was left by a killed writer
_TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_TOKEN = LazyPattern(r"[a-z0-9_]{8}\.tmp")  # the random part of our temp names (as tempfile.mkstemp made them)
_STEM_BYTES = 200  # a temp name must fit in 255 bytes
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


class TargetExistsError(DraftError):
    """exclusive=True and the target exists (or appeared while writing)."""


def atomic_write(path: str | os.PathLike[str], data: bytes, exclusive: bool = False,
                 durable: bool = True) -> os.stat_result:
    """Write data to path atomically: a crash at any moment leaves the old file or the new one, whole.

    Returns the status of the written file. Raises DraftError (TargetExistsError when exclusive and the
    target exists); the old file is then untouched and no temp file is left. durable=False skips the
    fsyncs (a lock file need not survive a power cut; it must not slow the window's start).
    """
    path = Path(path)
    target = real_path(path)
    folder = target.parent
    tmp = None
    try:
        existing = _existing(target, path, exclusive)
        fd, tmp = _create_temp(folder, target.name)
        try:
            if existing is not None:
                _copy_permissions(fd, tmp, existing)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if durable:
                os.fsync(fd)
            written = os.fstat(fd)
        finally:
            os.close(fd)
        if exclusive:
            _link_exclusive(tmp, target, path)
        else:
            os.replace(tmp, target)
        tmp = None
        if durable:
            _fsync_dir(folder)
    except OSError as exc:
        raise DraftError(describe_os_error(exc, path)) from None
    finally:
        if tmp is not None:
            remove_file(tmp)
    clean_stale_temps(folder, target.name)
    return written


def atomic_write_text(path: str | os.PathLike[str], text: str, exclusive: bool = False,
                      durable: bool = True) -> os.stat_result:
    """atomic_write of text as UTF-8; a character UTF-8 cannot hold is a DraftError, nothing is written."""
    return atomic_write(path, encode_utf8(text, path), exclusive, durable)


def encode_utf8(text: str, path: str | os.PathLike[str]) -> bytes:
    """text as UTF-8; DraftError naming the first character UTF-8 cannot hold (a lone surrogate)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = describe_char(exc.object[exc.start])
        raise DraftError(f"无法保存到“{show_path(path)}”：内容中含有{bad}，无法写入文件。原文件未被改动。") from None


def _existing(target: Path, path: Path, exclusive: bool) -> os.stat_result | None:
    """The status of the file to be replaced, None when there is none; refuses what must not be replaced."""
    try:
        status = os.stat(target)  # a symbolic-link loop fails here (ELOOP): told, nothing written
    except FileNotFoundError:
        return None
    if exclusive:
        raise TargetExistsError(f"“{show_path(path)}”已存在，未覆盖")
    if stat.S_ISDIR(status.st_mode):
        raise DraftError(f"无法保存到“{show_path(path)}”：这是一个文件夹")
    if not stat.S_ISREG(status.st_mode):
        raise DraftError(f"无法保存到“{show_path(path)}”：这不是普通文件（可能是设备或管道），未覆盖")
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise DraftError(f"无法保存到“{show_path(path)}”：文件是只读的，未覆盖。"
                         "请先取消文件的只读属性，或另存为其他文件名。")
    return status


def _temp_stem(name: str) -> str:
    """The target's name as it starts our temp names, cut to fit the file-name limit."""
    raw = name.encode("utf-8", "surrogateescape")
    if len(raw) <= _STEM_BYTES:
        return name
    return raw[:_STEM_BYTES].decode("utf-8", "ignore")


def _create_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new empty temp file beside the target, created with mode 0666 so that the umask applies."""
    stem = _temp_stem(name)
    for _ in range(100):
        token = "".join(_TOKEN_CHARS[b % len(_TOKEN_CHARS)] for b in os.urandom(8))  # (secrets: slower import)
        tmp = folder / f".{stem}.{token}.tmp"
        try:
            return os.open(tmp, _CREATE, 0o666), tmp
        except FileExistsError:
            continue
    raise OSError(17, "no free temp name")


def _copy_permissions(fd: int, tmp: Path, existing: os.stat_result) -> None:
    """The replaced file's mode (and owner, where allowed) go to its successor."""
    mode = stat.S_IMODE(existing.st_mode)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        else:  # pragma: no cover - Windows: only the read-only flag exists, and the target is writable
            os.chmod(tmp, mode)
    except OSError:
        pass
    if hasattr(os, "fchown"):
        mine = os.fstat(fd)
        if (mine.st_uid, mine.st_gid) != (existing.st_uid, existing.st_gid):
            try:
                os.fchown(fd, existing.st_uid, existing.st_gid)
                os.fchmod(fd, mode)  # chown clears set-id bits
            except OSError:
                pass


def _link_exclusive(tmp: Path, target: Path, path: Path) -> None:
    """Put the finished temp file in place only if the target does not exist (no window for a race)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise TargetExistsError(f"“{show_path(path)}”已存在，未覆盖") from None
    except OSError:  # no hard links here (FAT, some network shares): claim the name, then replace
        try:
            os.close(os.open(target, _CREATE, 0o666))
        except FileExistsError:
            raise TargetExistsError(f"“{show_path(path)}”已存在，未覆盖") from None
        os.replace(tmp, target)
        return
    remove_file(tmp)


def clean_stale_temps(folder: Path, name: str | None = None, suffix: str = "") -> int:
    """Remove temp files a killed writer left in folder: ours only (our name pattern, for the target name
    given, or any name ending in suffix; a regular file of this user) and only when older than
    STALE_TEMP_SECONDS. Best effort; returns how many were removed."""
    prefix = f".{_temp_stem(name)}." if name is not None else "."
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        base = entry.name
        if not base.startswith(prefix) or not base.endswith(".tmp"):
            continue
        rest = base[len(prefix):]
        if name is not None:
            if not _TOKEN.fullmatch(rest):
                continue
        elif not (_TOKEN.fullmatch(rest[-12:]) and rest[:-13].endswith(suffix) and rest[-13:-12] == "."):
            continue
        try:
            status = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(status.st_mode) or now - status.st_mtime < STALE_TEMP_SECONDS:
                continue
            if hasattr(os, "geteuid") and status.st_uid != os.geteuid():
                continue
            os.unlink(entry.path)
            removed += 1
        except OSError:
            continue
    return removed


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_file(path: str | os.PathLike[str]) -> None:
    """Remove a file if it can be: best effort (gone already, or not removable: nothing is lost by leaving it)."""
    try:
        os.unlink(path)
    except OSError:
        pass


def describe_os_error(exc: OSError, path: str | os.PathLike[str]) -> str:
    """The message for an OSError met while saving to path: the reason in Chinese, the old file untouched."""
    return f"无法保存到“{show_path(path)}”：{os_reason(exc, writing=True)}。原文件未被改动。"

"""Atomic file writes: temp file in the same folder, flush, fsync, replace; OS errors as clear messages."""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from .errors import DraftError


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file in the target folder, flush, fsync, replace, fsync the folder. Raises DraftError."""
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            try:
                os.chmod(tmp_name, path.stat().st_mode & 0o7777)
            except OSError:
                pass
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(folder)
    except OSError as exc:
        raise DraftError(describe_os_error(exc, path)) from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


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


def describe_os_error(exc: OSError, path: Path) -> str:
    reasons = {
        errno.ENOSPC: "磁盘空间已满",
        errno.EDQUOT: "磁盘配额已满",
        errno.EACCES: "没有写入权限（文件夹或文件为只读）",
        errno.EPERM: "没有写入权限（文件夹或文件为只读）",
        errno.EROFS: "磁盘为只读",
        errno.ENOENT: "文件夹不存在（可能已被删除或移动，或U盘已拔出）",
        errno.EBUSY: "文件正被其他程序占用",
        errno.ENAMETOOLONG: "文件名过长",
        errno.EISDIR: "这是一个文件夹",
    }
    if isinstance(exc, PermissionError) and os.name == "nt":
        reason = "没有写入权限，或文件正被其他程序（如 WPS、Word）打开"
    else:
        reason = reasons.get(exc.errno or 0, exc.strerror or "未知错误")
    return f"无法保存到“{path}”：{reason}。原文件未被改动。"

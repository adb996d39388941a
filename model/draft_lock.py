"""The lock file beside a draft open in a window: who has it open (process, computer, user, since when).

The lock is `.~lock.<draft name>#` in the draft's folder (the convention of LibreOffice), a small JSON
document created exclusively (a finished file hard-linked into place, so it is never seen half written).
A lock whose process no longer runs on this computer is stale and taken over; a lock from another
computer (a shared folder) cannot be checked and is reported as it is. Locks advise: the clerk told that a
draft is open elsewhere may still open it (saving over a changed file then asks first).
"""
from __future__ import annotations

import atexit
import json
import os
import time
from datetime import datetime
from pathlib import Path

from .atomic import TargetExistsError, atomic_write_text, remove_file
from .errors import DraftError
from .file_read import read_regular_file, real_path
from .frozen import frozen
from .processes import pid_alive
from .version import APP_ID

MAX_LOCK_BYTES = 4096
UNREADABLE_GRACE_SECONDS = 10  # a lock that cannot be read yet may be being written (no hard links there)
_HELD: dict[str, str] = {}  # lock files this process holds: path -> token


def lock_path(draft: str | os.PathLike[str]) -> Path:
    """Where the lock of a draft lives: beside the file the path names (links followed)."""
    real = real_path(draft)
    return real.parent / f".~lock.{real.name}#"


@frozen
class LockInfo:
    """Who holds a lock."""

    pid: int
    host: str
    user: str
    since: str  # ISO time, seconds
    token: str = ""

    def on_this_computer(self) -> bool:
        return self.host == this_host()

    def in_this_process(self) -> bool:
        return self.on_this_computer() and self.pid == os.getpid()

    def is_stale(self) -> bool:
        """Its process is gone (only knowable on this computer)."""
        if not self.on_this_computer():
            return False
        if self.pid == os.getpid():
            return self.token not in _HELD.values()  # our pid, but not one of our windows: a recycled pid
        return not pid_alive(self.pid)

    def describe(self) -> str:
        """In Chinese, for the clerk: where the draft is open."""
        since = self.since.replace("T", " ")
        if not self.pid:
            return "另一个窗口（正在打开这份草稿）"
        if self.in_this_process():
            return f"本程序的另一个窗口（自 {since} 起）"
        if self.on_this_computer():
            return f"本机的另一个窗口（用户 {self.user}，进程 {self.pid}，自 {since} 起）"
        return f"计算机“{self.host}”上的窗口（用户 {self.user}，自 {since} 起）"


class DraftLock:
    """A lock this process holds; release() removes the file if it is still ours."""

    def __init__(self, file: Path, info: LockInfo) -> None:
        self.file = file
        self.info = info

    def release(self) -> None:
        _HELD.pop(str(self.file), None)
        holder = read_lock(self.file)
        if holder is not None and holder.token == self.info.token:
            remove_file(self.file)


def acquire(draft: str | os.PathLike[str]) -> tuple[DraftLock | None, LockInfo | None]:
    """Lock a draft for this window.

    (lock, None): this window holds it now (a stale lock was taken over). (None, holder): another window or
    program has it open. (None, None): no lock can be made here (a read-only folder, a CD): go without.
    """
    file = lock_path(draft)
    mine = LockInfo(os.getpid(), this_host(), this_user(), datetime.now().isoformat(timespec="seconds"),
                    os.urandom(8).hex())
    text = json.dumps({"app": APP_ID, "pid": mine.pid, "host": mine.host, "user": mine.user,
                       "since": mine.since, "token": mine.token}, ensure_ascii=False)
    for _attempt in range(3):
        try:
            atomic_write_text(file, text, exclusive=True, durable=False)
        except TargetExistsError:
            holder = read_lock(file)
            if holder is None:
                if _age(file) < UNREADABLE_GRACE_SECONDS:
                    return None, LockInfo(0, "", "", "")  # being written by someone else just now
                _remove_if_unchanged(file, None)
            elif holder.is_stale():
                _remove_if_unchanged(file, holder)
            else:
                return None, holder
            continue
        except DraftError:
            return None, None
        _HELD[str(file)] = mine.token
        return DraftLock(file, mine), None
    return None, None


@atexit.register
def _release_all() -> None:
    """A process ending without closing its windows (but not killed) leaves no lock behind."""
    for name, token in list(_HELD.items()):
        DraftLock(Path(name), LockInfo(0, "", "", "", token)).release()


def read_lock(file: Path) -> LockInfo | None:
    """The holder named in a lock file; None when it is missing or unreadable."""
    try:
        doc = json.loads(read_regular_file(file, MAX_LOCK_BYTES, "锁文件").data.decode("utf-8"))
        return LockInfo(int(doc["pid"]), str(doc["host"]), str(doc["user"]), str(doc["since"]),
                        str(doc.get("token", "")))
    except (DraftError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _remove_if_unchanged(file: Path, holder: LockInfo | None) -> None:
    """Remove a stale lock, unless someone replaced it meanwhile with a live one."""
    if read_lock(file) == holder:
        remove_file(file)


def _age(file: Path) -> float:
    try:
        return time.time() - os.stat(file).st_mtime
    except OSError:
        return UNREADABLE_GRACE_SECONDS


def this_host() -> str:
    """The name of this computer, as a lock names where a draft is open."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "")  # pragma: no cover - Windows


def this_user() -> str:
    """The login name (as getpass.getuser finds it, without importing getpass at start-up)."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if os.environ.get(name):
            return os.environ[name]
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError, OSError):
        return "?"

"""Crash recovery: autosaved copies of open drafts in the user's application-data folder."""
from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from .draft import atomic_write, report_from_dict, report_to_dict
from .errors import DraftError
from .frozen import frozen
from .report import Report

MARKER = "gov-info-disclosure-annual-report-recovery"
VERSION = 1


@frozen
class RecoveryEntry:
    """One autosaved draft left behind by a session that did not close cleanly."""

    path: Path
    draft_path: Path | None
    unit_name: str
    year: int
    saved_at: datetime
    problem: str = ""  # why it cannot be restored ("" when it can)

    def describe(self) -> str:
        name = self.draft_path.name if self.draft_path else "未保存的新报告"
        when = self.saved_at.strftime("%Y-%m-%d %H:%M:%S")
        return f"{self.unit_name or '（未填单位）'} {self.year}年（{name}），自动保存于 {when}"


def new_session_id() -> str:
    """A random (version 4) UUID as 32 hex digits, as uuid.uuid4().hex (importing uuid costs start-up time)."""
    value = int.from_bytes(os.urandom(16), "big")
    value = value & ~(0xC000 << 48) | 0x8000 << 48  # RFC 4122 variant
    value = value & ~(0xF000 << 64) | 4 << 76  # version 4
    return f"{value:032x}"


class RecoveryStore:
    """A folder of recovery files, one per open window session, named by the session id."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def file_for(self, session_id: str) -> Path:
        return self.folder / f"{session_id}.recovery.json"

    def write(self, session_id: str, report: Report, draft_path: Path | None) -> Path:
        """Autosave the current state (atomic); never touches the draft itself."""
        self.folder.mkdir(parents=True, exist_ok=True)
        doc = {
            "marker": MARKER, "version": VERSION, "pid": os.getpid(),
            "draft_path": str(draft_path) if draft_path else None,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "draft": report_to_dict(report),
        }
        target = self.file_for(session_id)
        atomic_write(target, json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        return target

    def remove(self, session_id: str) -> None:
        _unlink(self.file_for(session_id))

    def pending(self) -> list[RecoveryEntry]:
        """Recovery files whose session is no longer running, newest first."""
        if not self.folder.is_dir():
            return []
        entries = []
        for path in self.folder.glob("*.recovery.json"):
            entry = self._entry(path)
            if entry is not None:
                entries.append(entry)
        return sorted(entries, key=lambda e: e.saved_at, reverse=True)

    def restore(self, entry: RecoveryEntry) -> Report:
        try:
            doc = json.loads(entry.path.read_text("utf-8"))
            return report_from_dict(doc["draft"])
        except (OSError, ValueError, KeyError, TypeError, DraftError) as exc:
            message = exc.message if isinstance(exc, DraftError) else str(exc)
            raise DraftError(f"自动保存的副本无法恢复：{message}") from None

    def discard(self, entry: RecoveryEntry) -> None:
        _unlink(entry.path)

    def _entry(self, path: Path) -> RecoveryEntry | None:
        try:
            doc = json.loads(path.read_text("utf-8"))
            if not isinstance(doc, dict) or doc.get("marker") != MARKER:
                raise ValueError("not a recovery file")
            pid = doc.get("pid")
            if isinstance(pid, int) and pid != os.getpid() and pid_alive(pid):
                return None  # another running window owns it
            draft = doc["draft"]
            saved_at = datetime.fromisoformat(doc["saved_at"])
            draft_path = Path(doc["draft_path"]) if doc.get("draft_path") else None
            problem = ""
            try:
                report_from_dict(draft)
            except DraftError as exc:
                problem = exc.message
            return RecoveryEntry(path, draft_path, str(draft.get("unit_name", "")),
                                 int(draft.get("year", 0)), saved_at, problem)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            try:
                saved_at = datetime.fromtimestamp(path.stat().st_mtime)
            except OSError:
                return None
            return RecoveryEntry(path, None, "", 0, saved_at, f"自动保存的副本已损坏（{exc}）")


def pid_alive(pid: int) -> bool:
    """Whether a process with this id is running (best effort, both Windows and POSIX)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))  # type: ignore[attr-defined]
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _not_zombie(pid)


def _not_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().split(b") ", 1)[1][:1] != b"Z"
    except (OSError, IndexError):
        return True


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass

"""Crash recovery: autosaved copies of open drafts in the user's application-data folder."""
from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from .atomic import atomic_write_text, clean_stale_temps, remove_file
from .draft import MAX_FILE_BYTES, report_from_dict, report_to_dict, strict_json
from .errors import DraftError
from .file_read import read_regular_file, show_path
from .frozen import frozen
from .os_errors import os_reason
from .processes import pid_alive
from .report import Report

MARKER = "gov-info-disclosure-annual-report-recovery"
VERSION = 1
SUFFIX = ".recovery.json"


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
        return self.folder / f"{session_id}{SUFFIX}"

    def write(self, session_id: str, report: Report, draft_path: Path | None) -> Path:
        """Autosave the current state (atomic); never touches the draft itself. Raises DraftError."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DraftError(f"无法建立自动保存文件夹“{show_path(self.folder)}”：{os_reason(exc, writing=True)}") from None
        doc = {
            "marker": MARKER, "version": VERSION, "pid": os.getpid(),
            "draft_path": str(draft_path) if draft_path else None,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "draft": report_to_dict(report),
        }
        target = self.file_for(session_id)
        atomic_write_text(target, json.dumps(doc, ensure_ascii=False))
        return target

    def remove(self, session_id: str) -> None:
        remove_file(self.file_for(session_id))  # (one left behind only offers recovery once too often)

    def pending(self) -> list[RecoveryEntry]:
        """Recovery files whose session is no longer running, newest first."""
        if not self.folder.is_dir():
            return []
        clean_stale_temps(self.folder, suffix=SUFFIX)  # left by a session killed while autosaving
        entries = []
        for path in self.folder.glob(f"*{SUFFIX}"):
            entry = self._entry(path)
            if entry is not None:
                entries.append(entry)
        return sorted(entries, key=lambda e: e.saved_at, reverse=True)

    def restore(self, entry: RecoveryEntry) -> Report:
        try:
            return report_from_dict(_read(entry.path)["draft"])
        except (ValueError, KeyError, TypeError, RecursionError, DraftError) as exc:
            message = exc.message if isinstance(exc, DraftError) else "文件内容不完整或已损坏"
            raise DraftError(f"自动保存的副本无法恢复：{message}") from None

    def discard(self, entry: RecoveryEntry) -> None:
        remove_file(entry.path)

    def _entry(self, path: Path) -> RecoveryEntry | None:
        try:
            doc = _read(path)
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
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError, DraftError) as exc:
            try:
                saved_at = datetime.fromtimestamp(path.stat().st_mtime)
            except OSError:
                return None
            why = exc.message if isinstance(exc, DraftError) else "内容不完整或不是恢复文件"
            return RecoveryEntry(path, None, "", 0, saved_at, f"自动保存的副本已损坏（{why}）")


def _read(path: Path):
    """A recovery file's JSON (DraftError when it cannot be read; ValueError when it is not JSON)."""
    return strict_json(read_regular_file(path, MAX_FILE_BYTES, "恢复文件").data.decode("utf-8"))

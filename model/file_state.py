"""What a draft file looked like when it was opened or saved, to notice a change made since by someone else."""
from __future__ import annotations

import os
import zlib
from pathlib import Path

from .errors import DraftError
from .file_read import read_regular_file
from .frozen import frozen


@frozen
class FileState:
    """Size, modification time and content checksum of a file at one moment.

    CRC-32 (zlib, already loaded at start-up; hashlib's OpenSSL costs ~2 ms more) is enough here: it is only
    consulted when size or time differ, and it tells a change, not an attack, apart from a mere touch.
    """

    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of(cls, data: bytes, status: os.stat_result) -> FileState:
        return cls(len(data), status.st_mtime_ns, _digest(data))


def changed_since(path: str | os.PathLike[str], state: FileState, max_bytes: int) -> bool:
    """Whether the file at path now holds other content than it did in state.

    Same size and modification time: unchanged (no read). Otherwise the content decides (a file touched
    or copied back unchanged is not a change). A file that is gone is not reported as changed: there is
    nothing on disk to lose; writing tells what else is wrong.
    """
    try:
        status = os.stat(Path(path))
    except OSError:
        return False
    if status.st_size == state.size and status.st_mtime_ns == state.mtime_ns:
        return False
    try:
        content = read_regular_file(path, max_bytes)
    except DraftError:  # (too large to read, or not a regular file any more: a change of size is a change)
        return status.st_size != state.size
    return len(content.data) != state.size or _digest(content.data) != state.digest


def _digest(data: bytes) -> str:
    return f"crc32:{zlib.crc32(data):08x}"

"""Optional blocks of a schema-2 draft beyond the report's own fields: one key, a writer and a reader each.

A feature that keeps its data in the draft (last year's figures, printed totals, explained warnings, the
sources of a 汇总) adds one DraftBlock to BLOCKS; its writer and reader live beside the feature. The writer
returns the block's JSON value, or None when there is nothing to keep (the key is then left out). The reader
gets the loaded JSON value and the report read so far, validates the value (raising DraftError naming the
place inside the block) and attaches it to the report. docs/draft-format.md documents every block.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .frozen import frozen


@frozen
class DraftBlock:
    key: str  # top-level key in the draft
    title: str  # its Chinese name in messages
    write: Callable[[Any], Any]  # report -> JSON value or None
    read: Callable[[Any, Any], None]  # (JSON value, report) -> None; raises DraftError


BLOCKS: tuple[DraftBlock, ...] = ()


def block(key: str) -> DraftBlock | None:
    return next((b for b in BLOCKS if b.key == key), None)

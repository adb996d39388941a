"""Optional blocks of a schema-2 draft beyond the report's own fields: one key, a writer and a reader each.

A feature that keeps its data in the draft (last year's figures, the cells carried from it, printed totals, explained warnings, the
sources of a 汇总) defines a module-level DRAFT_BLOCK = DraftBlock(...) in its own model module and names that
module in BLOCK_MODULES. The writer returns the block's JSON value, or None when there is nothing to keep (the
key is then left out). The reader gets the loaded JSON value and the report read so far, validates the value
(raising DraftError naming the place inside the block) and attaches it to the report. Blocks are read in
the order of BLOCK_MODULES, after the report's own fields. docs/draft-format.md documents every block.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from .frozen import frozen


@frozen
class DraftBlock:
    key: str  # top-level key in the draft
    title: str  # its Chinese name in messages
    write: Callable[[Any], Any]  # report -> JSON value or None
    read: Callable[[Any, Any], None]  # (JSON value, report) -> None; raises DraftError


# modules defining DRAFT_BLOCK, imported on first use (they may import the draft module themselves)
BLOCK_MODULES: tuple[str, ...] = ("model.last_year_block", "model.carried_marks", "model.explanations",
                                  "model.printed_totals", "model.aggregate_record")
_BLOCKS: list[DraftBlock] = []


def blocks() -> tuple[DraftBlock, ...]:
    if len(_BLOCKS) != len(BLOCK_MODULES):
        _BLOCKS[:] = [importlib.import_module(name).DRAFT_BLOCK for name in BLOCK_MODULES]
    return tuple(_BLOCKS)

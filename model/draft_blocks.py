"""Optional blocks of a schema-2 draft beyond the report's own fields: one key, a writer and a reader each.

A feature that keeps its data in the draft (last year's figures, the cells carried from it, printed totals,
explained warnings, the sources of a 汇总) defines a module-level DRAFT_BLOCK = DraftBlock(...) in its own model
module and adds its key and that module to BLOCK_MODULES. The writer returns the block's JSON value, or None when
there is nothing to keep (the key is then left out). The reader gets the loaded JSON value and the report read so
far, validates the value (raising DraftError naming the place inside the block; model/draft_values.py checks
objects, keys, texts and numbers and shows values as every reader does) and attaches it to the report. Blocks are
read in the order of BLOCK_MODULES, after the report's own fields. A block's module is imported when a draft read
has its key, or when a draft is written (opening a draft without blocks imports none: start-up time).
docs/draft-format.md documents every block.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from .frozen import frozen


@frozen
class DraftBlock:
    """One optional block of a draft: its key, its writer and its reader."""

    key: str  # top-level key in the draft
    write: Callable[[Any], Any]  # report -> JSON value or None
    read: Callable[[Any, Any], None]  # (JSON value, report) -> None; raises DraftError


# the blocks' keys in the draft → the modules defining them (imported on first use: they may import the draft
# module themselves); a module's DRAFT_BLOCK has the key it is listed under
BLOCK_MODULES: dict[str, str] = {
    "last_year": "model.last_year_block",
    "carried": "model.carried_marks",
    "explanations": "model.explanations",
    "printed_totals": "model.printed_totals",
    "aggregate": "model.aggregate_record",
}


def block(key: str) -> DraftBlock:
    """The block kept under key (one of BLOCK_MODULES)."""
    return importlib.import_module(BLOCK_MODULES[key]).DRAFT_BLOCK


def blocks() -> tuple[DraftBlock, ...]:
    """Every block, in the order of BLOCK_MODULES."""
    return tuple(block(key) for key in BLOCK_MODULES)

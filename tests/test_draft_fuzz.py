"""Property-based: whatever bytes or JSON reach the loader, only DraftError comes out."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.draft import dumps, parse_draft
from model.errors import DraftError
from model.report import Report

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-10**12, max_value=10**12)
    | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=30,
)

SAMPLE_DOC = json.loads(dumps(Report.for_year(2019, "镇")))
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_draft_error(data: bytes) -> None:
    try:
        parse_draft(data)
    except DraftError as exc:
        assert exc.message  # always a message for the clerk


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    load_or_draft_error(data)


@FUZZ
@given(json_values)
def test_random_json(value):
    load_or_draft_error(json.dumps(value).encode("utf-8"))


def _paths(doc, trail=()):
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield trail + (key,)
            yield from _paths(value, trail + (key,))


PATHS = list(_paths(SAMPLE_DOC))


@FUZZ
@given(st.sampled_from(PATHS), json_values, st.booleans())
def test_valid_draft_with_one_part_replaced_or_removed(path, value, remove):
    doc = json.loads(json.dumps(SAMPLE_DOC))
    node = doc
    for key in path[:-1]:
        node = node[key]
    if remove:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    load_or_draft_error(json.dumps(doc).encode("utf-8"))


@FUZZ
@given(st.integers(min_value=0, max_value=len(json.dumps(SAMPLE_DOC))), st.binary(max_size=8))
def test_valid_draft_cut_or_corrupted(cut, junk):
    data = json.dumps(SAMPLE_DOC, ensure_ascii=False).encode("utf-8")
    load_or_draft_error(data[:cut] + junk)

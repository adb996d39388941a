"""Property-based: damaged Word and PDF files, and damaged document XML, give a report or one refusal message."""
from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_support import clerk_docx

from export import pdf_bytes
from importer import import_file
from model.errors import ImportRefused
from model.report import Report

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])
REPORT = Report.for_year(2021, "测试县教育局")
DOCX = clerk_docx(REPORT)
PDF = pdf_bytes(REPORT)
with zipfile.ZipFile(io.BytesIO(DOCX)) as _zf:
    XML = _zf.read("word/document.xml")


def import_or_refusal(tmp_path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        result = import_file(path)
    except ImportRefused as exc:
        assert exc.message and "\n" not in exc.message
    else:
        assert result.report.format.id == "2021"


def damaged(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for position, value in edits:
        out[position % len(out)] = value
    return bytes(out)


EDITS = st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), min_size=1,
                 max_size=20)


@FUZZ
@given(EDITS)
def test_damaged_docx_bytes(tmp_path, edits):
    import_or_refusal(tmp_path, "d.docx", damaged(DOCX, edits))


@FUZZ
@given(EDITS)
def test_damaged_document_xml(tmp_path, edits):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", damaged(XML, edits))
    import_or_refusal(tmp_path, "x.docx", buffer.getvalue())


@FUZZ
@given(EDITS)
def test_damaged_pdf_bytes(tmp_path, edits):
    import_or_refusal(tmp_path, "p.pdf", damaged(PDF, edits))


@FUZZ
@given(st.integers(min_value=1, max_value=len(DOCX) - 1))
def test_truncated_docx(tmp_path, size):
    import_or_refusal(tmp_path, "t.docx", DOCX[:size])


@pytest.mark.parametrize("size", [100, 5000, len(PDF) // 2, len(PDF) - 200])
def test_truncated_pdf(tmp_path, size):
    import_or_refusal(tmp_path, "t.pdf", PDF[:size])

"""Exporting to files: suffix choice, atomic writes, characters no font has, error count, the CLI."""
from __future__ import annotations

import errno
import os
import subprocess

import pytest

from conftest import run_main
from export import ExportOptions, export_report
from model.errors import ReportError


@pytest.mark.parametrize("suffix, magic", [(".pdf", b"%PDF-"), (".docx", b"PK\x03\x04"), (".PDF", b"%PDF-")])
def test_export_chooses_format_by_suffix(sample_report, tmp_path, suffix, magic):
    out = tmp_path / f"报告{suffix}"
    export_report(sample_report, out)
    assert out.read_bytes().startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left


def test_other_suffix_is_refused_in_chinese(sample_report, tmp_path):
    with pytest.raises(ReportError, match=r"\.docx.*\.pdf"):
        export_report(sample_report, tmp_path / "报告.txt")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_character_in_no_font_is_named_and_nothing_written(sample_report, tmp_path, suffix):
    sample_report.set_text("other", "无\ue000其他事项\U000f0001")
    out = tmp_path / f"r{suffix}"
    with pytest.raises(ReportError) as caught:
        export_report(sample_report, out)
    assert "U+E000" in caught.value.message and "U+F0001" in caught.value.message
    assert "无法导出" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_character_missing_from_the_only_font_is_an_error(sample_report, tmp_path):
    sample_report.set_field("unit_name", "堃镇人民政府")  # 堃 is outside GB2312, so not in the shipped font
    with pytest.raises(ReportError, match="堃"):
        export_report(sample_report, tmp_path / "r.pdf", ExportOptions(system_fonts=False))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_write_failure_leaves_no_file(sample_report, tmp_path, monkeypatch, suffix):
    out = tmp_path / f"r{suffix}"
    real_fsync = os.fsync

    def full_disk(fd):
        real_fsync(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ReportError, match="磁盘空间已满"):
        export_report(sample_report, out)
    assert list(tmp_path.iterdir()) == []


def test_write_failure_keeps_the_old_file(sample_report, tmp_path, monkeypatch):
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")

    def refuse(*_args):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ReportError):
        export_report(sample_report, out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_missing_folder_is_a_clear_error(sample_report, tmp_path):
    with pytest.raises(ReportError, match="文件夹不存在"):
        export_report(sample_report, tmp_path / "gone" / "r.pdf")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return run_main(*args, env={"PYTHONIOENCODING": "utf-8"})


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_cli_export_ok(sample_path, tmp_path, suffix):
    out = tmp_path / f"报告{suffix}"
    result = run_cli("export", str(sample_path), "--to", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000 and str(out) in result.stdout


def test_cli_export_failures_exit_2_with_reason(sample_path, tmp_path):
    result = run_cli("export", str(sample_path), "--to", str(tmp_path / "报告.txt"))
    assert result.returncode == 2 and "文件扩展名应为" in result.stderr
    result = run_cli("export", str(tmp_path / "无此文件.gkbg.json"), "--to", str(tmp_path / "a.pdf"))
    assert result.returncode == 2 and "找不到文件" in result.stderr
    result = run_cli("export", str(sample_path), "--to", str(tmp_path / "gone" / "a.pdf"))
    assert result.returncode == 2 and "文件夹不存在" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == []


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_cli_unexpected_renderer_failure_is_a_chinese_message(sample_path, tmp_path, monkeypatch, capsys, suffix):
    import export.docx_render as docx_render
    import export.pdf_render as pdf_render
    import main

    def broken(*_args, **_kwargs):
        raise TypeError("'>' not supported between instances of 'NoneType' and 'float'")

    monkeypatch.setattr(pdf_render, "render_pdf", broken)
    monkeypatch.setattr(docx_render, "render_docx", broken)
    assert main.main(["export", str(sample_path), "--to", str(tmp_path / f"报告{suffix}")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：生成") and "意外错误" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_cli_exports_the_largest_draft(tmp_path, suffix):
    """9-digit values in every cell, a 100-character unit, 20,000-character sections: exported, not refused."""
    from export_drafts import nine_digit_report

    from model.draft import save_draft

    draft = tmp_path / "最大.gkbg.json"
    save_draft(nine_digit_report(2023, with_texts=True), draft)
    out = tmp_path / f"最大{suffix}"
    result = run_cli("export", str(draft), "--to", str(out))
    assert result.returncode == 0, result.stderr
    if suffix == ".pdf":
        from pypdf import PdfReader

        assert len(PdfReader(out).pages) > 50
    else:
        from docx import Document

        assert len(Document(str(out)).paragraphs) > 100

"""Bad input: each file is refused with one clear Chinese message (exit 2), bounded in memory, nothing written."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import run_main
from hostile_documents import body, bomb, docx_with, drawn_pdf, minimal_pdf, para, table_pdf
from import_support import DocxBuilder, Style, clerk_docx

from importer import import_file
from importer.guard import xml_parser
from main import main
from model.errors import ImportRefused, ReportError
from model.report import Report

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path, *fragments: str) -> str:
    with pytest.raises(ImportRefused) as info:
        import_file(path)
    message = info.value.message
    for fragment in fragments:
        assert fragment in message, message
    assert "\n" not in message and "Traceback" not in message
    return message


# ---------------------------------------------------------------- not a Word document at all


def test_not_a_zip(tmp_path):
    refused(write(tmp_path, "报告.docx", b"\x00\x01 just some bytes " * 50), "“报告.docx”不是 Word 文档（.docx）或 PDF 文件")


@pytest.fixture(scope="module")
def word97(tmp_path_factory) -> bytes:
    """A real Word 97 (.doc) file, made by LibreOffice from a report."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("doc")
    docx = folder / "src.docx"
    docx.write_bytes(clerk_docx(Report.for_year(2019, "火花镇人民政府")))
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc",
                    "--outdir", str(folder), str(docx)], check=True, capture_output=True, timeout=180,
                   env={**os.environ, "HOME": str(folder)})
    return (folder / "src.doc").read_bytes()


@pytest.mark.parametrize("name", ["报告.doc", "报告.wps", "报告.docx"])
def test_old_word_or_wps_file(name, tmp_path, word97):
    """A real Word 97 file, also renamed .wps (WPS's own format is the same kind of file) or .docx."""
    refused(write(tmp_path, name, word97), "旧版 Word（.doc）或 WPS（.wps）格式",
            "请在 Word/WPS 中打开后“另存为”Word 文档（.docx）再导入")


def test_rtf_and_web_pages_saved_as_doc(tmp_path):
    refused(write(tmp_path, "a.doc", rb"{\rtf1\ansi hello}"), "RTF 格式", "另存为")
    refused(write(tmp_path, "b.doc", b"<html><body>report</body></html>"), "网页", "另存为")


def test_spreadsheets_and_other_zips(tmp_path):
    refused(write(tmp_path, "a.docx", _zip({"xl/workbook.xml": b"<x/>"})), "Excel")
    refused(write(tmp_path, "b.pptx", _zip({"ppt/presentation.xml": b"<x/>"})), "PowerPoint")
    refused(write(tmp_path, "c.odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.text"})), "ODF", "另存为")
    refused(write(tmp_path, "d.docx", _zip({"readme.txt": b"hello"})), "不是 Word 文档")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def test_empty_missing_and_folder(tmp_path):
    refused(write(tmp_path, "empty.docx", b""), "空文件")
    refused(tmp_path / "nowhere.pdf", "找不到文件")
    refused(tmp_path, "是文件夹")


def test_damaged_zip(tmp_path, sample_report):
    data = clerk_docx(sample_report)
    refused(write(tmp_path, "cut.docx", data[: len(data) // 2]), "已损坏")


# ---------------------------------------------------------------- encrypted


def test_password_protected_word_file(tmp_path, sample_report):
    from msoffcrypto.format.ooxml import OOXMLFile

    source = write(tmp_path, "plain.docx", clerk_docx(sample_report))
    target = tmp_path / "locked.docx"
    with source.open("rb") as src, target.open("wb") as out:
        OOXMLFile(src).encrypt("123456", out)
    refused(target, "设有打开密码（已加密）", "取消密码")


def test_password_protected_pdf(tmp_path, sample_report):
    from pypdf import PdfWriter

    from export import pdf_bytes

    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes(sample_report)))
    writer.encrypt("123456", "owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    refused(write(tmp_path, "locked.pdf", buffer.getvalue()), "设有打开密码（已加密）")


def test_pdf_with_only_permissions_set_is_read(tmp_path, sample_report):
    """An owner password alone (no printing, say) does not keep the text from being read."""
    from pypdf import PdfWriter

    from export import pdf_bytes

    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes(sample_report)))
    writer.encrypt("", "owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert import_file(write(tmp_path, "limited.pdf", buffer.getvalue())).report.unit_name == "火花镇人民政府"


# ---------------------------------------------------------------- zip bombs and XML tricks


def test_zip_bomb_refused_by_its_declared_size(tmp_path):
    path = write(tmp_path, "bomb.docx", bomb(200 << 20))
    assert path.stat().st_size < 1 << 20
    refused(path, "解压后有200 MB", "恶意构造")


def test_zip_bomb_refused_by_its_ratio(tmp_path):
    refused(write(tmp_path, "ratio.docx", bomb(8 << 20)), "压缩比异常", "压缩炸弹")


def test_zip_member_larger_than_declared(tmp_path, sample_report):
    """Sizes in the zip headers lowered by hand: reading stops at the declared size and the file is refused."""
    data = bytearray(clerk_docx(sample_report))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
        central = zf.start_dir
    small = (1000).to_bytes(4, "little")
    data[info.header_offset + 22: info.header_offset + 26] = small  # local header: uncompressed size
    while data[central: central + 4] == b"PK\x01\x02":  # central directory entries
        name_len, extra_len, comment_len = (int.from_bytes(data[central + k: central + k + 2], "little")
                                            for k in (28, 30, 32))
        if data[central + 46: central + 46 + name_len] == info.filename.encode():
            data[central + 24: central + 28] = small
        central += 46 + name_len + extra_len + comment_len
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        assert zf.getinfo("word/document.xml").file_size == 1000
    refused(write(tmp_path, "lying.docx", bytes(data)), "已损坏")


BILLION_LAUGHS = (b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                  b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')
EXTERNAL = b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y SYSTEM "http://example.invalid/x">]>'


@pytest.mark.parametrize("prolog", [BILLION_LAUGHS, EXTERNAL], ids=["billion-laughs", "external-entity"])
def test_xml_entity_tricks(prolog, tmp_path):
    xml = body(para("某镇2020年政府信息公开工作年度报告") + para("&d;&x;&y;"), prolog)
    refused(write(tmp_path, "entities.docx", docx_with(xml)), "XML 实体定义", "恶意构造")


def test_the_xml_parser_never_expands_entities_or_fetches():
    from lxml import etree

    xml = b'<?xml version="1.0"?>' + EXTERNAL.replace(b"w:document", b"r") + b"<r>&x;&y;</r>"
    root = etree.fromstring(xml, xml_parser())
    assert "root:" not in "".join(root.itertext())  # /etc/passwd was not read
    laughs = etree.fromstring(b'<?xml version="1.0"?>' + BILLION_LAUGHS.replace(b"w:document", b"r") + b"<r>&d;</r>",
                              xml_parser())
    assert len("".join(laughs.itertext())) < 1000


def test_xml_nested_beyond_any_document(tmp_path):
    inner = b"<w:sdt><w:sdtContent>" * 5000 + para("x") + b"</w:sdtContent></w:sdt>" * 5000
    refused(write(tmp_path, "deep.docx", docx_with(body(inner))), "嵌套层次过深")


def test_xml_that_is_not_well_formed(tmp_path):
    refused(write(tmp_path, "broken.docx", docx_with(body(b"<w:p><w:r><w:t>unclosed</w:r></w:p>"))),
            "正文已损坏（XML 格式错误）")


# ---------------------------------------------------------------- far larger than a report


def test_ten_thousand_table_rows(tmp_path):
    rows = b"".join(b"<w:tr><w:tc><w:p><w:r><w:t>%d</w:t></w:r></w:p></w:tc></w:tr>" % i for i in range(10_000))
    xml = body(para("某镇2020年政府信息公开工作年度报告") + b"<w:tbl>" + rows + b"</w:tbl>")
    refused(write(tmp_path, "rows.docx", docx_with(xml)), "表格共有10000行", "不像是一份年度报告")


def test_five_hundred_pages_of_word(tmp_path):
    text = para("某镇政府信息公开工作。" * 40)
    page = text + b'<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    refused(write(tmp_path, "long.docx", docx_with(body(page * 499 + text))), "约有500页", "不像是一份年度报告")


def test_five_hundred_pages_of_pdf(tmp_path):
    path = write(tmp_path, "long.pdf", minimal_pdf(b"0 0 m 10 10 l S", pages=500))
    refused(path, "共有500页", "不像是一份年度报告")


def test_ten_thousand_table_rows_in_a_pdf(tmp_path):
    refused(write(tmp_path, "rows.pdf", table_pdf(10_000)), "共有75页", "不像是一份年度报告")
    # fewer pages, still far more rows than a report: refused after the first few pages
    refused(write(tmp_path, "rows2.pdf", table_pdf(6_000)), "到第3页为止的表格已有402行", "不像是一份年度报告")


def test_pdf_page_that_inflates_beyond_any_page(tmp_path):
    refused(write(tmp_path, "bomb.pdf", minimal_pdf(b" " * (64 << 20))), "第1页的内容解压后过大")


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory read from Linux's /proc")
@pytest.mark.parametrize("case", ["zip-bomb", "rows", "pdf-pages", "pdf-bomb"])
def test_memory_stays_bounded(case, tmp_path):
    """Each refusal in a fresh interpreter: peak memory (imports included) well under 300 MB."""
    makers = {"zip-bomb": lambda: ("b.docx", bomb(400 << 20)),
              "rows": lambda: ("r.docx", docx_with(body(b"<w:tbl>" + b"<w:tr><w:tc><w:p/></w:tc></w:tr>" * 20_000
                                                        + b"</w:tbl>"))),
              "pdf-pages": lambda: ("p.pdf", minimal_pdf(b"0 0 m 10 10 l S", pages=2000)),
              "pdf-bomb": lambda: ("q.pdf", minimal_pdf(b" " * (200 << 20)))}
    name, data = makers[case]()
    path = write(tmp_path, name, data)
    # VmHWM, the peak resident memory of this program since it started (unlike ru_maxrss, which keeps the
    # peak of the forked test process)
    code = ("from importer import import_file\nfrom model.errors import ImportRefused\n"
            f"try:\n    import_file({str(path)!r})\nexcept ImportRefused as e:\n    print('refused', e.message)\n"
            "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("refused")
    assert int(lines[-1]) < 300 * 1024, f"peak memory {int(lines[-1]) // 1024} MB"


# ---------------------------------------------------------------- not a report, or not one we know


def test_a_word_file_that_is_not_a_report(tmp_path):
    b = DocxBuilder()
    b.para("关于召开2023年度安全生产工作会议的通知", "center")
    b.para("各村（社区）：")
    b.para("经研究，定于2024年1月5日召开全镇安全生产工作会议。")
    refused(write(tmp_path, "通知.docx", b.bytes()), "不是政府信息公开工作年度报告")


def test_a_pdf_that_is_not_a_report(tmp_path):
    invoice = drawn_pdf(3, lambda c: c.drawString(72, 720, "Invoice for services rendered in the year 2023."))
    refused(write(tmp_path, "invoice.pdf", invoice), "不是政府信息公开工作年度报告")


def test_a_report_of_an_unknown_year(tmp_path):
    report = Report.for_year(2019, "火花镇人民政府")
    data = clerk_docx(report, Style(title="火花镇人民政府2018年政府信息公开工作年度报告"))
    refused(write(tmp_path, "2018.docx", data), "2018年度的报告", "从2019年度起适用")


def test_a_report_without_any_year(tmp_path):
    b = DocxBuilder()
    b.para("某某镇政府信息公开工作年度报告", "center")
    b.para("一、总体情况")
    b.para("本镇认真落实条例。")
    refused(write(tmp_path, "noyear.docx", b.bytes()), "没有找到报告年度")


def test_a_scanned_pdf(tmp_path):
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    image = ImageReader(Image.new("L", (400, 560), 255))
    scan = drawn_pdf(2, lambda c: c.drawImage(image, 50, 50, 495, 742))
    refused(write(tmp_path, "scan.pdf", scan), "没有文字层（可能是扫描件或图片）")


def test_damaged_pdf(tmp_path):
    refused(write(tmp_path, "junk.pdf", b"%PDF-1.4\n" + os.urandom(2000)), "已损坏")


# ---------------------------------------------------------------- the command line


def test_command_line_exit_2_and_nothing_written(tmp_path, capsys):
    out = tmp_path / "out.gkbg.json"
    bad = write(tmp_path, "报告.docx", b"not a document at all")
    assert main(["import", str(bad), "-o", str(out)]) == 2
    assert not out.exists()
    assert "错误：“报告.docx”不是 Word 文档（.docx）或 PDF 文件，无法导入" in capsys.readouterr().err
    assert main(["import", str(bad), "-o", str(out), "--json"]) == 2
    import json

    answer = json.loads(capsys.readouterr().out)
    assert answer == {"ok": False, "error": "“报告.docx”不是 Word 文档（.docx）或 PDF 文件，无法导入"}
    assert not out.exists()


def test_command_line_keeps_an_existing_draft(tmp_path, sample_report, capsys):
    from model.draft import save_draft

    out = tmp_path / "mine.gkbg.json"
    save_draft(sample_report, out)
    before = out.read_bytes()
    source = write(tmp_path, "ok.docx", clerk_docx(sample_report))
    assert main(["import", str(source), "-o", str(out)]) == 2
    assert "已存在" in capsys.readouterr().err and out.read_bytes() == before


def test_refusals_are_report_errors():
    assert issubclass(ImportRefused, ReportError)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
@pytest.mark.parametrize("make", ["fifo", "zero"])
def test_a_special_file_named_like_a_report_is_refused_at_once(make, tmp_path):
    """A FIFO named report.docx used to block the import forever (the file was opened to sniff it), and a link to
    /dev/zero was read to its size cap: both are refused before anything is read, as drafts are."""
    target = tmp_path / ("report.docx" if make == "fifo" else "report.pdf")
    if make == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    result = run_main("import", target, "-o", tmp_path / "d.gkbg.json", timeout=60)
    assert result.returncode == 2
    assert ("管道（FIFO）" if make == "fifo" else "设备文件") in result.stderr and "不是普通文件" in result.stderr
    assert not (tmp_path / "d.gkbg.json").exists()

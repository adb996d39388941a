"""Bounds and checks before anything is parsed: what kind of file it is, size caps, zip and XML safety."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from model.errors import ImportRefused

MAX_FILE_BYTES = 60 * 1024 * 1024  # a report with photos is a few MB
MAX_XML_BYTES = 25 * 1024 * 1024  # the document part, uncompressed (a report's is about 100 KB)
MAX_RATIO = 200  # uncompressed / compressed; XML compresses about 5–20 times
MAX_ZIP_ENTRIES = 5000
MAX_TABLE_ROWS = 3000  # a report's tables have about 80 rows
MAX_PAGES = 60  # a report has about 5–20 pages
RESAVE = "请在 Word/WPS 中打开后“另存为”Word 文档（.docx）再导入"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W_NAMESPACES = (b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                 b"http://purl.oclc.org/ooxml/wordprocessingml/main")


def sniff(path: Path, data: bytes | None = None) -> tuple[str, bytes]:
    """('docx' or 'pdf' by the file's content, whatever its name; the file's bytes): read once, a regular file
    only (a FIFO or device never blocks or floods), within MAX_FILE_BYTES, unless the caller has read them (data);
    anything else is refused."""
    from model.file_read import FileReadError, read_regular_file

    name = path.name
    if data is None:
        try:
            data = read_regular_file(path, MAX_FILE_BYTES, "Word 或 PDF 文件").data
        except FileReadError as exc:  # missing, a folder, a FIFO or device, unreadable, over MAX_FILE_BYTES
            raise ImportRefused(exc.message) from None
    size = len(data)
    head = data[:2048]
    if size == 0:
        raise ImportRefused(f"“{name}”是空文件")
    if b"%PDF-" in head[:1024]:
        return "pdf", data
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "docx", data
    if head.startswith(_OLE):
        raise ImportRefused(_ole_message(name, data))
    lowered = head.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
    if lowered.startswith(b"{\\rtf"):
        raise ImportRefused(f"“{name}”是 RTF 格式的文件，不能直接导入：{RESAVE}")
    if lowered.startswith((b"<html", b"<!doctype html", b"mime-version", b"<?xml")) or b"<html" in lowered:
        raise ImportRefused(f"“{name}”是网页或 XML 格式的文件（常见于另存为 .doc 的网页），不能直接导入：{RESAVE}")
    if path.suffix.lower() in (".doc", ".wps"):
        raise ImportRefused(f"“{name}”不是能识别的 Word/WPS 文件：{RESAVE}")
    raise ImportRefused(f"“{name}”不是 Word 文档（.docx）或 PDF 文件，无法导入")


def _ole_message(name: str, data: bytes) -> str:
    """An OLE compound file: an encrypted Office document, an old .doc/.wps, or an old spreadsheet."""
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return (f"“{name}”设有打开密码（已加密），无法读取：请在 Word/WPS 中打开，取消密码后"
                f"另存为 .docx 再导入")
    if "WordDocument".encode("utf-16-le") not in data and "Workbook".encode("utf-16-le") in data:
        return f"“{name}”是 Excel/WPS 表格文件，不是年度报告文档"
    return f"“{name}”是旧版 Word（.doc）或 WPS（.wps）格式，不能直接导入：{RESAVE}"


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The .docx as a zip; refused when damaged or holding more parts than any document."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        entries = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise ImportRefused(f"“{name}”已损坏（不是完整的 Word 文档压缩包），无法读取") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        zf.close()
        raise ImportRefused(f"“{name}”包含{len(entries)}个部件，不像是 Word 文档，未导入")
    return zf


def main_part(zf: zipfile.ZipFile, name: str) -> str:
    """The name of the document part (word/document.xml, or what _rels/.rels points to)."""
    names = set(zf.namelist())
    if "word/document.xml" in names:
        return "word/document.xml"
    if "_rels/.rels" in names:
        rels = read_member(zf, "_rels/.rels", name, limit=256 * 1024)
        for match in re.finditer(rb'Target="/?([^"]+)"', rels):
            target = match.group(1).decode("utf-8", "replace")
            if target.endswith(".xml") and target in names and "document" in target.lower():
                return target
    if "xl/workbook.xml" in names:
        raise ImportRefused(f"“{name}”是 Excel 表格文件（.xlsx），不是年度报告文档")
    if "ppt/presentation.xml" in names:
        raise ImportRefused(f"“{name}”是 PowerPoint 演示文稿，不是年度报告文档")
    if "mimetype" in names and b"opendocument.text" in read_member(zf, "mimetype", name, limit=200):
        raise ImportRefused(f"“{name}”是 ODF 文档（.odt），不能直接导入：{RESAVE}")
    if "EncryptedPackage" in names:
        raise ImportRefused(f"“{name}”已加密，无法读取：请在 Word/WPS 中取消密码后另存为 .docx 再导入")
    raise ImportRefused(f"“{name}”是压缩包，但不是 Word 文档（其中没有文档正文），无法导入")


def read_member(zf: zipfile.ZipFile, member: str, name: str, limit: int = MAX_XML_BYTES) -> bytes:
    """A zip member's bytes, after checking its declared size and compression ratio; never more than limit."""
    info = zf.getinfo(member)
    if info.flag_bits & 0x1:
        raise ImportRefused(f"“{name}”已加密，无法读取：请在 Word/WPS 中取消密码后另存为 .docx 再导入")
    if info.file_size > limit:
        raise ImportRefused(f"“{name}”的正文解压后有{info.file_size / 1024 / 1024:.0f} MB，远超年度报告"
                            f"（通常不到 1 MB），可能是恶意构造的文件，未导入")
    if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise ImportRefused(f"“{name}”的压缩比异常（{info.file_size // max(info.compress_size, 1)}倍），"
                            f"可能是恶意构造的“压缩炸弹”文件，未导入")
    try:
        with zf.open(info) as f:
            data = f.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise ImportRefused(f"“{name}”已损坏或使用了不支持的压缩方式，无法读取") from None
    except Exception as exc:  # zlib.error and other decompression failures of a damaged file
        raise ImportRefused(f"“{name}”已损坏，无法读取（{type(exc).__name__}）") from None
    if len(data) > limit:  # the declared size lied
        raise ImportRefused(f"“{name}”的正文比声明的大小更大，可能是恶意构造的文件，未导入")
    return data


_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?tr[\s>/]")
_PAGE_BREAK = re.compile(rb"""type=["']page["']|lastRenderedPageBreak|pageBreakBefore""")
_TEXT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?t(?:\s[^>]*)?>([^<]*)<")
PAGE_TEXT_BYTES = 1800  # a page of 600 Chinese characters in UTF-8


def check_document_xml(data: bytes, name: str) -> None:
    """Refuse, before parsing, XML with a DTD (entity tricks) and documents far larger than any report."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ImportRefused(f"“{name}”的正文含有 XML 实体定义（DOCTYPE/ENTITY），正常的 Word 文档不会有，"
                            f"可能是恶意构造的文件，未导入")
    if not any(ns in data[:4096] for ns in _W_NAMESPACES):
        raise ImportRefused(f"“{name}”的正文不是 Word 文档格式，无法导入")
    rows = len(_ROW.findall(data))
    if rows > MAX_TABLE_ROWS:
        raise ImportRefused(f"“{name}”的表格共有{rows}行，年度报告的表格只有约80行：这不像是一份年度报告，未导入")
    text_bytes = sum(len(t) for t in _TEXT.findall(data))
    pages = max(text_bytes // PAGE_TEXT_BYTES, len(_PAGE_BREAK.findall(data)) + 1)
    if pages > MAX_PAGES:
        raise ImportRefused(f"“{name}”约有{pages}页，年度报告通常不超过30页：这不像是一份年度报告，未导入")


def xml_parser():
    """lxml parser that never resolves entities, loads no DTD and touches no network."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)

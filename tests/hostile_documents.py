"""Word and PDF files built to attack or overload the importer (no tests here): minimal DOCX around any
document XML, zip bombs, PDFs of many pages, huge tables or inflating pages."""
from __future__ import annotations

import io
import zipfile
import zlib


def docx_with(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx around a given word/document.xml."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/content-types"/>')
        zf.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buffer.getvalue()


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def body(inner: bytes, prolog: bytes = b"") -> bytes:
    return b'<?xml version="1.0"?>' + prolog + b"<w:document " + W + b"><w:body>" + inner + b"</w:body></w:document>"


def para(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def minimal_pdf(content: bytes, pages: int = 1, compress: bool = True) -> bytes:
    """A PDF whose every page draws content (FlateDecode when compress), with a correct xref table."""
    stream = zlib.compress(content, 9) if compress else content
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
               + b"] /Count %d >>" % pages,
               (b"<< /Length %d" % len(stream)) + (b" /Filter /FlateDecode" if compress else b"") + b" >>\nstream\n"
               + stream + b"\nendstream"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << >> >>"
                for _ in range(pages)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def drawn_pdf(pages: int, draw) -> bytes:
    """A PDF made with reportlab: draw(canvas) on each page."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    for _ in range(pages):
        draw(c)
        c.showPage()
    c.save()
    return buffer.getvalue()


def bomb(size: int) -> bytes:
    """A .docx whose document part inflates to size bytes of spaces (about 1000:1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("word/document.xml", "w") as f:
            f.write(b'<?xml version="1.0"?><w:document ' + W + b"><w:body>")
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    return buffer.getvalue()


def table_pdf(rows: int) -> bytes:
    """A PDF of one ruled table of rows×4 small cells, over as many pages as it takes (about 130 a page)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    buffer = io.BytesIO()
    data = [[str(i), str(2 * i), str(3 * i), "x"] for i in range(rows)]
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.2, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 4)])
    SimpleDocTemplate(buffer, pagesize=A4, topMargin=10, bottomMargin=10).build(
        [Table(data, rowHeights=[6] * rows, style=style)])
    return buffer.getvalue()
